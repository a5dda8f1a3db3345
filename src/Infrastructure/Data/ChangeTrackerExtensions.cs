using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CustomerCare.Infrastructure.Data;

internal static class ChangeTrackerExtensions
{
    /// <summary>
    /// Turns automatic change detection off until disposed, then back to what it was: <c>Entries()</c>, <c>Local</c> and
    /// <c>Entry()</c> would otherwise walk every tracked entity first (a 500-row import batch tracks ~5,000), where the
    /// caller needs only what is tracked or looks at a few entries itself.
    /// </summary>
    public static DetectionPause PauseAutoDetect(this ChangeTracker tracker) => new(tracker);

    public readonly struct DetectionPause : IDisposable
    {
        private readonly ChangeTracker _tracker;
        private readonly bool _was;

        public DetectionPause(ChangeTracker tracker)
        {
            _tracker = tracker;
            _was = tracker.AutoDetectChangesEnabled;
            tracker.AutoDetectChangesEnabled = false;
        }

        public void Dispose() => _tracker.AutoDetectChangesEnabled = _was;
    }
}
