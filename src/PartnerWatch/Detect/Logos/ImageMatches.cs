using System.Globalization;

namespace PartnerWatch.Detect.Logos;

/// <summary>One brand found in one image: the best match and where in the image it was found (for the evidence text).</summary>
public sealed record BrandInImage(LogoMatch Match, string Detail);

/// <summary>
/// Matches an image and, for a wall of logos, each of its tiles (<see cref="ImageFingerprint.Parts"/>): one result per
/// distinct brand, the whole image's match first, else the tile closest to its reference.
/// </summary>
public static class ImageMatches
{
    /// <param name="namedBrand">The brand the image's own element names (its file name, its alt text), if any. When the
    /// pixels agree — the whole image or one of its tiles is that brand's logo — the image is that logo, not a wall:
    /// a tile matching another brand is a piece of it (the "H" of HUAWEI's wordmark is Hetzner's knocked-out "H"), so
    /// only the named brand is reported.</param>
    public static IReadOnlyList<BrandInImage> Find(LogoCatalog catalog, ImageFingerprint fingerprint, string? namedBrand = null)
    {
        var found = FindAll(catalog, fingerprint);
        if (namedBrand is null || found.Count < 2 || !found.Any(f => string.Equals(f.Match.BrandId, namedBrand, StringComparison.OrdinalIgnoreCase)))
            return found;
        return [.. found.Where(f => string.Equals(f.Match.BrandId, namedBrand, StringComparison.OrdinalIgnoreCase) || !f.Detail.StartsWith("tile ", StringComparison.Ordinal))];
    }

    private static List<BrandInImage> FindAll(LogoCatalog catalog, ImageFingerprint fingerprint)
    {
        var found = new Dictionary<string, BrandInImage>(StringComparer.OrdinalIgnoreCase);
        if (catalog.Match(fingerprint) is { } whole)
        {
            found[whole.BrandId] = new BrandInImage(whole, Describe(whole));
        }
        for (var i = 0; i < fingerprint.Parts.Count; i++)
        {
            var part = fingerprint.Parts[i];
            if (catalog.Match(part) is not { } match) continue;
            if (found.TryGetValue(match.BrandId, out var known) && (known.Match.Distance <= match.Distance || known.Detail.StartsWith("matches", StringComparison.Ordinal)))
                continue;
            var where = string.Create(CultureInfo.InvariantCulture, $"tile {i + 1} of {fingerprint.Parts.Count} at {part.Region} ");
            found[match.BrandId] = new BrandInImage(match, where + Describe(match));
        }
        return [.. found.Values];
    }

    private static string Describe(LogoMatch match) => match.DetailSimilarity is { } similarity
        ? string.Create(CultureInfo.InvariantCulture,
            $"matches {match.ReferenceFile} drawn at the image's own size, correlation {similarity:F3} (small-image detail check; hash distance {match.Distance}/{Hash256.Bits})")
        : string.Create(CultureInfo.InvariantCulture,
            $"matches {match.ReferenceFile}, distance {match.Distance}/{Hash256.Bits} (threshold {match.MaxDistance})");
}
