using System.Net;
using PartnerWatch.Cli;
using PartnerWatch.Demo;
using PartnerWatch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace PartnerWatch.Tests.Status;

/// <summary>/readyz tells an orchestrator whether the service can do its work, not just whether it is alive.</summary>
public sealed class ReadinessTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task ReadyzTurns503WhenTheSchedulerStopsWhileHealthzStaysUp()
    {
        await using var sites = await DemoSiteServer.StartAsync(CancellationToken.None);
        var loaded = DemoCommand.LoadDemoConfiguration(sites.Origin, _data.Path);
        loaded.Options.Schedule.RunOnStart = false;
        await using var service = await ServiceHost.StartAsync(loaded);
        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/readyz")).StatusCode);

        var scheduler = await service.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Standby();

        var ready = await service.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("scheduler", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/healthz")).StatusCode);
    }

    public void Dispose() => _data.Dispose();
}
