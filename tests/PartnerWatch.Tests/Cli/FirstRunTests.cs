using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Cli;

/// <summary>
/// The container's default command (<c>serve --config /config/partnerwatch.json --demo-if-missing</c>) with nothing
/// mounted: instead of exiting 2, the program runs the bundled demo, says in one log line how to mount a configuration,
/// and <c>/status</c> shows the demo's claim.
/// </summary>
public sealed class FirstRunTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task WithNoConfigurationMountedTheDemoRunsAndTheLogSaysHowToMountOne()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir.Path };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PartnerWatch.dll"));
        foreach (var arg in new[] { "serve", "--config", _dir.Combine("config", "partnerwatch.json"), "--demo-if-missing", "--urls", $"http://127.0.0.1:{port}" })
            start.ArgumentList.Add(arg);
        start.Environment["PartnerWatch__Storage__DataDirectory"] = _dir.Combine("data");
        start.Environment["PartnerWatch__Logging__Format"] = "json";
        using var process = Process.Start(start)!;
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            JsonElement claim = default;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (DateTime.UtcNow < deadline && claim.ValueKind == JsonValueKind.Undefined)
            {
                Assert.False(process.HasExited, "the program exited: " + log);
                try
                {
                    using var status = JsonDocument.Parse(await client.GetStringAsync("/status"));
                    claim = status.RootElement.GetProperty("openClaims").EnumerateArray().Select(c => c.Clone()).FirstOrDefault();
                }
                catch (HttpRequestException) { /* not listening yet */ }
                if (claim.ValueKind == JsonValueKind.Undefined) await Task.Delay(300);
            }

            Assert.True(claim.ValueKind == JsonValueKind.Object, "no claim on /status: " + log);
            Assert.Equal("dongfang-shiyun", claim.GetProperty("site").GetString());
            Assert.Equal("microsoft", claim.GetProperty("brand").GetString());
            string text;
            lock (log) text = log.ToString();
            var notice = Assert.Single(text.Split('\n'), l => l.Contains("No configuration at"));
            Assert.Contains("docker run -v", notice);
            Assert.Contains("partnerwatch.json", notice);
            using (JsonDocument.Parse(notice)) { } // one JSON log line, like every other
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task WithoutTheFlagAMissingConfigurationIsStillAnError()
    {
        var (exit, stdout, stderr) = await ProgramProcessTests.RunAsync(_dir.Path, "serve", "--config", _dir.Combine("missing.json"));

        Assert.Equal(2, exit);
        Assert.Contains("config file not found", stdout + stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _dir.Dispose();
}
