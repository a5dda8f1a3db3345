using CustomerCare.Application.Common.Validation;
using FluentValidation;

namespace CustomerCare.Application.Settings.Commands.UpdateCalendarSettings;

public sealed class UpdateCalendarSettingsCommandValidator : CalendarSettingsCommandValidator<UpdateCalendarSettingsCommand>;

/// <summary>A command that stores a calendar.</summary>
public interface ICalendarSettingsCommand
{
    CalendarSettings Settings { get; }
}

/// <summary>The rules of a calendar, for every command that stores one.</summary>
public abstract class CalendarSettingsCommandValidator<TCommand> : AbstractValidator<TCommand>
    where TCommand : ICalendarSettingsCommand
{
    protected CalendarSettingsCommandValidator()
    {
        RuleFor(c => c.Settings).NotNull();
        RuleFor(c => c.Settings.TimeZone).NotEmpty().MaximumLength(CalendarSettings.TimeZoneMaxLength).When(c => c.Settings is not null);
        RuleFor(c => c.Settings.WorkingHours).NotNull().When(c => c.Settings is not null);
        RuleFor(c => c.Settings.WorkingHours).Must(w => w is null || w.Count <= CalendarSettings.MaxWeekdays).When(c => c.Settings is not null)
            .WithMessage(_ => ValidationTexts.Get("WeekdayOnce"));
        RuleFor(c => c.Settings.WorkingHours)
            .Must(w => w is null || w.Values.All(periods => periods is null
                || (periods.Count <= CalendarSettings.MaxPeriodsPerDay && periods.All(p => p is null || p.Length <= CalendarSettings.PeriodMaxLength))))
            .When(c => c.Settings is not null)
            .WithMessage(_ => ValidationTexts.Format("PeriodsPerDay", CalendarSettings.MaxPeriodsPerDay));
        RuleFor(c => c.Settings.Holidays).NotNull().When(c => c.Settings is not null);
        RuleFor(c => c.Settings.MakeUpWorkingDays).NotNull().When(c => c.Settings is not null);
        RuleFor(c => c.Settings.Holidays).Must(h => h is null || h.Count <= CalendarSettings.MaxDays).When(c => c.Settings is not null)
            .WithMessage(_ => ValidationTexts.Format("HolidaysMax", CalendarSettings.MaxDays));
        RuleFor(c => c.Settings.MakeUpWorkingDays).Must(h => h is null || h.Count <= CalendarSettings.MaxDays).When(c => c.Settings is not null)
            .WithMessage(_ => ValidationTexts.Format("DaysMax", CalendarSettings.MaxDays));
        RuleFor(c => c.Settings).Custom((settings, context) => SettingsRules.Check(() => settings.ToCalendar(), context))
            .When(c => c.Settings is { TimeZone: not null, WorkingHours: not null, Holidays: not null, MakeUpWorkingDays: not null });
    }
}
