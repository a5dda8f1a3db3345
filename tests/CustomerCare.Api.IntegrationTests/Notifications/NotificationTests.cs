using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Diagnostics;
using CustomerCare.Infrastructure.Notifications;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CustomerCare.Api.IntegrationTests.Notifications;

/// <summary>
/// Notifications end to end on a host configured as an operator would (a real SMTP server that requires a password, a
/// real HTTP SMS gateway that checks signatures), the dispatcher driven pass by pass as the worker would run it.
/// </summary>
[NonParallelizable]
public sealed class NotificationTests : IntegrationTest
{
    private TestSmtpServer _smtp = null!;
    private TestSmsGateway _gateway = null!;
    private TestGroupRobots _robots = null!;
    private CustomerCareApiFactory _api = null!;
    private Dictionary<string, string?> _settings = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _smtp = TestSmtpServer.Reserve();
        await _smtp.StartAsync();
        _gateway = await TestSmsGateway.StartAsync();
        _robots = await TestGroupRobots.StartAsync();
        _settings = new Dictionary<string, string?>
        {
            ["CustomerCare:Notifications:Email:Host"] = "127.0.0.1",
            ["CustomerCare:Notifications:Email:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CustomerCare:Notifications:Email:UseTls"] = "None",
            ["CustomerCare:Notifications:Email:UserName"] = TestSmtpServer.UserName,
            ["CustomerCare:Notifications:Email:Password"] = TestSmtpServer.Password,
            ["CustomerCare:Notifications:Email:From"] = "客服中心 <care@tests.example>",
            ["CustomerCare:Notifications:Sms:GatewayUrl"] = _gateway.Url.ToString(),
            ["CustomerCare:Notifications:Sms:Secret"] = TestSmsGateway.Secret,
            ["CustomerCare:Notifications:Sms:Sender"] = "客服中心",
            ["CustomerCare:Notifications:RetryBaseDelay"] = "00:00:00.100",
            ["CustomerCare:Notifications:RetryMaxDelay"] = "00:00:00.200",
            ["CustomerCare:Notifications:AttemptTimeout"] = "00:00:10",
            ["CustomerCare:Surveys:ResponseLinkBase"] = "http://localhost/api/v1/survey-responses/",
            ["CustomerCare:Notifications:Robots:AdditionalHosts:0"] = "127.0.0.1",
            ["CustomerCare:Notifications:Robots:AllowHttp"] = "true",
            ["CustomerCare:Notifications:GreetingTime"] = "00:00",
            ["CustomerCare:Notifications:ImmediateRetryDelay"] = "00:00:00.010",
        };
        _api = new CustomerCareApiFactory(Testing.Database.ConnectionString, settings: _settings);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _gateway.DisposeAsync();
        await _robots.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [SetUp]
    public async Task SignInAsync()
    {
        _admin = _api.CreateClient();
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await ApiClient.SignInAsync(CustomerCareApiFactory.AdminEmail, CustomerCareApiFactory.AdminPassword));
        while (_smtp.Received.TryDequeue(out _))
        {
        }

        while (_gateway.Accepted.TryDequeue(out _))
        {
        }

        await SetQuietHoursAsync("00:00-00:00");
    }

    [TearDown]
    public void SignOut() => _admin.Dispose();

    [Test]
    public async Task AComplaintWalkedToItsClose_TellsTheCustomerByEmail_InChinese_AtEachStepTheyCareAbout()
    {
        var customerId = await CreateCustomerAsync("王芳", "zh-CN", "email", byEmail: true, byPhone: false);
        var complaints = new ComplaintApi(_admin);
        var id = await ReceiveAsync(complaints, customerId, "热水壶底座漏水");
        await complaints.DoAsync(id, "register", new { category = "productQuality", severity = "general", customerAcknowledged = true });
        await complaints.DoAsync(id, "investigation", ComplaintApi.Investigation);
        await complaints.DoAsync(id, "solution", new { summary = "为您免费更换新水壶", communicatedVia = "email", steps = Array.Empty<object>() });
        await complaints.DoAsync(id, "customer-response", new { accepted = true, comment = "可以" });
        await complaints.DoAsync(id, "resolve", new { outcome = "已更换新水壶 <已签收>", fedBackVia = "phone" });
        await complaints.DoAsync(id, "close", new { reason = "resolved", satisfaction = 5 });
        var before = (await complaints.GetAsync(id)).ETag;

        await DispatchUntilSettledAsync();

        var mails = _smtp.Received.ToList();
        var (complaint, after) = await complaints.GetAsync(id);
        var number = complaint.GetProperty("number").GetString();
        var timeline = (await (await _admin.GetAsync($"/api/v1/complaints/{id}/timeline")).ReadJsonAsync()).EnumerateArray().ToList();
        var told = timeline.Where(e => e.GetProperty("kind").GetString() == "customerInformed").ToList();
        var notifications = (await (await _admin.GetAsync($"/api/v1/complaints/{id}/notifications")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(mails.Select(m => m.Subject), Is.EqualTo(new[]
            {
                $"我们已受理您的投诉 {number}", $"关于投诉 {number} 的解决方案", $"您的投诉 {number} 已解决", $"您的投诉 {number} 已结案",
            }), "one e-mail per step the customer is told of, in order, in their language");
            Assert.That(mails.All(m => m.To.Mailboxes.Single().Address == "wangfang@tests.example"), Is.True);
            Assert.That(mails.All(m => m.From.Mailboxes.Single().Name == "客服中心"), Is.True);
            Assert.That(mails[0].TextBody, Does.StartWith("王芳，您好：").And.Contain("热水壶底座漏水").And.Contain("前与您联系"));
            Assert.That(mails[1].TextBody, Does.Contain("为您免费更换新水壶"));
            Assert.That(mails[2].TextBody, Does.Contain("已更换新水壶 <已签收>"), "the text part as written");
            Assert.That(mails[2].HtmlBody, Does.Contain("已更换新水壶 &lt;已签收&gt;").And.Not.Contain("<已签收>"), "the HTML part escaped");
            Assert.That(mails[3].TextBody, Does.Contain("已解决"), "the closing reason by its Chinese name");
            Assert.That(notifications.Select(n => n.GetProperty("event").GetString()),
                Is.EqualTo(new[] { "complaintReceived", "solutionProposed", "complaintResolved", "complaintClosed" }));
            Assert.That(notifications.Select(n => n.GetProperty("status").GetString()), Is.All.EqualTo("sent"));
            Assert.That(notifications.Select(n => n.GetProperty("channel").GetString()), Is.All.EqualTo("email"));
            Assert.That(notifications.Select(n => n.GetProperty("language").GetString()), Is.All.EqualTo("zh-CN"));
            Assert.That(notifications[0].GetProperty("lastAnswer").GetString(), Does.Contain("Ok").IgnoreCase.Or.Contain("250"), "the server's answer is kept");
            Assert.That(told.Select(e => timeline.First(t => t.GetProperty("sequence").GetInt32() == e.GetProperty("sequence").GetInt32()).GetProperty("kind").GetString()),
                Is.EqualTo(new[] { "received", "solutionProposed", "resolved", "closed" }), "a public entry after each entry the customer was told of");
            Assert.That(told.Select(e => e.GetProperty("text").GetString()), Is.All.EqualTo("email"));
            Assert.That(told.Select(e => e.GetProperty("visibility").GetString()), Is.All.EqualTo("public"));
            Assert.That(timeline.Select(e => e.GetProperty("sequence").GetInt32()), Is.Ordered, "still in the order of the history");
            Assert.That(after, Is.EqualTo(before), "sending a notification does not change the complaint's ETag");
        });
    }

    [Test]
    public async Task ACustomerWhoPrefersTextMessages_InEnglish_GetsASignedSms_AtTheGateway()
    {
        var customerId = await CreateCustomerAsync("Zhang Wei", "en-GB", "sms", byEmail: false, byPhone: true);
        var complaints = new ComplaintApi(_admin);
        while (_gateway.TraceParents.TryDequeue(out _))
        {
        }

        // In a trace of the caller's: the SMS, sent later by the dispatcher, continues it (tracing itself is off here).
        var trace = System.Diagnostics.ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints")
        {
            Content = JsonContent.Create(new { channel = "phone", customerId, title = "Kettle leaks", description = "详细情况见电话记录。" }),
        };
        request.Headers.Add("traceparent", $"00-{trace}-{System.Diagnostics.ActivitySpanId.CreateRandom()}-01");
        var created = await _admin.SendAsync(request);
        await created.AssertStatusAsync(HttpStatusCode.Created);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        using var durations = new MetricCollector<double>(_api.Services.GetRequiredService<IMeterFactory>(),
            CustomerCareMetrics.MeterName, "customercare.notification.delivery.duration");

        await DispatchUntilSettledAsync();

        var number = (await complaints.GetAsync(id)).Body.GetProperty("number").GetString();
        var sms = _gateway.Accepted.ToList();
        var timed = durations.GetMeasurementSnapshot();
        Assert.Multiple(() =>
        {
            Assert.That(sms, Has.Count.EqualTo(1));
            Assert.That(sms[0].To, Is.EqualTo("+8613800138001"));
            Assert.That(_gateway.TraceParents, Has.Some.Contains(trace.ToString()), "the gateway hears the trace of the change that planned the SMS");
            Assert.That(sms[0].Sender, Is.EqualTo("客服中心"));
            Assert.That(sms[0].Text, Does.StartWith($"Customer Care: your complaint {number} was received. We will contact you by 20"));
            Assert.That(sms[0].Language, Is.EqualTo("en"));
            Assert.That(sms[0].Segments, Is.EqualTo(1));
            Assert.That(_gateway.Refused, Is.Zero, "every request carried a valid signature");
            Assert.That(_smtp.Received, Is.Empty, "one channel per notification: the preferred one");
            Assert.That(timed, Has.Count.EqualTo(1), "the send's duration, for the latency metric");
            Assert.That(timed[0].Value, Is.GreaterThan(0));
            Assert.That(timed[0].Tags, Does.Contain(new KeyValuePair<string, object?>("channel", "sms")).And.Contain(new KeyValuePair<string, object?>("outcome", "sent")));
        });
    }

    [Test]
    public async Task ACustomerAbroad_IsToldOurTimesOnTheirOwnClock_AndTheirTimeZoneGoesWithTheirData()
    {
        var refused = await _admin.PostAsJsonAsync("/api/v1/customers", new
        {
            name = "Anna Schmidt", timeZone = "Europe/Atlantis", consent = new { contactByPhone = false, contactByEmail = true, marketing = false },
            contactPoints = new[] { new { kind = "email", value = "anna@tests.example", isPrimary = true } },
        });
        var created = await _admin.PostAsJsonAsync("/api/v1/customers", new
        {
            name = "Anna Schmidt", preferredChannel = "email", preferredLanguage = "en", timeZone = "Europe/Berlin",
            consent = new { contactByPhone = false, contactByEmail = true, marketing = false },
            contactPoints = new[] { new { kind = "email", value = "anna@tests.example", isPrimary = true } },
        });
        var customerId = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        var complaints = new ComplaintApi(_admin);
        var id = await ReceiveAsync(complaints, customerId, "Kettle leaks");

        await DispatchUntilSettledAsync();

        var receivedAt = (await complaints.GetAsync(id)).Body.GetProperty("receivedAt").GetDateTimeOffset();
        var berlin = TimeZoneInfo.ConvertTime(receivedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        var mail = _smtp.Received.Single();
        await (await _admin.PostAsync($"/api/v1/customers/{customerId}/erase", null)).AssertStatusAsync(System.Net.HttpStatusCode.NoContent);
        var erased = await (await _admin.GetAsync($"/api/v1/customers/{customerId}")).ReadJsonAsync();
        var problem = await refused.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("errors").TryGetProperty("timeZone", out _), Is.True, problem.ToString());
            Assert.That(mail.TextBody, Does.Contain($"received {berlin:yyyy-MM-dd HH:mm}"), "on the Berlin clock, not the calendar's Shanghai one");
            Assert.That(erased.GetProperty("timeZone").ValueKind, Is.EqualTo(JsonValueKind.Null), "erased with the rest of their personal data");
        });
    }

    [Test]
    public async Task WithoutConsent_NothingIsSent_AndTheNotificationSaysWhy()
    {
        var customerId = await CreateCustomerAsync("李娜", "zh-CN", "email", byEmail: false, byPhone: false);
        var complaints = new ComplaintApi(_admin);
        var id = await ReceiveAsync(complaints, customerId, "快递延误");

        await DispatchUntilSettledAsync();

        var notification = (await (await _admin.GetAsync($"/api/v1/complaints/{id}/notifications")).ReadJsonAsync()).EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(notification.GetProperty("status").GetString(), Is.EqualTo("notSent"));
            Assert.That(notification.GetProperty("notSentReason").GetString(), Is.EqualTo("noConsent"));
            Assert.That(notification.GetProperty("attempts").GetInt32(), Is.Zero);
            Assert.That(_smtp.Received, Is.Empty);
            Assert.That(_gateway.Accepted, Is.Empty);
        });
    }

    [Test]
    public async Task WhileTheMailServerIsDown_TheEmailIsRetried_AndDeliveredWhenItIsBack()
    {
        var customerId = await CreateCustomerAsync("王芳", "zh-CN", "email", byEmail: true, byPhone: false);
        await _smtp.StopAsync();
        try
        {
            var id = await ReceiveAsync(new ComplaintApi(_admin), customerId, "热水壶底座漏水");
            var first = await DispatchOnceAsync();
            var failed = (await (await _admin.GetAsync($"/api/v1/complaints/{id}/notifications")).ReadJsonAsync()).EnumerateArray().Single();
            Assert.Multiple(() =>
            {
                Assert.That(first.Retried, Is.EqualTo(1));
                Assert.That(failed.GetProperty("status").GetString(), Is.EqualTo("retryScheduled"));
                Assert.That(failed.GetProperty("attempts").GetInt32(), Is.EqualTo(2), "tried, tried again at once (Polly), then scheduled");
                Assert.That(failed.GetProperty("lastAnswer").GetString(), Does.Contain("Socket").Or.Contain("refused").IgnoreCase);
            });
        }
        finally
        {
            await _smtp.StartAsync();
        }

        await DispatchUntilSettledAsync();

        Assert.That(_smtp.Received.Select(m => m.To.Mailboxes.Single().Address), Is.EqualTo(new[] { "wangfang@tests.example" }));
    }

    [Test]
    public async Task AMailServerThatKeepsFailing_IsPaused_AndItsEmailsWaitUntried()
    {
        var down = TestSmtpServer.Reserve(); // a port nobody listens on
        await using var failing = new CustomerCareApiFactory(Testing.Database.ConnectionString, migrateOnStartup: false, settings: new Dictionary<string, string?>(_settings)
        {
            ["CustomerCare:Notifications:Email:Port"] = down.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CustomerCare:Notifications:BreakerMinimumThroughput"] = "2",
            ["CustomerCare:Notifications:BreakerBreakDuration"] = "00:10:00",
        });
        var customerId = await CreateCustomerAsync("王芳", "zh-CN", "email", byEmail: true, byPhone: false);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await ReceiveAsync(new ComplaintApi(_admin), customerId, $"熔断测试 {i}"));
        }

        async Task<List<JsonElement>> NotificationsAsync()
        {
            var found = new List<JsonElement>();
            foreach (var id in ids)
            {
                found.Add((await (await _admin.GetAsync($"/api/v1/complaints/{id}/notifications")).ReadJsonAsync()).EnumerateArray().Single());
            }

            return found;
        }

        await DispatchOnceAsync(failing);
        var afterFirst = await NotificationsAsync();
        await Task.Delay(300); // past the scheduled retries' back-off (100–200 ms in these tests)
        var second = await DispatchOnceAsync(failing);
        var afterSecond = await NotificationsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(second.Claimed, Is.EqualTo(3));
            Assert.That(afterSecond.Select(n => n.GetProperty("lastAnswer").GetString()), Has.All.Contains("failed too often: paused"),
                "the second pass tries none of them: the channel is paused");
            Assert.That(afterSecond.Select(n => n.GetProperty("attempts").GetInt32()), Is.EqualTo(afterFirst.Select(n => n.GetProperty("attempts").GetInt32())),
                "no try counted while paused");
            Assert.That(afterSecond.Select(n => n.GetProperty("status").GetString()), Is.All.EqualTo("retryScheduled"));
        });

        await DispatchUntilSettledAsync(); // another replica, whose mail server answers, sends them
        Assert.That(_smtp.Received.Count(m => m.Subject!.StartsWith("我们已受理您的投诉", StringComparison.Ordinal)), Is.EqualTo(3));
    }

    [Test]
    public async Task InTheQuietHours_ATextMessageWaitsForTheirEnd()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, shanghai);
        var start = TimeOnly.FromDateTime(local.DateTime).AddHours(-1);
        var end = TimeOnly.FromDateTime(local.DateTime).AddHours(2);
        await SetQuietHoursAsync($"{start:HH\\:mm}-{end:HH\\:mm}");
        var customerId = await CreateCustomerAsync("Zhang Wei", "zh-CN", "sms", byEmail: false, byPhone: true);
        var id = await ReceiveAsync(new ComplaintApi(_admin), customerId, "深夜投诉");

        var pass = await DispatchOnceAsync();

        var notification = (await (await _admin.GetAsync($"/api/v1/complaints/{id}/notifications")).ReadJsonAsync()).EnumerateArray().Single();
        var due = notification.GetProperty("nextAttemptAt").GetDateTimeOffset();
        Assert.Multiple(() =>
        {
            Assert.That(pass.Claimed, Is.Zero, "not due yet");
            Assert.That(_gateway.Accepted, Is.Empty);
            Assert.That(notification.GetProperty("status").GetString(), Is.EqualTo("pending"), "deferred, not dropped");
            Assert.That(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, shanghai).DateTime), Is.EqualTo(new TimeOnly(end.Hour, end.Minute)));
            Assert.That(due, Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(55)));
        });
    }

    [Test]
    public async Task UnderAFakeClock_AtHalfPastTenAtNight_TheShippedQuietHoursHoldATextMessageUntilEightInTheMorning()
    {
        await SetQuietHoursAsync("21:00-08:00"); // as shipped
        var shanghai = TimeSpan.FromHours(8);
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).AddDays(1);
        var night = new DateTimeOffset(tomorrow.ToDateTime(new TimeOnly(22, 30)), shanghai);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(night);
        await using var host = _api.WithWebHostBuilder(b => Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(b,
            services => services.AddSingleton<TimeProvider>(clock)));
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = _admin.DefaultRequestHeaders.Authorization;
        var customerId = await CreateCustomerAsync("Zhang Wei", "zh-CN", "sms", byEmail: false, byPhone: true);
        var id = await ReceiveAsync(new ComplaintApi(client), customerId, "深夜投诉");

        var notification = (await (await _admin.GetAsync($"/api/v1/complaints/{id}/notifications")).ReadJsonAsync()).EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(notification.GetProperty("channel").GetString(), Is.EqualTo("sms"));
            Assert.That(notification.GetProperty("status").GetString(), Is.EqualTo("pending"), "deferred, not dropped");
            Assert.That(notification.GetProperty("nextAttemptAt").GetDateTimeOffset(),
                Is.EqualTo(new DateTimeOffset(tomorrow.AddDays(1).ToDateTime(new TimeOnly(8, 0)), shanghai)), "the next morning at eight, Shanghai time");
        });
    }

    [Test]
    public async Task ACustomerIsNeverToldTheSameThingTwice_EvenWhenTwoReplicasDispatchAtOnce()
    {
        var customerId = await CreateCustomerAsync("王芳", "zh-CN", "email", byEmail: true, byPhone: false);
        var complaints = new ComplaintApi(_admin);
        for (var i = 0; i < 6; i++)
        {
            await ReceiveAsync(complaints, customerId, $"第 {i} 件投诉");
        }

        // A second replica: another host of the same deployment (its own services, dispatcher and connections), one database.
        await using var replica = new CustomerCareApiFactory(Testing.Database.ConnectionString, migrateOnStartup: false, settings: _settings);
        await Task.WhenAll(DispatchUntilSettledAsync(), DispatchUntilSettledAsync(replica), DispatchUntilSettledAsync(replica));

        Assert.That(_smtp.Received.Select(m => m.MessageId).Order(StringComparer.Ordinal).ToList(), Has.Count.EqualTo(6).And.Unique);
    }

    [TestCase(TestSmtpSecurity.StartTls)]
    [TestCase(TestSmtpSecurity.Tls)]
    public async Task OverTls_AMailServerWhoseCertificateNoAuthorityVouchesFor_IsRefused_UntilItsFingerprintIsPinned(TestSmtpSecurity security)
    {
        await using var server = TestSmtpServer.Reserve(security);
        await server.StartAsync();
        Dictionary<string, string?> Over(bool pinned) => new(_settings)
        {
            ["CustomerCare:Notifications:Email:Host"] = "localhost",
            ["CustomerCare:Notifications:Email:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CustomerCare:Notifications:Email:UseTls"] = security.ToString(),
            ["CustomerCare:Notifications:Email:TrustedCertificateSha256"] = pinned ? TestSmtpServer.CertificateSha256 : null,
        };
        await using var untrusting = new CustomerCareApiFactory(Testing.Database.ConnectionString, migrateOnStartup: false, settings: Over(pinned: false));
        await using var pinning = new CustomerCareApiFactory(Testing.Database.ConnectionString, migrateOnStartup: false, settings: Over(pinned: true));
        var customerId = await CreateCustomerAsync("王芳", "zh-CN", "email", byEmail: true, byPhone: false);
        var id = await ReceiveAsync(new ComplaintApi(_admin), customerId, "加密连接测试");

        var refused = await DispatchOnceAsync(untrusting);
        var afterRefusal = (await (await _admin.GetAsync($"/api/v1/complaints/{id}/notifications")).ReadJsonAsync()).EnumerateArray().Single();
        await DispatchUntilSettledAsync(pinning);
        var delivered = (await (await _admin.GetAsync($"/api/v1/complaints/{id}/notifications")).ReadJsonAsync()).EnumerateArray().Single();
        var number = (await new ComplaintApi(_admin).GetAsync(id)).Body.GetProperty("number").GetString();

        Assert.Multiple(() =>
        {
            Assert.That(refused.Retried, Is.EqualTo(1), "an unknown certificate is not trusted: the e-mail waits");
            Assert.That(afterRefusal.GetProperty("status").GetString(), Is.EqualTo("retryScheduled"));
            Assert.That(afterRefusal.GetProperty("lastAnswer").GetString(), Does.Contain("certificate").IgnoreCase);
            Assert.That(server.Received.Select(m => m.Subject), Is.EqualTo(new[] { $"我们已受理您的投诉 {number}" }),
                "delivered over the encrypted connection, authenticated, once the certificate is pinned");
            Assert.That(delivered.GetProperty("status").GetString(), Is.EqualTo("sent"));
            Assert.That(_smtp.Received, Is.Empty, "nothing went to the plain server");
        });
    }

    [Test]
    public async Task AnAdministratorsTemplate_IsCheckedOnSave_Previewed_UsedForWhatIsSentNext_AndCanBeReset()
    {
        const string url = "/api/v1/notification-templates/complaintReceived/email/zh-CN";
        var unknown = await _admin.PutAsJsonAsync(url, new { subject = "投诉 {{number}}", body = "{{nme}}，您好：{{number}} {{outcome}}" });
        var subjectOnSms = await _admin.PutAsJsonAsync("/api/v1/notification-templates/complaintReceived/sms/zh-CN", new { subject = "主题", body = "{{number}}" });
        var tooLong = await _admin.PutAsJsonAsync("/api/v1/notification-templates/complaintReceived/sms/zh-CN",
            new { body = string.Concat(Enumerable.Repeat("您的投诉 {{number}} 已受理，请耐心等待。", 12)) });
        var wrongChannel = await _admin.GetAsync("/api/v1/notification-templates/complaintReceived/weComRobot/zh-CN");
        var saved = await (await _admin.PutAsJsonAsync(url, new
        {
            subject = "【已受理】{{number}}",
            body = "尊敬的{{customerName}}：\n您的投诉“{{title}}”已受理（{{number}}），{{firstContactDue}} 前联系您。",
        })).ReadJsonAsync();

        var customerId = await CreateCustomerAsync("王<芳>", "zh-CN", "email", byEmail: true, byPhone: false);
        var id = await ReceiveAsync(new ComplaintApi(_admin), customerId, "热水壶底座漏水");
        var preview = await (await _admin.PostAsJsonAsync(url + "/preview", new { complaintId = id })).ReadJsonAsync();
        var draft = await (await _admin.PostAsJsonAsync("/api/v1/notification-templates/complaintReceived/sms/zh-CN/preview",
            new { complaintId = id, body = "投诉 {{number}}：{{title}}" })).ReadJsonAsync();
        await DispatchUntilSettledAsync();
        var reset = await (await _admin.DeleteAsync(url)).ReadJsonAsync();

        var unknownProblem = await unknown.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest);
        var subjectProblem = await subjectOnSms.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest);
        var lengthProblem = await tooLong.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest);
        var channelProblem = await wrongChannel.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest);
        var mail = _smtp.Received.Single();
        Assert.Multiple(() =>
        {
            Assert.That(unknownProblem.GetProperty("errors").GetProperty("body")[0].GetString(), Does.Contain("{{nme}}").And.Contain("{{outcome}}"));
            Assert.That(subjectProblem.GetProperty("errors").TryGetProperty("subject", out _), Is.True);
            Assert.That(lengthProblem.GetProperty("errors").GetProperty("body")[0].GetString(), Does.Contain("parts"));
            Assert.That(channelProblem.GetProperty("errors").TryGetProperty("channel", out _), Is.True);
            Assert.That(saved.GetProperty("customised").GetBoolean(), Is.True);
            Assert.That(preview.GetProperty("text").GetString(), Does.StartWith("尊敬的王<芳>：\n您的投诉“热水壶底座漏水”已受理（CC-"));
            Assert.That(preview.GetProperty("html").GetString(), Does.Contain("尊敬的王&lt;芳&gt;："));
            Assert.That(draft.GetProperty("text").GetString(), Does.Match(@"^投诉 CC-\d{4}-\d{6}：热水壶底座漏水$"));
            Assert.That(draft.GetProperty("smsSegments").GetInt32(), Is.EqualTo(1));
            Assert.That(mail.Subject, Does.StartWith("【已受理】CC-"), "what is sent next uses the administrator's template");
            Assert.That(mail.TextBody, Is.EqualTo(preview.GetProperty("text").GetString()), "the preview is what is sent");
            Assert.That(reset.GetProperty("customised").GetBoolean(), Is.False);
            Assert.That(reset.GetProperty("subject").GetString(), Is.EqualTo("我们已受理您的投诉 {{number}}"));
        });
    }

    [Test]
    public async Task AReplyToTheCustomer_IsAPublicTimelineEntry_AndIsSentToThem()
    {
        var customerId = await CreateCustomerAsync("Zhang Wei", "zh-CN", "sms", byEmail: false, byPhone: true);
        var complaints = new ComplaintApi(_admin);
        var id = await ReceiveAsync(complaints, customerId, "快递延误");
        var reply = await complaints.ActAsync(id, "replies", new { text = "新水壶已发出，单号 SF123" });

        await DispatchUntilSettledAsync();

        await reply.ReadJsonAsync();
        var timeline = (await (await _admin.GetAsync($"/api/v1/complaints/{id}/timeline")).ReadJsonAsync()).EnumerateArray().ToList();
        var sms = _gateway.Accepted.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(timeline[^2].GetProperty("kind").GetString(), Is.EqualTo("publicReply"));
            Assert.That(timeline[^2].GetProperty("visibility").GetString(), Is.EqualTo("public"));
            Assert.That(timeline[^2].GetProperty("text").GetString(), Is.EqualTo("新水壶已发出，单号 SF123"));
            Assert.That(timeline[^1].GetProperty("kind").GetString(), Is.EqualTo("customerInformed"), "then: the customer was told, by SMS");
            Assert.That(timeline[^1].GetProperty("text").GetString(), Is.EqualTo("sms"));
            Assert.That(timeline[^1].GetProperty("sequence").GetInt32(), Is.EqualTo(timeline[^2].GetProperty("sequence").GetInt32()));
            Assert.That(sms.Select(m => m.Text).Last(), Does.EndWith("：新水壶已发出，单号 SF123"));
            Assert.That(sms, Has.Count.EqualTo(2), "receipt, then the reply");
        });
    }

    [Test]
    public async Task AnIncidentsResolution_IsMailedToTheCustomerOfEachLinkedComplaint_OnceEach_EvenWhenResolvedAgain()
    {
        var complaints = new ComplaintApi(_admin);
        var ids = new List<Guid>();
        foreach (var (name, mailbox) in new[] { ("陈静", "chenjing"), ("刘洋", "liuyang"), ("赵磊", "zhaolei") })
        {
            var customer = await _admin.PostAsJsonAsync("/api/v1/customers", new
            {
                name, preferredChannel = "email", preferredLanguage = "zh-CN",
                consent = new { contactByPhone = false, contactByEmail = true, marketing = false },
                contactPoints = new[] { new { kind = "email", value = $"{mailbox}@tests.example", isPrimary = true } },
            });
            var id = await ReceiveAsync(complaints, (await customer.ReadJsonAsync()).GetProperty("id").GetGuid(), "宽带无法上网");
            await complaints.DoAsync(id, "register", new { category = "technicalFault", severity = "general", customerAcknowledged = true });
            ids.Add(id);
        }

        var incident = (await (await _admin.PostAsJsonAsync("/api/v1/incidents", new { title = "滨江区光缆中断", cause = "network" })).ReadJsonAsync())
            .GetProperty("id").GetGuid();
        await (await _admin.PostAsJsonAsync($"/api/v1/incidents/{incident}/complaints", new { complaintIds = ids })).AssertStatusAsync(System.Net.HttpStatusCode.OK);
        await DispatchUntilSettledAsync();
        while (_smtp.Received.TryDequeue(out _))
        {
        }

        const string fix = "光缆已熔接修复，宽带业务全部恢复。";
        await (await _admin.PostAsJsonAsync($"/api/v1/incidents/{incident}/resolve", new { resolution = fix })).AssertStatusAsync(System.Net.HttpStatusCode.OK);
        await DispatchUntilSettledAsync();
        await (await _admin.PostAsJsonAsync($"/api/v1/incidents/{incident}/resolve", new { resolution = fix })).AssertStatusAsync(System.Net.HttpStatusCode.OK);
        await DispatchUntilSettledAsync();

        var mails = _smtp.Received.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(mails.Select(m => m.To.Mailboxes.Single().Address),
                Is.EquivalentTo(new[] { "chenjing@tests.example", "liuyang@tests.example", "zhaolei@tests.example" }), "one e-mail each, never two");
            Assert.That(mails.Select(m => m.Subject), Has.All.StartWith("您的投诉").And.All.EndWith("已解决"));
            Assert.That(mails.Select(m => m.TextBody), Has.All.Contain(fix), "each is told what fixed it");
        });
    }

    [Test]
    public async Task AMajorComplaint_TellsTheManagersOfItsDepartment_WhenRegisteredOrReclassifiedAsMajor_OnceEach()
    {
        var quality = await ApiClient.DepartmentIdAsync("QA");
        var (qualityManager, _) = await ApiClient.CreateStaffAsync("manager", quality);
        var (otherManager, _) = await ApiClient.CreateStaffAsync("manager");
        var api = new ComplaintApi(_admin);
        var major = (await api.ReceiveAsync(ComplaintApi.NewComplaint("燃气灶漏气"))).GetProperty("id").GetGuid();
        await api.DoAsync(major, "register", new { category = "productQuality", severity = "major", customerAcknowledged = true });
        var later = (await api.ReceiveAsync(ComplaintApi.NewComplaint("水壶漏水", phone: "138 0013 8001"))).GetProperty("id").GetGuid();
        await api.DoAsync(later, "register", new { category = "productQuality", severity = "general", customerAcknowledged = true });
        await api.DoAsync(later, "classification", new { category = "productQuality", severity = "major", reason = "漏电风险" });
        await api.DoAsync(later, "classification", new { category = "technicalFault", severity = "major", reason = "电气故障" });

        async Task<List<JsonElement>> MajorNoticesAsync(Guid id) =>
            (await (await _admin.GetAsync($"/api/v1/complaints/{id}/notifications")).ReadJsonAsync()).EnumerateArray()
                .Where(n => n.GetProperty("audience").GetString() == "staff" && n.GetProperty("event").GetString() == "majorComplaint").ToList();

        var first = await MajorNoticesAsync(major);
        var second = await MajorNoticesAsync(later);
        Assert.Multiple(() =>
        {
            Assert.That(first.Select(n => n.GetProperty("recipientId").GetGuid()), Is.EqualTo(new[] { qualityManager }), "the department's manager, not every manager");
            Assert.That(first[0].GetProperty("subject").GetString(), Does.StartWith("重大投诉：CC-"));
            Assert.That(first[0].GetProperty("text").GetString(), Does.Contain("燃气灶漏气").And.Contain("主管批准"));
            Assert.That(second.Select(n => n.GetProperty("recipientId").GetGuid()), Is.EqualTo(new[] { qualityManager }),
                "once when it became major; a later change of category tells nobody again");
            Assert.That(first.Concat(second).Select(n => n.GetProperty("recipientId").GetGuid()), Does.Not.Contain(otherManager));
        });
    }

    [Test]
    public async Task ABreachedMajorComplaint_TellsTheDepartmentsSupervisor_AndEveryManager()
    {
        var (supervisor, _) = await ApiClient.CreateStaffAsync("supervisor");
        var (manager, _) = await ApiClient.CreateStaffAsync("manager");
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = _api.WithWebHostBuilder(b => Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(b,
            services => services.AddSingleton<TimeProvider>(clock)));
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = _admin.DefaultRequestHeaders.Authorization;
        var allDay = Enum.GetNames<DayOfWeek>().ToDictionary(d => d.ToLowerInvariant(), _ => new[] { "00:00-24:00" });
        await (await client.PutAsJsonAsync("/api/v1/settings/calendar",
            new { timeZone = "Asia/Shanghai", workingHours = allDay, holidays = Array.Empty<string>(), makeUpWorkingDays = Array.Empty<string>() })).ReadJsonAsync();
        var customerId = await CreateCustomerAsync("王芳", "zh-CN", "email", byEmail: true, byPhone: false);
        var id = (await new ComplaintApi(client).ReceiveAsync(new
        {
            channel = "phone", customerId, title = "燃气灶漏气", description = "闻到燃气味", category = "productQuality", severity = "major",
        })).GetProperty("id").GetGuid();
        await new ComplaintApi(client).DoAsync(id, "register", new { category = "productQuality", severity = "major", customerAcknowledged = true });
        var departmentId = (await new ComplaintApi(client).GetAsync(id)).Body.GetProperty("responsibleDepartmentId").GetGuid();
        var department = await _admin.GetAsync($"/api/v1/departments/{departmentId}");
        var current = await department.ReadJsonAsync();
        using (var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/departments/{departmentId}")
        {
            Content = JsonContent.Create(new
            {
                name = current.GetProperty("name").GetString(), code = current.GetProperty("code").GetString(),
                parentId = current.GetProperty("parentId").ValueKind == JsonValueKind.Null ? (Guid?)null : current.GetProperty("parentId").GetGuid(),
                supervisorId = supervisor,
            }),
        })
        {
            update.Headers.IfMatch.Add(department.Headers.ETag!);
            await (await _admin.SendAsync(update)).ReadJsonAsync();
        }

        for (var minutes = 0; minutes < 240; minutes += 10) // the assignment clock goes at risk, then is breached, as the scanner looks every ten minutes
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CustomerCare.Infrastructure.Sla.SlaScanner>().ScanOnceAsync(CancellationToken.None);
        }

        var toStaff = (await (await client.GetAsync($"/api/v1/complaints/{id}/notifications")).ReadJsonAsync()).EnumerateArray()
            .Where(n => n.GetProperty("audience").GetString() == "staff").ToList();
        var breached = toStaff.Where(n => n.GetProperty("event").GetString() == "slaBreached").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(breached.Select(n => n.GetProperty("recipientId").GetGuid()), Is.EquivalentTo(new[] { supervisor, manager }));
            Assert.That(breached.Select(n => n.GetProperty("subject").GetString()), Is.All.StartWith("已超时：投诉 CC-"));
            Assert.That(breached[0].GetProperty("text").GetString(), Does.Contain("“指派”已于").And.Contain("燃气灶漏气").And.Contain("（重大）"));
            Assert.That(toStaff.Where(n => n.GetProperty("event").GetString() == "slaAtRisk").Select(n => n.GetProperty("recipientId").GetGuid()),
                Is.EquivalentTo(new[] { supervisor }), "at risk: the supervisor only");
        });
    }

    [Test]
    public async Task AComplaintTransferredIn_IsPostedToTheDepartmentsWeComAndSignedDingTalkRobots_AsTheirDocumentedTextMessages()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var created = await _admin.PostAsJsonAsync("/api/v1/departments", new { name = $"售后服务{suffix}组", code = $"R{suffix}" });
        var departmentId = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        var robots = $"/api/v1/departments/{departmentId}/robots";

        var weCom = await (await _admin.PutAsJsonAsync($"{robots}/weCom", new { webhookUrl = _robots.WeComUrl })).ReadJsonAsync();
        var dingTalk = await (await _admin.PutAsJsonAsync($"{robots}/dingTalk",
            new { webhookUrl = _robots.DingTalkUrl, secret = TestGroupRobots.DingTalkSecret })).ReadJsonAsync();
        var signedWeCom = await _admin.PutAsJsonAsync($"{robots}/weCom", new { webhookUrl = _robots.WeComUrl, secret = "SEC123" });
        var inside = await _admin.PutAsJsonAsync($"{robots}/weCom", new { webhookUrl = "http://10.0.0.8/cgi-bin/webhook/send?key=x" });
        var listed = (await (await _admin.GetAsync(robots)).ReadJsonAsync()).EnumerateArray().ToList();
        var secretRefused = await signedWeCom.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest);
        var hostRefused = await inside.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest);
        Assert.Multiple(() =>
        {
            Assert.That(weCom.GetProperty("webhookUrl").GetString(), Does.Not.Contain(TestGroupRobots.WeComKey).And.EndWith("key=…5aaa"), "the key is never shown");
            Assert.That(dingTalk.GetProperty("signed").GetBoolean(), Is.True);
            Assert.That(dingTalk.ToString(), Does.Not.Contain(TestGroupRobots.DingTalkSecret).And.Not.Contain(TestGroupRobots.DingTalkToken));
            Assert.That(secretRefused.GetProperty("errors").TryGetProperty("secret", out _), Is.True, secretRefused.ToString());
            Assert.That(hostRefused.GetProperty("errors").TryGetProperty("webhookUrl", out _), Is.True, "an address inside our network is refused");
            Assert.That(listed.Select(r => r.GetProperty("kind").GetString()), Is.EqualTo(new[] { "weCom", "dingTalk" }));
        });

        var customerId = await CreateCustomerAsync("王芳", "zh-CN", "email", byEmail: true, byPhone: false);
        var complaints = new ComplaintApi(_admin);
        var id = await ReceiveAsync(complaints, customerId, "洗衣机脱水异响");
        await complaints.DoAsync(id, "register", new { category = "productQuality", severity = "general", customerAcknowledged = true });
        var from = (await complaints.GetAsync(id)).Body.GetProperty("responsibleDepartmentId").GetGuid();
        var fromName = (await (await _admin.GetAsync($"/api/v1/departments/{from}")).ReadJsonAsync()).GetProperty("name").GetString();
        _robots.BusyAnswers = 1;
        await complaints.DoAsync(id, "assign", new { departmentId, reason = "需要上门检修" });

        await DispatchUntilSettledAsync();

        var number = (await complaints.GetAsync(id)).Body.GetProperty("number").GetString();
        var posted = (await (await _admin.GetAsync($"/api/v1/complaints/{id}/notifications")).ReadJsonAsync()).EnumerateArray()
            .Where(n => n.GetProperty("audience").GetString() == "department").ToList();
        var expected = $"【投诉转入】{number}“洗衣机脱水异响”（一般，已登记）已从 {fromName} 转至 售后服务{suffix}组，请及时处理。";
        Assert.Multiple(() =>
        {
            Assert.That(_robots.Refused, Is.Empty, "every post in the documented form, with the right key, token and signature");
            Assert.That(_robots.WeCom, Is.EqualTo(new[] { expected }));
            Assert.That(_robots.DingTalk, Is.EqualTo(new[] { expected }));
            Assert.That(posted.Select(n => n.GetProperty("channel").GetString()), Is.EquivalentTo(new[] { "weComRobot", "dingTalkRobot" }));
            Assert.That(posted.Select(n => n.GetProperty("recipientId").GetGuid()), Is.All.EqualTo(departmentId));
            Assert.That(posted.Select(n => n.GetProperty("status").GetString()), Is.All.EqualTo("sent"));
            Assert.That(posted.Single(n => n.GetProperty("channel").GetString() == "weComRobot").GetProperty("attempts").GetInt32(), Is.EqualTo(2),
                "45009 (too many messages) is tried again");
            Assert.That(posted.Select(n => n.GetProperty("address").GetString()), Has.None.Contains(TestGroupRobots.WeComKey).And.None.Contains(TestGroupRobots.DingTalkToken));
            Assert.That(TestLogs.Lines.Any(l => l.Category.Contains(GroupRobotSender.HttpClientName, StringComparison.Ordinal)), Is.True,
                "the HTTP client logs the robots' requests, so the next line checks something");
            Assert.That(TestLogs.Lines.Select(l => l.Message), Has.None.Contains(TestGroupRobots.WeComKey).And.None.Contains(TestGroupRobots.DingTalkToken)
                .And.None.Contains(TestGroupRobots.DingTalkSecret), "the robots' credentials stay out of the logs (the HTTP client's included)");
        });

        Assert.That((await _admin.DeleteAsync($"{robots}/dingTalk")).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NoContent));
        await (await _admin.DeleteAsync($"{robots}/dingTalk")).AssertProblemAsync(System.Net.HttpStatusCode.NotFound);
        Assert.That((await (await _admin.GetAsync(robots)).ReadJsonAsync()).EnumerateArray().Select(r => r.GetProperty("kind").GetString()),
            Is.EqualTo(new[] { "weCom" }));
    }

    [Test]
    public async Task AGreetingCareTask_GreetsTheCustomerOnItsDay_WhenSwitchedOn_MovesWithTheTask_AndIsWithdrawnWithIt()
    {
        var settings = await _admin.GetAsync("/api/v1/settings/notifications");
        var current = (await settings.ReadJsonAsync()).GetProperty("value");
        var rules = current.GetProperty("rules").EnumerateArray().Select(r => (object)r).ToList();
        Assert.That(rules.Cast<JsonElement>().Select(r => r.GetProperty("event").GetString()), Does.Not.Contain("careTaskGreeting"), "off as shipped");
        var customerId = await CreateCustomerAsync("王芳", "zh-CN", "email", byEmail: true, byPhone: false);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        await CreateCareTaskAsync(customerId, today, "春节问候（开关关闭时）");
        rules.Add(new { @event = "careTaskGreeting", channels = new[] { "email" } });
        await (await _admin.PutAsJsonAsync("/api/v1/settings/notifications", new { rules, quietHours = current.GetProperty("quietHours").GetString() })).ReadJsonAsync();
        try
        {
            await CreateCareTaskAsync(customerId, today, "中秋节快乐！感谢您一直以来的支持。");
            var (later, etag) = await CreateCareTaskAsync(customerId, today.AddDays(3), "国庆节快乐！");
            await DispatchUntilSettledAsync();
            var greeted = _smtp.Received.ToList();
            var waiting = await GreetingsAsync(customerId, "国庆节快乐！");

            using var move = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/care-tasks/{later}/schedule")
            {
                Content = JsonContent.Create(new { ownerId = (Guid?)null, dueOn = today.AddDays(5) }),
            };
            move.Headers.IfMatch.Add(etag);
            var moved = await _admin.SendAsync(move);
            var afterMove = await GreetingsAsync(customerId, "国庆节快乐！");
            using var cancel = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/care-tasks/{later}/cancel") { Content = JsonContent.Create(new { reason = "客户要求不再联系" }) };
            cancel.Headers.IfMatch.Add(moved.Headers.ETag!);
            await (await _admin.SendAsync(cancel)).ReadJsonAsync();
            var afterCancel = await GreetingsAsync(customerId, "国庆节快乐！");

            var shanghai = TimeSpan.FromHours(8);
            Assert.Multiple(() =>
            {
                Assert.That(greeted.Select(m => m.Subject), Is.EqualTo(new[] { "来自客服中心的问候" }), "only the greeting due today, and only once switched on");
                Assert.That(greeted.Single().TextBody, Does.StartWith("王芳，您好：").And.Contain("中秋节快乐！感谢您一直以来的支持。"));
                Assert.That(waiting.GetProperty("status").GetString(), Is.EqualTo("pending"));
                Assert.That(waiting.GetProperty("nextAttemptAt").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(today.AddDays(3).ToDateTime(TimeOnly.MinValue), shanghai)),
                    "its day, at the greeting time on the calendar's clock");
                Assert.That(moved.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
                Assert.That(afterMove.GetProperty("nextAttemptAt").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(today.AddDays(5).ToDateTime(TimeOnly.MinValue), shanghai)),
                    "moved with the task");
                Assert.That(afterCancel.GetProperty("status").GetString(), Is.EqualTo("notSent"));
                Assert.That(afterCancel.GetProperty("notSentReason").GetString(), Is.EqualTo("withdrawn"), "cancelled with the task");
            });
        }
        finally
        {
            await (await _admin.PutAsJsonAsync("/api/v1/settings/notifications", new
            {
                rules = current.GetProperty("rules"), quietHours = current.GetProperty("quietHours").GetString(),
            })).ReadJsonAsync();
        }
    }

    private async Task<(Guid Id, System.Net.Http.Headers.EntityTagHeaderValue ETag)> CreateCareTaskAsync(Guid customerId, DateOnly dueOn, string subject)
    {
        var created = await _admin.PostAsJsonAsync("/api/v1/care-tasks", new { kind = "greeting", customerId, dueOn, subject });
        return ((await created.ReadJsonAsync()).GetProperty("id").GetGuid(), created.Headers.ETag!);
    }

    /// <summary>The greeting notification whose text contains <paramref name="text"/>, from the customer's export.</summary>
    private async Task<JsonElement> GreetingsAsync(Guid customerId, string text) =>
        (await (await _admin.GetAsync($"/api/v1/customers/{customerId}/export")).ReadJsonAsync()).GetProperty("notifications").EnumerateArray()
            .Single(n => n.GetProperty("event").GetString() == "careTaskGreeting" && n.GetProperty("text").GetString()!.Contains(text, StringComparison.Ordinal));

    [Test]
    public async Task WhenTheComplaintCloses_TheCustomerIsSentTheSurveyLink_AndTheLinkAnswers()
    {
        var surveys = new Surveys.SurveyApi(_admin);
        var surveyId = await surveys.CreateSurveyAsync();
        await surveys.CreateCampaignAsync(new { surveyId, name = "After closure", schedule = "afterComplaintClosed", responseDays = 7 });
        var customerId = await CreateCustomerAsync("王芳", "zh-CN", "email", byEmail: true, byPhone: false);
        var complaints = new ComplaintApi(_admin);
        var id = await ReceiveAsync(complaints, customerId, "热水壶底座漏水");
        await complaints.DoAsync(id, "close", new { reason = "withdrawn" });

        await DispatchUntilSettledAsync();

        var invitation = _smtp.Received.Single(m => m.Subject == "请评价我们的服务");
        var link = System.Text.RegularExpressions.Regex.Match(invitation.TextBody ?? string.Empty, @"http://localhost(/api/v1/survey-responses/\S+)");
        using var customer = _api.CreateClient();
        var form = await customer.GetAsync(link.Groups[1].Value);
        var events = (await (await _admin.GetAsync($"/api/v1/complaints/{id}/notifications")).ReadJsonAsync()).EnumerateArray()
            .Select(n => n.GetProperty("event").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(link.Success, Is.True, invitation.TextBody);
            Assert.That(invitation.TextBody, Does.Contain("链接在 20").And.Contain("前有效"));
            Assert.That(form.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "the link in the e-mail opens the survey");
            Assert.That(events, Does.Contain("surveyInvitation"));
        });
    }

    [Test]
    public async Task ACustomer_LooksUpTheirComplaint_WithAOneTimeCode_AndNoAnswerTellsWhatExists()
    {
        var customerId = await CreateCustomerAsync("Zhang Wei", "zh-CN", "sms", byEmail: false, byPhone: true);
        var complaints = new ComplaintApi(_admin);
        var id = await ReceiveAsync(complaints, customerId, "快递延误");
        await complaints.DoAsync(id, "register", new { category = "logistics", severity = "general", customerAcknowledged = true });
        var number = (await complaints.GetAsync(id)).Body.GetProperty("number").GetString()!;
        using var customer = _api.CreateClient();

        var asked = await customer.PostAsJsonAsync("/api/v1/complaint-status/codes", new { number = number.ToLowerInvariant(), contact = "138-0013-8001" });
        var otherPhone = await customer.PostAsJsonAsync("/api/v1/complaint-status/codes", new { number, contact = "139 0000 0000" });
        var otherNumber = await customer.PostAsJsonAsync("/api/v1/complaint-status/codes", new { number = "CC-1999-000001", contact = "138 0013 8001" });
        await DispatchUntilSettledAsync();
        var code = System.Text.RegularExpressions.Regex.Match(_gateway.Accepted.Last().Text, @"\d{6}").Value;
        var wrong = await customer.PostAsJsonAsync("/api/v1/complaint-status", new { number, contact = "13800138001", code = code == "000000" ? "111111" : "000000" });
        var opened = await customer.PostAsJsonAsync("/api/v1/complaint-status", new { number, contact = "+86 138 0013 8001", code });
        var again = await customer.PostAsJsonAsync("/api/v1/complaint-status", new { number, contact = "13800138001", code });

        var bodies = new[] { await asked.Content.ReadAsStringAsync(), await otherPhone.Content.ReadAsStringAsync(), await otherNumber.Content.ReadAsStringAsync() };
        var status = await opened.ReadJsonAsync();
        var wrongProblem = await wrong.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest);
        var againProblem = await again.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest);
        Assert.Multiple(() =>
        {
            Assert.That(new[] { asked.StatusCode, otherPhone.StatusCode, otherNumber.StatusCode }, Is.All.EqualTo(System.Net.HttpStatusCode.Accepted));
            Assert.That(bodies.Distinct().Count(), Is.EqualTo(1), "the same answer whether or not the number and phone belong together");
            Assert.That(_gateway.Accepted.Count(m => m.Text.Contains("验证码", StringComparison.Ordinal)), Is.EqualTo(1), "a code only to the complaint's own phone");
            Assert.That(_gateway.Accepted.Last().Text, Does.StartWith("【客服中心】您查询投诉的验证码为 "));
            Assert.That(wrongProblem.GetProperty("errors").TryGetProperty("code", out _), Is.True);
            Assert.That(status.GetProperty("number").GetString(), Is.EqualTo(number));
            Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("registered"));
            Assert.That(status.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()), Is.EqualTo(new[] { "received", "customerInformed", "registered" }),
                "the customer's own history shows when we told them (by SMS) of its receipt");
            Assert.That(status.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("actorId")), Has.All.Matches<JsonElement>(a => a.ValueKind == JsonValueKind.Null),
                "no staff member's id");
            Assert.That(status.GetProperty("promisedTimes").EnumerateArray().Select(p => p.GetProperty("milestone").GetString()), Does.Contain("firstContact"));
            Assert.That(againProblem.GetProperty("errors").TryGetProperty("code", out _), Is.True, "a code is used once");
        });
    }

    [Test]
    public async Task StaffChooseWhatTheyAreTold_AndTheAssigneeWhoKeptAssignmentsHearsOfTheirs()
    {
        var departmentId = await ApiClient.DepartmentIdAsync();
        var (keeps, _) = await ApiClient.CreateStaffAsync("agent", departmentId);
        var (mutes, mutesEmail) = await ApiClient.CreateStaffAsync("agent", departmentId);
        using (var muting = _api.CreateClient())
        {
            muting.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiClient.SignInAsync(mutesEmail, ApiClient.StaffPassword));
            var chosen = await (await muting.PutAsJsonAsync("/api/v1/auth/me/notification-settings", new { receive = new[] { "statusChanged" } })).ReadJsonAsync();
            Assert.That(chosen.GetProperty("value").GetProperty("receive").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "statusChanged" }));
            var refused = await muting.PutAsJsonAsync("/api/v1/auth/me/notification-settings", new { receive = new[] { "complaintReceived" } });
            await refused.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest);
        }

        var complaints = new ComplaintApi(_admin);
        var customerId = await CreateCustomerAsync("王芳", "zh-CN", "email", byEmail: false, byPhone: false);
        var first = await ReceiveAsync(complaints, customerId, "投诉一");
        var second = await ReceiveAsync(complaints, customerId, "投诉二");
        await complaints.DoAsync(first, "assign", new { departmentId, assigneeId = keeps, reason = "负责区域" });
        await complaints.DoAsync(second, "assign", new { departmentId, assigneeId = mutes, reason = "负责区域" });

        async Task<List<Guid>> AssignedAsync(Guid id) => (await (await _admin.GetAsync($"/api/v1/complaints/{id}/notifications")).ReadJsonAsync()).EnumerateArray()
            .Where(n => n.GetProperty("event").GetString() == "assigned").Select(n => n.GetProperty("recipientId").GetGuid()).ToList();
        var toKeeps = await AssignedAsync(first);
        var toMutes = await AssignedAsync(second);
        Assert.Multiple(() =>
        {
            Assert.That(toKeeps, Is.EqualTo(new[] { keeps }), "every kind until one chooses");
            Assert.That(toMutes, Is.Empty, "assignments were not chosen");
        });
    }

    [Test]
    public async Task TheExportListsACustomersNotifications_AndErasureRemovesTheirAddressesAndTexts_AndStopsWhatWasNotSent()
    {
        await SetQuietHoursAsync(QuietHoursAroundNow());
        var customerId = await CreateCustomerAsync("王芳", "zh-CN", "sms", byEmail: true, byPhone: true);
        var complaints = new ComplaintApi(_admin);
        var id = await ReceiveAsync(complaints, customerId, "热水壶底座漏水");
        await complaints.DoAsync(id, "replies", new { text = "王女士您好，新水壶已发出" });
        var exported = await (await _admin.GetAsync($"/api/v1/customers/{customerId}/export")).ReadJsonAsync();

        await (await _admin.PostAsync($"/api/v1/customers/{customerId}/erase", null)).AssertStatusAsync(System.Net.HttpStatusCode.NoContent);
        await DispatchUntilSettledAsync();

        var after = (await (await _admin.GetAsync($"/api/v1/complaints/{id}/notifications")).ReadJsonAsync()).EnumerateArray().ToList();
        var stored = await Webhooks.Dispatch.ScalarAsync(
            "SELECT count(*) FROM notifications WHERE address IS NOT NULL OR subject IS NOT NULL OR html IS NOT NULL OR last_answer IS NOT NULL");
        Assert.Multiple(() =>
        {
            Assert.That(exported.GetProperty("notifications").EnumerateArray().Select(n => n.GetProperty("text").GetString()),
                Has.Some.Contains("新水壶已发出"), "the export lists what the customer was told");
            Assert.That(after, Has.Count.EqualTo(2));
            Assert.That(after.Select(n => n.GetProperty("text").GetString()), Is.All.Empty);
            Assert.That(after.Select(n => n.GetProperty("address").ValueKind), Is.All.EqualTo(JsonValueKind.Null));
            Assert.That(after.Select(n => n.GetProperty("status").GetString()), Is.All.EqualTo("notSent"), "deferred by the quiet hours, then never sent");
            Assert.That(after.Select(n => n.GetProperty("notSentReason").GetString()), Is.All.EqualTo("erased"));
            Assert.That(stored, Is.Zero, "no address, subject, HTML or answer is left in the table (the text is the empty one, encrypted)");
            Assert.That(_gateway.Accepted, Is.Empty);
        });
    }

    /// <summary>Quiet hours from an hour ago to two hours ahead, on the calendar's (Shanghai) wall clock.</summary>
    private static string QuietHoursAroundNow()
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        return $"{local.AddHours(-1):HH\\:mm}-{local.AddHours(2):HH\\:mm}";
    }

    private async Task SetQuietHoursAsync(string quietHours)
    {
        var current = (await (await _admin.GetAsync("/api/v1/settings/notifications")).ReadJsonAsync()).GetProperty("value");
        var response = await _admin.PutAsJsonAsync("/api/v1/settings/notifications", new
        {
            rules = current.GetProperty("rules"),
            quietHours,
        });
        await response.ReadJsonAsync();
    }

    private async Task<Guid> CreateCustomerAsync(string name, string language, string preferredChannel, bool byEmail, bool byPhone)
    {
        var response = await _admin.PostAsJsonAsync("/api/v1/customers", new
        {
            name,
            preferredChannel,
            preferredLanguage = language,
            consent = new { contactByPhone = byPhone, contactByEmail = byEmail, marketing = false },
            contactPoints = new object[]
            {
                new { kind = "email", value = "wangfang@tests.example", isPrimary = true },
                new { kind = "phone", value = "138 0013 8001", isPrimary = true },
            },
        });
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> ReceiveAsync(ComplaintApi complaints, Guid customerId, string title) =>
        (await complaints.ReceiveAsync(new { channel = "phone", customerId, title, description = "详细情况见电话记录。" })).GetProperty("id").GetGuid();

    private async Task<NotificationPassResult> DispatchOnceAsync(CustomerCareApiFactory? host = null)
    {
        await using var scope = (host ?? _api).Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>Passes until no notification is still to be attempted (only sent, dead, not sent, or deferred by quiet hours).</summary>
    private async Task DispatchUntilSettledAsync(CustomerCareApiFactory? host = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await Webhooks.Dispatch.ScalarAsync(
                   "SELECT count(*) FROM notifications WHERE status IN ('Pending', 'RetryScheduled', 'Sending') AND next_attempt_at < now() + interval '1 minute'") > 0)
        {
            if ((await DispatchOnceAsync(host)).Claimed == 0)
            {
                await Task.Delay(50);
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "notifications still open after a minute");
        }
    }
}
