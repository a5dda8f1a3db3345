using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerCare.Api.IntegrationTests.Infrastructure;

/// <summary>
/// How many times, while this lives, EF Core walked every tracked entity of the contexts <c>which</c> picks for changes
/// (a full <c>DetectChanges</c>; a per-entry one is not counted).
/// </summary>
public sealed class ChangeDetectionWalksSeen : IDisposable
{
    private readonly Func<DbContext, bool> _which;
    private readonly IDisposable _subscription;
    private int _walks;

    private ChangeDetectionWalksSeen(Func<DbContext, bool> which)
    {
        _which = which;
        _subscription = EfCoreEvents.Subscribe(OnEvent);
    }

    /// <summary>Inside saves asked for in bulk (<see cref="CustomerCareDbContext.SaveChangesInBulkAsync"/>), acceptance included.</summary>
    public static ChangeDetectionWalksSeen InBulkSaves() => new(context => context is CustomerCareDbContext { CopiedRows: not null });

    /// <summary>Of this context alone.</summary>
    public static ChangeDetectionWalksSeen Of(DbContext context) => new(candidate => ReferenceEquals(candidate, context));

    public int Walks => Volatile.Read(ref _walks);

    private void OnEvent(string name, object? data)
    {
        if (name == CoreEventId.DetectChangesStarting.Name && data is DbContextEventData { Context: { } context } && _which(context))
        {
            Interlocked.Increment(ref _walks);
        }
    }

    public void Dispose() => _subscription.Dispose();
}
