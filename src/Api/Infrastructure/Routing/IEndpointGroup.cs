namespace CustomerCare.Api.Infrastructure.Routing;

/// <summary>
/// One resource's endpoints. Every implementation in this assembly is found at start-up and mapped under
/// the versioned API prefix; handlers are named static methods so that operationIds stay stable.
/// </summary>
public interface IEndpointGroup
{
    /// <summary>Maps the group's endpoints on the versioned root (<c>/api/v1</c>).</summary>
    void Map(IEndpointRouteBuilder api);
}

public static class EndpointGroupExtensions
{
    public const string VersionPrefix = "/api/v1";

    public static IEndpointRouteBuilder MapEndpointGroups(this IEndpointRouteBuilder app)
    {
        // A safety net: everything under the versioned prefix needs a caller unless it says AllowAnonymous.
        // Endpoints add their own, narrower policy on top (the permission matrix test insists on it).
        var api = app.MapGroup(VersionPrefix).RequireAuthorization();
        var groups = typeof(IEndpointGroup).Assembly.GetExportedTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && t.IsAssignableTo(typeof(IEndpointGroup)))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        foreach (var type in groups)
        {
            ((IEndpointGroup)Activator.CreateInstance(type)!).Map(api);
        }

        return app;
    }
}
