using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerCare.Api.IntegrationTests.Attachments;

/// <summary>
/// Files of evidence on complaints, the same tests on each store (a directory on disk; S3 on a real s3rver): streamed in with their type told by their bytes and their size
/// held to the limits, downloaded whole or by range, seen only by who sees the complaint (a partner: the public ones),
/// deleted with a timeline entry, listed in the customer's export and erased with the customer.
/// </summary>
[TestFixture("disk")]
[TestFixture("s3")]
public class AttachmentTests(string store) : AdminIntegrationTest
{
    private TestS3Server? _s3;
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task StartStoreAsync()
    {
        _s3 = store == "s3" ? await TestS3Server.StartAsync() : null;
        _host = _s3 is null ? Testing.Factory : Testing.Factory.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in _s3.Settings)
            {
                b.UseSetting(key, value);
            }
        });
    }

    [OneTimeTearDown]
    public async Task StopStoreAsync()
    {
        if (_s3 is not null)
        {
            await _host.DisposeAsync();
            await _s3.DisposeAsync();
        }
    }

    [SetUp]
    public void UseStoreHost() => _admin = On(_host, Admin);

    [TearDown]
    public void DisposeStoreClient() => _admin.Dispose();

    /// <summary>A client of <paramref name="host"/> that authenticates as <paramref name="caller"/> does (the hosts share the database and keys).</summary>
    private static HttpClient On(WebApplicationFactory<Program> host, HttpClient caller)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = caller.DefaultRequestHeaders.Authorization;
        if (caller.DefaultRequestHeaders.TryGetValues("X-Api-Key", out var keys))
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", keys);
        }

        return client;
    }

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static byte[] Png(int size, int seed = 1)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        PngSignature.CopyTo(bytes, 0);
        return bytes;
    }

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string? contentType = "image/png", string? visibility = null)
    {
        var form = new MultipartFormDataContent();
        if (visibility is not null)
        {
            form.Add(new StringContent(visibility), "visibility");
        }

        var file = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        form.Add(file, "file", fileName);
        return form;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid complaint, MultipartFormDataContent form) =>
        client.PostAsync($"/api/v1/complaints/{complaint}/attachments", form);

    /// <summary>What the store holds for the complaint, read from the store itself (files in the directory, objects in the bucket).</summary>
    private async Task<string[]> StoredAsync(Guid complaint)
    {
        if (_s3 is not null)
        {
            return await _s3.KeysAsync($"{complaint:N}/");
        }

        var directory = Path.Combine(CustomerCareApiFactory.AttachmentDirectory, complaint.ToString("N"));
        return Directory.Exists(directory) ? Directory.GetFiles(directory) : [];
    }

    private async Task<Guid> ReceiveAsync(HttpClient? client = null, string phone = "+86 139 0000 0101") =>
        (await new ComplaintApi(client ?? _admin).ReceiveAsync(ComplaintApi.NewComplaint("Cracked screen", phone: phone))).GetProperty("id").GetGuid();

    [Test]
    public async Task AFileOfEvidence_IsStoredWithItsHash_ListedAndDownloadedWholeOrByRange()
    {
        var complaint = await ReceiveAsync();
        var bytes = Png(300_000);
        var uploaded = await UploadAsync(_admin, complaint, Form(bytes, "发票 照片.png"));
        await uploaded.AssertStatusAsync(HttpStatusCode.Created);
        var file = await uploaded.ReadJsonAsync();
        var id = file.GetProperty("id").GetGuid();
        Assert.Multiple(() =>
        {
            Assert.That(uploaded.Headers.Location!.ToString(), Does.EndWith($"/complaints/{complaint}/attachments/{id}"));
            Assert.That(file.GetProperty("fileName").GetString(), Is.EqualTo("发票 照片.png"));
            Assert.That(file.GetProperty("contentType").GetString(), Is.EqualTo("image/png"));
            Assert.That(file.GetProperty("size").GetInt64(), Is.EqualTo(bytes.Length));
            Assert.That(file.GetProperty("sha256").GetString(), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(bytes))));
            Assert.That(file.GetProperty("visibility").GetString(), Is.EqualTo("internal"));
        });
        Assert.That(await StoredAsync(complaint), Has.Length.EqualTo(1));

        var listed = await (await _admin.GetAsync($"/api/v1/complaints/{complaint}/attachments")).ReadJsonAsync();
        Assert.That(listed.EnumerateArray().Select(f => f.GetProperty("id").GetGuid()), Is.EqualTo(new[] { id }));

        var download = await _admin.GetAsync($"/api/v1/complaints/{complaint}/attachments/{id}");
        await download.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Multiple(async () =>
        {
            Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));
            Assert.That(download.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
            Assert.That(download.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
            Assert.That(download.Content.Headers.ContentDisposition.FileNameStar, Is.EqualTo("发票 照片.png"));
            Assert.That(download.Headers.ETag!.Tag, Is.EqualTo($"\"{file.GetProperty("sha256").GetString()}\""));
        });

        using var range = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/complaints/{complaint}/attachments/{id}");
        range.Headers.Range = new RangeHeaderValue(100_000, 100_099);
        var part = await _admin.SendAsync(range);
        await part.AssertStatusAsync(HttpStatusCode.PartialContent);
        Assert.That(await part.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes[100_000..100_100]));
        Assert.That(part.Content.Headers.ContentRange!.ToString(), Is.EqualTo($"bytes 100000-100099/{bytes.Length}"));

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/complaints/{complaint}/attachments/{id}");
        again.Headers.IfNoneMatch.Add(download.Headers.ETag!);
        Assert.That((await _admin.SendAsync(again)).StatusCode, Is.EqualTo(HttpStatusCode.NotModified));

        // A recording larger than one part of an S3 multipart upload (5 MiB) goes up in parts and comes back whole and by range.
        var recording = new byte[(6 * 1024 * 1024) + 123];
        new Random(7).NextBytes(recording);
        "ID3"u8.CopyTo(recording);
        var large = await (await UploadAsync(_admin, complaint, Form(recording, "通话录音.mp3", "audio/mpeg"))).ReadJsonAsync();
        var largeUrl = $"/api/v1/complaints/{complaint}/attachments/{large.GetProperty("id").GetGuid()}";
        Assert.That(large.GetProperty("sha256").GetString(), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(recording))));
        Assert.That(await (await _admin.GetAsync(largeUrl)).Content.ReadAsByteArrayAsync(), Is.EqualTo(recording));
        using var tail = new HttpRequestMessage(HttpMethod.Get, largeUrl);
        tail.Headers.Range = new RangeHeaderValue(recording.Length - 1000, null);
        var end = await _admin.SendAsync(tail);
        await end.AssertStatusAsync(HttpStatusCode.PartialContent);
        Assert.That(await end.Content.ReadAsByteArrayAsync(), Is.EqualTo(recording[^1000..]));
    }

    [Test]
    public async Task AFile_IsTypedByItsBytes_AndHeldToTheLimits_AndARefusedOneLeavesNothing()
    {
        var complaint = await ReceiveAsync();
        var executable = new byte[4096];
        "MZ"u8.CopyTo(executable);
        var jpeg = new byte[4096];
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }.CopyTo(jpeg, 0);

        var disguised = await UploadAsync(_admin, complaint, Form(executable, "photo.jpg", "image/jpeg"));
        var mislabelled = await UploadAsync(_admin, complaint, Form(jpeg, "invoice.pdf", "application/pdf"));
        var notAForm = await _admin.PostAsync($"/api/v1/complaints/{complaint}/attachments", new ByteArrayContent(jpeg) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } });
        using var noFile = new MultipartFormDataContent { { new StringContent("public"), "visibility" } };
        var withoutFile = await UploadAsync(_admin, complaint, noFile);
        var badVisibility = await UploadAsync(_admin, complaint, Form(jpeg, "a.jpg", "image/jpeg", visibility: "secret"));
        var elsewhere = await UploadAsync(_admin, Guid.NewGuid(), Form(jpeg, "a.jpg", "image/jpeg"));

        await disguised.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.That((await mislabelled.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType)).GetProperty("detail").GetString(), Does.Contain("image/jpeg"));
        await notAForm.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.That((await withoutFile.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("file", out _), Is.True);
        Assert.That((await badVisibility.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("visibility", out _), Is.True);
        await elsewhere.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(await StoredAsync(complaint), Is.Empty);

        // A file of at most 1000 bytes, a complaint of at most 2500: the third file of 900 does not fit.
        await using var host = _host.WithWebHostBuilder(b => b
            .UseSetting("CustomerCare:Attachments:MaxFileBytes", "1000").UseSetting("CustomerCare:Attachments:MaxComplaintBytes", "2500"));
        using var limited = host.CreateClient();
        limited.DefaultRequestHeaders.Authorization = _admin.DefaultRequestHeaders.Authorization;
        var tooBig = await UploadAsync(limited, complaint, Form(Png(1500), "big.png"));
        var first = await UploadAsync(limited, complaint, Form(Png(900, 2), "a.png"));
        var second = await UploadAsync(limited, complaint, Form(Png(900, 3), "b.png"));
        var third = await UploadAsync(limited, complaint, Form(Png(900, 4), "c.png"));

        await tooBig.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await first.AssertStatusAsync(HttpStatusCode.Created);
        await second.AssertStatusAsync(HttpStatusCode.Created);
        await third.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        var listed = await (await _admin.GetAsync($"/api/v1/complaints/{complaint}/attachments")).ReadJsonAsync();
        Assert.That(listed.EnumerateArray().Select(f => f.GetProperty("fileName").GetString()), Is.EqualTo(new[] { "a.png", "b.png" }));
        Assert.That(await StoredAsync(complaint), Has.Length.EqualTo(2), "refused uploads leave no bytes behind");
    }

    [Test]
    public async Task APartner_AttachesToItsOwnComplaints_SeesOnlyThePublicFiles_AndDeletesOnlyItsOwn()
    {
        using var keyed = ApiClient.WithApiKey((await ApiClient.CreatePartnerKeyAsync("Shop")).Key);
        using var partner = On(_host, keyed);
        var own = (await new ComplaintApi(partner).ReceiveAsync(ComplaintApi.NewComplaint("Broken kettle", phone: "+86 139 0000 0102", externalReference: "ATT-1")))
            .GetProperty("id").GetGuid();
        var others = await ReceiveAsync(phone: "+86 139 0000 0103");

        var fromPartner = await (await UploadAsync(partner, own, Form(Png(2000), "receipt.png"))).ReadJsonAsync();
        var internalNote = await (await UploadAsync(_admin, own, Form(Png(2000, 5), "call-notes.png"))).ReadJsonAsync();
        var publicFromStaff = await (await UploadAsync(_admin, own, Form(Png(2000, 6), "repair-report.png", visibility: "public"))).ReadJsonAsync();
        var partnerInternal = await UploadAsync(partner, own, Form(Png(2000, 7), "x.png", visibility: "internal"));
        var partnerElsewhere = await UploadAsync(partner, others, Form(Png(2000, 8), "x.png"));
        var seen = await (await partner.GetAsync($"/api/v1/complaints/{own}/attachments")).ReadJsonAsync();
        var hidden = await partner.GetAsync($"/api/v1/complaints/{own}/attachments/{internalNote.GetProperty("id").GetGuid()}");
        var deleteStaffs = await partner.DeleteAsync($"/api/v1/complaints/{own}/attachments/{publicFromStaff.GetProperty("id").GetGuid()}");
        var deleteOwn = await partner.DeleteAsync($"/api/v1/complaints/{own}/attachments/{fromPartner.GetProperty("id").GetGuid()}");

        Assert.Multiple(async () =>
        {
            Assert.That(fromPartner.GetProperty("visibility").GetString(), Is.EqualTo("public"));
            Assert.That(fromPartner.GetProperty("uploadedByKind").GetString(), Is.EqualTo("partner"));
            Assert.That(seen.EnumerateArray().Select(f => f.GetProperty("fileName").GetString()), Is.EqualTo(new[] { "receipt.png", "repair-report.png" }));
            Assert.That(seen.EnumerateArray().Single(f => f.GetProperty("fileName").GetString() == "repair-report.png").GetProperty("uploadedById").ValueKind,
                Is.EqualTo(JsonValueKind.Null), "a staff uploader stays anonymous to partners");
            Assert.That((await partnerInternal.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("visibility", out _), Is.True);
            await partnerElsewhere.AssertProblemAsync(HttpStatusCode.NotFound);
            await hidden.AssertProblemAsync(HttpStatusCode.NotFound);
            await deleteStaffs.AssertProblemAsync(HttpStatusCode.Forbidden);
            await deleteOwn.AssertStatusAsync(HttpStatusCode.NoContent);
        });
    }

    [Test]
    public async Task DeletingAFile_LeavesATimelineEntry_TheExportListsTheRest_AndErasingTheCustomerRemovesThem()
    {
        var complaint = await ReceiveAsync(phone: "+86 139 0000 0104");
        var kept = await (await UploadAsync(_admin, complaint, Form(Png(5000), "王先生的发票.png"))).ReadJsonAsync();
        var removed = await (await UploadAsync(_admin, complaint, Form(Png(5000, 9), "wrong-photo.png"))).ReadJsonAsync();

        await (await _admin.DeleteAsync($"/api/v1/complaints/{complaint}/attachments/{removed.GetProperty("id").GetGuid()}")).AssertStatusAsync(HttpStatusCode.NoContent);
        var timeline = await (await _admin.GetAsync($"/api/v1/complaints/{complaint}/timeline")).ReadJsonAsync();
        var entry = timeline.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "attachmentRemoved");
        Assert.Multiple(async () =>
        {
            Assert.That(entry.GetProperty("text").GetString(), Does.Contain("wrong-photo.png"));
            Assert.That(entry.GetProperty("visibility").GetString(), Is.EqualTo("internal"));
            Assert.That(await StoredAsync(complaint), Has.Length.EqualTo(1));
            await (await _admin.GetAsync($"/api/v1/complaints/{complaint}/attachments/{removed.GetProperty("id").GetGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        });

        var customer = (await (await _admin.GetAsync($"/api/v1/complaints/{complaint}")).ReadJsonAsync()).GetProperty("customerId").GetGuid();
        var export = await (await _admin.GetAsync($"/api/v1/customers/{customer}/export")).ReadJsonAsync();
        var exported = export.GetProperty("complaints")[0].GetProperty("attachments");
        Assert.That(exported.EnumerateArray().Select(f => f.GetProperty("sha256").GetString()), Is.EqualTo(new[] { kept.GetProperty("sha256").GetString() }));

        await (await _admin.PostAsync($"/api/v1/customers/{customer}/erase", null)).AssertStatusAsync(HttpStatusCode.NoContent);
        var afterErasure = await (await _admin.GetAsync($"/api/v1/complaints/{complaint}/attachments")).ReadJsonAsync();
        var redacted = await (await _admin.GetAsync($"/api/v1/complaints/{complaint}/timeline")).ReadJsonAsync();
        var stored = await StoredAsync(complaint);
        Assert.Multiple(() =>
        {
            Assert.That(afterErasure.GetArrayLength(), Is.Zero);
            Assert.That(stored, Is.Empty, "the customer's files are gone from the store");
            Assert.That(redacted.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "attachmentRemoved").GetProperty("text").GetString(),
                Does.Not.Contain("wrong-photo"));
        });
    }
}
