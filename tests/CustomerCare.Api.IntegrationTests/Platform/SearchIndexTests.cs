using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// The trigram and search-gram indexes behind the complaint search keep a short pending list: every search reads the whole list, and
/// PostgreSQL's default (4 MB) let a busy day's new complaints cost ~950 pages a search (docs/performance.md).
/// </summary>
public sealed class SearchIndexTests : IntegrationTest
{
    [TestCase("ix_complaints_number_trgm")]
    [TestCase("ix_complaints_title_trgm")]
    [TestCase("ix_complaints_description_trgm")]
    [TestCase("ix_complaints_stored_search_grams")]
    public async Task ATrigramIndex_MergesItsPendingListAt128kB(string index)
    {
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
        var options = await db.Database.SqlQuery<string>(
            $"SELECT unnest(reloptions) AS \"Value\" FROM pg_class WHERE relname = {index} AND relkind = 'i'").ToListAsync();
        Assert.That(options, Does.Contain("gin_pending_list_limit=128"));
    }
}
