using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.CustomerGrades.Commands.DeleteCustomerGrade;

/// <summary>Deletes a grade no customer has (If-Match optional). One in use is retired instead (409 saying how many customers have it).</summary>
public sealed record DeleteCustomerGradeCommand(string Code, uint? ExpectedVersion) : ICommand;

public sealed class DeleteCustomerGradeCommandHandler(IApplicationDbContext db) : ICommandHandler<DeleteCustomerGradeCommand>
{
    public async ValueTask<Unit> Handle(DeleteCustomerGradeCommand command, CancellationToken cancellationToken)
    {
        await db.DeleteTermAsync(db.CustomerGrades, command.Code, command.ExpectedVersion, "Customer grade", async (grade, ct) =>
        {
            var customers = await db.Customers.CountAsync(c => c.Grade == grade.Code, ct);
            if (customers > 0)
            {
                throw new DomainException("grade.inUse", $"{customers} customer(s) have this grade; retire it instead (active: false).",
                    new Dictionary<string, object?> { ["customers"] = customers });
            }
        }, cancellationToken);
        return Unit.Value;
    }
}
