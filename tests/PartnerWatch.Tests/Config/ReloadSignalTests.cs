using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Config;

/// <summary><c>kill -HUP</c> on the real program: the configuration is reloaded and the service keeps running.</summary>
public sealed class ReloadSignalTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task SighupReloadsTheConfigurationAndDoesNotStopTheService()
    {
        if (OperatingSystem.IsWindows()) return; // no SIGHUP there
        File.WriteAllText(_dir.Combine("pw.json"), """
            { "PartnerWatch": {
                "Brands": [ { "Id": "x", "Name": "Xylophone Corp" } ],
                "Sites": [ { "Id": "s", "Url": "http://127.0.0.1:9/" } ],
                "Fetch": { "AllowPrivateNetworks": true, "Browser": { "Mode": "Never" } },
                "Schedule": { "Interval": "01:00:00", "Jitter": "00:00:00" } } }
            """);
        var url = $"http://127.0.0.1:{FreePort()}";
        // Through `env --default-signal=HUP`: a test run started under nohup passes SIGHUP on as ignored, and the .NET
        // runtime keeps a signal ignored that was ignored at start (as `nohup` asks), so the service would never see it.
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir.Path };
        foreach (var arg in new[] { "--default-signal=HUP", "dotnet", Path.Combine(AppContext.BaseDirectory, "PartnerWatch.dll"), "serve", "--config", "pw.json", "--urls", url })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await WaitForGenerationAsync(client, process, 1);

            using (var kill = Process.Start("kill", ["-HUP", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();

            // The file did not change: SIGHUP still reloads it (a forced reload), and the process is still there to answer.
            await WaitForGenerationAsync(client, process, 2);
            Assert.False(process.HasExited);
        }
        catch (Xunit.Sdk.XunitException failure)
        {
            // Keep the service's own log in the failure message: a reload that never comes says why only there.
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            var log = await stdout + await stderr;
            Assert.Fail($"{failure.Message}\n--- service log (last 4,000 characters) ---\n{log[Math.Max(0, log.Length - 4000)..]}");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        Assert.Contains("SIGHUP", await stdout + await stderr);
    }

    private static async Task WaitForGenerationAsync(HttpClient client, Process process, int generation)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var status = JsonDocument.Parse(await client.GetStringAsync("/status"));
                if (status.RootElement.GetProperty("configuration").GetProperty("generation").GetInt32() == generation) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        Assert.Fail($"configuration generation {generation} never reached (process exited: {process.HasExited})");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _dir.Dispose();
}
