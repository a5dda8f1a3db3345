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
        RuleFor(c => c.Settings.Targets)
            .Must(t => t is null || (t.Count <= SlaPolicySettings.MaxEntries && t.Values.All(milestones => milestones is null || milestones.Count <= SlaPolicySettings.MaxEntries)))
            .When(c => c.Settings is not null)
            .WithMessage(_ => ValidationTexts.Format("SlaTargets", SlaTargetSettings.DurationMaxLength));
        RuleFor(c => c.Settings).Custom((settings, context) =>
        {
            var targets = new SlaTargetSettingsValidator();
            foreach (var (severity, milestones) in settings.Targets)
            {
                foreach (var (milestone, target) in milestones ?? new Dictionary<string, SlaTargetSettings>())
                {
                    var path = $"settings.targets.{severity}.{milestone}";
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
        }).When(c => c.Settings is { Targets: not null });
        RuleFor(c => c.Settings).Custom((settings, context) => SettingsRules.Check(() => settings.ToPolicy(), context))
            .When(c => c.Settings is { Targets: not null });
    }
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
