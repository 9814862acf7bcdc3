using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PartnerWatch.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a free port, serving fixture routes or a fixture folder.
/// Records every request so tests can assert what was (or was not) fetched.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests = new();

    private LoopbackHttpServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Paths (with query) requested so far, in order.</summary>
    public IReadOnlyList<string> Requests => _requests.ToArray();

    public Uri Url(string relative) => new(BaseUri, relative.TrimStart('/'));

    /// <summary>
    /// Starts a server where <paramref name="handle"/> answers every request; instantly, or as <paramref name="latency"/>
    /// says (delays, slow bodies, occasional 503s and hangs).
    /// </summary>
    public static Task<LoopbackHttpServer> StartAsync(RequestDelegate handle, LatencyProfile? latency = null) => StartCoreAsync(handle, latency);

    /// <summary>Starts a server that answers from a route table: path → (status, content type, body bytes).</summary>
    public static Task<LoopbackHttpServer> StartAsync(IReadOnlyDictionary<string, FixtureResponse> routes, LatencyProfile? latency = null) =>
        StartCoreAsync(async context =>
        {
            if (!routes.TryGetValue(context.Request.Path.Value ?? "/", out var response))
            {
                context.Response.StatusCode = 404;
                return;
            }
            await response.WriteAsync(context);
        }, latency);

    /// <summary>
    /// Serves a folder like the shared eval kit does: <c>/dir/</c> → <c>dir/index.html</c>, a sidecar
    /// <c>FILE.headers</c> adds headers (and <c>Status:</c>), and <c>__ORIGIN__</c> in text becomes the server origin.
    /// </summary>
    public static async Task<LoopbackHttpServer> ServeFolderAsync(string root, LatencyProfile? latency = null)
    {
        LoopbackHttpServer? self = null;
        var server = await StartCoreAsync(async context =>
        {
            var relative = Uri.UnescapeDataString(context.Request.Path.Value ?? "/").TrimStart('/');
            var path = Path.GetFullPath(Path.Combine(root, relative));
            if (!path.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal)) { context.Response.StatusCode = 403; return; }
            if (Directory.Exists(path))
            {
                if (!context.Request.Path.Value!.EndsWith('/'))
                {
                    context.Response.StatusCode = 301;
                    context.Response.Headers.Location = context.Request.Path.Value + "/";
                    return;
                }
                path = Path.Combine(path, "index.html");
            }
            var origin = self!.BaseUri.GetLeftPart(UriPartial.Authority);
            var status = 200;
            string? contentType = null;
            if (File.Exists(path + ".headers"))
            {
                foreach (var line in await File.ReadAllLinesAsync(path + ".headers"))
                {
                    var colon = line.IndexOf(':');
                    if (colon <= 0) continue;
                    var name = line[..colon].Trim();
                    var value = line[(colon + 1)..].Trim().Replace("__ORIGIN__", origin);
                    if (name.Equals("Status", StringComparison.OrdinalIgnoreCase)) status = int.Parse(value);
                    else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = value;
                    else context.Response.Headers[name] = value;
                }
            }
            if (status is >= 300 and < 400) { context.Response.StatusCode = status; return; }
            if (!File.Exists(path)) { context.Response.StatusCode = 404; return; }
            var bytes = await File.ReadAllBytesAsync(path);
            var ext = Path.GetExtension(path).ToLowerInvariant();
            contentType ??= ext switch
            {
                ".html" or ".htm" => "text/html",
                ".css" => "text/css",
                ".png" => "image/png",
                ".jpg" or ".jpeg" => "image/jpeg",
                ".gif" => "image/gif",
                ".webp" => "image/webp",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            if (ext is ".html" or ".htm" or ".css" or ".svg" or ".js")
                bytes = ReplaceOrigin(bytes, origin);
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(bytes);
        }, latency);
        self = server;
        return server;
    }

    private static byte[] ReplaceOrigin(byte[] bytes, string origin)
    {
        // Byte-level replace so that non-UTF-8 fixtures (GBK, Shift_JIS) stay intact.
        var token = "__ORIGIN__"u8.ToArray();
        var replacement = System.Text.Encoding.ASCII.GetBytes(origin);
        var output = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i + token.Length <= bytes.Length && bytes.AsSpan(i, token.Length).SequenceEqual(token))
            {
                output.AddRange(replacement);
                i += token.Length - 1;
            }
            else output.Add(bytes[i]);
        }
        return output.ToArray();
    }

    private static async Task<LoopbackHttpServer> StartCoreAsync(RequestDelegate handle, LatencyProfile? latency)
    {
        if (latency is not null) handle = latency.Wrap(handle);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackHttpServer(app);
        app.Run(async context =>
        {
            server._requests.Enqueue(context.Request.Path + context.Request.QueryString);
            await handle(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A canned response for <see cref="LoopbackHttpServer"/>.</summary>
public sealed record FixtureResponse(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FixtureResponse Html(string html, string contentType = "text/html; charset=utf-8") =>
        new(200, contentType, System.Text.Encoding.UTF8.GetBytes(html));

    public static FixtureResponse Redirect(string location, int status = 302) =>
        new(status, "text/plain", [], new Dictionary<string, string> { ["Location"] = location });

    public async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        if (Headers is not null)
            foreach (var (name, value) in Headers) context.Response.Headers[name] = value;
        if (Body.Length > 0)
        {
            context.Response.ContentType = ContentType;
            await context.Response.Body.WriteAsync(Body);
        }
    }
}
