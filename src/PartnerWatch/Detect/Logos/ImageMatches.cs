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
    public static IReadOnlyList<BrandInImage> Find(LogoCatalog catalog, ImageFingerprint fingerprint)
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
