using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PartnerWatch.Tests.Cluster;

/// <summary>
/// One real <c>PartnerWatch serve</c> process (the built <c>PartnerWatch.dll</c>, as an operator runs it) on its own
/// loopback port, its console output kept for the failure message. <see cref="Kill"/> is <c>kill -9</c>: no shutdown
/// code runs, so the node leaves its check-in row and its fired triggers behind as a crashed machine would.
/// </summary>
public sealed class ClusterNodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ClusterNodeProcess(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(20) };
    }

    public string Name { get; }

    public int Port { get; }

    public HttpClient Client { get; }

    public bool Exited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static ClusterNodeProcess Start(string name, string configFile, string workingDirectory, string dataDirectory)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "PartnerWatch.dll"), "serve", "--config", configFile, "--urls", $"http://127.0.0.1:{port}" })
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // One configuration file for every node; what differs per node comes from the environment, as in a deployment.
        start.Environment["PartnerWatch__Cluster__NodeId"] = name;
        start.Environment["PartnerWatch__Storage__DataDirectory"] = dataDirectory;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var node = new ClusterNodeProcess(name, port, process);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Waits until <c>/readyz</c> answers 200 (database reachable, scheduler running).</summary>
    public async Task WaitReadyAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) break;
            try
            {
                using var response = await Client.GetAsync("readyz");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        Assert.Fail($"node {Name} did not become ready within {within}:\n{Output}");
    }

    public async Task<JsonElement> StatusAsync()
    {
        using var document = JsonDocument.Parse(await Client.GetStringAsync("status"));
        return document.RootElement.Clone();
    }

    /// <summary>SIGKILL, as <c>kill -9</c>.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            // Keep the end of the log: that is where a failure shows.
            if (_output.Length > 200_000) _output.Remove(0, 100_000);
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
