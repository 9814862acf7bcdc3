using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Fetch.Polite;

/// <summary>
/// A loopback company site that behaves like a well-run web server: an ETag and Last-Modified on every page, 304 for a
/// matching If-None-Match, an optional robots.txt. Records every request with its headers and arrival time, so tests
/// can check what a site owner would see in their access log.
/// </summary>
internal sealed class PoliteSite : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private LoopbackHttpServer _server = null!;
    private long _bodyBytes;

    public sealed record SeenRequest(string Path, DateTimeOffset At, string? IfNoneMatch, string? AcceptLanguage, int Status);

    public string? Robots { get; set; }
    public Uri BaseUri => _server.BaseUri;
    public Uri Url(string path) => _server.Url(path);
    public IReadOnlyList<SeenRequest> Seen => _seen.ToArray();
    public IReadOnlyList<SeenRequest> PageRequests => Seen.Where(r => r.Path != "/robots.txt").ToList();
    /// <summary>Body bytes sent so far (pages and robots.txt), as the site's access log would add them up.</summary>
    public long BodyBytes => Interlocked.Read(ref _bodyBytes);

    public void Set(string path, string html) => _pages[path] = html;

    public static async Task<PoliteSite> StartAsync(IReadOnlyDictionary<string, string> pages)
    {
        var site = new PoliteSite();
        foreach (var (path, html) in pages) site.Set(path, html);
        site._server = await LoopbackHttpServer.StartAsync(site.HandleAsync);
        return site;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var status = await AnswerAsync(context, path);
        _seen.Enqueue(new SeenRequest(path, DateTimeOffset.UtcNow, context.Request.Headers.IfNoneMatch.FirstOrDefault(),
            context.Request.Headers.AcceptLanguage.FirstOrDefault(), status));
    }

    private async Task<int> AnswerAsync(HttpContext context, string path)
    {
        if (path == "/robots.txt" && Robots is { } robots)
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(robots);
            return 200;
        }
        if (!_pages.TryGetValue(path, out var html))
        {
            context.Response.StatusCode = 404;
            return 404;
        }
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html)))[..16] + "\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.LastModified = "Mon, 07 Dec 2026 00:00:00 GMT";
        if (context.Request.Headers.IfNoneMatch.Contains(etag))
        {
            context.Response.StatusCode = 304;
            return 304;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        var body = Encoding.UTF8.GetBytes(html);
        Interlocked.Add(ref _bodyBytes, body.Length);
        await context.Response.Body.WriteAsync(body);
        return 200;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
