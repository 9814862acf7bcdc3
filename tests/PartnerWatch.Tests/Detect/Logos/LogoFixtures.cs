using PartnerWatch.Detect.Logos;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>Locates Detect/Logos/Fixtures (copied to the output, or found in the source tree) and builds the catalogue.</summary>
public static class LogoFixtures
{
    private const string Relative = "Detect/Logos/Fixtures";

    public static string Directory { get; } = Locate();

    public static string Refs => Path.Combine(Directory, "refs");

    public static string Negatives => Path.Combine(Directory, "negatives");

    public static string Sample(string name) => Path.Combine(Directory, "sample", name);

    /// <summary>(brand, path) of every reference logo, brand = folder name.</summary>
    public static IReadOnlyList<(string Brand, string Path)> ReferenceFiles() =>
        System.IO.Directory.EnumerateDirectories(Refs).OrderBy(d => d, StringComparer.Ordinal)
            .SelectMany(d => System.IO.Directory.EnumerateFiles(d).OrderBy(f => f, StringComparer.Ordinal).Select(f => (Path.GetFileName(d), f)))
            .ToList();

    public static string RefPath(string brand, string file) => Path.Combine(Refs, brand, file);

    public static LogoImageDecoder Decoder() => new(new LogoDecodeLimits(2 * 1024 * 1024));

    public static LogoCatalog Catalog(LogoImageDecoder decoder) =>
        new(ReferenceFiles().Select(r => new LogoReference(r.Brand, Path.GetFileName(r.Path),
            decoder.TryFingerprintReference(File.ReadAllBytes(r.Path), out var reason) ?? throw new InvalidOperationException($"{r.Path}: {reason}"))),
            new LogoMatchThresholds());

    // The test project copies only its top-level Fixtures folder; until this folder is added to the copy list,
    // fall back to the source tree next to the project.
    private static string Locate()
    {
        var output = Path.Combine(AppContext.BaseDirectory, Relative);
        if (System.IO.Directory.Exists(output)) return output;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "PartnerWatch.Tests", Relative);
            if (System.IO.Directory.Exists(candidate)) return candidate;
            candidate = Path.Combine(dir.FullName, Relative);
            if (System.IO.Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "PartnerWatch.Tests.csproj"))) return candidate;
        }
        throw new DirectoryNotFoundException($"{Relative} not found above {AppContext.BaseDirectory}");
    }
}

/// <summary>One catalogue of the 18 fixture brands, shared by the tests of a class.</summary>
public sealed class LogoCatalogFixture
{
    public LogoImageDecoder Decoder { get; } = LogoFixtures.Decoder();

    public LogoCatalog Catalog { get; }

    public LogoCatalogFixture() => Catalog = LogoFixtures.Catalog(Decoder);
}
