using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;

namespace PartnerWatch.Demo;

/// <summary>
/// Serves the bundled demo company sites (<c>Demo/Sites</c> next to the program) on 127.0.0.1 at a free port, so
/// the demo scans real HTTP pages with no internet.
/// </summary>
public sealed class DemoSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DemoSiteServer(WebApplication app, Uri origin)
    {
        _app = app;
        Origin = origin;
    }

    public Uri Origin { get; }

    public static string SitesRoot => Path.Combine(AppContext.BaseDirectory, "Demo", "Sites");

    public static async Task<DemoSiteServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseFileServer(new FileServerOptions { FileProvider = new PhysicalFileProvider(SitesRoot), EnableDefaultFiles = true });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DemoSiteServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
