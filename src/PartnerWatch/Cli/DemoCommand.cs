using PartnerWatch.Config;
using PartnerWatch.Demo;

namespace PartnerWatch.Cli;

/// <summary>
/// <c>demo</c>: the real service on the bundled demo configuration — three company sites served on loopback by this
/// process (one shows Microsoft as a 合作伙伴 without being a confirmed partner, one is a confirmed partner, one only
/// mentions brands in passing), SQLite and the e-mail outbox in <c>./demo-data</c>.
/// </summary>
public static class DemoCommand
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter stderr, CancellationToken cancellationToken)
    {
        await using var sites = await DemoSiteServer.StartAsync(cancellationToken);
        var loaded = LoadDemoConfiguration(sites.Origin);
        stderr.WriteLine($"Demo sites are served at {sites.Origin}; scanning starts now.");
        return await ServeCommand.RunAsync(loaded, args.Urls, stderr, app =>
        {
            var url = (app.Urls.FirstOrDefault() ?? ServeCommand.DefaultUrls).TrimEnd('/');
            var data = Path.GetFullPath(loaded.Options.Storage.DataDirectory);
            stderr.WriteLine($"""

                PartnerWatch demo is running. Within a few seconds:
                  {DemoCredentials.Banner(url)}
                  status  : curl {url}/status      (one open unverified claim: dongfang-shiyun shows Microsoft)
                  alert   : {Path.Combine(data, "outbox")}/*.eml
                  database: {Path.Combine(data, "partnerwatch.db")}
                Press Ctrl-C to stop.

                """);
        }, cancellationToken);
    }

    public static LoadedConfiguration LoadDemoConfiguration(Uri origin, string? dataDirectory = null)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Demo", "demo.json");
        var overrides = new Dictionary<string, string?>
        {
            ["PartnerWatch:Sites:0:Url"] = new Uri(origin, "dongfang-shiyun/").ToString(),
            ["PartnerWatch:Sites:1:Url"] = new Uri(origin, "contoso-systems/").ToString(),
            ["PartnerWatch:Sites:2:Url"] = new Uri(origin, "brightwave-news/").ToString(),
        };
        foreach (var (key, value) in DemoCredentials.ConfigurationOverrides()) overrides[key] = value;
        if (dataDirectory is not null)
            overrides["PartnerWatch:Storage:DataDirectory"] = dataDirectory;
        else if (Environment.GetEnvironmentVariable("PartnerWatch__Storage__DataDirectory") is null)
            overrides["PartnerWatch:Storage:DataDirectory"] = "demo-data";
        return ConfigurationLoader.Load(file, overrides);
    }
}
