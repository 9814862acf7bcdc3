using PartnerWatch.Config;
using PartnerWatch.Store;

namespace PartnerWatch.WebConsole;

/// <summary>
/// Wires the console into the host: authentication, the pages, the evidence and logo files they show, the style sheet,
/// and <c>/status/accuracy</c>. Everything is served by the service itself (no CDN), so the console works offline.
/// </summary>
public static class ConsoleEndpoints
{
    /// <summary>
    /// Scanned pages are hostile: evidence files are served with a policy that runs no script and loads nothing, even
    /// when opened directly (an SVG "logo" may carry script).
    /// </summary>
    private const string EvidencePolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
    private const string PagePolicy = "default-src 'none'; img-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static WebApplication MapConsole(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (IsConsolePath(context.Request.Path))
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = PagePolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-store";
            }

            await next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapRazorPages();

        app.MapGet("/console/console.css", () => TypedResults.Text(ConsoleStyles.Css, "text/css; charset=utf-8"));
        app.MapGet("/console/claims/{id:long}/evidence/{file}", EvidenceAsync).RequireAuthorization();
        app.MapGet("/console/brands/{brand}/logos/{index:int}", ReferenceLogo).RequireAuthorization();
        app.MapGet("/status/accuracy", async (AccuracyReport accuracy, CancellationToken cancellationToken) =>
            TypedResults.Ok(await accuracy.ComputeAsync(cancellationToken)));
        return app;
    }

    private static bool IsConsolePath(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/status") && !path.StartsWithSegments("/healthz")
        && !path.StartsWithSegments("/readyz") && !path.StartsWithSegments("/console/claims");

    private static async Task<IResult> EvidenceAsync(long id, string file, HttpContext context, IScanStore store, CancellationToken cancellationToken)
    {
        var evidence = await store.OpenEvidenceFileAsync(id, file, cancellationToken);
        if (evidence is null) return TypedResults.NotFound();
        context.Response.Headers.ContentSecurityPolicy = EvidencePolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private, max-age=3600";
        if (evidence.IsManifest) return TypedResults.File(evidence.Bytes, "application/json");

        var type = ImageType(evidence.Item?.Kind, evidence.Item?.ContentType);
        return type is null
            ? TypedResults.File(evidence.Bytes, "application/octet-stream", fileDownloadName: file + ".html")
            : TypedResults.File(evidence.Bytes, type);
    }

    /// <summary>Only image types the console shows inline; everything else (page HTML) is a download.</summary>
    internal static string? ImageType(string? kind, string? contentType)
    {
        if (kind == "screenshot") return "image/png";
        if (kind != "image" || contentType is null) return null;
        var type = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return type is "image/png" or "image/jpeg" or "image/gif" or "image/webp" or "image/svg+xml" ? type : null;
    }

    private static IResult ReferenceLogo(string brand, int index, HttpContext context, PartnerWatchOptions options)
    {
        var logos = options.Brands.FirstOrDefault(b => string.Equals(b.Id, brand, StringComparison.OrdinalIgnoreCase))?.Logos;
        if (logos is null || index < 0 || index >= logos.Count) return TypedResults.NotFound();
        var path = Path.GetFullPath(logos[index], options.BaseDirectory);
        var type = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".svg" => "image/svg+xml",
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            _ => null,
        };
        if (type is null || !File.Exists(path)) return TypedResults.NotFound();
        context.Response.Headers.ContentSecurityPolicy = EvidencePolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.PhysicalFile(path, type);
    }
}
