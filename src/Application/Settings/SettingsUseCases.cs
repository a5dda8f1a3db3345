using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Common;
using FluentValidation;
using Mediator;

namespace CustomerCare.Application.Settings;

/// <summary>A setting as the API shows it, with its version for If-Match.</summary>
public sealed record SettingDto<T>(T Value, uint Version) : IVersioned;

public sealed record GetCalendarSettingsQuery : IQuery<SettingDto<CalendarSettings>>;

public sealed class GetCalendarSettingsQueryHandler(ISettingsStore store, ISlaScheduleProvider schedules)
    : IQueryHandler<GetCalendarSettingsQuery, SettingDto<CalendarSettings>>
{
    public async ValueTask<SettingDto<CalendarSettings>> Handle(GetCalendarSettingsQuery query, CancellationToken cancellationToken) =>
        await store.GetAsync<CalendarSettings>(CalendarSettings.Key, cancellationToken) is { } stored
            ? new SettingDto<CalendarSettings>(stored.Value, stored.Version)
            : new SettingDto<CalendarSettings>(schedules.DefaultCalendar, 0);
}

/// <summary>Replaces the business calendar. Clocks not yet met follow it from their next change or scan.</summary>
public sealed record UpdateCalendarSettingsCommand(CalendarSettings Settings, uint? ExpectedVersion) : ICommand<SettingDto<CalendarSettings>>;

public sealed class UpdateCalendarSettingsCommandValidator : AbstractValidator<UpdateCalendarSettingsCommand>
{
    public UpdateCalendarSettingsCommandValidator()
    {
        RuleFor(c => c.Settings).NotNull();
        RuleFor(c => c.Settings.TimeZone).NotEmpty().MaximumLength(CalendarSettings.TimeZoneMaxLength).When(c => c.Settings is not null);
        RuleFor(c => c.Settings.WorkingHours).NotNull().When(c => c.Settings is not null);
        RuleFor(c => c.Settings.WorkingHours).Must(w => w is null || w.Count <= CalendarSettings.MaxWeekdays).When(c => c.Settings is not null)
            .WithMessage("Name each weekday once.");
        RuleFor(c => c.Settings.WorkingHours)
            .Must(w => w is null || w.Values.All(periods => periods is null
                || (periods.Count <= CalendarSettings.MaxPeriodsPerDay && periods.All(p => p is null || p.Length <= CalendarSettings.PeriodMaxLength))))
            .When(c => c.Settings is not null)
            .WithMessage($"At most {CalendarSettings.MaxPeriodsPerDay} periods a day, each like 09:00-18:00.");
        RuleFor(c => c.Settings.Holidays).NotNull().When(c => c.Settings is not null);
        RuleFor(c => c.Settings.MakeUpWorkingDays).NotNull().When(c => c.Settings is not null);
        RuleFor(c => c.Settings.Holidays).Must(h => h is null || h.Count <= CalendarSettings.MaxDays).When(c => c.Settings is not null)
            .WithMessage($"At most {CalendarSettings.MaxDays} holidays.");
        RuleFor(c => c.Settings.MakeUpWorkingDays).Must(h => h is null || h.Count <= CalendarSettings.MaxDays).When(c => c.Settings is not null)
            .WithMessage($"At most {CalendarSettings.MaxDays} days.");
        RuleFor(c => c.Settings).Custom((settings, context) => SettingsRules.Check(() => settings.ToCalendar(), context))
            .When(c => c.Settings is { TimeZone: not null, WorkingHours: not null, Holidays: not null, MakeUpWorkingDays: not null });
    }
}

public sealed class UpdateCalendarSettingsCommandHandler(ISettingsStore store, ISlaScheduleProvider schedules)
    : ICommandHandler<UpdateCalendarSettingsCommand, SettingDto<CalendarSettings>>
{
    public async ValueTask<SettingDto<CalendarSettings>> Handle(UpdateCalendarSettingsCommand command, CancellationToken cancellationToken)
    {
        var version = await store.SaveAsync(CalendarSettings.Key, command.Settings, command.ExpectedVersion, cancellationToken);
        schedules.Invalidate();
        return new SettingDto<CalendarSettings>(command.Settings, version);
    }
}

public sealed record GetSlaPolicySettingsQuery : IQuery<SettingDto<SlaPolicySettings>>;

public sealed class GetSlaPolicySettingsQueryHandler(ISettingsStore store, ISlaScheduleProvider schedules)
    : IQueryHandler<GetSlaPolicySettingsQuery, SettingDto<SlaPolicySettings>>
{
    public async ValueTask<SettingDto<SlaPolicySettings>> Handle(GetSlaPolicySettingsQuery query, CancellationToken cancellationToken) =>
        await store.GetAsync<SlaPolicySettings>(SlaPolicySettings.Key, cancellationToken) is { } stored
            ? new SettingDto<SlaPolicySettings>(stored.Value, stored.Version)
            : new SettingDto<SlaPolicySettings>(schedules.DefaultPolicy, 0);
}

/// <summary>Replaces the SLA targets. Clocks not yet met follow them from their next change or scan.</summary>
public sealed record UpdateSlaPolicySettingsCommand(SlaPolicySettings Settings, uint? ExpectedVersion) : ICommand<SettingDto<SlaPolicySettings>>;

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
            .WithMessage($"Targets per severity and milestone, each an ISO 8601 duration of at most {SlaPolicySettings.DurationMaxLength} characters.");
        RuleFor(c => c.Settings).Custom((settings, context) => SettingsRules.Check(() => settings.ToPolicy(), context))
            .When(c => c.Settings is { Targets: not null });
    }
}

public sealed class UpdateSlaPolicySettingsCommandHandler(ISettingsStore store, ISlaScheduleProvider schedules)
    : ICommandHandler<UpdateSlaPolicySettingsCommand, SettingDto<SlaPolicySettings>>
{
    public async ValueTask<SettingDto<SlaPolicySettings>> Handle(UpdateSlaPolicySettingsCommand command, CancellationToken cancellationToken)
    {
        var version = await store.SaveAsync(SlaPolicySettings.Key, command.Settings, command.ExpectedVersion, cancellationToken);
        schedules.Invalidate();
        return new SettingDto<SlaPolicySettings>(command.Settings, version);
    }
}

internal static class SettingsRules
{
    /// <summary>Settings are valid when the domain accepts what they describe; its refusal becomes a field error.</summary>
    public static void Check<TCommand>(Func<object> build, ValidationContext<TCommand> context)
    {
        try
        {
            build();
        }
        catch (DomainException ex)
        {
            context.AddFailure(ex.Message);
        }
    }
}
