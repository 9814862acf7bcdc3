using PartnerWatch.Detect.Logos;
using PartnerWatch.Tests.Detect.Logos;

namespace PartnerWatch.Benchmarks;

/// <summary>Reference logos in <c>refs/&lt;brand&gt;/&lt;file&gt;</c> folders, and a catalogue built from them.</summary>
internal static class LabelledSet
{
    public static List<(string Brand, string Path)> ReferenceFiles(string refsDirectory) =>
        Directory.EnumerateDirectories(refsDirectory).OrderBy(d => d, StringComparer.Ordinal)
            .SelectMany(d => Directory.EnumerateFiles(d).OrderBy(f => f, StringComparer.Ordinal).Select(f => (Path.GetFileName(d), f)))
            .ToList();

    public static List<LogoReference> Fingerprint(IEnumerable<(string Brand, string Path)> files, LogoImageDecoder decoder)
    {
        var references = new List<LogoReference>();
        foreach (var (brand, path) in files)
        {
            var fp = decoder.TryFingerprintReference(File.ReadAllBytes(path), out var reason);
            if (fp is null) Console.Error.WriteLine($"skip {path}: {reason}");
            else references.Add(new LogoReference(brand, Path.GetFileName(path), fp));
        }
        return references;
    }

    public static LogoImageDecoder Decoder() => new(new LogoDecodeLimits(8 * 1024 * 1024));

    public static IEnumerable<LogoTransformation> Transformations => Enum.GetValues<LogoTransformation>();
}
