namespace CustomerCare.Application.Common.Options;

/// <summary>Idempotency-Key handling, under <c>CustomerCare:Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "CustomerCare:Idempotency";

    /// <summary>How long a key and its response are kept for replays. Default 24 h.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a request in flight holds its key. A retry meanwhile gets 409; should the server die mid-request, the
    /// same request may be retried once this has passed. Default 5 min (longer than any request may take).
    /// </summary>
    public TimeSpan InFlightLease { get; set; } = TimeSpan.FromMinutes(5);
}
