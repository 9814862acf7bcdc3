using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PartnerWatch.Fetch;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Fetch;

public sealed class WebFetcherTests
{
    private static byte[] HtmlOfLength(int length)
    {
        var head = "<!DOCTYPE html><html><body><a href=\"/jobs\">Jobs</a><p>"u8.ToArray();
        return [.. head, .. Enumerable.Repeat((byte)'x', length - head.Length)];
    }

    [Fact]
    public async Task OversizedPageIsTruncatedAndReported()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = new(200, "text/html", HtmlOfLength(5000)),
        });
        await using var provider = FetchTestHost.Create(configure: o => o.MaxBodyBytes = 1000);

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        var page = Assert.Single(steps.Pages());
        Assert.Equal(1000, page.Html.Length);
        Assert.NotNull(page.Document.QuerySelector("a[href='/jobs']"));
        Assert.Equal(new global::PartnerWatch.Domain.ScanError(server.BaseUri.ToString(), "body larger than 1000 bytes, truncated"), Assert.Single(steps.Errors()));
    }

    [Fact]
    public async Task EndlessBodyWithoutContentLengthIsCutAtTheCap()
    {
        await using var server = await BoundHttpServer.StartAsync(IPAddress.Loopback, async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.Body.WriteAsync("<html><body>"u8.ToArray(), context.RequestAborted);
            var chunk = Encoding.ASCII.GetBytes(new string('y', 4096));
            // Streams until the client hangs up: only a reader that stops at the cap ever finishes.
            while (!context.RequestAborted.IsCancellationRequested)
            {
                try { await context.Response.Body.WriteAsync(chunk, context.RequestAborted); }
                catch (Exception) { return; }
            }
        });
        await using var provider = FetchTestHost.Create(configure: o => o.MaxBodyBytes = 100_000);

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Equal(100_000, Assert.Single(steps.Pages()).Html.Length);
        Assert.Contains("truncated", Assert.Single(steps.Errors()).Message);
    }

    [Fact]
    public async Task ResourceOverTheCapIsRejected()
    {
        await using var server = await BoundHttpServer.StartAsync(IPAddress.Loopback, async context =>
        {
            context.Response.ContentType = "image/png";
            // No Content-Length: the cap must be enforced while reading.
            await context.Response.Body.WriteAsync(new byte[300]);
            await context.Response.Body.FlushAsync();
            await context.Response.Body.WriteAsync(new byte[300]);
        });
        await using var provider = FetchTestHost.Create();
        var fetcher = provider.GetRequiredService<WebFetcher>();

        var failure = await Assert.ThrowsAsync<FetchFailedException>(
            () => fetcher.GetResourceAsync(server.Url("/logo.png"), 500, FetchTestHost.Watchdog()));

        Assert.StartsWith("body larger than 500 bytes", failure.Message);
    }

    [Fact]
    public async Task ResourceWithTooLargeContentLengthIsRejectedBeforeReading()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/logo.png"] = new(200, "image/png", new byte[10_000], new Dictionary<string, string> { ["Content-Length"] = "10000" }),
        });
        await using var provider = FetchTestHost.Create();
        var fetcher = provider.GetRequiredService<WebFetcher>();

        var failure = await Assert.ThrowsAsync<FetchFailedException>(
            () => fetcher.GetResourceAsync(server.Url("/logo.png"), 500, FetchTestHost.Watchdog()));

        Assert.Equal("body larger than 500 bytes (10000 declared), not read", failure.Message);
    }

    [Fact]
    public async Task ResourceAtExactlyTheCapIsReturnedWithItsDetails()
    {
        var png = Enumerable.Range(0, 500).Select(i => (byte)i).ToArray();
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/img/old.png"] = FixtureResponse.Redirect("/img/logo.png", 301),
            ["/img/logo.png"] = new(200, "image/png", png),
        });
        await using var provider = FetchTestHost.Create();
        var fetcher = provider.GetRequiredService<WebFetcher>();

        var resource = await fetcher.GetResourceAsync(server.Url("/img/old.png"), 500, FetchTestHost.Watchdog());

        Assert.Equal(png, resource.Body);
        Assert.Equal(server.Url("/img/logo.png"), resource.Url);
        Assert.Equal(200, resource.StatusCode);
        Assert.Equal("image/png", resource.ContentType);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task LargeResourceArrivesWholeWithOrWithoutItsLength(bool declared)
    {
        // A body with a declared length is read into one array of that length; one without grows in pooled buffers.
        var photo = new byte[700_000];
        new Random(7).NextBytes(photo);
        var headers = declared ? new Dictionary<string, string> { ["Content-Length"] = photo.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) } : null;
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/photo.jpg"] = new(200, "image/jpeg", photo, headers),
        });
        await using var provider = FetchTestHost.Create();
        var fetcher = provider.GetRequiredService<WebFetcher>();

        var resource = await fetcher.GetResourceAsync(server.Url("/photo.jpg"), 1_000_000, FetchTestHost.Watchdog());

        Assert.Equal(photo, resource.Body);
    }

    [Fact]
    public async Task CompressedResourceLongerThanItsDeclaredLengthArrivesWhole()
    {
        // The declared length is the compressed one; the decompressed body is longer and must not be cut at it.
        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\">" + string.Concat(Enumerable.Repeat("<rect width=\"1\" height=\"1\"/>", 5000)) + "</svg>");
        using var compressed = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            await gzip.WriteAsync(svg);
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/logo.svg"] = new(200, "image/svg+xml", compressed.ToArray(), new Dictionary<string, string>
            {
                ["Content-Encoding"] = "gzip",
                ["Content-Length"] = compressed.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }),
        });
        await using var provider = FetchTestHost.Create();
        var fetcher = provider.GetRequiredService<WebFetcher>();

        var resource = await fetcher.GetResourceAsync(server.Url("/logo.svg"), 1_000_000, FetchTestHost.Watchdog());

        Assert.Equal(svg, resource.Body);
    }

    [Fact]
    public async Task TransientFailureIsRetriedUntilTheServerRecovers()
    {
        var calls = 0;
        await using var server = await BoundHttpServer.StartAsync(IPAddress.Loopback, async context =>
        {
            if (Interlocked.Increment(ref calls) <= 2) { context.Response.StatusCode = 503; return; }
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body>back</body></html>");
        });
        await using var provider = FetchTestHost.Create(configure: o => o.MaxRetries = 2);

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Empty(steps.Errors());
        Assert.Equal("back", Assert.Single(steps.Pages()).Document.Body!.TextContent);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task PersistentFailureIsReportedWithTheAttemptCount()
    {
        await using var server = await BoundHttpServer.StartAsync(IPAddress.Loopback, context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        await using var provider = FetchTestHost.Create(configure: o => o.MaxRetries = 2);

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Equal("HTTP 503 after 3 attempts", Assert.Single(steps.Errors()).Message);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task ClientErrorIsNotRetried()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>());
        await using var provider = FetchTestHost.Create(configure: o => o.MaxRetries = 2);

        var steps = await provider.CrawlAsync(server.Url("/missing"), FetchTestHost.Watchdog());

        Assert.Equal("HTTP 404", Assert.Single(steps.Errors()).Message);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RetryAfterBeyondTheLimitGivesUpInsteadOfWaiting(bool asHttpDate)
    {
        await using var server = await BoundHttpServer.StartAsync(IPAddress.Loopback, context =>
        {
            context.Response.StatusCode = 503;
            context.Response.Headers.RetryAfter = asHttpDate
                ? DateTimeOffset.UtcNow.AddSeconds(3600).ToString("r", System.Globalization.CultureInfo.InvariantCulture)
                : "3600";
            return Task.CompletedTask;
        });
        await using var provider = FetchTestHost.Create(configure: o => { o.MaxRetries = 2; o.MaxRetryAfter = TimeSpan.FromSeconds(30); });

        // The watchdog turns an hour-long wait into a failed test instead of a hung one.
        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        var message = Assert.Single(steps.Errors()).Message;
        Assert.StartsWith("HTTP 503; Retry-After 3", message);
        Assert.EndsWith(" s exceeds the 30 s limit, not retried", message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task SlowServerTimesOutPerAttempt()
    {
        await using var server = await BoundHttpServer.StartAsync(IPAddress.Loopback, async context =>
        {
            // Never answers; released when the client gives up.
            try { await Task.Delay(Timeout.Infinite, context.RequestAborted); } catch (OperationCanceledException) { }
        });
        await using var provider = FetchTestHost.Create(configure: o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.TotalTimeout = TimeSpan.FromSeconds(20);
            o.MaxRetries = 1;
        });

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Equal("timed out after 0.3 s on each of 2 attempts", Assert.Single(steps.Errors()).Message);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task CircuitOpensPerHostAndLeavesOtherHostsAlone()
    {
        await using var failing = await BoundHttpServer.StartAsync(IPAddress.Loopback, context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        await using var healthy = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/logo.png"] = new(200, "image/png", [1, 2, 3]),
        });
        await using var provider = FetchTestHost.Create(configure: o => o.MaxRetries = 0);
        var fetcher = provider.GetRequiredService<WebFetcher>();

        var messages = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var failure = await Assert.ThrowsAsync<FetchFailedException>(
                () => fetcher.GetResourceAsync(failing.Url($"/img/{i}.png"), 1000, FetchTestHost.Watchdog()));
            messages.Add(failure.Message);
        }
        var resource = await fetcher.GetResourceAsync(healthy.Url("/logo.png"), 1000, FetchTestHost.Watchdog());

        Assert.Equal("HTTP 500", messages[0]);
        Assert.StartsWith("not tried: too many recent failures", messages[^1]);
        Assert.True(failing.Requests.Count < 12);
        Assert.Equal([1, 2, 3], resource.Body);
    }

    [Fact]
    public async Task UserAgentComesFromTheOptions()
    {
        string? userAgent = null;
        await using var server = await BoundHttpServer.StartAsync(IPAddress.Loopback, async context =>
        {
            userAgent = context.Request.Headers.UserAgent;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<p>hi</p>");
        });
        await using var provider = FetchTestHost.Create(configure: o => o.UserAgent = "PartnerWatchTest/9.9 (+https://example.test/bot)");

        await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Equal("PartnerWatchTest/9.9 (+https://example.test/bot)", userAgent);
    }

    [Fact]
    public async Task CompressedBodyIsDecompressed()
    {
        var html = Encoding.UTF8.GetBytes("<html><body><h1>合作伙伴</h1></body></html>");
        using var compressed = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            await gzip.WriteAsync(html);
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = new(200, "text/html; charset=utf-8", compressed.ToArray(), new Dictionary<string, string> { ["Content-Encoding"] = "gzip" }),
        });
        await using var provider = FetchTestHost.Create();

        var page = Assert.Single((await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog())).Pages());

        Assert.Equal("合作伙伴", page.Document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task FetchesAreLoggedAtDebugAndFailuresAtWarning()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = FixtureResponse.Html("<a href=\"/partners\">Partners</a>"),
        });
        var logs = new RecordingLoggerProvider();
        await using var provider = FetchTestHost.Create(logs: logs);

        await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        var fetched = Assert.Single(logs.Entries, e => e.Template == "Fetched {Url} ({Status}, {Bytes} bytes) in {Elapsed}");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, fetched.Level);
        Assert.Equal(server.BaseUri, fetched.Properties["Url"]);
        Assert.Equal(200, fetched.Properties["Status"]);
        var failed = Assert.Single(logs.Entries, e => e.Template == "Fetch of {Url} failed: {Reason}");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, failed.Level);
        Assert.Equal("HTTP 404", failed.Properties["Reason"]);
    }
}
