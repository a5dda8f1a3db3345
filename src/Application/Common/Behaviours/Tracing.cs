using System.Diagnostics;

namespace CustomerCare.Application.Common.Behaviours;

/// <summary>CustomerCare's own spans: the mediator pipeline's, and those of deliveries that continue a request's trace.</summary>
public static class Tracing
{
    public const string SourceName = "CustomerCare";

    public static readonly ActivitySource Source = new(SourceName);
}
