using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Infrastructure.Data;

/// <summary>
/// A scope's lease of a pooled context: the one thing the scope disposes that gives the context back to the pool. The
/// scope also disposes the context itself, once for each service it was resolved as; those disposals come first (a
/// scope disposes in the reverse order of creation, and this lease is created before the context is handed out) and
/// do nothing (<see cref="CustomerCareDbContext.LeasedTo"/>).
/// </summary>
internal sealed class ScopedContextLease(IDbContextFactory<CustomerCareDbContext> factory, IServiceProvider services) : IAsyncDisposable, IDisposable
{
    public CustomerCareDbContext Context { get; } = factory.CreateDbContext().LeasedTo(services);

    public ValueTask DisposeAsync() => Context.ReturnAsync();

    public void Dispose() => Context.Return();
}
