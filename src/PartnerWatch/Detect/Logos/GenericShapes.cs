namespace PartnerWatch.Detect.Logos;

/// <summary>
/// Shapes that carry no identity: filled discs, ellipses, squircles, rounded squares and rings, drawn directly in the
/// cells of each hash layout (the content box stretched to the grid, as <see cref="LogoNormalizer"/> does). A reference
/// view close to one of them — Facebook's "f" disc seen as a silhouette (its white "f" on a dark page is foreground too),
/// BrowserStack's concentric circles, Ubuntu's ring — is close to every round badge, dot and blob-shaped tile on the web:
/// the hash says "a disc", not "this brand". <see cref="LowStructure"/> decides what such a view needs to count.
/// Built once; immutable.
/// </summary>
public static class GenericShapes
{
    /// <summary>
    /// A view within this many bits of a generic shape (of its layout) is generic. The informative views of simple
    /// marks stay well above it: Facebook's disc with its "f" cut out is 37 bits from the nearest shape, Ubuntu's circle
    /// of friends 39, Hetzner's square with its "H" 52; no other view of the 57-brand RealCorpus catalogue is under 20
    /// (docs/logo-matching.md, "Session 5: low-structure references").
    /// </summary>
    public const int Radius = 16;

    /// <summary>Hamming distance from <paramref name="hash"/> to the nearest generic shape of the layout.</summary>
    public static int DistanceToNearest(Hash256 hash, byte layout)
    {
        var shapes = ByLayout[Math.Min(layout, (byte)(ByLayout.Length - 1))];
        var best = Hash256.Bits;
        foreach (var shape in shapes) best = Math.Min(best, shape.DistanceTo(hash));
        return best;
    }

    /// <summary>Whether the view is (nearly) a generic shape: a disc, a rounded square, a ring.</summary>
    public static bool IsGeneric(FingerprintVariant view) => DistanceToNearest(view.Hash, view.Layout) <= Radius;

    // Superellipse |u|^p + |v|^p ≤ 1 from the ellipse (p = 2) to a nearly square plate (p = 12); rings are the same
    // outlines with an inner hole at 50–80 % of the size.
    private static readonly double[] Exponents = [2, 2.5, 3, 4, 6, 12];
    private static readonly double[] RingHoles = [0.5, 0.65, 0.8];

    // Declared after the tables it is built from: static fields initialise in textual order.
    private static readonly Hash256[][] ByLayout = [Build(16, 16), Build(32, 8), Build(8, 32)];

    private static Hash256[] Build(int columns, int rows)
    {
        // The empty view: a view of a few scattered cells (a hairline, a speck left by a trim) is within a few bits of
        // every other sparse view, however different the two images are.
        var shapes = new List<Hash256> { default };
        foreach (var p in Exponents)
        {
            // Each shape at half coverage and at full coverage: a mark that nearly fills its box also gets the
            // full-coverage hash (LogoNormalizer), which is the same disc less its rim of partly covered cells.
            foreach (var full in (bool[])[false, true])
            {
                shapes.Add(Draw(columns, rows, full, (u, v) => Inside(u, v, p, 1)));
                foreach (var hole in RingHoles)
                    shapes.Add(Draw(columns, rows, full, (u, v) => Inside(u, v, p, 1) && !Inside(u, v, p, hole)));
            }
        }
        return [.. shapes];
    }

    private static bool Inside(double u, double v, double p, double scale) =>
        Math.Pow(Math.Abs(u) / scale, p) + Math.Pow(Math.Abs(v) / scale, p) <= 1;

    /// <summary>
    /// A cell is set when more than half of its area is inside the shape (4 × 4 samples), like the half-coverage hash,
    /// or with <paramref name="full"/> only when all of it is, like the full-coverage hash.
    /// </summary>
    private static Hash256 Draw(int columns, int rows, bool full, Func<double, double, bool> inside)
    {
        const int Samples = 4;
        Span<bool> bits = stackalloc bool[Hash256.Bits];
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                var covered = 0;
                for (var sy = 0; sy < Samples; sy++)
                {
                    for (var sx = 0; sx < Samples; sx++)
                    {
                        var u = (x + (sx + 0.5) / Samples) / columns * 2 - 1;
                        var v = (y + (sy + 0.5) / Samples) / rows * 2 - 1;
                        if (inside(u, v)) covered++;
                    }
                }
                bits[y * columns + x] = full ? covered == Samples * Samples : covered * 2 > Samples * Samples;
            }
        }
        return Hash256.FromBits(bits);
    }
}
