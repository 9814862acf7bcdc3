using System.Diagnostics;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Cli;

/// <summary>The built program itself, as users and scripts run it: exit codes and where output goes.</summary>
public sealed class ProgramProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string workingDirectory, params string[] args)
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
    public async Task BadUsageExitsTwo()
    {
        var (exit, _, stderr) = await RunAsync(_dir.Path, "scan", "--no-such-option");
        Assert.Equal(2, exit);
        Assert.Contains("--no-such-option", stderr);
    }

    public void Dispose() => _dir.Dispose();
}
