using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// The API's connections prepare what they send repeatedly and are not reset on their way back to the pool, unless the
/// operator's connection string says otherwise.
/// </summary>
public sealed class ConnectionTuningTests : IntegrationTest
{
    [Test]
    public async Task ARepeatedStatement_IsPreparedOnTheConnection_AndTheConnectionIsNotResetWhenPooled()
    {
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
        var settings = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());

        await db.Database.OpenConnectionAsync();
        for (var i = 0; i < 3; i++)
        {
            await db.Departments.AsNoTracking().CountAsync(d => d.Code == "CS");
        }

        var prepared = await db.Database.SqlQueryRaw<long>(
            "SELECT count(*) AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%departments%'").SingleAsync();
        await db.Database.CloseConnectionAsync();

        Assert.Multiple(() =>
        {
            Assert.That(settings.MaxAutoPrepare, Is.GreaterThan(0));
            Assert.That(settings.NoResetOnClose, Is.True);
            Assert.That(prepared, Is.GreaterThanOrEqualTo(1), "the statement run three times was prepared on the connection");
        });
    }

    [Test]
    public void WhatTheOperatorSets_IsKept()
    {
        var tuned = new NpgsqlConnectionStringBuilder(CustomerCare.Infrastructure.DependencyInjection.Tuned(
            "Host=db;Database=care;Max Auto Prepare=0;No Reset On Close=false"));
        var defaults = new NpgsqlConnectionStringBuilder(CustomerCare.Infrastructure.DependencyInjection.Tuned("Host=db;Database=care"));

        Assert.Multiple(() =>
        {
            Assert.That((tuned.MaxAutoPrepare, tuned.NoResetOnClose), Is.EqualTo((0, false)));
            Assert.That((defaults.MaxAutoPrepare, defaults.NoResetOnClose), Is.EqualTo((200, true)));
        });
    }
}
