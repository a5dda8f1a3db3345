using CustomerCare.Infrastructure.Diagnostics;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CustomerCare.Api.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry metrics: ASP.NET Core, HttpClient, the .NET runtime, Npgsql and the business instruments of
/// <see cref="CustomerCareMetrics"/>, scraped by Prometheus at <see cref="MetricsOptions.Path"/> and exported over OTLP when
/// the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class TelemetryExtensions
{
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.SectionName))
            .Validate(o => o.IsValid(), "CustomerCare:Metrics:AllowedNetworks must be CIDR networks (10.0.0.0/8, fd00::/8) and :Port a TCP port.")
            .ValidateOnStart();
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("customercare-api"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(CustomerCareMetrics.MeterName, "Npgsql")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }

    /// <summary>
    /// Answers <see cref="MetricsOptions.Path"/> in Prometheus's text format to the callers <see cref="MetricsOptions.Allows"/>
    /// (first in the pipeline: no authentication, rate limit or request log); everyone else goes on to the 404 of a path
    /// the API does not have.
    /// </summary>
    public static IApplicationBuilder UseMetricsEndpoint(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == MetricsOptions.Path && options.Allows(context));
    }
}
