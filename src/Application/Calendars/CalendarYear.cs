using System.ComponentModel.DataAnnotations;
using CustomerCare.Application.Common.Validation;
using CustomerCare.Application.Settings;
using CustomerCare.Domain.Sla;
using FluentValidation;

namespace CustomerCare.Application.Calendars;

/// <summary>
/// One year's public holidays and make-up working days of a calendar (for mainland China, the State Council's notice
/// of that year), where they came from, and who reviewed them. Shipped years carry their source and no reviewer until
/// an administrator stores them.
/// </summary>
public sealed record CalendarYear(
    IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays, string? Source, DateTimeOffset? ReviewedAt, Guid? ReviewedBy);

/// <summary>A year's days as an administrator enters them: each day within the year, none both a holiday and a working day.</summary>
public sealed record CalendarYearInput(
    [property: MaxLength(CalendarYearInput.MaxDays)] IReadOnlyList<DateOnly> Holidays,
    [property: MaxLength(CalendarYearInput.MaxDays)] IReadOnlyList<DateOnly> MakeUpWorkingDays,
    [property: MaxLength(CalendarYearInput.SourceMaxLength)] string? Source)
{
    public const int MaxDays = 100;
    public const int SourceMaxLength = 500;
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
}

public sealed class CalendarYearInputValidator : AbstractValidator<CalendarYearInput>
{
    public CalendarYearInputValidator()
    {
        RuleFor(i => i.Holidays).NotNull().Must(d => d is null || d.Count <= CalendarYearInput.MaxDays)
            .WithMessage(_ => ValidationTexts.Format("HolidaysMax", CalendarYearInput.MaxDays));
        RuleFor(i => i.MakeUpWorkingDays).NotNull().Must(d => d is null || d.Count <= CalendarYearInput.MaxDays)
            .WithMessage(_ => ValidationTexts.Format("DaysMax", CalendarYearInput.MaxDays));
        RuleFor(i => i).Must(i => i.Holidays is null || i.MakeUpWorkingDays is null || !i.Holidays.Intersect(i.MakeUpWorkingDays).Any())
            .OverridePropertyName("makeUpWorkingDays").WithMessage(_ => ValidationTexts.Get("HolidayIsMakeUpDay"));
        RuleFor(i => i.Source).MaximumLength(CalendarYearInput.SourceMaxLength);
    }
}

/// <summary>A calendar, the years entered for it, and how many departments work by it.</summary>
public sealed record CalendarSummaryDto(string Name, CalendarSettings Calendar, IReadOnlyList<CalendarYearSummaryDto> Years, int Departments);

/// <summary>One entered year: how many days, where they came from, whether an administrator reviewed them.</summary>
public sealed record CalendarYearSummaryDto(int Year, int Holidays, int MakeUpWorkingDays, string? Source, DateTimeOffset? ReviewedAt);

/// <summary>Where calendars and their years are kept among the settings.</summary>
public static class CalendarKeys
{
    public const string Prefix = "calendars.";
    public const string YearPrefix = "calendarYears.";

    /// <summary>The default calendar keeps the key it always had; the others are <c>calendars.{name}</c>.</summary>
    public static string Of(string name) => name == CalendarNames.Default ? CalendarSettings.Key : Prefix + name;

    public static string NameOf(string key) => key == CalendarSettings.Key ? CalendarNames.Default : key[Prefix.Length..];

    public static string YearsOf(string name) => $"{YearPrefix}{name}.";

    public static string Year(string name, int year) => $"{YearsOf(name)}{year}";
}
