using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Categories.Commands.DeleteCategory;

/// <summary>Deletes a category no complaint has (If-Match optional). One in use is retired instead (409 saying how many complaints have it).</summary>
public sealed record DeleteCategoryCommand(string Code, uint? ExpectedVersion) : ICommand;

public sealed class DeleteCategoryCommandHandler(IApplicationDbContext db) : ICommandHandler<DeleteCategoryCommand>
{
    public async ValueTask<Unit> Handle(DeleteCategoryCommand command, CancellationToken cancellationToken)
    {
        await db.DeleteTermAsync(db.ComplaintCategories, command.Code, command.ExpectedVersion, "Category", async (category, ct) =>
        {
            var complaints = await db.Complaints.CountAsync(c => c.Category == category.Code, ct);
            if (complaints > 0)
            {
                throw new DomainException("category.inUse", $"{complaints} complaint(s) have this category; retire it instead (active: false).",
                    new Dictionary<string, object?> { ["complaints"] = complaints });
            }
        }, cancellationToken);
        return Unit.Value;
    }
}
