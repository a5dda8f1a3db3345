using AutoMapper;
using CustomerCare.Application.CustomerGrades.Queries.GetCustomerGrade;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Domain.Customers;
using Mediator;

namespace CustomerCare.Application.CustomerGrades.Commands.PutCustomerGrade;

/// <summary>
/// A customer grade as an administrator writes it: names in English and Simplified Chinese, whether its customers are key
/// customers (<c>key</c>, default false) and whether it may be given (<c>active</c>, default true; false retires it).
/// </summary>
public sealed record CustomerGradeInput(string NameEn, string NameZhCn, bool? Key, bool? Active);

/// <summary>Creates the grade with this code, or replaces what it says (If-Match optional).</summary>
public sealed record PutCustomerGradeCommand(string Code, CustomerGradeInput Input, uint? ExpectedVersion) : ICommand<CustomerGradeDto>;

public sealed class PutCustomerGradeCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider time) : ICommandHandler<PutCustomerGradeCommand, CustomerGradeDto>
{
    public async ValueTask<CustomerGradeDto> Handle(PutCustomerGradeCommand command, CancellationToken cancellationToken)
    {
        var input = command.Input;
        var now = time.GetUtcNow();
        var grade = await db.PutTermAsync(db.CustomerGrades, command.Code, command.ExpectedVersion,
            () => CustomerGrade.Create(command.Code, input.NameEn, input.NameZhCn, input.Key ?? false, input.Active ?? true, now),
            grade => grade.Update(input.NameEn, input.NameZhCn, input.Key ?? false, input.Active ?? true, now), cancellationToken);
        return mapper.Map<CustomerGradeDto>(grade);
    }
}
