using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Domain.CareTasks;
using CustomerCare.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.CareTasks.Commands.ScheduleGreetings;

public enum GreetingOccasion
{
    /// <summary>Each customer on their birthday, for the birthdays that fall between <c>on</c> and <c>until</c>.</summary>
    Birthday,

    /// <summary>Every customer of the selection on the day <c>on</c> (Spring Festival, Mid-Autumn, New Year, …).</summary>
    Holiday,
}

/// <summary>
/// Greetings for a segment and/or grade of customers (neither: every customer): the occasion; the day (<c>on</c>) — a
/// holiday's, or the first of a birthday window that ends on <c>until</c> (at most 366 days; default: <c>on</c>); the
/// greeting (<c>subject</c>, what the customer is sent on the day when greetings are switched on); and who makes the
/// contact (<c>ownerId</c>, optional).
/// </summary>
public sealed record ScheduleGreetingsInput(
    GreetingOccasion? Occasion, DateOnly? On, DateOnly? Until, string? Segment, string? Grade, string Subject, Guid? OwnerId);

/// <summary>How many greeting care tasks were scheduled, and how many customers already had a greeting on their day (not repeated).</summary>
public sealed record GreetingsScheduledDto(int Scheduled, int AlreadyScheduled);

/// <summary>
/// Schedules greeting care tasks in bulk for the customers of a segment or grade (erased and merged records are left
/// out). Running it twice schedules nothing twice: a customer with a greeting on the day already is counted, not
/// repeated. More customers than <c>CustomerCare:Care:MaxGreetingsPerBatch</c>: 409, narrow the selection.
/// </summary>
public sealed record ScheduleGreetingsCommand(ScheduleGreetingsInput Input) : ICommand<GreetingsScheduledDto>;

public sealed class ScheduleGreetingsCommandHandler(IApplicationDbContext db, TimeProvider time, IOptions<CareOptions> options)
    : ICommandHandler<ScheduleGreetingsCommand, GreetingsScheduledDto>
{
    public async ValueTask<GreetingsScheduledDto> Handle(ScheduleGreetingsCommand command, CancellationToken cancellationToken)
    {
        var input = command.Input;
        await db.EnsureOwnerAsync(input.OwnerId, cancellationToken);
        if (input.Grade is { } grade && !await db.CustomerGrades.AnyAsync(g => g.Code == grade, cancellationToken))
        {
            throw new ValidationException("grade", "No customer grade has this code.");
        }

        var from = input.On!.Value;
        var until = input.Occasion == GreetingOccasion.Holiday ? from : input.Until ?? from;
        var days = BirthdaysBetween(from, until);
        var customers = db.Customers.Where(c => c.ErasedAt == null && c.MergedIntoId == null);
        if (input.Segment is { } segment)
        {
            var lower = segment.Trim().ToLowerInvariant();
            customers = customers.Where(c => c.Segment == lower);
        }

        if (input.Grade is not null)
        {
            customers = customers.Where(c => c.Grade == input.Grade);
        }

        if (input.Occasion == GreetingOccasion.Birthday)
        {
            var monthDays = days.Keys.ToList();
            customers = customers.Where(c => c.BirthMonthDay != null && monthDays.Contains(c.BirthMonthDay.Value));
        }

        var selected = await customers.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.BirthMonthDay })
            .Take(options.Value.MaxGreetingsPerBatch + 1).ToListAsync(cancellationToken);
        if (selected.Count > options.Value.MaxGreetingsPerBatch)
        {
            var count = await customers.CountAsync(cancellationToken);
            throw new DomainException("greetings.tooMany",
                $"{count} customers match; one scheduling greets at most {options.Value.MaxGreetingsPerBatch}. Narrow the selection (segment, grade, a shorter window).",
                new Dictionary<string, object?> { ["customers"] = count });
        }

        var ids = customers.Select(c => c.Id);
        var greeted = (await db.CareTasks.AsNoTracking()
                .Where(t => t.Kind == CareTaskKind.Greeting && t.Status != CareTaskStatus.Cancelled && t.DueOn >= from && t.DueOn <= until && ids.Contains(t.CustomerId))
                .Select(t => new { t.CustomerId, t.DueOn }).ToListAsync(cancellationToken))
            .Select(t => (t.CustomerId, t.DueOn)).ToHashSet();

        var now = time.GetUtcNow();
        var scheduled = 0;
        foreach (var customer in selected)
        {
            var due = input.Occasion == GreetingOccasion.Holiday ? from : days[customer.BirthMonthDay!.Value];
            if (greeted.Contains((customer.Id, due)))
            {
                continue;
            }

            db.CareTasks.Add(CareTask.Create(new NewCareTask(CareTaskKind.Greeting, customer.Id, null, input.OwnerId, due, input.Subject, null), now));
            scheduled++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new GreetingsScheduledDto(scheduled, selected.Count - scheduled);
    }

    /// <summary>
    /// The day within the window each birthday (<c>month * 100 + day</c>) falls on; a 29 February birthday is greeted on
    /// 28 February in a year without one.
    /// </summary>
    private static Dictionary<int, DateOnly> BirthdaysBetween(DateOnly from, DateOnly until)
    {
        var days = new Dictionary<int, DateOnly>();
        for (var day = from; day <= until; day = day.AddDays(1))
        {
            days.TryAdd((day.Month * 100) + day.Day, day);
            if (day is { Month: 2, Day: 28 } && !DateTime.IsLeapYear(day.Year))
            {
                days.TryAdd(229, day);
            }
        }

        return days;
    }
}
