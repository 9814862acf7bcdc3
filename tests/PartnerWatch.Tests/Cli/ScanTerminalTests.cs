using System.Diagnostics;
using System.Text.RegularExpressions;
using PartnerWatch.Demo;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Cli;

/// <summary>
/// <c>scan</c> at a terminal, as a person runs it: the program runs in a pseudo-terminal (util-linux <c>script</c>),
/// so stderr is a TTY and the live progress and the summary table are drawn there.
/// </summary>
public sealed partial class ScanTerminalTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private DemoSiteServer _sites = null!;

    public async Task InitializeAsync() => _sites = await DemoSiteServer.StartAsync(CancellationToken.None);

    public async Task DisposeAsync() => await _sites.DisposeAsync();

    [Fact]
    public async Task ProgressAndSummaryAreDrawnOnATerminalWhileStdoutKeepsTheJson()
    {
        var logos = Path.Combine(AppContext.BaseDirectory, "Demo", "logos").Replace("\\", "/");
        var config = _dir.Combine("scan.json");
        File.WriteAllText(config, $$"""
            { "PartnerWatch": {
                "Brands": [ { "Id": "microsoft", "Name": "Microsoft", "Aliases": ["微软"], "Domains": ["microsoft.com"], "Logos": ["{{logos}}/microsoft.svg"] } ],
                "Sites": [
                  { "Id": "dongfang-shiyun", "Url": "{{_sites.Origin}}dongfang-shiyun/" },
                  { "Id": "brightwave-news", "Url": "{{_sites.Origin}}brightwave-news/" }
                ],
                "Fetch": { "AllowPrivateNetworks": true, "MaxRetries": 0 } } }
            """);
        var json = _dir.Combine("out.json");
        var dll = Path.Combine(AppContext.BaseDirectory, "PartnerWatch.dll");

        // script -e returns the command's exit code; the pty is stdin, stdout and stderr of the command, stdout then redirected.
        var start = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir.Path };
        foreach (var arg in new[] { "-qec", $"stty cols 120 rows 40; dotnet '{dll}' scan --config '{config}' --json > '{json}'", "/dev/null" })
            start.ArgumentList.Add(arg);
        start.Environment["TERM"] = "xterm-256color";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("util-linux 'script' is needed for the pseudo-terminal");
        var screen = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var text = Ansi().Replace(await screen, "");

        Assert.Equal(1, process.ExitCode);
        // The live line: sites done / total, pages, claims, errors (drawn while the scan ran, then cleared).
        Assert.Matches(@"\d/2 sites · \d+ pages · \d+ unverified claims · \d+ errors", text);
        // The summary table at the end, on the terminal, with box drawing.
        Assert.Contains("│ dongfang-shiyun", text);
        Assert.Contains("unverified claim", text);
        Assert.Contains("2 sites in", text);
        // stdout (redirected to a file) carries only the JSON document.
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(2, document.RootElement.GetProperty("sites").GetArrayLength());
    }

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]")]
    private static partial Regex Ansi();

    public void Dispose() => _dir.Dispose();
}
