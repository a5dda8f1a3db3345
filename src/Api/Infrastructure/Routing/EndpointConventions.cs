namespace CustomerCare.Api.Infrastructure.Routing;

public static class EndpointConventions
{
    /// <summary>Documents the problem responses every endpoint that needs a caller may give.</summary>
    public static TBuilder ProducesAuthProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
}
