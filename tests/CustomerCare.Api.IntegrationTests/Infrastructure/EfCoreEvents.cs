using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Api.IntegrationTests.Infrastructure;

/// <summary>EF Core's diagnostic events in this process (name and payload), handed to a callback while the subscription lives.</summary>
public sealed class EfCoreEvents : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly Action<string, object?> _onEvent;
    private readonly List<IDisposable> _subscriptions = [];
    private bool _disposed;

    private EfCoreEvents(Action<string, object?> onEvent)
    {
        _onEvent = onEvent;
        var all = DiagnosticListener.AllListeners.Subscribe(this);
        lock (_subscriptions)
        {
            _subscriptions.Add(all);
        }
    }

    public static IDisposable Subscribe(Action<string, object?> onEvent) => new EfCoreEvents(onEvent);

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            var subscription = listener.Subscribe(this);
            lock (_subscriptions)
            {
                if (_disposed)
                {
                    subscription.Dispose(); // a listener that came while this was being disposed
                    return;
                }

                _subscriptions.Add(subscription);
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> pair) => _onEvent(pair.Key, pair.Value);

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _disposed = true;
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }
    }
}
