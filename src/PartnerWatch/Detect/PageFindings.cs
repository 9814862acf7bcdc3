using PartnerWatch.Domain;

namespace PartnerWatch.Detect;

/// <summary>
/// What detection found on one page: its brand signals (context already judged) and the matched images kept as evidence.
/// Kept with the page's validators (Fetch/Polite/RememberedPages) so that a page answered 304 adds exactly these again.
/// </summary>
public sealed class PageFindings : Fetch.IPageFindings
{
    internal PageFindings(IReadOnlyList<BrandSignal> signals, IReadOnlyList<FetchedImage> images)
    {
        Signals = signals;
        Images = images;
        EstimatedBytes = 64
            + signals.Sum(s => 160L + 2L * ((s.Detail?.Length ?? 0) + (s.Snippet?.Length ?? 0) + (s.ImageUrl?.Length ?? 0) + s.Context.Description.Length))
            + images.Sum(i => 128L + 2L * i.Url.Length + (i.Bytes?.LongLength ?? 0));
    }

    internal IReadOnlyList<BrandSignal> Signals { get; }

    public IReadOnlyList<FetchedImage> Images { get; }

    public long EstimatedBytes { get; }

    public bool MayBeEvidence => Signals.Any(s => s.Score > 0);
}
