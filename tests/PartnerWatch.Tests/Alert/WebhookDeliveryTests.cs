using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PartnerWatch.Alert;
using PartnerWatch.Config;
using PartnerWatch.Domain;
using PartnerWatch.Store;
using PartnerWatch.Tests.Store;
using static PartnerWatch.Tests.Store.StoreHarness;

namespace PartnerWatch.Tests.Alert;

/// <summary>The webhook sink against a real loopback receiver: outbox guarantees, payload formats, signature, address guard.</summary>
public sealed class WebhookDeliveryTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const string Secret = "s3cret-for-signing-webhooks";

    [Fact]
    public async Task EachAlertIsPostedOnceOverManyDispatchRuns()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = await StartAsync(o => o.Webhooks = [Hook(receiver)]);
        for (var scan = 0; scan < 5; scan++)
        {
            await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"), Unverified("contoso"));
        }

        var alerts = await harness.Store.GetPendingAlertsAsync(10, None);
        for (var run = 0; run < 20; run++)
        {
            await harness.Dispatcher.DispatchPendingAsync(None);
            harness.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(2, receiver.Received.Count);
        Assert.All(receiver.Received, r => Assert.Equal("POST", r.Method));
        Assert.Equal(
            alerts.Select(a => a.MessageId.Split('@')[0]).Order(),
            receiver.Received.Select(r => r.Header(WebhookSender.DeliveryHeader)).Order());
        Assert.Equal(2, await harness.CountAsync("SELECT COUNT(*) FROM alert_deliveries WHERE state = 'sent'"));
    }

    [Fact]
    public async Task ReceiverDownThenUpDeliversEachAlertExactlyOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = 503;
        await using var harness = await StartAsync(o => o.Webhooks = [Hook(receiver)]);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"), Unverified("contoso"));

        for (var minute = 0; minute < 60; minute++)
        {
            Assert.Equal(0, (await harness.Dispatcher.DispatchPendingAsync(None)).WebhooksSent);
            harness.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var down = await harness.Store.GetStatusAsync(None);
        Assert.Equal((2, 2), (down.PendingWebhookDeliveries, down.FailedWebhookDeliveries));
        Assert.Contains("HTTP 503", down.LastWebhookError);
        Assert.DoesNotContain("/hooks/", down.LastWebhookError); // the URL path may be the secret of a chat webhook

        receiver.Status = 200;
        for (var minute = 0; minute < 120; minute++)
        {
            await harness.Dispatcher.DispatchPendingAsync(None);
            harness.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(2, receiver.Accepted.Count);
        Assert.Equal(2, receiver.Accepted.Select(r => r.Header(WebhookSender.DeliveryHeader)).Distinct().Count());
        var up = await harness.Store.GetStatusAsync(None);
        Assert.Equal((0, 0), (up.PendingWebhookDeliveries, up.FailedWebhookDeliveries));
    }

    [Fact]
    public async Task ReceiverNotListeningIsRetriedWithBackoffAndDeliveredOnceItAnswers()
    {
        var receiver = await WebhookReceiver.StartAsync();
        var url = receiver.Url;
        await receiver.DisposeAsync(); // nothing listens on that port now
        await using var harness = await StartAsync(o => o.Webhooks = [new WebhookOptions { Url = url, AllowPrivateNetwork = true }]);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        var first = await harness.Dispatcher.DispatchPendingAsync(None);
        var second = await harness.Dispatcher.DispatchPendingAsync(None); // not due yet: backoff

        Assert.Equal((0, 1), (first.WebhooksSent, first.WebhooksFailed));
        Assert.Equal((0, 0), (second.WebhooksSent, second.WebhooksFailed));
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM alert_deliveries WHERE state = 'pending' AND attempts = 1"));
    }

    [Fact]
    public async Task SignatureVerifiesWithTheSecretOverTimestampAndExactBody()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = await StartAsync(o => o.Webhooks = [Hook(receiver, secret: Secret), Hook(receiver)]);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        await harness.Dispatcher.DispatchPendingAsync(None);

        Assert.Equal(2, receiver.Received.Count);
        var signed = Assert.Single(receiver.Received, r => r.Headers.ContainsKey(WebhookSender.SignatureHeader));
        var timestamp = signed.Header(WebhookSender.TimestampHeader);
        Assert.Equal(StoreHarness.Start.AddMinutes(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        Assert.Equal(Expected(Secret, timestamp, signed.Body), signed.Header(WebhookSender.SignatureHeader));
        Assert.NotEqual(Expected("another-secret-of-some-length", timestamp, signed.Body), signed.Header(WebhookSender.SignatureHeader));
        var tampered = signed.Body.ToArray();
        tampered[^2] ^= 1;
        Assert.NotEqual(Expected(Secret, timestamp, tampered), signed.Header(WebhookSender.SignatureHeader));

        // Without a secret the request is unsigned.
        var unsigned = Assert.Single(receiver.Received, r => !r.Headers.ContainsKey(WebhookSender.SignatureHeader));
        Assert.Equal(signed.Body, unsigned.Body);

        static string Expected(string secret, string timestamp, byte[] body) =>
            "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.ASCII.GetBytes(timestamp + "."), .. body]));
    }

    [Fact]
    public async Task JsonPayloadCarriesKindSiteBrandStatusEvidenceHashesAndLink()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = await StartAsync(o =>
        {
            o.Webhooks = [Hook(receiver)];
            o.Alerts.PublicBaseUrl = "https://partnerwatch.example.org/";
        });
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        var alert = Assert.Single(await harness.Store.GetPendingAlertsAsync(10, None));

        await harness.Dispatcher.DispatchPendingAsync(None);

        var received = Assert.Single(receiver.Received);
        Assert.StartsWith("application/json", received.Header("Content-Type"));
        Assert.Equal("new-claim", received.Header(WebhookSender.EventHeader));
        var json = received.Json;
        Assert.Equal(WebhookPayloads.JsonSchema, json.GetProperty("schema").GetString());
        Assert.Equal(received.Header(WebhookSender.DeliveryHeader), json.GetProperty("deliveryId").GetString());
        Assert.Equal(alert.Id, json.GetProperty("alertId").GetInt64());
        Assert.Equal("new-claim", json.GetProperty("kind").GetString());
        Assert.Equal("sensenets", json.GetProperty("site").GetProperty("id").GetString());
        Assert.Equal("SenseNets", json.GetProperty("site").GetProperty("name").GetString());
        Assert.Equal("Microsoft", json.GetProperty("brand").GetProperty("name").GetString());
        Assert.Equal("unverified", json.GetProperty("status").GetString());
        Assert.Equal("open", json.GetProperty("lifecycle").GetString());
        Assert.Equal(0.97, json.GetProperty("confidence").GetDouble());
        Assert.Equal("2026-11-26T06:00:00Z", json.GetProperty("firstSeenAt").GetString());
        var evidence = Assert.Single(json.GetProperty("evidence").EnumerateArray());
        Assert.Equal("logo-image", evidence.GetProperty("kind").GetString());
        Assert.Equal("https://sensenets.example/partners", evidence.GetProperty("pageUrl").GetString());
        Assert.Equal("https://sensenets.example/img/p3.png", evidence.GetProperty("imageUrl").GetString());
        var manifest = json.GetProperty("manifest");
        Assert.Equal(alert.Manifest!.Sha256, manifest.GetProperty("sha256").GetString());
        Assert.Equal($"https://partnerwatch.example.org/api/claims/{alert.ClaimId}/evidence/{alert.Manifest.File}", json.GetProperty("link").GetString());
    }

    [Fact]
    public async Task SlackPayloadIsAnIncomingWebhookMessageWithEscapedPageText()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = await StartAsync(o => o.Webhooks = [Hook(receiver, format: "slack")]);
        await harness.RecordAsync("sensenets", failed: false, Hostile("microsoft"));

        await harness.Dispatcher.DispatchPendingAsync(None);

        var json = Assert.Single(receiver.Received).Json;
        Assert.Equal("PartnerWatch: Unverified partner claim: SenseNets shows Microsoft", json.GetProperty("text").GetString());
        var blocks = json.GetProperty("blocks").EnumerateArray().ToList();
        Assert.InRange(blocks.Count, 2, 50);
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("plain_text", blocks[0].GetProperty("text").GetProperty("type").GetString());
        Assert.All(blocks, b => Assert.Contains(b.GetProperty("type").GetString(), new[] { "header", "section", "context" }));
        foreach (var section in blocks.Where(b => b.GetProperty("type").GetString() == "section"))
        {
            if (section.TryGetProperty("text", out var text))
            {
                Assert.Equal("mrkdwn", text.GetProperty("type").GetString());
                Assert.InRange(text.GetProperty("text").GetString()!.Length, 1, 3000);
            }
            else
            {
                Assert.InRange(section.GetProperty("fields").GetArrayLength(), 1, 10);
            }
        }

        Assert.Contains("<https://sensenets.example/partners|https://sensenets.example/partners>", ChatText(blocks));
        Assert.DoesNotContain("<!channel>", ChatText(blocks));
        Assert.Contains("&lt;!channel&gt;", ChatText(blocks));
    }

    [Fact]
    public async Task TeamsPayloadIsAnAdaptiveCardMessageWithEscapedPageText()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = await StartAsync(o => o.Webhooks = [Hook(receiver, format: "teams")]);
        await harness.RecordAsync("sensenets", failed: false, Hostile("microsoft"));

        await harness.Dispatcher.DispatchPendingAsync(None);

        var json = Assert.Single(receiver.Received).Json;
        Assert.Equal("message", json.GetProperty("type").GetString());
        var attachment = Assert.Single(json.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.4", card.GetProperty("version").GetString());
        var body = card.GetProperty("body").EnumerateArray().ToList();
        Assert.All(body, e => Assert.Contains(e.GetProperty("type").GetString(), new[] { "TextBlock", "FactSet" }));
        Assert.Contains("Unverified partner claim: SenseNets shows Microsoft", body[0].GetProperty("text").GetString());
        var facts = body.Single(e => e.GetProperty("type").GetString() == "FactSet").GetProperty("facts").EnumerateArray().ToList();
        Assert.Contains(facts, f => f.GetProperty("title").GetString() == "Brand" && f.GetProperty("value").GetString() == "Microsoft");
        var texts = string.Join("\n", body.Where(e => e.TryGetProperty("text", out _)).Select(e => e.GetProperty("text").GetString()));
        Assert.DoesNotContain("[click](", texts);
        Assert.Contains(@"\[click\]\(", texts);
        var action = card.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("title").GetString() == "Open site");
        Assert.Equal("Action.OpenUrl", action.GetProperty("type").GetString());
    }

    [Fact]
    public async Task WebhookToLoopbackWithoutTheAllowFlagIsRefusedAndTheReceiverSeesNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = await StartAsync(o => o.Webhooks = [new WebhookOptions { Url = receiver.Url }]);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        var run = await harness.Dispatcher.DispatchPendingAsync(None);
        harness.Clock.Advance(TimeSpan.FromHours(3));
        await harness.Dispatcher.DispatchPendingAsync(None);

        Assert.Empty(receiver.Requests);
        Assert.Equal((0, 1), (run.WebhooksSent, run.WebhooksFailed));
        var status = await harness.Store.GetStatusAsync(None);
        Assert.Equal((0, 1), (status.PendingWebhookDeliveries, status.FailedWebhookDeliveries));
        Assert.Contains("loopback", status.LastWebhookError);
        Assert.Contains("PartnerWatch:Webhooks:0:AllowPrivateNetwork", status.LastWebhookError);
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM alert_deliveries WHERE state = 'failed' AND attempts = 1"));
        // The e-mail of the same alert is not held up by the webhook.
        Assert.Equal(1, run.Sent);
    }

    [Fact]
    public async Task FetchAllowPrivateNetworksAlsoAllowsWebhooks()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = await StartAsync(o =>
        {
            o.Webhooks = [new WebhookOptions { Url = receiver.Url }];
            o.Fetch.AllowPrivateNetworks = true;
        });
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        var run = await harness.Dispatcher.DispatchPendingAsync(None);

        Assert.Equal(1, run.WebhooksSent);
        Assert.Single(receiver.Accepted);
    }

    [Theory]
    [InlineData(400, "failed", 1)]
    [InlineData(404, "failed", 1)]
    [InlineData(410, "failed", 1)]
    [InlineData(302, "failed", 1)]
    [InlineData(408, "pending", 2)]
    [InlineData(429, "pending", 2)]
    [InlineData(500, "pending", 2)]
    [InlineData(502, "pending", 2)]
    public async Task ClientErrorsAreFinalWhileServerErrorsAndThrottlingAreRetried(int status, string state, int requestsAfterTwoRuns)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = status;
        if (status == 302) receiver.ResponseHeaders["Location"] = "/elsewhere";
        await using var harness = await StartAsync(o => o.Webhooks = [Hook(receiver)]);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        await harness.Dispatcher.DispatchPendingAsync(None);
        harness.Clock.Advance(TimeSpan.FromMinutes(1)); // the first retry is due after one minute
        await harness.Dispatcher.DispatchPendingAsync(None);

        Assert.Equal(requestsAfterTwoRuns, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.Equal("/hooks/partnerwatch", r)); // a redirect is never followed
        Assert.Equal(1, await harness.CountAsync($"SELECT COUNT(*) FROM alert_deliveries WHERE state = '{state}'"));
        var error = (await harness.Store.GetStatusAsync(None)).LastWebhookError;
        Assert.Contains($"HTTP {status}", error);
    }

    [Fact]
    public async Task RetryAfterFromTheReceiverDelaysTheNextAttempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = 429;
        receiver.ResponseHeaders["Retry-After"] = "600";
        await using var harness = await StartAsync(o => o.Webhooks = [Hook(receiver)]);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        await harness.Dispatcher.DispatchPendingAsync(None);
        harness.Clock.Advance(TimeSpan.FromMinutes(9));
        await harness.Dispatcher.DispatchPendingAsync(None);
        Assert.Single(receiver.Requests);

        receiver.Status = 200;
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.Dispatcher.DispatchPendingAsync(None);
        Assert.Single(receiver.Accepted);
    }

    [Fact]
    public async Task WebhookRemovedFromTheConfigurationIsGivenUpNotRetriedForever()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = await StartAsync(o => o.Webhooks = [Hook(receiver)]);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        harness.Options.Webhooks.Clear();
        await harness.RestartAsync();

        await harness.Dispatcher.DispatchPendingAsync(None);

        Assert.Empty(receiver.Requests);
        Assert.Contains("not configured", (await harness.Store.GetStatusAsync(None)).LastWebhookError);
        Assert.Equal(0, (await harness.Store.GetStatusAsync(None)).PendingWebhookDeliveries);
    }

    [Fact]
    public async Task DeliveryIdIsStableAcrossRetriesAndRestarts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = 500;
        await using var harness = await StartAsync(o => o.Webhooks = [Hook(receiver)]);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        await harness.Dispatcher.DispatchPendingAsync(None);
        await harness.RestartAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        receiver.Status = 200;
        await harness.Dispatcher.DispatchPendingAsync(None);

        Assert.Equal(2, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Header(WebhookSender.DeliveryHeader)).Distinct());
        Assert.Equal(receiver.Received[0].Body, receiver.Received[1].Body); // same alert, same bytes
    }

    [Fact]
    public void WebhookOptionsAreValidatedWithTheirKeyPaths()
    {
        var options = new PartnerWatchOptions
        {
            Webhooks =
            [
                new WebhookOptions { Url = "ftp://example.org/", Format = "xml", Secret = "short", Timeout = TimeSpan.Zero },
            ],
        };

        var problems = AlertsOptionsValidator.Check(options).Select(p => p.Path).ToList();

        Assert.Equal(
            ["PartnerWatch:Webhooks:0:Url", "PartnerWatch:Webhooks:0:Format", "PartnerWatch:Webhooks:0:Timeout", "PartnerWatch:Webhooks:0:Secret"],
            problems);
    }

    private static WebhookOptions Hook(WebhookReceiver receiver, string format = "json", string? secret = null) =>
        new() { Url = receiver.Url, Format = format, Secret = secret, AllowPrivateNetwork = true };

    private static Claim Hostile(string brand) =>
        new(brand, ClaimStatus.Unverified, 0.9,
            [new Evidence(EvidenceKind.Text, "https://sensenets.example/partners", "<!channel> [click](https://evil.example/) *now*")]);

    /// <summary>Every string value in the blocks, unescaped from JSON.</summary>
    private static string ChatText(IEnumerable<JsonElement> blocks)
    {
        var texts = new List<string>();
        foreach (var block in blocks) Collect(block);
        return string.Join("\n", texts);

        void Collect(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String: texts.Add(element.GetString()!); break;
                case JsonValueKind.Object: foreach (var p in element.EnumerateObject()) Collect(p.Value); break;
                case JsonValueKind.Array: foreach (var e in element.EnumerateArray()) Collect(e); break;
            }
        }
    }
}
