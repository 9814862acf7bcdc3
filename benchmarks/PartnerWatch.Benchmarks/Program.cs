using BenchmarkDotNet.Running;
using PartnerWatch.Benchmarks;

// Modes: "roc <fixtures> [threshold]" and "distractors <icons-dir> <fixtures>" are measurements
// for docs/logo-matching.md; anything else runs BenchmarkDotNet.
return args switch
{
    ["roc", var fixtures, .. var rest] => RocMeasurement.Run(fixtures, rest.FirstOrDefault(a => !int.TryParse(a, out _)), rest.Select(a => int.TryParse(a, out var v) ? v : (int?)null).FirstOrDefault(v => v is not null)),
    ["distractors", var icons, var fixtures, .. var only] => DistractorMeasurement.Run(icons, fixtures, only.FirstOrDefault()),
    ["dump", var file, .. var rest] => DumpCommand.Run(file, rest.FirstOrDefault()),
    ["render", .. var jobs] => RenderCommand.Run(jobs),
    ["colourcheck", var icons, var fixtures] => ColourCheck.Run(icons, fixtures),
    ["detail", var icons, var fixtures, var output, .. var only] => DetailMeasurement.Run(icons, fixtures, output, only.FirstOrDefault()),
    ["walls", var fixtures, .. var rest] => WallMeasurement.Run(fixtures, rest.Length > 0 && int.TryParse(rest[0], out var n) ? n : 50, rest.FirstOrDefault(a => !int.TryParse(a, out _))),
    ["landscape", var corpus, .. var rest] => LandscapeMeasurement.Run(corpus, rest.Contains("verbose")),
    ["whitelogos", var refs, var icons, .. var rest] => WhiteLogoMeasurement.Run(refs, icons, rest.Length > 0 && int.TryParse(rest[0], out var every) ? every : 1),
    ["pairs", var reference, .. var images] => PairProbe.Run(reference, images),
    ["largewalls", var fixtures, .. var rest] => LargeWallMeasurement.Run(fixtures, rest.FirstOrDefault()),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(LabelledSet).Assembly).Run(args);
    return 0;
}
