using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Sla;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Calendars.Commands.DeleteCalendar;

/// <summary>Deletes a named calendar and its years. The default calendar, and one a department works by, stay (409).</summary>
public sealed record DeleteCalendarCommand(string Name, uint? ExpectedVersion) : ICommand;

public sealed class DeleteCalendarCommandHandler(IApplicationDbContext db, ISettingsStore store, ISlaScheduleProvider schedules)
    : ICommandHandler<DeleteCalendarCommand>
{
    public async ValueTask<Unit> Handle(DeleteCalendarCommand command, CancellationToken cancellationToken)
    {
        var calendar = await CalendarCatalog.FindAsync(store, schedules, command.Name, cancellationToken)
            ?? throw new NotFoundException("Calendar", command.Name);
        if (calendar.Name == CalendarNames.Default)
        {
            throw new DomainException("calendar.defaultStays", "The default calendar cannot be deleted; change it instead.");
        }

        var departments = await db.Departments.CountAsync(d => d.Calendar == calendar.Name, cancellationToken);
        if (departments > 0)
        {
            throw new DomainException("calendar.inUse", $"{departments} department(s) work by this calendar; move them to another first.",
                new Dictionary<string, object?> { ["departments"] = departments });
        }

        await store.DeleteAsync(CalendarKeys.Of(calendar.Name), command.ExpectedVersion, cancellationToken);
        foreach (var year in calendar.Years.Keys)
        {
            await store.DeleteAsync(CalendarKeys.Year(calendar.Name, year), null, cancellationToken);
        }

        schedules.Invalidate();
        return Unit.Value;
    }
}
