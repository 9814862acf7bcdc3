using Microsoft.Extensions.Logging.Abstractions;
using PartnerWatch.Config;
using PartnerWatch.Detect.Logos;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>
/// Reference fingerprints cached on disk (issue 12): a second start reads them instead of fingerprinting every logo
/// again and matches exactly as the first did; the cache follows the logo's content, and a damaged file is ignored and
/// rewritten.
/// </summary>
public sealed class ReferenceCacheTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private string CacheDirectory => dir.Combine("data", "cache", "logo-references");

    private PartnerWatchOptions Options(params (string Brand, string File)[] logos)
    {
        Directory.CreateDirectory(dir.Combine("logos"));
        return new PartnerWatchOptions
        {
            BaseDirectory = dir.Path,
            Brands = logos.Select(l => new BrandOptions { Id = l.Brand, Name = l.Brand, Logos = [$"logos/{l.File}"] }).ToList(),
        };
    }

    private void Install(string brand, string file, string asName)
    {
        Directory.CreateDirectory(dir.Combine("logos"));
        File.Copy(LogoFixtures.RefPath(brand, file), dir.Combine("logos", asName), overwrite: true);
    }

    private LogoCatalog Catalog(PartnerWatchOptions options) =>
        new(options, new LogoImageDecoder(options), NullLogger<LogoCatalog>.Instance, new ReferenceFingerprintStore(CacheDirectory, NullLogger.Instance));

    private static string? BrandOf(LogoCatalog catalog, byte[] image) => catalog.Match(LogoFixtures.Decoder().TryFingerprint(image, out _)!)?.BrandId;

    [Fact]
    public void ASecondStartReadsTheCachedFingerprintsAndMatchesTheSame()
    {
        Install("sap", "sap.svg", "sap.svg");
        Install("nvidia", "nvidia.svg", "nvidia.svg");
        var options = Options(("sap", "sap.svg"), ("nvidia", "nvidia.svg"));

        var first = Catalog(options);
        Assert.Equal(2, Directory.GetFiles(CacheDirectory, "*.fp").Length);
        var second = Catalog(options);

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(ReferenceFingerprintStore.Serialize(first.References[i].Fingerprint), ReferenceFingerprintStore.Serialize(second.References[i].Fingerprint));
        }
        // Small renderings, maps and colours all came back: a 28 px JPEG (detail check) and a 120 px one match alike.
        foreach (var transformation in new[] { "size:28", "size:120", "jpeg:60" })
        {
            var image = LogoVariants.Make(LogoFixtures.RefPath("nvidia", "nvidia.svg"), transformation);
            Assert.Equal(first.Match(LogoFixtures.Decoder().TryFingerprint(image, out _)!), second.Match(LogoFixtures.Decoder().TryFingerprint(image, out _)!));
            Assert.Equal("nvidia", BrandOf(second, image));
        }
    }

    [Fact]
    public void ALogoFileReplacedUnderTheSameNameIsFingerprintedAgain()
    {
        Install("sap", "sap.svg", "logo.svg");
        var options = Options(("acme", "logo.svg"));
        var sap = LogoVariants.Make(LogoFixtures.RefPath("sap", "sap.svg"), LogoTransformation.Size120);
        var cisco = LogoVariants.Make(LogoFixtures.RefPath("cisco", "cisco.svg"), LogoTransformation.Size120);
        Assert.Equal("acme", BrandOf(Catalog(options), sap));

        Install("cisco", "cisco.svg", "logo.svg");
        var replaced = Catalog(options);

        Assert.Equal("acme", BrandOf(replaced, cisco));
        Assert.Null(BrandOf(replaced, sap));
    }

    [Fact]
    public void ADamagedCacheFileIsIgnoredAndRewritten()
    {
        Install("sap", "sap.svg", "sap.svg");
        var options = Options(("sap", "sap.svg"));
        var intact = ReferenceFingerprintStore.Serialize(Catalog(options).References[0].Fingerprint);
        var file = Assert.Single(Directory.GetFiles(CacheDirectory, "*.fp"));

        foreach (var damage in new Func<byte[], byte[]>[] { b => b[..(b.Length / 2)], b => [.. b[..40], (byte)(b[40] ^ 0xFF), .. b[41..]], _ => [] })
        {
            File.WriteAllBytes(file, damage(intact));

            var catalog = Catalog(options);

            Assert.Equal("sap", BrandOf(catalog, LogoVariants.Make(LogoFixtures.RefPath("sap", "sap.svg"), LogoTransformation.Jpeg40)));
            Assert.Equal(intact, ReferenceFingerprintStore.Serialize(catalog.References[0].Fingerprint));
            Assert.Equal(intact, File.ReadAllBytes(file));
        }
    }

    [Fact]
    public void AnUnwritableCacheDirectoryOnlyCostsTheCache()
    {
        Install("sap", "sap.svg", "sap.svg");
        var options = Options(("sap", "sap.svg"));
        Directory.CreateDirectory(dir.Combine("data", "cache"));
        File.WriteAllText(CacheDirectory, "a file where the directory should be");

        var catalog = Catalog(options);

        Assert.Empty(catalog.Problems);
        Assert.Equal("sap", BrandOf(catalog, LogoVariants.Make(LogoFixtures.RefPath("sap", "sap.svg"), LogoTransformation.Size120)));
    }
}
