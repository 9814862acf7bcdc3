using System.Text.Json;
using System.Text.Json.Serialization;
using PartnerWatch.Config;
using PartnerWatch.Schedule;
using PartnerWatch.Domain;
using PartnerWatch.Store;
using Quartz;

namespace PartnerWatch.Api;

/// <summary>
/// <c>/api/claims</c> and <c>/api/sites/{id}/scan</c> for the brand-protection team; see docs/alerts.md "API".
/// Every route is behind <see cref="ApiKeyFilter"/>; <c>/healthz</c>, <c>/readyz</c> and <c>/status</c> are not under <c>/api</c>.
/// </summary>
public static class ClaimsApiEndpoints
{
    internal const int DefaultLimit = 100;
    internal const int MaxLimit = 1000;
    internal const int MaxAcknowledgeBodyBytes = 16 * 1024;
    internal const int MaxByLength = 200;
    internal const int MaxNoteLength = 2000;

    public static IEndpointRouteBuilder MapClaimsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<ApiKeyFilter>();
        api.MapGet("/claims", ListAsync);
        api.MapGet("/claims/{id:long}", GetAsync);
        api.MapPost("/claims/{id:long}/acknowledge", AcknowledgeAsync);
        api.MapGet("/claims/{id:long}/evidence/{file}", EvidenceAsync);
        api.MapPost("/sites/{id}/scan", ScanNowAsync);
        // Unknown /api paths answer 401/404 through the same filter rather than falling through to anything else.
        api.Map("/{**rest}", () => TypedResults.NotFound()).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ListAsync(IScanStore store, string? status, int? limit, CancellationToken cancellationToken)
    {
        ClaimLifecycle? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!TryParseStatus(status, out var parsed))
            {
                return TypedResults.Problem(statusCode: 400, title: "Bad request",
                    detail: "status must be one of open, acknowledged, resolved, confirmed.");
            }

            filter = parsed;
        }

        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.Problem(statusCode: 400, title: "Bad request", detail: $"limit must be between 1 and {MaxLimit}.");
        }

        var claims = await store.ListClaimsAsync(filter, limit ?? DefaultLimit, cancellationToken);
        return TypedResults.Ok(new ClaimListDto(claims.Select(c => ClaimDto.From(c, null)).ToList()));
    }

    private static async Task<IResult> GetAsync(long id, IScanStore store, CancellationToken cancellationToken)
    {
        var claim = await store.GetClaimAsync(id, cancellationToken);
        if (claim is null)
        {
            return ClaimNotFound(id);
        }

        var manifests = await store.GetEvidenceManifestsAsync(id, cancellationToken);
        return TypedResults.Ok(ClaimDto.From(claim, manifests));
    }

    private static async Task<IResult> AcknowledgeAsync(long id, HttpRequest request, IScanStore store, CancellationToken cancellationToken)
    {
        var body = await ReadAcknowledgeBodyAsync(request, cancellationToken);
        if (body.Error is { } error)
        {
            return TypedResults.Problem(statusCode: 400, title: "Bad request", detail: error);
        }

        var outcome = await store.AcknowledgeClaimAsync(id, body.By, body.Note, cancellationToken);
        return outcome switch
        {
            AcknowledgeOutcome.NotFound => ClaimNotFound(id),
            AcknowledgeOutcome.NotOpen => TypedResults.Problem(statusCode: 409, title: "Conflict",
                detail: $"Claim {id} is not open (resolved or confirmed); only open claims can be acknowledged."),
            _ => TypedResults.Ok(ClaimDto.From((await store.GetClaimAsync(id, cancellationToken))!, null)),
        };
    }

    private static async Task<IResult> EvidenceAsync(long id, string file, IScanStore store, CancellationToken cancellationToken)
    {
        var evidence = await store.OpenEvidenceFileAsync(id, file, cancellationToken);
        if (evidence is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"Claim {id} has no evidence file '{Shorten(file)}'.");
        }

        if (evidence.IsManifest)
        {
            return TypedResults.File(evidence.Bytes, "application/json");
        }

        // Page HTML is hostile content: served as a download, never rendered on the service's own origin.
        return TypedResults.File(evidence.Bytes, "application/octet-stream", fileDownloadName: file, enableRangeProcessing: false);
    }

    private static async Task<IResult> ScanNowAsync(string id, LiveConfiguration live, ISchedulerFactory schedulerFactory, CancellationToken cancellationToken)
    {
        var site = live.Current.Sites.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));
        if (site is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No site '{Shorten(id)}' is configured.");
        }

        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var key = SiteScanJob.KeyFor(site.Id);
        if (!await scheduler.Exists(key, cancellationToken))
        {
            return TypedResults.Problem(statusCode: 503, title: "Service unavailable", detail: $"The scan job of '{site.Id}' is not scheduled yet; try again.");
        }

        // The job refuses to run concurrently for the same site, so "scan now" during a scan runs right after it.
        await scheduler.TriggerJob(key, cancellationToken);
        return TypedResults.Accepted($"/status", new ScanRequestedDto(site.Id, "queued"));
    }

    private static IResult ClaimNotFound(long id) =>
        TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No claim {id}.");

    private static bool TryParseStatus(string value, out ClaimLifecycle status) =>
        Enum.TryParse(value, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(value, out _);

    private static string Shorten(string value) => value.Length <= 100 ? value : value[..100] + "…";

    private static async Task<(string? By, string? Note, string? Error)> ReadAcknowledgeBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
        {
            return (null, null, null);
        }

        if (request.ContentLength > MaxAcknowledgeBodyBytes)
        {
            return (null, null, $"the body must be at most {MaxAcknowledgeBodyBytes} bytes");
        }

        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxAcknowledgeBodyBytes)
            {
                return (null, null, $"the body must be at most {MaxAcknowledgeBodyBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null, "the body must be a JSON object like {\"by\": \"alice\", \"note\": \"...\"}");
            }

            string? by = null, note = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.NameEquals("by") || property.Name.Equals("by", StringComparison.OrdinalIgnoreCase))
                {
                    if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)) return (null, null, "\"by\" must be a string");
                    by = property.Value.GetString();
                }
                else if (property.Name.Equals("note", StringComparison.OrdinalIgnoreCase))
                {
                    if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)) return (null, null, "\"note\" must be a string");
                    note = property.Value.GetString();
                }
            }

            if (by?.Length > MaxByLength) return (null, null, $"\"by\" must be at most {MaxByLength} characters");
            if (note?.Length > MaxNoteLength) return (null, null, $"\"note\" must be at most {MaxNoteLength} characters");
            return (by, note, null);
        }
        catch (JsonException ex)
        {
            return (null, null, $"the body is not valid JSON: {ex.Message}");
        }
    }

    public sealed record ClaimListDto(IReadOnlyList<ClaimDto> Claims);

    public sealed record ScanRequestedDto(string Site, string Status);

    public sealed record ClaimDto(
        long Id, string Site, string SiteUrl, string Brand, string Status, double Confidence,
        DateTimeOffset FirstSeen, DateTimeOffset LastSeen, DateTimeOffset? ResolvedAt,
        DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? AcknowledgedNote, int MissedScans, bool Alerted,
        IReadOnlyList<Evidence> Evidence,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ManifestDto>? Manifests)
    {
        public static ClaimDto From(ClaimRecord c, IReadOnlyList<EvidenceManifestRecord>? manifests) => new(
            c.Id, c.SiteId, c.SiteUrl, c.BrandId, c.Status.ToString().ToLowerInvariant(), c.Confidence, c.FirstSeenAt, c.LastSeenAt,
            c.ResolvedAt, c.AcknowledgedAt, c.AcknowledgedBy, c.AcknowledgedNote, c.MissedScans, c.Alerted, c.Evidence,
            manifests?.Select(m => new ManifestDto(m.ScanId, m.CreatedAt, m.File, m.Sha256, m.Items)).ToList());
    }

    public sealed record ManifestDto(long ScanId, DateTimeOffset CreatedAt, string File, string Sha256, IReadOnlyList<EvidenceItem> Files);
}
