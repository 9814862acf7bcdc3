using System.Diagnostics;
using System.Text.Json;
using PartnerWatch.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// The corpus of real partner pages (tests/PartnerWatch.Tests/RealCorpus, pages other organisations wrote) scored
/// from outside, as the evaluation kit measures the product: the kit's scorer serves the pages on loopback and runs
/// the built program's <c>scan --json</c>. Each split must keep the figures reached when they were last recorded
/// (docs/detection.md), so a change that loses real claims or adds false ones fails the build.
/// </summary>
public sealed class RealCorpusGateTests(ITestOutputHelper output)
{
    /// <summary>
    /// The recorded figures per split (2026-12-08, session 10, build of the session's end: tune 0.941/0.953 on 202 sites —
    /// 34 of them new from batches 11–12, never tuned on —, holdout 1.000/0.929, holdout2 0.983/1.000, holdout3 1.000/1.000,
    /// holdout4 1.000/0.882, holdout5 1.000/1.000, holdout6 0.915/0.947, holdout7 0.932/0.846 (retired into tuning this
    /// session), holdout8 0.960/0.828), each less two pairs of slack for the scan's timing under load; raise them when
    /// detection improves, never lower them silently (tune's gate went down from 0.95 because 34 unseen sites joined it).
    /// Every split but holdout6 and holdout8 is retired into tuning (docs/detection.md §8): their gates guard what was
    /// learned from them; holdout6 and holdout8 are the clean ones, gated against regressions only.
    /// </summary>
    private static readonly Dictionary<string, (double Precision, double Recall)> Gates = new()
    {
        ["tune"] = (0.93, 0.94),
        ["holdout"] = (0.97, 0.90),
        ["holdout2"] = (0.94, 0.96),
        ["holdout3"] = (0.90, 0.88),
        ["holdout4"] = (0.86, 0.76),
        ["holdout5"] = (0.88, 0.88),
        ["holdout6"] = (0.88, 0.91),
        ["holdout7"] = (0.89, 0.81),
        ["holdout8"] = (0.93, 0.80),
    };

    [Fact]
    public async Task EverySplitKeepsItsRecordedPrecisionAndRecall()
    {
        using var dir = new TempDirectory();
        var corpus = RepositoryRoot.Combine("tests", "PartnerWatch.Tests", "RealCorpus");
        var result = dir.Combine("result.json");
        var (exit, stdout, stderr) = await RunScorerAsync(corpus, result);
        output.WriteLine(stdout);
        Assert.True(exit == 0 && File.Exists(result), $"the scorer made no measurement (exit {exit}):\n{stdout}\n{stderr}");

        var splits = ReadSplits(Path.Combine(corpus, "corpus.json"));
        using var scored = JsonDocument.Parse(File.ReadAllText(result));
        var totals = new Dictionary<string, (int Tp, int Fp, int Fn)>();
        foreach (var site in scored.RootElement.GetProperty("sites").EnumerateArray())
        {
            if (!site.GetProperty("headline").GetBoolean()) continue; // requires-js pages are reported apart
            var split = splits[site.GetProperty("id").GetString()!];
            var (tp, fp, fn) = totals.GetValueOrDefault(split);
            totals[split] = (tp + site.GetProperty("tp").GetArrayLength(), fp + site.GetProperty("fp").GetArrayLength(),
                fn + site.GetProperty("fn").GetArrayLength());
        }

        var failures = new List<string>();
        foreach (var (split, gate) in Gates)
        {
            var (tp, fp, fn) = totals.GetValueOrDefault(split);
            var precision = tp + fp == 0 ? 1.0 : (double)tp / (tp + fp);
            var recall = tp + fn == 0 ? 1.0 : (double)tp / (tp + fn);
            output.WriteLine($"{split}: precision={precision:0.000} recall={recall:0.000} (tp={tp} fp={fp} fn={fn})");
            if (precision < gate.Precision) failures.Add($"{split} precision {precision:0.000} < recorded {gate.Precision:0.000}");
            if (recall < gate.Recall) failures.Add($"{split} recall {recall:0.000} < recorded {gate.Recall:0.000}");
        }

        Assert.True(failures.Count == 0, string.Join("; ", failures) + "\n" + stdout);
    }

    private static Dictionary<string, string> ReadSplits(string corpusJson)
    {
        using var corpus = JsonDocument.Parse(File.ReadAllText(corpusJson));
        return corpus.RootElement.GetProperty("sites").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("split").GetString()!);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunScorerAsync(string corpus, string resultFile)
    {
        // The kit's scorer, pinned in the corpus folder so CI does not depend on a checkout beside the repository.
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
                 {
                     Path.Combine(corpus, "tools", "score_detection.py"), "--corpus", corpus, "--json-out", resultFile,
                     "--timeout", "900", "--cmd", $"dotnet \"{Path.Combine(AppContext.BaseDirectory, "PartnerWatch.dll")}\"",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(16));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
