using System.Diagnostics;
using CustomerCare.Application.Common.Behaviours;

namespace CustomerCare.Infrastructure.Diagnostics;

/// <summary>
/// The W3C trace context a change runs in, stored with what it leaves for later delivery (outbox messages,
/// notifications), and continued by that delivery on whichever replica makes it.
/// </summary>
public static class TraceContext
{
    /// <summary>The current trace context as a <c>traceparent</c> value (<c>00-trace-span-flags</c>), if there is one.</summary>
    public static string? Current() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>
    /// A span continuing the stored trace context: from CustomerCare's source when tracing records it, else a bare
    /// activity, so that the receiver still gets the change's <c>traceparent</c>. Null when nothing was stored.
    /// </summary>
    public static Activity? Continue(string name, string? traceParent)
    {
        if (traceParent is null || !ActivityContext.TryParse(traceParent, null, out var parent))
        {
            return null;
        }

        return Tracing.Source.StartActivity(name, ActivityKind.Producer, parent)
            ?? new Activity(name).SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags).Start();
    }
}
