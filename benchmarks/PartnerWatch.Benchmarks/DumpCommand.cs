using PartnerWatch.Tests.Detect.Logos;

namespace PartnerWatch.Benchmarks;

/// <summary><c>dump &lt;file&gt; [transformation]</c>: prints the fingerprint variants of one image, for debugging.</summary>
internal static class DumpCommand
{
    public static int Run(string path, string? transformation)
    {
        var bytes = transformation is null ? File.ReadAllBytes(path)
            : Enum.TryParse<LogoTransformation>(transformation, out var t) ? LogoVariants.Make(path, t) : LogoVariants.Make(path, transformation);
        if (Environment.GetEnvironmentVariable("PW_SAVE") is { } save) File.WriteAllBytes(save, bytes);
        var fp = LabelledSet.Decoder().TryFingerprint(bytes, out var reason);
        if (fp is null)
        {
            Console.WriteLine($"rejected: {reason}");
            return 1;
        }
        Console.WriteLine($"{fp.Format} {fp.Width}x{fp.Height} scale={fp.SourceScale:F3}");
        foreach (var v in fp.Variants)
        {
            Console.WriteLine($"variant content={v.ContentWidth}x{v.ContentHeight} layout={v.Layout} chromatic={v.Colours.Chromatic:F2} colours={v.Colours.Packed:x} map={(v.Map is { } m ? $"{m.Width}x{m.Height}" : "-")} hash={v.Hash}");
            if (v.Map is { } map)
            {
                for (var y = 0; y < map.Height; y++)
                {
                    Console.WriteLine("  map " + string.Concat(Enumerable.Range(0, map.Width).Select(x => " .:-=+*#%@"[Math.Min(9, map[x, y] / 26)])));
                }
            }
            ulong[] words = [v.Hash.A, v.Hash.B, v.Hash.C, v.Hash.D];
            for (var y = 0; y < 16; y++)
            {
                var row = new char[16];
                for (var x = 0; x < 16; x++)
                {
                    var i = y * 16 + x;
                    row[x] = ((words[i >> 6] >> (i & 63)) & 1) == 1 ? '#' : '.';
                }
                Console.WriteLine("  " + new string(row));
            }
        }
        return 0;
    }
}
