using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints;

/// <summary>The category rule receive, register and reclassify share: a category the routing table knows.</summary>
public static class ClassificationRules
{
    /// <summary>One of the configured categories (null passes; add NotEmpty where one is required).</summary>
    public static IRuleBuilderOptions<T, string?> KnownCategory<T>(this IRuleBuilder<T, string?> rule, ComplaintOptions options) =>
        rule.MaximumLength(ComplaintCategories.MaxLength)
            .Must(c => c is null || options.Routing.ContainsKey(c))
            .WithMessage(_ => ValidationTexts.Format("CategoryUnknown", string.Join(", ", options.Routing.Keys)));
}
