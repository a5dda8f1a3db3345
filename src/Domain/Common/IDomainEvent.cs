using Mediator;

namespace CustomerCare.Domain.Common;

/// <summary>
/// Something that happened in the domain, named in the past tense. Domain events are dispatched
/// to in-process handlers inside the same unit of work that saved the change that raised them.
/// </summary>
public interface IDomainEvent : INotification
{
    DateTimeOffset OccurredAt { get; }
}
