using System.Text.Json;
using PartnerWatch.Cli;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Cli;

/// <summary>
/// <c>scan --mentions</c>: a brand the site shows but does not claim is listed with the context that rejected it, so an
/// analyst can answer "GitHub is on this site, why no alert?"; without the flag the output is the contract's, unchanged.
/// </summary>
public sealed class ScanMentionsTests : IAsyncLifetime, IDisposable
{
    // Cisco under a partners heading (a claim); GitHub only in an integrations list and as the footer's follow link.
    private const string Page = """
        <html><head><title>Kessler IT</title></head><body>
        <h1>Kessler IT – managed networks</h1>
        <section><h2>Our partners</h2><ul><li><img src="/logos/partner-1.png" alt="Cisco"></li></ul></section>
        <section><h2>Integrations</h2><ul><li>GitHub</li><li>Jira</li></ul></section>
        <footer><p>© 2026 Kessler IT</p><a href="https://github.com/kessler-it">GitHub</a></footer>
        </body></html>
        """;

    private readonly TempDirectory _dir = new();
    private LoopbackHttpServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await LoopbackHttpServer.StartAsync(new Dictionary<string, FixtureResponse> { ["/"] = FixtureResponse.Html(Page) });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    private string WriteConfig()
    {
        var path = _dir.Combine("scan.json");
        File.WriteAllText(path, $$"""
            { "PartnerWatch": {
                "Brands": [
                  { "Id": "cisco", "Name": "Cisco", "Domains": ["cisco.com"] },
                  { "Id": "github", "Name": "GitHub", "Domains": ["github.com"] },
                  { "Id": "oracle", "Name": "Oracle", "Domains": ["oracle.com"] }
                ],
                "Sites": [ { "Id": "kessler", "Url": "{{_server.BaseUri}}" } ],
                "Fetch": { "AllowPrivateNetworks": true, "MaxRetries": 0 },
                "Storage": { "DataDirectory": "{{_dir.Combine("data").Replace("\\", "/")}}" } } }
            """);
        return path;
    }

    private static async Task<string> ScanAsync(params string[] argv)
    {
        var (args, error) = CliArguments.Parse(argv);
        Assert.Null(error);
        var stdout = new StringWriter();
        var exit = await ScanCommand.RunAsync(args!, stdout, new StringWriter(), CancellationToken.None);
        Assert.Equal(ExitCodes.UnverifiedClaims, exit);
        return stdout.ToString();
    }

    [Fact]
    public async Task JsonListsTheBrandSeenButNotClaimedWithTheListThatRejectedIt()
    {
        using var json = JsonDocument.Parse(await ScanAsync("scan", "--config", WriteConfig(), "--json", "--mentions"));

        var site = Assert.Single(json.RootElement.GetProperty("sites").EnumerateArray());
        Assert.Equal("cisco", Assert.Single(site.GetProperty("claims").EnumerateArray()).GetProperty("brand").GetString());
        // The claim is not repeated as a mention, and a brand the site never names is not one either.
        var mention = Assert.Single(site.GetProperty("mentions").EnumerateArray());
        Assert.Equal("github", mention.GetProperty("brand").GetString());
        Assert.Equal(0.0, mention.GetProperty("confidence").GetDouble());
        Assert.True(mention.GetProperty("signals").GetInt32() >= 3, "list item, footer link and its text");

        var cues = mention.GetProperty("strongest").EnumerateArray().ToList();
        Assert.InRange(cues.Count, 2, 3);
        var contexts = cues.Select(c => c.GetProperty("context").GetString()!).ToList();
        Assert.Contains(contexts, c => c.StartsWith("negative: compatibility", StringComparison.Ordinal) && c.Contains("\"Integrations\"", StringComparison.Ordinal));
        Assert.Contains(contexts, c => c.StartsWith("negative: social follow/share", StringComparison.Ordinal));
        Assert.All(cues, c =>
        {
            Assert.Contains(c.GetProperty("kind").GetString(), new[] { "text", "logo-text", "link", "logo-image" });
            Assert.StartsWith(_server.BaseUri.ToString(), c.GetProperty("page").GetString());
            Assert.Contains("GitHub", c.GetProperty("evidence").GetString());
        });

        // Why nothing counted, over every signal: the reasons of the drops, counted.
        var dropped = mention.GetProperty("dropped").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.True(dropped.GetValueOrDefault("compatibility statement") >= 1);
        Assert.True(dropped.GetValueOrDefault("social follow/share") >= 1);
    }

    [Fact]
    public async Task WithoutTheFlagTheJsonHasNoMentionsAndTheSameClaims()
    {
        var config = WriteConfig();
        using var plain = JsonDocument.Parse(await ScanAsync("scan", "--config", config, "--json"));
        using var withMentions = JsonDocument.Parse(await ScanAsync("scan", "--config", config, "--json", "--mentions"));

        var site = Assert.Single(plain.RootElement.GetProperty("sites").EnumerateArray());
        Assert.False(site.TryGetProperty("mentions", out _));
        Assert.Equal(
            ["site", "url", "pagesScanned", "errors", "claims"],
            site.EnumerateObject().Select(p => p.Name).ToArray());
        var other = Assert.Single(withMentions.RootElement.GetProperty("sites").EnumerateArray());
        Assert.Equal(site.GetProperty("claims").GetRawText(), other.GetProperty("claims").GetRawText());
    }

    [Fact]
    public async Task TextOutputSaysSeenNotClaimedOncePerBrandAndSite()
    {
        var config = WriteConfig();
        var text = await ScanAsync("scan", "--config", config, "--mentions");

        var line = Assert.Single(text.Split('\n'), l => l.StartsWith("seen, not claimed", StringComparison.Ordinal));
        Assert.Contains("kessler github (confidence 0.00", line);
        Assert.Contains("negative:", line);
        Assert.DoesNotContain("seen, not claimed", await ScanAsync("scan", "--config", config));
    }
}
