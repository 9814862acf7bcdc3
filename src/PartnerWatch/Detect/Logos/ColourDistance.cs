namespace PartnerWatch.Detect.Logos;

/// <summary>
/// The normalised RGB distance (0–1) of two colours, √(dr² + dg² + db²) / (255·√3), read from a table indexed by the
/// squared distance: the fingerprint asks for it several times per pixel and background guess, and a square root per
/// call was 7 % of a scan's CPU (issue 12). The table holds exactly the values the formula gives, so every threshold
/// decision is unchanged. Immutable, shared.
/// </summary>
internal static class ColourDistance
{
    /// <summary>Largest squared distance: 3 · 255².</summary>
    public const int MaxSquared = 3 * 255 * 255;

    private static readonly double[] BySquared = Build();

    private static double[] Build()
    {
        var table = new double[MaxSquared + 1];
        for (var s = 0; s <= MaxSquared; s++) table[s] = Math.Sqrt(s) / (255 * Math.Sqrt(3));
        return table;
    }

    public static double Of(byte r1, byte g1, byte b1, byte r2, byte g2, byte b2)
    {
        int dr = r1 - r2, dg = g1 - g2, db = b1 - b2;
        return BySquared[dr * dr + dg * dg + db * db];
    }

    public static double Of((byte R, byte G, byte B) a, (byte R, byte G, byte B) b) => Of(a.R, a.G, a.B, b.R, b.G, b.B);
}
