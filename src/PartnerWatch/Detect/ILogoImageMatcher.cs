namespace PartnerWatch.Detect;

/// <summary>
/// Seam for the image stage: matches image *content* against the brands' reference logos. The detect stage hands it
/// every image of a page with the context already judged, and turns its matches into <c>logo-image</c> evidence
/// weighted by that context. Register implementations as singletons; none are registered by <c>AddDetection()</c>.
/// </summary>
public interface ILogoImageMatcher
{
    ValueTask<IReadOnlyList<LogoImageMatch>> MatchAsync(IReadOnlyList<LogoImageCandidate> images, CancellationToken cancellationToken);
}

/// <summary>
/// An image on a page (<c>img</c> src/srcset/data-src, <c>picture</c>, <c>input type=image</c>, <c>object</c>, CSS
/// background url, inline <c>svg</c>). <paramref name="NegativeContext"/> images (social icons, store badges…) can be
/// skipped without fetching them. An inline SVG has <paramref name="InlineSvg"/> markup and a fragment URL
/// (<c>page#inline-svg-3</c>) to name it. <paramref name="NamedBrand"/> is the catalogue brand the image's own file name
/// or label names, if any (an image named as one brand whose pixels show it is that logo, not a wall).
/// <paramref name="CannotCount"/> images are ones no match of which could count — the page shows the same URL first in a
/// negative context, or their label names a company that is no catalogue brand (<c>SiteClaimCollector</c> drops every
/// such match): a matcher skips them like negative ones, but they keep their place among the images it takes.
/// </summary>
public sealed record LogoImageCandidate(
    Uri PageUrl,
    Uri ImageUrl,
    string? Label,
    string Context,
    double ContextWeight,
    bool NegativeContext,
    string? InlineSvg = null,
    string? NamedBrand = null,
    bool CannotCount = false);

/// <summary>
/// An image that shows a brand's logo; <paramref name="Detail"/> says how (e.g. "matches logos/x.svg, distance 4/64").
/// <paramref name="ImageSha256"/> names the image content for the evidence manifest; <paramref name="ImageBytes"/> is set
/// when the bytes were fetched for this match (null when they were recognised from an earlier download).
/// </summary>
public sealed record LogoImageMatch(
    string BrandId, Uri ImageUrl, string Detail, string? ImageSha256 = null, byte[]? ImageBytes = null, string? ContentType = null);
