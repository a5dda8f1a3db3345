using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.CareTasks;

namespace CustomerCare.Application.CareTasks.Queries.GetCareTask;

public sealed record CareTaskDto(
    Guid Id, CareTaskKind Kind, Guid CustomerId, Guid? ComplaintId, Guid? OwnerId, DateOnly DueOn, string Subject, string? Notes, bool IsAutomatic,
    CareTaskStatus Status, CareTaskResult? Result, string? Outcome, DateTimeOffset? CompletedAt, Guid? CompletedById,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version) : IVersioned
{
    public static CareTaskDto From(CareTask t) => new(
        t.Id, t.Kind, t.CustomerId, t.ComplaintId, t.OwnerId, t.DueOn, t.Subject, t.Notes, t.IsAutomatic, t.Status, t.Result, t.Outcome,
        t.CompletedAt, t.CompletedById, t.CreatedAt, t.UpdatedAt, t.Version);
}
