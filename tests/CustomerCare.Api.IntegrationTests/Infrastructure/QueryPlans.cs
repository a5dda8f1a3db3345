using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Infrastructure;

/// <summary>Runs the API's raw statements on the test database's own connection, inside a transaction that is rolled back.</summary>
public static class QueryPlans
{
    /// <summary>A statement written with EF Core's placeholders (<c>{0}</c>, <c>{1}</c>…) as PostgreSQL's (<c>$1</c>, <c>$2</c>…).</summary>
    public static string Numbered(string sql, int count) =>
        Enumerable.Range(0, count).Aggregate(sql, (text, i) => text.Replace($"{{{i}}}", $"${i + 1}"));

    /// <summary>
    /// The plan PostgreSQL chooses for <paramref name="sql"/> with these values, after <paramref name="prepare"/> (dropped
    /// indexes, <c>SET LOCAL</c> settings) in the same transaction; the transaction is rolled back, so nothing stays.
    /// </summary>
    public static async Task<string> ExplainAsync(string sql, string prepare, params object[] values)
    {
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var before = new NpgsqlCommand(prepare, connection, transaction))
        {
            await before.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + Numbered(sql, values.Length), connection, transaction);
        foreach (var value in values)
        {
            explain.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        await transaction.RollbackAsync();
        return string.Join('\n', plan);
    }
}
