namespace PartnerWatch.Detect.Logos;

/// <summary>
/// The views of an image with transparency. The page colour behind it is unknown, so it is flattened onto white and
/// onto black — but a view in which most of the logo vanishes into the background is not the logo: Deloitte's black
/// wordmark on black leaves only its green dot, a filled disc that matched every round icon (33 of 43 false matches on
/// the cncf/landscape walls). Such a view is dropped unless no view does better. A reference logo also gets its
/// <b>silhouette</b> (every opaque pixel as foreground): what a page shows when it draws the logo as a white silhouette
/// on a dark band, or in one flat colour, which neither flattened view resembles when the logo has light and dark parts.
/// </summary>
internal static class TransparentViews
{
    /// <summary>
    /// A flattened view must show at least this share of what the better one shows, or it is a fragment. Visibility is
    /// measured as the hash sees it: each opaque pixel's distance from the background, saturating at the normaliser's
    /// 0.35, so Trend Micro's dark grey letters on black (0.13) count as a third, not as shown.
    /// </summary>
    public const double MinRelativeVisibility = 0.85;

    private const double OpaqueAlpha = 0.5;
    private const double SaturationDistance = 0.35; // as LogoNormalizer

    private static readonly (byte R, byte G, byte B) White = (255, 255, 255);
    private static readonly (byte R, byte G, byte B) Black = (0, 0, 0);

    /// <param name="onWhite">The image drawn onto white (packed RGB, working size).</param>
    /// <param name="onBlack">The same drawing onto black.</param>
    /// <param name="silhouette">Whether to add the silhouette view (reference logos).</param>
    public static List<FingerprintVariant> Fingerprint(byte[] onWhite, byte[] onBlack, int width, int height, MapPolicy? maps, bool silhouette)
    {
        var n = width * height;
        var opaque = 0;
        double visibleOnWhite = 0, visibleOnBlack = 0;
        var shape = silhouette ? new byte[n * 3] : null;
        for (var i = 0; i < n; i++)
        {
            int j = 3 * i;
            // Drawn onto white and onto black, a pixel differs by exactly its transparency: (1 − α)·255 per channel.
            var transparency = (onWhite[j] - onBlack[j] + onWhite[j + 1] - onBlack[j + 1] + onWhite[j + 2] - onBlack[j + 2]) / 3.0;
            var alpha = 1 - Math.Clamp(transparency, 0, 255) / 255;
            if (shape is not null) shape[j] = shape[j + 1] = shape[j + 2] = (byte)Math.Round(255 * (1 - alpha));
            if (alpha < OpaqueAlpha) continue;
            opaque++;
            visibleOnWhite += Math.Min(1, Distance(onWhite, j, White) / SaturationDistance);
            visibleOnBlack += Math.Min(1, Distance(onBlack, j, Black) / SaturationDistance);
        }
        var variants = new List<FingerprintVariant>();
        var best = Math.Max(visibleOnWhite, visibleOnBlack);
        if (visibleOnWhite >= MinRelativeVisibility * best)
            AddDistinct(variants, LogoNormalizer.Fingerprint(onWhite, width, height, White, maps));
        if (visibleOnBlack >= MinRelativeVisibility * best)
            AddDistinct(variants, LogoNormalizer.Fingerprint(onBlack, width, height, Black, maps));
        // Only worth a view when a flattened one hides part of the shape; else it repeats them.
        if (shape is not null && Math.Min(visibleOnWhite, visibleOnBlack) < 0.97 * opaque)
            AddDistinct(variants, LogoNormalizer.Fingerprint(shape, width, height, White, maps));
        return variants;
    }

    private static double Distance(byte[] rgb, int j, (byte R, byte G, byte B) background)
    {
        double dr = rgb[j] - background.R, dg = rgb[j + 1] - background.G, db = rgb[j + 2] - background.B;
        return Math.Sqrt(dr * dr + dg * dg + db * db) / (255 * Math.Sqrt(3));
    }

    /// <summary>Adds the variants not already present (white and black flattening agree for logos without near-white or near-black parts).</summary>
    public static void AddDistinct(List<FingerprintVariant> into, List<FingerprintVariant> variants)
    {
        foreach (var v in variants)
        {
            if (!into.Any(e => e.Layout == v.Layout && e.Hash.DistanceTo(v.Hash) <= 4 && Math.Abs(Math.Log(e.Aspect / v.Aspect)) < 0.05)) into.Add(v);
        }
    }
}
