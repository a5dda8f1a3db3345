using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerCare.Api.IntegrationTests.Infrastructure;

/// <summary>The SQL commands EF Core runs in this process, while this lives, that <c>which</c> picks.</summary>
public sealed class SqlCommandsSeen : IDisposable
{
    private readonly Func<DbCommand, bool> _which;
    private readonly IDisposable _subscription;
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly ConcurrentQueue<(string Text, List<(string Name, object Value)> Parameters)> _statements = new();

    public SqlCommandsSeen(Func<DbCommand, bool> which)
    {
        _which = which;
        _subscription = EfCoreEvents.Subscribe(OnEvent);
    }

    /// <summary>Commands with a string parameter that contains <paramref name="value"/>.</summary>
    public static SqlCommandsSeen WithParameter(string value) =>
        new(command => command.Parameters.Cast<DbParameter>().Any(p => p.Value is string text && text.Contains(value, StringComparison.Ordinal)));

    /// <summary>Commands with a parameter equal to <paramref name="value"/>.</summary>
    public static SqlCommandsSeen WithParameter(Guid value) =>
        new(command => command.Parameters.Cast<DbParameter>().Any(p => p.Value is Guid id && id == value));

    /// <summary>Commands whose text contains <paramref name="text"/>.</summary>
    public static SqlCommandsSeen WithText(string text) => new(command => command.CommandText.Contains(text, StringComparison.Ordinal));

    public IReadOnlyList<string> Commands => [.. _commands];

    /// <summary>The commands seen with their parameters' names and values, to run again (EXPLAIN them).</summary>
    public IReadOnlyList<(string Text, List<(string Name, object Value)> Parameters)> Statements => [.. _statements];

    private void OnEvent(string name, object? data)
    {
        if (name == RelationalEventId.CommandExecuting.Name && data is CommandEventData command && _which(command.Command))
        {
            _commands.Enqueue(command.Command.CommandText);
            _statements.Enqueue((command.Command.CommandText,
                command.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value)).ToList()));
        }
    }

    public void Dispose() => _subscription.Dispose();
}
