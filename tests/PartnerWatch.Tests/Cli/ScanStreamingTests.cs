using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PartnerWatch.Cli;
using PartnerWatch.Domain;
using PartnerWatch.Scan;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Cli;

/// <summary>
/// <c>scan --json</c> writes its document as the sites finish: a reader sees a finished site while another is still
/// being fetched, and the bytes are those of the whole document serialised at once (the contract's shape).
/// </summary>
public sealed class ScanStreamingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void StreamedDocumentIsTheContractDocumentByteForByte()
    {
        var at = new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
        SiteScanResult[] sites =
        [
            new("dongfang-shiyun", "https://dongfang.example/", 3,
                [new ScanError("https://dongfang.example/broken", "HTTP 503 after 3 attempts")],
                [new Claim("microsoft", ClaimStatus.Unverified, 0.97,
                [
                    new Evidence(EvidenceKind.LogoImage, "https://dongfang.example/partners", "matches logos/microsoft.svg, distance 4/64",
                        ImageUrl: "https://dongfang.example/img/p3.png"),
                    new Evidence(EvidenceKind.Text, "https://dongfang.example/", "合作伙伴：微软 <\"quoted\">", Snippet: "微软"),
                ])])
            {
                // Not part of the document: must not leak into it.
                FetchedPages = [new FetchedPage("https://dongfang.example/", 200, at, "ab", 2, [1, 2])],
            },
            new("gone", "https://gone.example/", 0, [new ScanError("https://gone.example/", "connection failed")], []),
        ];
        var expected = JsonSerializer.Serialize(new ScanReport(at, sites), JsonOutput.Options) + Environment.NewLine;

        var output = new StringWriter();
        using (var writer = new ScanJsonWriter(output))
        {
            writer.Begin(at);
            foreach (var site in sites)
                writer.WriteSite(site);
            writer.End(hasUnverifiedClaims: true);
        }

        Assert.Equal(expected, output.ToString());
    }

    [Fact]
    public void AnEmptyScanIsAValidDocumentWithNoSites()
    {
        var output = new StringWriter();
        using (var writer = new ScanJsonWriter(output))
        {
            writer.Begin(DateTimeOffset.UnixEpoch);
            writer.End(hasUnverifiedClaims: false);
        }

        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(0, json.RootElement.GetProperty("sites").GetArrayLength());
        Assert.False(json.RootElement.GetProperty("hasUnverifiedClaims").GetBoolean());
    }

    [Fact]
    public async Task AFinishedSiteIsOnStdoutWhileAnotherIsStillBeingFetched()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        const string page = "<html><head><title>Acme</title></head><body><h1>Welcome</h1><p>We build tools.</p></body></html>";
        // Two hosts, so no per-host politeness rule can make the quick site wait behind the held one.
        await using var quick = await LoopbackHttpServer.StartAsync(c => Answer(c, page));
        await using var held = await LoopbackHttpServer.StartAsync(async c =>
        {
            if (c.Request.Path == "/")
                await release.Task.WaitAsync(c.RequestAborted);
            await Answer(c, page);
        });
        var config = _dir.Combine("scan.json");
        File.WriteAllText(config, $$"""
            { "PartnerWatch": {
                "Brands": [ { "Id": "microsoft", "Name": "Microsoft", "Domains": ["microsoft.com"] } ],
                "Sites": [
                  { "Id": "held", "Url": "{{held.BaseUri}}" },
                  { "Id": "quick", "Url": "{{quick.BaseUri}}" }
                ],
                "Fetch": { "AllowPrivateNetworks": true, "MaxRetries": 0, "MaxConcurrentSites": 2 },
                "Storage": { "DataDirectory": "{{_dir.Combine("data").Replace("\\", "/")}}" } } }
            """);
        var (args, error) = CliArguments.Parse(["scan", "--config", config, "--json"]);
        Assert.Null(error);
        var stdout = new WatchedWriter("\"site\": \"quick\"");

        var scan = ScanCommand.RunAsync(args!, stdout, new StringWriter(), CancellationToken.None);
        var first = await Task.WhenAny(stdout.Seen, scan);
        try
        {
            Assert.Same(stdout.Seen, first);
            Assert.False(scan.IsCompleted);
            Assert.DoesNotContain("\"held\"", stdout.ToString());
        }
        finally
        {
            release.TrySetResult();
        }

        Assert.Equal(ExitCodes.Ok, await scan);
        using var json = JsonDocument.Parse(stdout.ToString());
        var names = json.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("site").GetString()).ToList();
        Assert.Equal(["quick", "held"], names);   // the order they finished in
        Assert.All(json.RootElement.GetProperty("sites").EnumerateArray(), s => Assert.True(s.GetProperty("pagesScanned").GetInt32() >= 1));
    }

    private static async Task Answer(HttpContext context, string html)
    {
        if (context.Request.Path != "/")
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(html));
    }

    /// <summary>A stdout that says when a given text has been written to it.</summary>
    private sealed class WatchedWriter(string awaited) : StringWriter
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public override void Write(string? value)
        {
            base.Write(value);
            if (ToString().Contains(awaited, StringComparison.Ordinal))
                _seen.TrySetResult();
        }
    }
}
