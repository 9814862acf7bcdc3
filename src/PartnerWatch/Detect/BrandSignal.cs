using PartnerWatch.Domain;

namespace PartnerWatch.Detect;

/// <summary>One brand cue found on a page with the context judged for it, before aggregation.</summary>
internal sealed record BrandSignal(
    string BrandId,
    EvidenceKind Kind,
    double Weight,
    string Detail,
    Uri PageUrl,
    string? Snippet,
    string? ImageUrl,
    ContextVerdict Context,
    string? ImageSha256 = null)
{
    /// <summary>Signal weights: how much a cue says on its own in a strong partner context (docs/detection.md).</summary>
    public const double LogoImageWeight = 0.95;
    public const double LogoTextWeight = 0.9;
    public const double TextWeight = 0.85;
    public const double LinkedLogoWeight = 0.9;
    public const double LinkWeight = 0.8;

    public double Score => Weight * Context.Weight;
}
