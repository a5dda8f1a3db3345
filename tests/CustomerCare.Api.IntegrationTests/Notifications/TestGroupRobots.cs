using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CustomerCare.Api.IntegrationTests.Notifications;

/// <summary>
/// 企业微信 and 钉钉 group robots on loopback (Kestrel), answering as the platforms document: a robot takes a POST of
/// <c>{"msgtype":"text","text":{"content":…}}</c> (nothing else) to its address and answers <c>{"errcode":0,"errmsg":"ok"}</c>,
/// or an error code. 企业微信 checks the <c>key</c>; 钉钉 the <c>access_token</c> and — for a signing robot — that
/// <c>sign</c> is the Base64 HMAC-SHA256 of <c>"{timestamp}\n{secret}"</c> with a timestamp within an hour (310000 otherwise).
/// The first <see cref="BusyAnswers"/> posts to 企业微信 are answered 45009 (too many messages).
/// </summary>
public sealed class TestGroupRobots : IAsyncDisposable
{
    public const string WeComKey = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
    public const string DingTalkToken = "c7b2f0e1d4a3968574b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9";
    public const string DingTalkSecret = "SECd2b6a1f0c9e8d7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3";

    private readonly WebApplication _app;

    private TestGroupRobots(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public string WeComUrl => $"{BaseUrl}/cgi-bin/webhook/send?key={WeComKey}";

    public string DingTalkUrl => $"{BaseUrl}/robot/send?access_token={DingTalkToken}";

    public ConcurrentQueue<string> WeCom { get; } = new();

    public ConcurrentQueue<string> DingTalk { get; } = new();

    /// <summary>Requests refused for their form, key, token or signature.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    public int BusyAnswers;

    public static async Task<TestGroupRobots> StartAsync()
    {
        var app = LoopbackApp.Create();
        var robots = new TestGroupRobots(app);
        app.MapPost("/cgi-bin/webhook/send", async (HttpContext context) =>
        {
            var content = await TextContentAsync(context);
            if (context.Request.Query["key"] != WeComKey || content is null)
            {
                robots.Refused.Enqueue($"wecom {context.Request.QueryString}");
                return Results.Json(new { errcode = 93000, errmsg = "invalid webhook url" });
            }

            if (Interlocked.Decrement(ref robots.BusyAnswers) >= 0)
            {
                return Results.Json(new { errcode = 45009, errmsg = "api freq out of limit" });
            }

            robots.WeCom.Enqueue(content);
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        app.MapPost("/robot/send", async (HttpContext context) =>
        {
            var content = await TextContentAsync(context);
            var query = context.Request.Query;
            if (query["access_token"] != DingTalkToken || content is null
                || !long.TryParse(query["timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
                || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - timestamp) > 3_600_000
                || query["sign"] != Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(DingTalkSecret),
                    Encoding.UTF8.GetBytes($"{timestamp}\n{DingTalkSecret}"))))
            {
                robots.Refused.Enqueue($"dingtalk {context.Request.QueryString}");
                return Results.Json(new { errcode = 310000, errmsg = "sign not match" });
            }

            robots.DingTalk.Enqueue(content);
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        robots.BaseUrl = await app.StartOnLoopbackAsync();
        return robots;
    }

    /// <summary>The content of a text message in the documented form, or null when the body is anything else.</summary>
    private static async Task<string?> TextContentAsync(HttpContext context)
    {
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return null;
        }

        using var document = await JsonDocument.ParseAsync(context.Request.Body);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Object && root.EnumerateObject().Count() == 2
            && root.TryGetProperty("msgtype", out var type) && type.GetString() == "text"
            && root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.Object && text.EnumerateObject().Count() == 1
            && text.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
                ? content.GetString()
                : null;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
