using FluentValidation;

namespace CustomerCare.Application.Common.Models;

public static class PagingRules
{
    public static void AddPagingRules<T>(this AbstractValidator<T> validator, Func<T, int> page, Func<T, int> pageSize)
    {
        // Far pages would overflow the row offset; nobody pages that far.
        validator.RuleFor(x => page(x)).InclusiveBetween(1, Paging.MaxPage).OverridePropertyName("page");
        validator.RuleFor(x => pageSize(x)).InclusiveBetween(1, Paging.MaxPageSize).OverridePropertyName("pageSize");
    }
}
