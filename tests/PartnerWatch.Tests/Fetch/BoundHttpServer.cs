using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PartnerWatch.Tests.Fetch;

/// <summary>
/// A real Kestrel server bound to a chosen address (e.g. 127.0.0.2, which Linux routes to loopback) that records
/// every request, so guard tests can prove a forbidden target saw nothing at all.
/// </summary>
internal sealed class BoundHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests = new();
    private int _connections;

    private BoundHttpServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;
    public int Port => BaseUri.Port;
    public IReadOnlyList<string> Requests => _requests.ToArray();
    /// <summary>TCP connections accepted, whether or not a request followed.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public Uri Url(string relative) => new(BaseUri, relative.TrimStart('/'));

    public static async Task<BoundHttpServer> StartAsync(IPAddress address, RequestDelegate handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        BoundHttpServer? self = null;
        builder.WebHost.UseKestrel(o => o.Listen(address, 0, listen => listen.Use(next => async connection =>
        {
            Interlocked.Increment(ref self!._connections);
            await next(connection);
        })));
        var app = builder.Build();
        self = new BoundHttpServer(app);
        app.Run(async context =>
        {
            self._requests.Enqueue(context.Request.Path + context.Request.QueryString);
            await handle(context);
        });
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self.BaseUri = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        return self;
    }

    /// <summary>Serves a route table (path → response); unknown paths get 404.</summary>
    public static Task<BoundHttpServer> StartAsync(IPAddress address, IReadOnlyDictionary<string, Infrastructure.FixtureResponse> routes) =>
        StartAsync(address, async context =>
        {
            if (!routes.TryGetValue(Uri.UnescapeDataString(context.Request.Path.Value ?? "/"), out var response))
            {
                context.Response.StatusCode = 404;
                return;
            }
            await response.WriteAsync(context);
        });

    public static Task<BoundHttpServer> StartAsync(IReadOnlyDictionary<string, Infrastructure.FixtureResponse> routes) =>
        StartAsync(IPAddress.Loopback, routes);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
