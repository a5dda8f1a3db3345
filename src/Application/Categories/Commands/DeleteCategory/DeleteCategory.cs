using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
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
        var category = await db.ComplaintCategories.SingleOrDefaultAsync(c => c.Code == command.Code, cancellationToken)
            ?? throw new NotFoundException("Category", command.Code);
        db.ExpectVersion(category, command.ExpectedVersion);
        var complaints = await db.Complaints.CountAsync(c => c.Category == category.Code, cancellationToken);
        if (complaints > 0)
        {
            throw new DomainException("category.inUse", $"{complaints} complaint(s) have this category; retire it instead (active: false).",
                new Dictionary<string, object?> { ["complaints"] = complaints });
        }

        db.ComplaintCategories.Remove(category);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
