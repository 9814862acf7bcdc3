using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PartnerWatch.Alert;
using PartnerWatch.Config;
using PartnerWatch.Hosting;
using PartnerWatch.Scan;
using PartnerWatch.Store;
using PartnerWatch.Tests.Fetch;
using PartnerWatch.Tests.Fetch.Polite;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Scan;

/// <summary>
/// A scheduled scan records its claims and returns; the alert it queued is delivered by the background dispatcher,
/// exactly once, however many scans ring it.
/// </summary>
public sealed class SiteMonitorAlertTests
{
    private const string Home = """<!DOCTYPE html><html><body><nav><a href="/partner.html">Partner</a></nav><h1>Kessler</h1></body></html>""";
    private const string Partners = """<!DOCTYPE html><html><body><h1>Unsere Partner</h1><ul><li><img src="a.png" alt="Cisco"></li></ul></body></html>""";

    [Fact]
    public async Task TheScanReturnsBeforeItsAlertIsSentAndTheBackgroundDispatcherSendsItOnce()
    {
        using var temp = new TempDirectory();
        await using var site = await PoliteSite.StartAsync(new Dictionary<string, string> { ["/"] = Home, ["/partner.html"] = Partners });
        var kessler = new SiteOptions { Id = "kessler", Url = site.BaseUri.ToString() };
        var options = new PartnerWatchOptions
        {
            Brands = [new BrandOptions { Id = "cisco", Name = "Cisco", Domains = ["cisco.com"] }],
            Sites = [kessler],
            Fetch = { AllowPrivateNetworks = true, MaxRetries = 0, PerHostRequestsPerSecond = 0 },
            Storage = { DataDirectory = temp.Combine("data") },
            Smtp = { From = "partnerwatch@example.org", To = ["brand-protection@example.org"] },
        };
        options.Fetch.Browser.Mode = BrowserMode.Never;
        await using var provider = new ServiceCollection().AddLogging().AddPartnerWatchPipeline(options).BuildServiceProvider();
        await provider.GetRequiredService<IScanStore>().InitializeAsync(CancellationToken.None);
        var outbox = new DataDirectory(options.Storage.DataDirectory).Outbox;

        // Three scans of the site (the first opens the claim and queues its alert), each ringing the dispatcher.
        for (var i = 0; i < 3; i++)
            await provider.GetRequiredService<SiteMonitor>().RunOnceAsync(kessler, FetchTestHost.Watchdog());
        Assert.Equal(1, (await provider.GetRequiredService<IScanStore>().GetStatusAsync(CancellationToken.None)).PendingAlerts);
        Assert.Empty(Emails(outbox));

        var dispatcher = provider.GetServices<IHostedService>().OfType<BackgroundAlertDispatcher>().Single();
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            using var watchdog = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (Emails(outbox).Count == 0)
                await Task.Delay(50, watchdog.Token);
            // More rings after the delivery (a burst of scans) find nothing left to send.
            for (var i = 0; i < 5; i++)
                provider.GetRequiredService<AlertDispatchSignal>().Ring();
            while ((await provider.GetRequiredService<IScanStore>().GetStatusAsync(CancellationToken.None)).PendingAlerts > 0)
                await Task.Delay(50, watchdog.Token);
            await provider.GetRequiredService<AlertDispatcher>().DispatchPendingAsync(watchdog.Token); // waits for a run under way
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }

        var email = Assert.Single(Emails(outbox));
        Assert.Contains("Cisco", await File.ReadAllTextAsync(email));
    }

    private static List<string> Emails(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").ToList() : [];
}
