using System.Diagnostics;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Cli;

/// <summary>The built program itself, as users and scripts run it: exit codes and where output goes.</summary>
public sealed class ProgramProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    internal static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PartnerWatch.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task ValidateExitsTwoAndListsEveryProblem()
    {
        File.WriteAllText(_dir.Combine("bad.json"), """{ "PartnerWatch": { "Sites": [ { "Id": "", "Url": "x" } ], "Fetch": { "MaxRedirects": "lots" } } }""");

        var (exit, stdout, _) = await RunAsync(_dir.Path, "validate", "--config", "bad.json");

        Assert.Equal(2, exit);
        Assert.Contains("PartnerWatch:Sites:0:Id", stdout);
        Assert.Contains("PartnerWatch:Sites:0:Url", stdout);
        Assert.Contains("PartnerWatch:Fetch:MaxRedirects", stdout);
        Assert.DoesNotContain("   at ", stdout); // no stack trace
    }

    [Fact]
    public async Task ValidateExitsZeroForTheDemoConfigurationFromAnyWorkingDirectory()
    {
        var demo = Path.Combine(AppContext.BaseDirectory, "Demo", "demo.json");

        var (exit, stdout, _) = await RunAsync(_dir.Path, "validate", "--config", demo);

        Assert.Equal(0, exit);
        Assert.Contains("valid", stdout);
    }

    [Fact]
    public async Task ValidateRejectsALogoFileThatDoesNotDecode()
    {
        File.WriteAllText(_dir.Combine("broken.png"), "this is not a PNG");
        File.WriteAllText(_dir.Combine("pw.json"), """{ "PartnerWatch": { "Brands": [ { "Id": "x", "Name": "X", "Logos": ["broken.png"] } ] } }""");

        var (exit, stdout, _) = await RunAsync(_dir.Path, "validate", "--config", "pw.json");

        Assert.Equal(2, exit);
        Assert.Contains("PartnerWatch:Brands:0:Logos:0", stdout);
    }

    [Fact]
    public async Task ScanRefusesALogoFileThatDoesNotDecodeLikeValidate()
    {
        File.WriteAllText(_dir.Combine("broken.png"), "this is not a PNG");
        File.WriteAllText(_dir.Combine("pw.json"), """
            { "PartnerWatch": { "Brands": [ { "Id": "x", "Name": "X", "Logos": ["broken.png"] } ],
              "Sites": [ { "Id": "s", "Url": "http://127.0.0.1:9/" } ], "Fetch": { "AllowPrivateNetworks": true } } }
            """);

        var (exit, _, stderr) = await RunAsync(_dir.Path, "scan", "--config", "pw.json");

        Assert.Equal(2, exit);
        Assert.Contains("PartnerWatch:Brands:0:Logos:0", stderr);
        Assert.Contains("broken.png", stderr);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("scan")]
    public async Task AConfigurationWithoutBrandsExitsTwoNamingTheKey(string command)
    {
        File.WriteAllText(_dir.Combine("pw.json"), """{ "PartnerWatch": { "Sites": [ { "Id": "s", "Url": "http://127.0.0.1:9/" } ] } }""");

        var (exit, stdout, stderr) = await RunAsync(_dir.Path, command, "--config", "pw.json");

        Assert.Equal(2, exit);
        Assert.Contains("PartnerWatch:Brands: no brands configured", stdout + stderr);
    }

    [Fact]
    public async Task AScanOfUnreachableSitesPrintsOneLinePerSiteNotTheRetryLog()
    {
        File.WriteAllText(_dir.Combine("pw.json"), $$"""
            { "PartnerWatch": { "Brands": [ { "Id": "x", "Name": "Xylophone Corp" } ],
              "Sites": [ { "Id": "closed-a", "Url": "http://127.0.0.1:{{FreePort()}}/" }, { "Id": "closed-b", "Url": "http://127.0.0.1:{{FreePort()}}/" } ],
              "Fetch": { "AllowPrivateNetworks": true, "MaxRetries": 1 } } }
            """);

        var (exit, stdout, stderr) = await RunAsync(_dir.Path, "scan", "--config", "pw.json");

        Assert.Equal(4, exit);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Matches("^error: closed-[ab] could not be scanned: connection failed", l));
        Assert.EndsWith("2 of 2 sites could not be scanned (exit 4)", stdout.TrimEnd());

        // --verbose brings back the log: the fetch warnings and the retry attempts.
        (exit, _, stderr) = await RunAsync(_dir.Path, "scan", "--config", "pw.json", "--verbose");
        Assert.Equal(4, exit);
        Assert.Contains("Fetch of http://127.0.0.1:", stderr);
        Assert.True(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 2);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task BadUsageExitsTwo()
    {
        var (exit, _, stderr) = await RunAsync(_dir.Path, "scan", "--no-such-option");
        Assert.Equal(2, exit);
        Assert.Contains("--no-such-option", stderr);
    }

    [Fact]
    public async Task ATypoExitsTwoAndSuggestsTheCommand()
    {
        var (exit, stdout, stderr) = await RunAsync(_dir.Path, "scna");

        Assert.Equal(2, exit);
        Assert.Contains("Did you mean", stdout + stderr);
        Assert.Contains("scan", stdout + stderr);
        Assert.Contains("--help", stderr);
    }

    [Fact]
    public async Task VersionAndPerCommandHelpExitZero()
    {
        var (exit, stdout, _) = await RunAsync(_dir.Path, "--version");
        Assert.Equal(0, exit);
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout.Trim());

        (exit, stdout, _) = await RunAsync(_dir.Path, "validate", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("PartnerWatch validate [options]", stdout);
    }

    public void Dispose() => _dir.Dispose();
}
