using CustomerCare.Domain.Common;
using CustomerCare.Domain.Sla;

namespace CustomerCare.Domain.Organisation;

/// <summary>A unit of the organisation that complaints are routed to (customer service, quality, …).</summary>
public sealed class Department : SwitchableAggregateRoot
{
    public const int NameMaxLength = 100;
    public const int CodeMaxLength = 20;

    private Department()
    {
        Name = string.Empty;
        Code = string.Empty;
    }

    private Department(Guid id, string name, string code, Guid? parentId, DateTimeOffset now)
        : base(id, now)
    {
        Name = name;
        Code = code;
        ParentId = parentId;
        CreatedAt = now;
    }

    public string Name { get; private set; }

    /// <summary>Short unique code, upper case (e.g. <c>CS</c>, <c>QA</c>).</summary>
    public string Code { get; private set; }

    public Guid? ParentId { get; private set; }

    /// <summary>The staff member notified of breaches and escalations of the department's complaints.</summary>
    public Guid? SupervisorId { get; private set; }

    /// <summary>
    /// The name of the business calendar the department works by (a 7×24 hotline, a 09:00–18:00 back office); null:
    /// the default calendar. The SLA clocks of the complaints it is responsible for run on it.
    /// </summary>
    public string? Calendar { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Row version (PostgreSQL <c>xmin</c>): the ETag.</summary>
    public uint Version { get; private set; }

    public static Department Create(string name, string code, Guid? parentId, DateTimeOffset now) =>
        new(Guid.CreateVersion7(), Guard.Text(name, NameMaxLength, "name"), NormaliseCode(code), parentId, now);

    public static string NormaliseCode(string code) => Guard.Text(code, CodeMaxLength, "code").ToUpperInvariant();

    public void Update(string name, string code, Guid? parentId, Guid? supervisorId, DateTimeOffset now) =>
        Update(name, code, parentId, supervisorId, Calendar, now);

    public void Update(string name, string code, Guid? parentId, Guid? supervisorId, string? calendar, DateTimeOffset now)
    {
        if (parentId == Id)
        {
            throw new DomainException("department.parentCycle", "A department cannot be its own parent.");
        }

        Name = Guard.Text(name, NameMaxLength, "name");
        Code = NormaliseCode(code);
        ParentId = parentId;
        SupervisorId = supervisorId;
        Calendar = calendar is null ? null : Guard.Text(calendar, CalendarNames.MaxLength, "calendar");
        UpdatedAt = now;
    }
}
