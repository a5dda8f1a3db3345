using AutoMapper;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.CareTasks;

namespace CustomerCare.Application.CareTasks.Queries.GetCareTask;

public sealed record CareTaskDto(
    Guid Id, CareTaskKind Kind, Guid CustomerId, Guid? ComplaintId, Guid? OwnerId, DateOnly DueOn, string Subject, string? Notes, bool IsAutomatic,
    CareTaskStatus Status, CareTaskResult? Result, string? Outcome, DateTimeOffset? CompletedAt, Guid? CompletedById,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version) : IVersioned
{
    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<CareTask, CareTaskDto>();
    }
}
