using AngleSharp.Html.Parser;
using PartnerWatch.Detect.Logos;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>
/// Inline <c>&lt;svg&gt;</c> logos with no name (issue 10): the whole path from the page's markup to a brand —
/// <see cref="ImageCandidateExtractor"/> → standalone SVG → fingerprint → match — for the ways pages write them: a sprite
/// symbol drawn by <c>&lt;use href&gt;</c> in an icon sized only by CSS, <c>fill="currentColor"</c> (a white page colour),
/// a <c>viewBox</c> without width or height. Sony's real mark (RealCorpus/refs, CC0).
/// </summary>
public sealed class InlineSvgLogoTests
{
    private static readonly Uri Page = new("https://partner.example/partners/");
    private static readonly LogoImageDecoder Decoder = LogoFixtures.Decoder();

    private static string Reference(string file) => RepositoryRoot.Combine(["tests", "PartnerWatch.Tests", "RealCorpus", "refs", file]);

    private static readonly Lazy<LogoCatalog> Catalog = new(() => new LogoCatalog(
        new[] { ("sony", "sony/sony.svg"), ("samsung", "samsung/samsung.svg"), ("amd", "amd/amd.svg") }.Select(b => new LogoReference(b.Item1, b.Item2,
            Decoder.TryFingerprintReference(File.ReadAllBytes(Reference(b.Item2)), out var reason) ?? throw new InvalidOperationException(reason))),
        new LogoMatchThresholds()));

    private static readonly string SonyPath = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Reference("sony/sony.svg")), "<path d=\"([^\"]*)\"").Groups[1].Value;

    private static IReadOnlyList<string> BrandsShown(string html)
    {
        var candidates = new ImageCandidateExtractor(2 * 1024 * 1024).Extract(new HtmlParser().ParseDocument(html), Page);
        var brands = new List<string>();
        foreach (var candidate in candidates.Where(c => c.Source == ImageSource.InlineSvg))
        {
            var fingerprint = Decoder.TryFingerprintSvgMarkup(candidate.SvgMarkup!, out _);
            if (fingerprint is not null && Catalog.Value.Match(fingerprint) is { } match) brands.Add(match.BrandId);
        }
        return brands;
    }

    [Theory]
    [InlineData("href")]
    [InlineData("xlink:href")]
    public void SpriteSymbolInAnIconSizedByCssIsRecognised(string attribute)
    {
        // Before: the standalone <svg> had neither a size nor a viewBox and rendered as a 2 × 1 px sliver.
        var html = $"""
            <svg style="display:none" xmlns="http://www.w3.org/2000/svg"><symbol id="logo-sony" viewBox="0 0 24 24"><path d="{SonyPath}"/></symbol></svg>
            <section><h2>Our partners</h2><a href="https://www.sony.com"><svg class="partner-logo"><use {attribute}="#logo-sony"/></svg></a></section>
            """;

        Assert.Equal(["sony"], BrandsShown(html));
    }

    [Fact]
    public void CurrentColorOnAWhiteFooterIsRecognised()
    {
        var html = $"""
            <footer style="background:#111;color:#fff"><svg viewBox="0 0 24 24" class="h-8"><path fill="currentColor" d="{SonyPath}"/></svg></footer>
            """;

        Assert.Equal(["sony"], BrandsShown(html));
    }

    [Fact]
    public void SymbolWithoutViewBoxKeepsTheIconsOwnSize()
    {
        // The icon's own size wins over the symbol's box: nothing is added when the <svg> has a size.
        var html = $"""
            <svg style="display:none"><symbol id="s" viewBox="0 0 24 24"><path d="{SonyPath}"/></symbol></svg>
            <svg width="120" height="30"><use href="#s" width="120" height="30"/></svg>
            """;

        Assert.Equal(["sony"], BrandsShown(html));
    }
}
