using System.Data.Common;
using System.Text.Json;
using PartnerWatch.Domain;
using static PartnerWatch.Store.StoreValues;

namespace PartnerWatch.Store;

/// <summary>
/// Keeps the evidence of a scan's claims: the pages (as served and as rendered), images and screenshots their evidence
/// names go to the blob store before the scan's transaction; inside it, one manifest per claim lists those files with
/// their hashes. Evidence is worth a lot but not the alert itself: a blob that cannot be written is recorded as not
/// stored and logged, and the claim is recorded all the same.
/// </summary>
internal sealed class EvidenceRecorder(StoreContext store, IEvidenceBlobs blobs)
{
    /// <summary>Pages, images and screenshots the claims' evidence refers to, written to the blob store: key → item.</summary>
    public async Task<Dictionary<string, EvidenceItem>> StoreBlobsAsync(SiteScanResult result, IReadOnlyList<Claim> claims, CancellationToken cancellationToken)
    {
        var items = new Dictionary<string, EvidenceItem>(StringComparer.Ordinal);
        var wanted = claims.SelectMany(c => c.Evidence ?? []).Where(e => e is not null).ToList();
        var pageUrls = wanted.Select(e => NormalizeUrl(e.PageUrl)).ToHashSet(StringComparer.Ordinal);
        foreach (var page in (result.FetchedPages ?? []).Where(p => p is not null && pageUrls.Contains(NormalizeUrl(p.Url))))
        {
            // A page answered 304 carries only its hash; its bytes are stored if the scan that downloaded them stored them.
            var stored = page.Html is { } html
                ? await TryWriteAsync(html, page.Url, cancellationToken)
                : await IsStoredAsync(page.Sha256, page.Url, cancellationToken);
            items.TryAdd("page " + NormalizeUrl(page.Url), new EvidenceItem("page", page.Url, page.FetchedAt, page.StatusCode, page.Sha256, page.Length, stored, "text/html"));

            // A page built by scripts: what detection read (and a visitor saw) is the rendered DOM, not the bytes served.
            if (page.RenderedHtml is { } dom)
            {
                var renderedStored = await TryWriteAsync(dom, page.Url, cancellationToken);
                items.TryAdd("rendered " + NormalizeUrl(page.Url), new EvidenceItem("rendered-page", page.Url, page.FetchedAt, page.StatusCode,
                    EvidenceFiles.Sha256Hex(dom), dom.LongLength, renderedStored, "text/html; charset=utf-8"));
            }
        }

        var images = (result.FetchedImages ?? []).Where(i => i is not null).ToList();
        foreach (var evidence in wanted.Where(e => !string.IsNullOrEmpty(e.ImageUrl)))
        {
            var key = "image " + NormalizeUrl(evidence.ImageUrl);
            if (items.ContainsKey(key)) continue;
            var image = images.FirstOrDefault(i => NormalizeUrl(i.Url) == NormalizeUrl(evidence.ImageUrl)
                || (evidence.ImageSha256 is not null && i.Sha256 == evidence.ImageSha256));
            var stored = image?.Bytes is { } bytes && await TryWriteAsync(bytes, evidence.ImageUrl!, cancellationToken);
            var sha = stored ? EvidenceFiles.Sha256Hex(image!.Bytes) : image?.Sha256 ?? evidence.ImageSha256;
            items[key] = new EvidenceItem("image", evidence.ImageUrl!, image?.FetchedAt, null, EvidenceFiles.IsSha256(sha) ? sha : null,
                image?.Bytes?.LongLength, stored, image?.ContentType);
        }

        // Screenshots of the claim pages as rendered (or the reason there is none), taken before the scan is recorded.
        foreach (var shot in (result.Screenshots ?? []).Where(s => s is not null && pageUrls.Contains(NormalizeUrl(s.PageUrl))))
        {
            var stored = shot.Png is { } png && await TryWriteAsync(png, shot.PageUrl, cancellationToken);
            items.TryAdd("screenshot " + NormalizeUrl(shot.PageUrl), new EvidenceItem("screenshot", shot.PageUrl, shot.TakenAt, null,
                shot.Png is null ? null : EvidenceFiles.Sha256Hex(shot.Png), shot.Png?.LongLength, stored, shot.Png is null ? null : "image/png", shot.Note,
                shot.Marks is { Count: > 0 } marks ? marks : null));
        }

        return items;
    }

    /// <summary>Writes the claim's manifest for this scan into the database, in the scan's transaction.</summary>
    public async Task WriteManifestAsync(
        DbConnection connection, DbTransaction transaction, SiteScanResult result, Claim claim, long claimId, long scanId,
        Dictionary<string, EvidenceItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var evidence = (claim.Evidence ?? []).Where(e => e is not null).Take(MaxStoredEvidencePerClaim).ToList();
        var files = evidence.Select(e => "page " + NormalizeUrl(e.PageUrl))
            .Concat(evidence.Select(e => "rendered " + NormalizeUrl(e.PageUrl)))
            .Concat(evidence.Select(e => "screenshot " + NormalizeUrl(e.PageUrl)))
            .Concat(evidence.Where(e => !string.IsNullOrEmpty(e.ImageUrl)).Select(e => "image " + NormalizeUrl(e.ImageUrl)))
            .Distinct(StringComparer.Ordinal)
            .Select(k => items.GetValueOrDefault(k))
            .OfType<EvidenceItem>()
            .ToList();
        var manifest = new
        {
            claimId,
            scanId,
            site = result.Site,
            siteUrl = result.Url,
            brand = claim.Brand,
            status = claim.Status == ClaimStatus.Confirmed ? "confirmed" : "unverified",
            recordedAt = now.UtcDateTime,
            scannedBy = result.ScannedBy,
            files = files.Select(f => new
            {
                f.Kind,
                f.Url,
                fetchedAt = f.FetchedAt?.UtcDateTime,
                f.HttpStatus,
                f.Sha256,
                f.Bytes,
                f.ContentType,
                f.Stored,
                f.Note,
                f.Marks,
                blob = f.Stored ? $"blobs/{f.Sha256}" : null,
            }),
            evidence = evidence.Select(e => e with { Detail = Truncate(e.Detail ?? ""), Snippet = TruncateOrNull(e.Snippet), Context = TruncateOrNull(e.Context) }),
        };

        var content = JsonSerializer.SerializeToUtf8Bytes(manifest, EvidenceFiles.ManifestJson);
        await StoreContext.ExecuteAsync(connection, transaction,
            "INSERT INTO evidence_manifests (claim_id, scan_id, created_at, file, sha256, blobs, content) VALUES (@ClaimId, @ScanId, @CreatedAt, @File, @Sha256, @Blobs, @Content) ON CONFLICT (claim_id, scan_id) DO NOTHING;",
            new
            {
                ClaimId = claimId,
                ScanId = scanId,
                CreatedAt = ToUnixMs(now),
                File = EvidenceFiles.ManifestFileName(scanId),
                Sha256 = EvidenceFiles.Sha256Hex(content),
                Blobs = JsonSerializer.Serialize(files.Where(f => f.Stored).Select(f => f.Sha256).Distinct().ToList(), Json),
                Content = content,
            }, cancellationToken);
    }

    private async Task<bool> IsStoredAsync(string? sha256, string what, CancellationToken cancellationToken)
    {
        if (!EvidenceFiles.IsSha256(sha256)) return false;
        try
        {
            return await blobs.ContainsAsync(sha256!, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DbException)
        {
            store.Logger.LogEvidenceWriteFailed(what, ex.Message);
            return false;
        }
    }

    private async Task<bool> TryWriteAsync(byte[] bytes, string what, CancellationToken cancellationToken)
    {
        try
        {
            await blobs.WriteAsync(bytes, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DbException)
        {
            store.Logger.LogEvidenceWriteFailed(what, ex.Message);
            return false;
        }
    }
}
