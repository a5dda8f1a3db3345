using System.Diagnostics;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerCare.Api.IntegrationTests.Infrastructure;

/// <summary>
/// How many times, while this lives, EF Core walked every tracked entity for changes (a full <c>DetectChanges</c>: a
/// per-entry one is not counted) inside a save asked for in bulk (<see cref="CustomerCareDbContext.SaveChangesInBulkAsync"/>).
/// </summary>
public sealed class BulkSaveWalksSeen : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _subscription;
    private int _walks;

    public BulkSaveWalksSeen() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    public int Walks => Volatile.Read(ref _walks);

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            listener.Subscribe(this);
        }
    }

    public void OnNext(KeyValuePair<string, object?> pair)
    {
        if (pair.Key == CoreEventId.DetectChangesStarting.Name
            && pair.Value is DbContextEventData { Context: CustomerCareDbContext { CopiedRows: not null } })
        {
            Interlocked.Increment(ref _walks);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose() => _subscription.Dispose();
}
