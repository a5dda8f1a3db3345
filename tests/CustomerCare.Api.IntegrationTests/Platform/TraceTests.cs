using System.Diagnostics;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Api.IntegrationTests.Webhooks;
using CustomerCare.Infrastructure.Webhooks;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// One trace spans a change and its delivery: the create's request, its command and its SQL statements, and — after the
/// outbox, on whichever replica sends it — the webhook delivery, whose receiver gets the same trace in <c>traceparent</c>.
/// Spans are collected with OpenTelemetry's in-memory exporter.
/// </summary>
public sealed class TraceTests : AdminIntegrationTest
{
    [Test]
    public async Task ACreateAndItsWebhookDelivery_ShareOneTrace_AndTheReceiverGetsIt()
    {
        var spans = new List<Activity>();
        await using var host = Testing.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("CustomerCare:Tracing:Enabled", "true");
            b.ConfigureTestServices(s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
        });
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = Admin.DefaultRequestHeaders.Authorization;
        await Dispatch.UntilSettledAsync(); // nothing of earlier tests goes to the receiver below
        await using var receiver = await WebhookReceiver.StartAsync();
        var (subscription, _) = await WebhookDeliveryTests.SubscribeAsync(Admin, receiver.Url, ["complaint.received"]);
        var trace = ActivityTraceId.CreateRandom();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(ComplaintApi.NewComplaint(phone: "138 0013 8021")) };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var dispatcher = scope.ServiceProvider.GetRequiredService<WebhookDispatcher>();
            for (var pass = 0; pass < 50 && receiver.Accepted.IsEmpty; pass++)
            {
                await dispatcher.RunOnceAsync(CancellationToken.None);
            }
        }

        await (await Admin.DeleteAsync($"/api/v1/webhooks/{subscription}")).AssertStatusAsync(System.Net.HttpStatusCode.NoContent);
        // The exporter adds the spans of every host in this process (activity sources are global) from their threads: the
        // list is read once this host's tracer provider is gone with it, not while it still grows.
        await host.DisposeAsync();
        var inTrace = spans.Where(s => s.TraceId == trace).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(receiver.Accepted.Select(w => w.TraceParent), Has.Some.Contains(trace.ToString()), "the receiver continues the trace");
            Assert.That(inTrace.Select(s => s.Source.Name), Has.Some.EqualTo("Microsoft.AspNetCore"), "the request");
            Assert.That(inTrace.Select(s => s.DisplayName), Has.Some.EqualTo("ReceiveComplaintCommand"), "the mediator pipeline");
            Assert.That(inTrace.Select(s => s.Source.Name), Has.Some.EqualTo("Npgsql"), "the SQL statements");
            Assert.That(inTrace.Select(s => s.DisplayName), Has.Some.EqualTo("webhook delivery"), "the delivery, after the outbox");
            Assert.That(inTrace.Where(s => s.Source.Name == "System.Net.Http").Select(s => s.Kind), Has.Some.EqualTo(ActivityKind.Client), "the HTTP call to the receiver");
        });
    }
}
