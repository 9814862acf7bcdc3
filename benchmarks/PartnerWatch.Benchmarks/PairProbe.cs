using System.Globalization;
using PartnerWatch.Detect.Logos;

namespace PartnerWatch.Benchmarks;

/// <summary>
/// <c>pairs &lt;reference-file&gt; &lt;image-file&gt;…</c>: for each image, what the catalogue of one reference decides
/// and the closest pairs of views (image view × reference view, with the reference's rendered size), for debugging a
/// miss: which view came close, which was not comparable (layout, aspect, size), and by how much.
/// </summary>
internal static class PairProbe
{
    public static int Run(string reference, IEnumerable<string> images)
    {
        var decoder = LabelledSet.Decoder();
        var references = LabelledSet.Fingerprint([("brand", reference)], decoder);
        var catalog = new LogoCatalog(references, new LogoMatchThresholds());
        var refFp = references[0].Fingerprint;
        Console.WriteLine($"reference {reference}: {refFp.Variants.Count} views");
        foreach (var path in images)
        {
            var fp = decoder.TryFingerprint(File.ReadAllBytes(path), out var reason);
            if (fp is null) { Console.WriteLine($"{path}: rejected {reason}"); continue; }
            var found = ImageMatches.Find(catalog, fp);
            Console.WriteLine($"{Path.GetFileName(path)} {fp.Format} {fp.Width}x{fp.Height}: {fp.Variants.Count} views; " +
                (found.Count == 0 ? "no match" : string.Join("; ", found.Select(f => f.Detail))));
            var pairs = new List<(int D, string Text)>();
            foreach (var q in fp.Variants)
            {
                foreach (var r in refFp.Variants.Where(r => r.Layout == q.Layout))
                {
                    var d = q.Hash.DistanceTo(r.Hash);
                    var comparable = catalog.Thresholds.Comparable(q, fp, r, refFp);
                    pairs.Add((d, string.Create(CultureInfo.InvariantCulture,
                        $"d={d,3} {(comparable ? "cmp" : "---")} q={q.ContentWidth}x{q.ContentHeight} ones={q.Hash.PopCount} map={(q.Map is { } m ? $"{m.Width}x{m.Height}" : "-")} r={r.ContentWidth}x{r.ContentHeight}@{r.RenderedLongSide} ones={r.Hash.PopCount} layout={q.Layout} aspect q/r={q.Aspect:F2}/{r.Aspect:F2} id={LogoMatchThresholds.CarriesIdentity(q)}/{LogoMatchThresholds.CarriesIdentity(r)}")));
                }
            }
            foreach (var p in pairs.OrderBy(p => p.D).Take(8)) Console.WriteLine("   " + p.Text);
        }
        return 0;
    }
}
