using System.Buffers;

namespace PartnerWatch.Detect.Logos;

/// <summary>
/// The views of an image with transparency. The page colour behind it is unknown, so it is flattened onto white and
/// onto black — but a view in which part of the logo vanishes into the background is not the logo: Deloitte's black
/// wordmark on black leaves only its green dot, a filled disc that matched every round icon (33 of 43 false matches on
/// the cncf/landscape walls), and Trend Micro's and Elastic's dark grey words on black leave only their emblems. Such a
/// view is dropped. A reference logo also gets its <b>silhouette</b> (every opaque pixel as foreground): what a page
/// shows when it draws the logo as a white silhouette on a dark band, or in one flat colour, which neither flattened
/// view resembles when the logo has light and dark parts.
/// <para>
/// A query image drawn smaller than the working size gets the silhouette too, hashed by its <b>coverage</b> (alpha as
/// the share of a cell covered, not saturated at 0.35): scaled up, its soft edges saturate into bold strokes — Sony's
/// wordmark at 160 px, white or black on transparency, set 135 cells against the crisp reference's 102 (33 bits); its
/// coverage sets 95 (7 bits). Views of fewer than <see cref="LogoNormalizer.MinCoverageCells"/> cells are not kept.
/// </para>
/// </summary>
internal static class TransparentViews
{
    /// <summary>
    /// A flattened view whose visible content spans less than this share of the opaque content's width or height is a
    /// fragment (unless no view spans more). The extent, not the amount, is what tells a missing part from a hole:
    /// Datadog's white dog and SAP's white letters vanish on white too, but inside a plate that still spans the logo.
    /// </summary>
    public const double MinVisibleExtent = 0.85;

    private const double OpaqueAlpha = 0.5;
    /// <summary>A pixel shows when its distance from the background is half the normaliser's saturation (0.35), as a
    /// hash cell needs: Trend Micro's dark grey letters on black (0.13) do not.</summary>
    private const double VisibleDistance = 0.175;

    private static readonly (byte R, byte G, byte B) White = (255, 255, 255);
    private static readonly (byte R, byte G, byte B) Black = (0, 0, 0);

    /// <param name="onWhite">The image drawn onto white (packed RGB, working size).</param>
    /// <param name="onBlack">The same drawing onto black.</param>
    /// <param name="silhouette">Whether to add the silhouette view (reference logos).</param>
    public static List<FingerprintVariant> Fingerprint(byte[] onWhite, byte[] onBlack, int width, int height, MapPolicy? maps, bool silhouette)
    {
        var opaque = new Extent();
        var visibleOnWhite = new Extent();
        var visibleOnBlack = new Extent();
        var partial = false;
        // Rented: a query's 196 KB silhouette lives only while it is fingerprinted (it may be longer than the raster).
        var shape = ArrayPool<byte>.Shared.Rent(width * height * 3);
        for (var i = 0; i < width * height; i++)
        {
            int j = 3 * i, x = i % width, y = i / width;
            // Drawn onto white and onto black, a pixel differs by exactly its transparency: (1 − α)·255 per channel.
            var transparency = (onWhite[j] - onBlack[j] + onWhite[j + 1] - onBlack[j + 1] + onWhite[j + 2] - onBlack[j + 2]) / 3.0;
            var alpha = 1 - Math.Clamp(transparency, 0, 255) / 255;
            shape[j] = shape[j + 1] = shape[j + 2] = (byte)Math.Round(255 * (1 - alpha));
            if (alpha < OpaqueAlpha) continue;
            opaque.Add(x, y);
            var onW = Distance(onWhite, j, White) >= VisibleDistance;
            var onB = Distance(onBlack, j, Black) >= VisibleDistance;
            if (onW) visibleOnWhite.Add(x, y);
            if (onB) visibleOnBlack.Add(x, y);
            partial |= !onW || !onB;
        }
        var variants = new List<FingerprintVariant>();
        var whole = visibleOnWhite.Area >= visibleOnBlack.Area;
        if (whole || visibleOnWhite.Spans(opaque))
            AddDistinct(variants, LogoNormalizer.Fingerprint(onWhite, width, height, White, maps));
        if (!whole || visibleOnBlack.Spans(opaque))
            AddDistinct(variants, LogoNormalizer.Fingerprint(onBlack, width, height, Black, maps));
        // Only worth a view when a flattened one hides part of the shape; else it repeats them. A reference's silhouette
        // is saturated like its other views (what a page's white silhouette on a dark band looks like); a query's is its
        // coverage, see the class remarks.
        try
        {
            if (partial && (silhouette || maps?.ScaledUp == true))
                AddDistinct(variants, LogoNormalizer.Fingerprint(shape, width, height, White, maps, coverage: !silhouette));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(shape);
        }
        return variants;
    }

    private sealed class Extent
    {
        private int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;

        public void Add(int x, int y)
        {
            if (x < minX) minX = x;
            if (x > maxX) maxX = x;
            if (y < minY) minY = y;
            if (y > maxY) maxY = y;
        }

        private int Width => maxX < 0 ? 0 : maxX - minX + 1;
        private int Height => maxY < 0 ? 0 : maxY - minY + 1;
        public long Area => Width * (long)Height;

        public bool Spans(Extent whole) => Width >= MinVisibleExtent * whole.Width && Height >= MinVisibleExtent * whole.Height;
    }

    private static double Distance(byte[] rgb, int j, (byte R, byte G, byte B) background) =>
        ColourDistance.Of(rgb[j], rgb[j + 1], rgb[j + 2], background.R, background.G, background.B);

    /// <summary>Adds the variants not already present (white and black flattening agree for logos without near-white or near-black parts).</summary>
    public static void AddDistinct(List<FingerprintVariant> into, List<FingerprintVariant> variants)
    {
        foreach (var v in variants)
        {
            if (!into.Any(e => e.Layout == v.Layout && e.Hash.DistanceTo(v.Hash) <= 4 && Math.Abs(Math.Log(e.Aspect / v.Aspect)) < 0.05)) into.Add(v);
        }
    }
}
