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

    /// <summary>
    /// <c>serve --demo-if-missing</c> with no configuration file (a container started with nothing mounted): the demo,
    /// and one log line saying how to mount a configuration instead.
    /// </summary>
    public static async Task<int> RunInsteadOfMissingConfigAsync(string missingFile, string? urls, TextWriter stderr, CancellationToken cancellationToken)
    {
        await using var sites = await DemoSiteServer.StartAsync(cancellationToken);
        var loaded = LoadDemoConfiguration(sites.Origin);
        var folder = Path.GetDirectoryName(Path.GetFullPath(missingFile)) ?? "/config";
        return await ServeCommand.RunAsync(loaded, urls, stderr, app =>
            app.Services.GetRequiredService<ILogger<DemoSiteServerLog>>().LogWarning(
                "No configuration at {ConfigFile:l}: running the bundled demo (3 sites served by this process; /status shows its claim). "
                + "To watch your own sites, mount a folder holding {ConfigName:l}: docker run -v \"$PWD/config:{ConfigFolder:l}:ro\" -v partnerwatch-data:/data IMAGE",
                missingFile, Path.GetFileName(missingFile), folder),
            cancellationToken);
    }

    /// <summary>Log category of the demo's start-up notice.</summary>
    public sealed class DemoSiteServerLog;

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
