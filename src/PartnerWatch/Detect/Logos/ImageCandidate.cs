using AngleSharp.Dom;

namespace PartnerWatch.Detect.Logos;

/// <summary>Where on the page an image candidate was found.</summary>
public enum ImageSource { Img, Srcset, Picture, LazyAttribute, StyleAttribute, StyleSheet, InlineSvg, Object, Embed }

/// <summary>
/// An image a page shows: a URL to fetch, or content already in the page (inline SVG markup, or the bytes of a
/// <c>data:</c> URI). <see cref="Element"/> is the element that shows it (for alt text, links and headings around it).
/// </summary>
public sealed record ImageCandidate(IElement Element, ImageSource Source, Uri? Url = null, string? SvgMarkup = null, byte[]? InlineBytes = null)
{
    /// <summary>A short description for evidence: the URL, or what kind of inline image it is.</summary>
    public string Describe() => Url?.ToString() ?? (SvgMarkup is not null ? "inline <svg>" : "data: URI image");
}
