using PartnerWatch.Detect.Logos;
using PartnerWatch.Tests.Detect.Logos;

namespace PartnerWatch.Benchmarks;

/// <summary>
/// <c>colourcheck &lt;coloured-icons&gt; &lt;fixtures&gt;</c>: for every recognised labelled variant (18 transformations and
/// 9 small sizes) and for the coloured look-alike icons that the catalogue accepts, prints the image's chromatic share and
/// its best hue agreement with the matched reference, as shown and with hues turned by 180° (an inverted logo). Measures
/// whether a "contradicting colours" veto could reject coloured look-alikes (docs/logo-matching.md, What is left).
/// Columns: kind, file, variant, brand, distance, chromatic, agreement, inverted agreement, reference chromatic.
/// </summary>
internal static class ColourCheck
{
    static ColourSignature Rotate(ColourSignature c)
    {
        Span<int> counts = stackalloc int[13];
        for (var b = 0; b < 12; b++) counts[(b + 6) % 12] = c.Share(b);
        counts[12] = c.Share(12);
        return ColourSignature.FromCounts(counts);
    }

    static (double Chroma, double Agree, double AgreeInv) Score(ImageFingerprint fp, LogoReference r)
    {
        double chroma = fp.Variants.Max(v => v.Colours.Chromatic), agree = 0, inv = 0;
        foreach (var q in fp.Variants)
            foreach (var v in r.Fingerprint.Variants.Where(v => v.RenderedLongSide == 0 && v.Colours.Chromatic >= 0.2))
            {
                agree = Math.Max(agree, q.Colours.Agreement(v.Colours));
                inv = Math.Max(inv, Rotate(q.Colours).Agreement(v.Colours));
            }
        return (chroma, agree, inv);
    }

    public static int Run(string icons, string fixtures)
    {
        var decoder = LabelledSet.Decoder();
        var files = LabelledSet.ReferenceFiles(Path.Combine(fixtures, "refs"));
        files.AddRange(DistractorMeasurement.ExtraBrands.Select(b => (b, Path.Combine(icons, b + ".svg"))));
        var references = LabelledSet.Fingerprint(files, decoder);
        var catalog = new LogoCatalog(references, new LogoMatchThresholds());
        foreach (var (brand, path) in LabelledSet.ReferenceFiles(Path.Combine(fixtures, "refs")))
        {
            var variants = Enum.GetValues<LogoTransformation>().Select(t => (t.ToString(), LogoVariants.Make(path, t)))
                .Concat(new[] { 22, 26, 30, 34, 36, 44, 52, 56, 64 }.Select(s => ($"size{s}", LogoVariants.Make(path, $"size:{s}"))));
            foreach (var (name, bytes) in variants)
            {
                var fp = decoder.TryFingerprint(bytes, out _);
                if (fp is null || catalog.Match(fp) is not { } m) continue;
                var r = references.First(x => x.ReferenceFile == m.ReferenceFile && x.BrandId == m.BrandId);
                var (c, a, i) = Score(fp, r);
                Console.WriteLine($"pos\t{Path.GetFileName(path)}\t{name}\t{m.BrandId}\t{m.Distance}\t{c:F2}\t{a:F2}\t{i:F2}\t{r.Fingerprint.Variants.Max(v => v.Colours.Chromatic):F2}");
            }
        }
        foreach (var (name, size) in new[] { ("atomgit", 24), ("atomgit", 40), ("gitcode", 28), ("osu", 24), ("osu", 48), ("codeblocks", 40), ("uv", 24), ("invidious", 40) })
        {
            var fp = decoder.TryFingerprint(LogoVariants.Make(Path.Combine(icons, name + ".svg"), $"size:{size}"), out _);
            if (fp is null || catalog.Match(fp) is not { } m) { Console.WriteLine($"neg\t{name}\t{size}\tno match"); continue; }
            var r = references.First(x => x.ReferenceFile == m.ReferenceFile && x.BrandId == m.BrandId);
            var (c, a, i) = Score(fp, r);
            Console.WriteLine($"neg\t{name}\tsize{size}\t{m.BrandId}\t{m.Distance}\t{c:F2}\t{a:F2}\t{i:F2}\t{r.Fingerprint.Variants.Max(v => v.Colours.Chromatic):F2}");
        }
        return 0;
    }
}
