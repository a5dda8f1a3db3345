using CustomerCare.Application.Common.Validation;
using CustomerCare.Application.Complaints;
using CustomerCare.Domain.CareTasks;
using CustomerCare.Domain.Customers;
using FluentValidation;

namespace CustomerCare.Application.CareTasks.Commands.ScheduleGreetings;

public sealed class ScheduleGreetingsCommandValidator : AbstractValidator<ScheduleGreetingsCommand>
{
    public ScheduleGreetingsCommandValidator(IValidator<ScheduleGreetingsInput> input) =>
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
}

public sealed class ScheduleGreetingsInputValidator : AbstractValidator<ScheduleGreetingsInput>
{
    /// <summary>The longest birthday window: a year.</summary>
    public const int MaxWindowDays = 366;

    public ScheduleGreetingsInputValidator()
    {
        RuleFor(g => g.Occasion).Required().IsInEnum();
        RuleFor(g => g.On).Required().InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
        RuleFor(g => g.Until).Must((g, until) => until >= g.On && until.Value.DayNumber - g.On!.Value.DayNumber < MaxWindowDays)
            .When(g => g.Until is not null && g.On is not null)
            .WithMessage(_ => ValidationTexts.Format("GreetingWindow", MaxWindowDays));
        RuleFor(g => g.Until).Must((g, until) => until == g.On).When(g => g.Occasion == GreetingOccasion.Holiday && g.Until is not null)
            .WithMessage(_ => ValidationTexts.Get("GreetingHolidayOneDay"));
        RuleFor(g => g.Segment).MaximumLength(Customer.SegmentMaxLength);
        RuleFor(g => g.Grade!).ClassificationCode().When(g => g.Grade is not null);
        RuleFor(g => g.Subject).NotEmpty().MaximumLength(CareTask.SubjectMaxLength);
        RuleFor(g => g.OwnerId).NotEqual(Guid.Empty);
    }
}
