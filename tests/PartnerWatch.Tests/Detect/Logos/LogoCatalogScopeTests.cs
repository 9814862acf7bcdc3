using PartnerWatch.Detect.Logos;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>
/// A catalogue scoped to the brands an image's matches can count for (its label names one company) skips the small-image
/// detail check when no candidate is such a brand. What a user sees must not move: every match to a brand in scope is
/// the full catalogue's, and a scoped answer never leaks into what the full catalogue says of the same image later.
/// </summary>
public sealed class LogoCatalogScopeTests
{
    private static readonly (string Brand, string File)[] Logos =
        [("sap", "sap.svg"), ("ibm", "ibm.svg"), ("qualcomm", "qualcomm.svg"), ("intel", "intel.png"), ("cisco", "cisco.svg"), ("dell", "dell.svg")];

    // Small renderings (their content keeps a foreground map, so the detail check decides many of them) and one large one.
    private static readonly string[] Presentations = ["size:24", "size:27", "size:31", "size:32", "size:44", "size:48", "png"];

    [Fact]
    public void ScopedMatchesAreTheFullCataloguesForBrandsInScopeAndNeverChangeItsLaterAnswers()
    {
        var decoder = LogoFixtures.Decoder();
        var full = LogoFixtures.Catalog(decoder);
        var brands = full.References.Select(r => r.BrandId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var narrowed = 0;
        foreach (var (brand, file) in Logos)
        {
            var path = LogoFixtures.RefPath(brand, file);
            if (!File.Exists(path)) continue;
            foreach (var presentation in Presentations)
            {
                var bytes = LogoVariants.Make(path, presentation);
                var expected = decoder.TryFingerprint(bytes, out var reason) ?? throw new InvalidOperationException(reason);
                var want = full.Match(expected);
                foreach (var inScope in brands)
                {
                    // A fresh catalogue and a fresh fingerprint each time: the scoped call comes first, with nothing memoised.
                    var catalog = new LogoCatalog(full.References, new LogoMatchThresholds());
                    var fingerprint = decoder.TryFingerprint(bytes, out _)!;
                    var scoped = catalog.ScopedTo(b => string.Equals(b, inScope, StringComparison.OrdinalIgnoreCase)).Match(fingerprint);
                    if (string.Equals(want?.BrandId, inScope, StringComparison.OrdinalIgnoreCase))
                    {
                        Assert.Equal(want, scoped);
                    }
                    else
                    {
                        // Out of scope the answer is the full one or nothing: the collector drops it either way.
                        Assert.True(scoped is null || scoped == want, $"{brand} {presentation} scoped to {inScope}: {scoped} vs {want}");
                        if (scoped is null && want is not null) narrowed++;
                    }
                    Assert.Equal(want, catalog.Match(fingerprint));
                }
            }
        }
        // The scope must actually save work somewhere in this set, or the test says nothing about the skipped path.
        Assert.True(narrowed > 0, "no detail check was skipped: the scoped path was not exercised");
    }
}
