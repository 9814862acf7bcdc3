using System.Collections.Concurrent;
using System.Text;
using PartnerWatch.Config;
using PartnerWatch.Fetch;

namespace PartnerWatch.Detect.Logos;

/// <summary>
/// The detect stage's image seam, backed by the reference-logo catalogue: downloads each image a page shows (through the
/// guarded client, so the SSRF rules apply), fingerprints it once per distinct content, and matches it against every
/// configured logo. Images in a negative context (social icons, store badges) and images no match of which could count
/// (<see cref="LogoImageCandidate.CannotCount"/>) are never downloaded.
/// </summary>
internal sealed class ReferenceLogoMatcher(
    LogoCatalog catalog,
    LogoImageDecoder decoder,
    FingerprintCache fingerprints,
    IServiceProvider services,
    PartnerWatchOptions options,
    TimeProvider time,
    ILogger<ReferenceLogoMatcher> logger) : ILogoImageMatcher, IScopedLogoImageMatcher
{
    /// <summary>Bounds the work one hostile page can cause.</summary>
    private const int MaxImagesPerPage = 150;
    private const int MaxParallelDownloads = 4;

    // An image URL seen within this window is not downloaded again: one download per image per scan, even when every
    // page of a site repeats the same logo wall, while a logo changed between scans (hours apart) is fetched anew.
    private static readonly TimeSpan UrlMemoLifetime = TimeSpan.FromMinutes(15);
    private const int UrlMemoCapacity = 10_000;
    // Decoding is the memory peak (a hostile PNG within the pixel cap is 64 MB as a bitmap): two at a time, process-wide,
    // whatever the number of sites and downloads in flight.
    private readonly SemaphoreSlim _decodeSlots = new(2, 2);

    private async Task<CachedFingerprint> DecodeAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await _decodeSlots.WaitAsync(cancellationToken);
        try
        {
            var result = fingerprints.GetOrAdd(bytes, decoder, WholeMatchesNothing);
            // Cached under another catalogue (a reload) that matched it whole: now it matches nothing, so it is cut after all.
            if (result.Fingerprint is { WallSplitSkipped: true } whole && WholeMatchesNothing(whole))
            {
                result = new CachedFingerprint(decoder.TryFingerprint(bytes, out var reason), reason);
                fingerprints.Add(FingerprintCache.KeyOf(bytes), result);
            }
            return result;
        }
        finally
        {
            _decodeSlots.Release();
        }
    }

    /// <summary>An image is cut into wall tiles only when it matches no reference logo whole.</summary>
    private bool WholeMatchesNothing(ImageFingerprint whole) => catalog.Match(whole) is null;

    /// <summary>The part of a sprite sheet a page shows, cached by the sheet's content and the part; a whole-sheet match when the part cannot be cut.</summary>
    private async Task<CachedFingerprint> DecodePartAsync(byte[] bytes, SpriteRegion part, CancellationToken cancellationToken)
    {
        var key = FingerprintCache.KeyOf(bytes) + "#" + part.ToFragment();
        if (fingerprints.TryGet(key, out var known)) return known;
        await _decodeSlots.WaitAsync(cancellationToken);
        try
        {
            var fingerprint = decoder.TryFingerprintPart(bytes, part, out var reason);
            var result = fingerprint is null ? fingerprints.GetOrAdd(bytes, decoder) : new CachedFingerprint(fingerprint, null);
            fingerprints.Add(key, result);
            return result;
        }
        finally
        {
            _decodeSlots.Release();
        }
    }

    private readonly ConcurrentDictionary<string, (CachedFingerprint Result, string? Sha256, DateTimeOffset At)> _recentUrls = new(StringComparer.Ordinal);

    public ValueTask<IReadOnlyList<LogoImageMatch>> MatchAsync(IReadOnlyList<LogoImageCandidate> images, CancellationToken cancellationToken)
        => MatchAsync(images, null, cancellationToken);

    public async ValueTask<IReadOnlyList<LogoImageMatch>> MatchAsync(
        IReadOnlyList<LogoImageCandidate> images, Func<LogoImageCandidate, string, bool>? couldCount, CancellationToken cancellationToken)
    {
        if (catalog.References.Count == 0 || images.Count == 0)
            return [];

        var wanted = images.Where(i => !i.NegativeContext)
            .DistinctBy(i => i.InlineSvg is null ? i.ImageUrl.AbsoluteUri : i.ImageUrl.ToString())
            .Take(MaxImagesPerPage)
            .Where(i => !i.CannotCount)
            .ToList();
        if (wanted.Count == 0) return [];

        // A typed HttpClient per call: the matcher is a singleton and must not hold one (handler rotation).
        var fetcher = services.GetRequiredService<WebFetcher>();
        var matches = new ConcurrentBag<LogoImageMatch>();
        var sheets = new ConcurrentDictionary<string, Lazy<Task<FetchedResource>>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(wanted,
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelDownloads, CancellationToken = cancellationToken },
            async (image, token) =>
            {
                var seen = await FingerprintAsync(image, fetcher, sheets, token);
                if (seen.Result.Fingerprint is null) return;
                // A wall of logos in one image yields one match per brand it shows; an image named as one brand's
                // logo whose pixels agree is that logo, and its other tiles are pieces of it.
                // The brand the image is named after stays in scope: ImageMatches.Find keeps only its tiles when it is found.
                var named = image.NamedBrand;
                var scope = couldCount is null
                    ? catalog
                    : catalog.ScopedTo(brand => string.Equals(brand, named, StringComparison.OrdinalIgnoreCase) || couldCount(image, brand));
                foreach (var found in ImageMatches.Find(scope, seen.Result.Fingerprint, named))
                {
                    matches.Add(new LogoImageMatch(found.Match.BrandId, image.ImageUrl, found.Detail, seen.Sha256, seen.Bytes, seen.ContentType));
                }
            });
        return matches.ToList();
    }

    /// <summary>What one image turned out to be; <see cref="Bytes"/> only when downloaded now (not from the URL memo).</summary>
    private readonly record struct SeenImage(CachedFingerprint Result, string? Sha256, byte[]? Bytes, string? ContentType);

    /// <param name="sheets">Sprite sheets downloaded for this page, by URL: each once, however many logos it shows.</param>
    private async Task<SeenImage> FingerprintAsync(LogoImageCandidate image, WebFetcher fetcher, ConcurrentDictionary<string, Lazy<Task<FetchedResource>>> sheets, CancellationToken cancellationToken)
    {
        if (image.InlineSvg is { } markup)
        {
            var bytes = Encoding.UTF8.GetBytes(markup);
            var key = FingerprintCache.KeyOf(bytes);
            if (!fingerprints.TryGet(key, out var known))
            {
                known = new CachedFingerprint(decoder.TryFingerprintSvgMarkup(markup, out var reason), reason);
                fingerprints.Add(key, known);
            }
            return new SeenImage(known, key.ToLowerInvariant(), bytes, "image/svg+xml");
        }

        if (image.ImageUrl.Scheme == "data")
        {
            if (DataUri.TryDecode(image.ImageUrl.OriginalString, options.Fetch.MaxImageBytes) is not { } inline)
                return new SeenImage(new CachedFingerprint(null, "unreadable data: URI"), null, null, null);
            return new SeenImage(await DecodeAsync(inline, cancellationToken), FingerprintCache.KeyOf(inline).ToLowerInvariant(), inline, null);
        }

        var url = image.ImageUrl.AbsoluteUri;
        var now = time.GetUtcNow();
        if (_recentUrls.TryGetValue(url, out var recent) && now - recent.At < UrlMemoLifetime)
            return new SeenImage(recent.Result, recent.Sha256, null, null);

        SeenImage seen;
        try
        {
            // A CSS sprite (#xywh=… on the URL): the sheet is downloaded once per page, only the part shown is matched.
            var part = SpriteRegion.FromUrl(image.ImageUrl);
            var resource = part is null
                ? await fetcher.GetResourceAsync(image.ImageUrl, options.Fetch.MaxImageBytes, cancellationToken)
                : await sheets.GetOrAdd(SpriteRegion.Sheet(image.ImageUrl).AbsoluteUri,
                    _ => new Lazy<Task<FetchedResource>>(() => fetcher.GetResourceAsync(SpriteRegion.Sheet(image.ImageUrl), options.Fetch.MaxImageBytes, cancellationToken))).Value;
            var result = part is { } region ? await DecodePartAsync(resource.Body, region, cancellationToken) : await DecodeAsync(resource.Body, cancellationToken);
            seen = new SeenImage(result, FingerprintCache.KeyOf(resource.Body).ToLowerInvariant(), resource.Body, resource.ContentType);
            if (result.RejectReason is { } why)
                logger.LogDebug("Image {ImageUrl} on {PageUrl} not usable: {Reason}", url, image.PageUrl, why);
        }
        catch (FetchFailedException ex)
        {
            logger.LogDebug("Image {ImageUrl} on {PageUrl} not fetched: {Reason}", url, image.PageUrl, ex.Message);
            seen = new SeenImage(new CachedFingerprint(null, ex.Message), null, null, null);
        }

        if (_recentUrls.Count >= UrlMemoCapacity)
            _recentUrls.Clear(); // crude but bounded; the content-hash cache still holds the fingerprints
        _recentUrls[url] = (seen.Result, seen.Sha256, now);
        return seen;
    }
}

/// <summary>
/// An image matcher that can skip work on matches the caller will drop: <c>couldCount(image, brand)</c> is false when
/// no match of that image to that brand could reach a claim or its evidence (the collector's label rule). The matches
/// it returns for brands that could count are exactly those of <see cref="ILogoImageMatcher.MatchAsync"/>.
/// </summary>
internal interface IScopedLogoImageMatcher
{
    ValueTask<IReadOnlyList<LogoImageMatch>> MatchAsync(
        IReadOnlyList<LogoImageCandidate> images, Func<LogoImageCandidate, string, bool>? couldCount, CancellationToken cancellationToken);
}

/// <summary>Decodes <c>data:image/…;base64,…</c> URIs within a byte cap.</summary>
internal static class DataUri
{
    public static byte[]? TryDecode(string uri, long maxBytes)
    {
        var comma = uri.IndexOf(',');
        if (comma < 0 || !uri.AsSpan(0, comma).EndsWith(";base64", StringComparison.OrdinalIgnoreCase)) return null;
        var payload = uri.AsSpan(comma + 1);
        if (payload.Length / 4 * 3 > maxBytes) return null;
        var buffer = new byte[payload.Length / 4 * 3 + 3];
        return Convert.TryFromBase64Chars(payload, buffer, out var written) ? buffer[..written] : null;
    }
}
