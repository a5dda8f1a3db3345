using System.Text.Json;
using CustomerCare.Application.Common.Validation;
using FluentValidation;

namespace CustomerCare.Application.Settings.Commands.UpdateSlaPolicySettings;

public sealed class UpdateSlaPolicySettingsCommandValidator : AbstractValidator<UpdateSlaPolicySettingsCommand>
{
    public UpdateSlaPolicySettingsCommandValidator()
    {
        RuleFor(c => c.Settings).NotNull();
        RuleFor(c => c.Settings.Targets).NotNull().When(c => c.Settings is not null);
        RuleFor(c => c.Settings.Targets).Must(WithinLimits).When(c => c.Settings is not null)
            .WithMessage(_ => ValidationTexts.Format("SlaTargets", SlaTargetSettings.DurationMaxLength));
        RuleFor(c => c.Settings.KeyCustomerTargets).Must(WithinLimits).When(c => c.Settings is not null)
            .WithMessage(_ => ValidationTexts.Format("SlaTargets", SlaTargetSettings.DurationMaxLength));
        RuleFor(c => c.Settings).Custom((settings, context) =>
        {
            foreach (var (name, set) in settings.TargetSets())
            {
                CheckTargets(name, set, context);
            }
        }).When(c => c.Settings is { Targets: not null });
        RuleFor(c => c.Settings).Custom((settings, context) => SettingsRules.Check(() => settings.ToPolicy(), context))
            .When(c => c.Settings is { Targets: not null });
    }

    private static void CheckTargets(
        string name, IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlaTargetSettings>> set, ValidationContext<UpdateSlaPolicySettingsCommand> context)
    {
        var targets = new SlaTargetSettingsValidator();
        foreach (var (severity, milestones) in set)
        {
            foreach (var (milestone, target) in milestones ?? new Dictionary<string, SlaTargetSettings>())
            {
                var path = $"settings.{name}.{severity}.{milestone}";
                if (target is null)
                {
                    context.AddFailure(path, ValidationTexts.Format("SlaTargets", SlaTargetSettings.DurationMaxLength));
                    continue;
                }

                foreach (var failure in targets.Validate(target).Errors)
                {
                    context.AddFailure($"{path}.{JsonNamingPolicy.CamelCase.ConvertName(failure.PropertyName)}", failure.ErrorMessage);
                }
            }
        }
    }

    private static bool WithinLimits(IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlaTargetSettings>>? targets) =>
        targets is null || (targets.Count <= SlaPolicySettings.MaxEntries && targets.Values.All(milestones => milestones is null || milestones.Count <= SlaPolicySettings.MaxEntries));
}

/// <summary>A target names its duration and its basis; whether the duration makes sense is the domain's to say.</summary>
public sealed class SlaTargetSettingsValidator : AbstractValidator<SlaTargetSettings>
{
    public SlaTargetSettingsValidator()
    {
        RuleFor(t => t.Duration).NotEmpty().MaximumLength(SlaTargetSettings.DurationMaxLength);
        RuleFor(t => t.Basis).NotNull().IsInEnum();
    }
}
