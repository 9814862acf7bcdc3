namespace PartnerWatch.Detect;

/// <summary>Finds the brands a site presents as partners, page by page.</summary>
public sealed class ClaimDetector
{
    /// <summary>Starts collecting signals for one site; feed it every crawled page, then complete it.</summary>
    public SiteClaimCollector BeginSite() => new();
}

public sealed class SiteClaimCollector
{
    public ValueTask AddPageAsync(Fetch.CrawledPage page, CancellationToken cancellationToken)
        => throw new NotImplementedException("detect stage: being built");

    public IReadOnlyList<DetectedClaim> Complete() => [];
}
