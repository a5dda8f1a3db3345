using CustomerCare.Api;
using CustomerCare.Api.Infrastructure.Hosting;
using CustomerCare.Api.Infrastructure.Limits;
using CustomerCare.Api.Infrastructure.Pages;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Api.Infrastructure.Telemetry;
using CustomerCare.Application;
using CustomerCare.Infrastructure;
using CustomerCare.Infrastructure.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

if (CommandLine.IsHealthProbe(args))
{
    return await CommandLine.ProbeAsync(args, Environment.GetEnvironmentVariable("ASPNETCORE_URLS"), Console.Out);
}

MallocArenas.LimitAtStart();
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
if (builder.Configuration.GetValue<int?>($"{MetricsOptions.SectionName}:Port") is { } metricsPort)
{
    // The scrape endpoint on a port of its own, beside the API's (ASPNETCORE_URLS, else Kestrel's default).
    var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } configured ? configured : "http://localhost:5000";
    builder.WebHost.UseUrls($"{urls};http://0.0.0.0:{metricsPort}");
}

builder.Services
    .AddApplication(builder.Configuration)
    .AddInfrastructure(builder.Configuration)
    .AddWebServices(builder.Configuration)
    .AddTelemetry(builder.Configuration);

var app = builder.Build();

if (CommandLine.IsMigration(args))
{
    await app.Services.MigrateDatabaseAsync(app.Lifetime.ApplicationStopping);
    await app.Services.InitialiseDatabaseAsync(app.Lifetime.ApplicationStopping);
    return 0;
}

await app.Services.InitialiseDatabaseAsync(app.Lifetime.ApplicationStopping);

// scripts/run.sh hands over its sign-in banner, printed once the API listens (not before: a newcomer would try too soon).
if (Environment.GetEnvironmentVariable("CUSTOMERCARE_RUN_BANNER") is { Length: > 0 } banner)
{
    app.Lifetime.ApplicationStarted.Register(() => Console.Out.WriteLine(banner));
}

// First: a scrape is answered before authentication, rate limits and the request log (and only to those allowed).
app.UseMetricsEndpoint();
app.UseHttpLogging();
// First, so that the exception handler and everything after it speak the caller's language (Accept-Language).
app.UseRequestLocalization();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWebSecurity();
app.UseNulCharacterGuard();

app.UseOneCredential();
app.UseAuthentication();
app.UseCallerRateLimits();
app.UseAuthorization();
app.UseRequestBodyLimits();
app.UseMiddleware<IdempotencyMiddleware>();
// Inside the idempotency layer too, so that the problem responses of endpoints are what a key replays.
app.UseExceptionHandler();

app.UseSwagger();
app.UseSwaggerUI(options =>
{
    options.SwaggerEndpoint("/swagger/v1/swagger.json", "CustomerCare API v1");
    options.DocumentTitle = "CustomerCare API";
    options.InjectJavascript(SwaggerUiAdditions.SessionScriptPath);
    options.DisplayRequestDuration();
});

app.MapHealthChecks("/health/live", new HealthCheckOptions
{
    Predicate = _ => false,
    ResponseWriter = HealthResponseWriter.WriteAsync,
}).AllowAnonymous().WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
app.MapHealthChecks("/health/ready", new HealthCheckOptions
{
    Predicate = check => check.Tags.Contains("ready"),
    ResponseWriter = HealthResponseWriter.WriteAsync,
}).AllowAnonymous().WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));

app.MapEndpointGroups();
app.MapDashboard();
app.MapProblemTypePages();
app.MapSwaggerUiAdditions();

await app.RunAsync();
return 0;
