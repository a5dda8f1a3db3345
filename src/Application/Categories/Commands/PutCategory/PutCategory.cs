using AutoMapper;
using CustomerCare.Application.Categories.Queries.GetCategory;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Categories.Commands.PutCategory;

/// <summary>
/// A category as an administrator writes it: names in English and Simplified Chinese, the department it routes to, and
/// whether it may be chosen (<c>active</c>, default true; false retires it).
/// </summary>
public sealed record CategoryInput(string NameEn, string NameZhCn, Guid? DepartmentId, bool? Active);

/// <summary>Creates the category with this code, or replaces what it says (If-Match optional).</summary>
public sealed record PutCategoryCommand(string Code, CategoryInput Input, uint? ExpectedVersion) : ICommand<CategoryDto>;

public sealed class PutCategoryCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider time) : ICommandHandler<PutCategoryCommand, CategoryDto>
{
    public async ValueTask<CategoryDto> Handle(PutCategoryCommand command, CancellationToken cancellationToken)
    {
        var input = command.Input;
        var departmentId = input.DepartmentId!.Value;
        if (!await db.Departments.AnyAsync(d => d.Id == departmentId && d.IsActive, cancellationToken))
        {
            throw new ValidationException("departmentId", "No active department has this id.");
        }

        var now = time.GetUtcNow();
        var category = await db.PutTermAsync(db.ComplaintCategories, command.Code, command.ExpectedVersion,
            () => ComplaintCategory.Create(command.Code, input.NameEn, input.NameZhCn, departmentId, input.Active ?? true, now),
            category => category.Update(input.NameEn, input.NameZhCn, departmentId, input.Active ?? true, now), cancellationToken);
        return mapper.Map<CategoryDto>(category);
    }
}
