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
            .Must(t => t is null || (t.Count <= SlaPolicySettings.MaxEntries && t.Values.All(milestones => milestones is null
                || (milestones.Count <= SlaPolicySettings.MaxEntries && milestones.Values.All(d => d is null || d.Length <= SlaPolicySettings.DurationMaxLength)))))
            .When(c => c.Settings is not null)
            .WithMessage(_ => ValidationTexts.Format("SlaTargets", SlaPolicySettings.DurationMaxLength));
        RuleFor(c => c.Settings).Custom((settings, context) => SettingsRules.Check(() => settings.ToPolicy(), context))
            .When(c => c.Settings is { Targets: not null });
    }
}
