using PartnerWatch.Config;
using PartnerWatch.Detect.Logos;

namespace PartnerWatch.Cli;

/// <summary>
/// What the commands refuse beyond the options validator: a configuration that could never find a claim, and reference
/// logos that do not decode (the service would skip them with a warning and silently detect less). <c>validate</c> and
/// <c>scan</c> run both, so the two agree: exit 2 naming the key or the file.
/// </summary>
public static class CommandChecks
{
    public static IReadOnlyList<ConfigProblem> Check(LoadedConfiguration loaded, bool decodeLogos, ReferenceFingerprintStore? referenceCache = null)
    {
        var problems = loaded.Problems.ToList();
        // A file that could not be read at all has no sections to judge.
        if (loaded.Configuration is null)
            return problems;
        if (loaded.Options.Brands.Count == 0)
            problems.Add(new ConfigProblem($"{PartnerWatchOptions.SectionName}:Brands",
                "no brands configured: nothing could ever be detected (see the Brands example in README \"Configuration\")"));
        if (decodeLogos && loaded.IsValid)
            problems.AddRange(LogoCatalog.Check(loaded.Options, new LogoImageDecoder(loaded.Options), referenceCache));
        return problems;
    }

    public static void Write(IReadOnlyList<ConfigProblem> problems, TextWriter writer)
    {
        writer.WriteLine($"Configuration invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):");
        foreach (var problem in problems)
            writer.WriteLine("  " + problem);
    }
}
