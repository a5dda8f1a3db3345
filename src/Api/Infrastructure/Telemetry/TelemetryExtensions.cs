using CustomerCare.Application.Common.Behaviours;
using CustomerCare.Infrastructure.Diagnostics;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CustomerCare.Api.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry traces (when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or <c>CustomerCare:Tracing:Enabled</c> is set: requests,
/// the mediator pipeline, SQL statements, outgoing HTTP, and deliveries continuing the trace of the change that caused
/// them) and metrics: ASP.NET Core, HttpClient, the .NET runtime, Npgsql and the business instruments of
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
        var telemetry = services.AddOpenTelemetry();
        if (otlp || configuration.GetValue("CustomerCare:Tracing:Enabled", false))
        {
            // Traces cost a span per request, command and statement: recorded only when something receives them.
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(Tracing.SourceName, "Npgsql")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
        }

        telemetry.ConfigureResource(resource => resource.AddService("customercare-api"));
        if (!configuration.GetValue($"{MetricsOptions.SectionName}:{nameof(MetricsOptions.Enabled)}", true))
        {
            return services;
        }

        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(CustomerCareMetrics.MeterName, "Npgsql")
                // Every label here comes from a closed set (ADR 0019): a few hundred series per instrument at most, where
                // OpenTelemetry would set aside 2,000 points for each.
                .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = MetricsOptions.SeriesPerInstrument })
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
    /// the API does not have. A port of the metrics' own answers nothing else: the API is not served there.
    /// </summary>
    public static IApplicationBuilder UseMetricsEndpoint(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (options.Enabled)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
                context.Request.Path == MetricsOptions.Path && options.Allows(context));
        }

        if (options.Port is { } port)
        {
            app.Use((context, next) =>
            {
                if (context.Connection.LocalPort != port)
                {
                    return next(context);
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        }

        return app;
    }
}
