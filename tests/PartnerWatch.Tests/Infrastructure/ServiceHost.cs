using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using PartnerWatch.Cli;
using PartnerWatch.Config;
using Serilog;

namespace PartnerWatch.Tests.Infrastructure;

/// <summary>The real service (ServeCommand.Build) on a free loopback port, with an HttpClient pointed at it.</summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServiceHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ServiceHost> StartAsync(LoadedConfiguration loaded)
    {
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        var logger = new LoggerConfiguration().MinimumLevel.Warning().CreateLogger();
        var app = ServeCommand.Build(loaded, "http://127.0.0.1:0", logger);
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
        return new ServiceHost(app, client);
    }

    public async Task<JsonElement> GetStatusAsync()
    {
        using var document = JsonDocument.Parse(await Client.GetStringAsync("/status"));
        return document.RootElement.Clone();
    }

    /// <summary>Polls <c>/status</c> until <paramref name="done"/> holds; fails with the last document after the deadline.</summary>
    public async Task<JsonElement> WaitForStatusAsync(Func<JsonElement, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        JsonElement status;
        do
        {
            status = await GetStatusAsync();
            if (done(status)) return status;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        Assert.Fail("status never reached the expected state:\n" + status);
        return status;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
