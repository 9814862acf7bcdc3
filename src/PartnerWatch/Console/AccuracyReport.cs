using PartnerWatch.Store;

namespace PartnerWatch.WebConsole;

/// <summary>
/// The product's precision in the field, from the analysts' verdicts: per brand and overall, how many alerts were
/// confirmed real (acknowledged, or marked as a confirmed partner), dismissed as wrong (not a claim), or are undecided.
/// Precision = real / (real + wrong), over decided alerts only; null until one is decided.
/// </summary>
public sealed class AccuracyReport(ClaimReviewStore reviews)
{
    public async Task<AccuracyDto> ComputeAsync(CancellationToken cancellationToken) =>
        Summarise(await reviews.CountVerdictsAsync(cancellationToken));

    public static AccuracyDto Summarise(IReadOnlyList<VerdictCount> counts)
    {
        var brands = counts.GroupBy(c => c.Brand, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g))
            .OrderBy(r => r.Brand, StringComparer.Ordinal)
            .ToList();
        return new AccuracyDto(Row(null, counts), brands);
    }

    private static AccuracyRow Row(string? brand, IEnumerable<VerdictCount> counts)
    {
        int real = 0, wrong = 0, undecided = 0;
        foreach (var c in counts)
        {
            switch (c.Verdict)
            {
                case "real": real += c.Count; break;
                case "wrong": wrong += c.Count; break;
                default: undecided += c.Count; break;
            }
        }

        double? precision = real + wrong == 0 ? null : Math.Round((double)real / (real + wrong), 3);
        return new AccuracyRow(brand, real, wrong, undecided, precision);
    }
}

public sealed record AccuracyDto(AccuracyRow Overall, IReadOnlyList<AccuracyRow> Brands);

/// <param name="Brand">null for the overall row.</param>
public sealed record AccuracyRow(string? Brand, int ConfirmedReal, int DismissedWrong, int Undecided, double? Precision)
{
    public int Alerts => ConfirmedReal + DismissedWrong + Undecided;
}

/// <summary>
/// The overall accuracy as <c>/status</c> shows it, with where the per-brand figures are (<c>/status/accuracy</c>).
/// </summary>
public sealed record StatusAccuracy(int ConfirmedReal, int DismissedWrong, int Undecided, double? Precision, int Alerts, string Details)
{
    public const string DetailsPath = "/status/accuracy";

    public static StatusAccuracy From(AccuracyDto report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var o = report.Overall;
        return new StatusAccuracy(o.ConfirmedReal, o.DismissedWrong, o.Undecided, o.Precision, o.Alerts, DetailsPath);
    }
}
