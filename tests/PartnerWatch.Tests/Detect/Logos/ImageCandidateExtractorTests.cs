using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PartnerWatch.Detect.Logos;

namespace PartnerWatch.Tests.Detect.Logos;

public sealed class ImageCandidateExtractorTests
{
    private static readonly Uri Page = new("https://partner.example/about/partners.html");
    private readonly ImageCandidateExtractor extractor = new(2 * 1024 * 1024);

    private IReadOnlyList<ImageCandidate> Extract(string html) => extractor.Extract(new HtmlParser().ParseDocument(html), Page);

    private static IReadOnlyList<string> Urls(IEnumerable<ImageCandidate> candidates) => candidates.Select(c => c.Url?.ToString() ?? "").ToList();

    [Fact]
    public void ImgSrcIsResolvedAgainstThePage()
    {
        var found = Extract("<img src='../upload/2019/a8f3c1.png'>");

        Assert.Equal(["https://partner.example/upload/2019/a8f3c1.png"], Urls(found));
        Assert.Equal(ImageSource.Img, found[0].Source);
        Assert.Equal("IMG", found[0].Element.TagName);
    }

    [Fact]
    public void BaseHrefChangesHowRelativeUrlsResolve()
    {
        var found = Extract("<head><base href='https://cdn.partner.example/assets/'></head><img src='logo.png'>");

        Assert.Equal(["https://cdn.partner.example/assets/logo.png"], Urls(found));
    }

    [Fact]
    public void LazyAttributeWinsOverPlaceholderSrc()
    {
        var found = Extract("<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' data-src='/img/p/3.png'><img src='/img/blank.gif' data-original='/img/p/4.png'>");

        Assert.Equal(["https://partner.example/img/p/3.png", "https://partner.example/img/p/4.png"], Urls(found));
        Assert.All(found, c => Assert.Equal(ImageSource.LazyAttribute, c.Source));
    }

    [Fact]
    public void SrcsetPicksTheLargestCandidateUpTo400w()
    {
        var found = Extract("<img src='/l-800.png' srcset='/l-200.png 200w, /l-400.png 400w, /l-800.png 800w'>");

        Assert.Equal(["https://partner.example/l-400.png"], Urls(found));
    }

    [Fact]
    public void SrcsetWithDensitiesPicksOneX()
    {
        Assert.Equal("/b.png", ImageCandidateExtractor.PickFromSrcset("/c.png 2x, /b.png 1x, /d.png 3x"));
        Assert.Equal("/only-big.png", ImageCandidateExtractor.PickFromSrcset("/only-big.png 1600w"));
    }

    [Fact]
    public void PictureSourceIsUsedAndUndecodableTypesSkipped()
    {
        var found = Extract("<picture><source type='image/avif' srcset='/l.avif'><source type='image/webp' srcset='/l.webp 1x, /l@2x.webp 2x'><img src='/l.jpg'></picture>");

        Assert.Equal(["https://partner.example/l.webp"], Urls(found));
        Assert.Equal(ImageSource.Picture, found[0].Source);
        Assert.Equal("IMG", found[0].Element.TagName);
    }

    [Fact]
    public void TrackingPixelsAndDeclaredPhotosAreSkipped()
    {
        var found = Extract("<img src='/t.gif' width='1' height='1'><img src='/hero.jpg' width='1920' height='800'><img src='/logo.png' width='120' height='40'>");

        Assert.Equal(["https://partner.example/logo.png"], Urls(found));
    }

    [Fact]
    public void BackgroundImageInStyleAttributeIsFound()
    {
        var found = Extract("<div class='partner' style=\"background: #fff url('/img/p/ms.png') no-repeat center\"></div>");

        Assert.Equal(["https://partner.example/img/p/ms.png"], Urls(found));
        Assert.Equal(ImageSource.StyleAttribute, found[0].Source);
    }

    [Fact]
    public void BackgroundImageInStyleBlockIsAttributedToMatchingElements()
    {
        var found = Extract("""
            <style>
              /* partner wall */
              .partners .p1::before { background-image: url("../img/sprite-1.png"); }
              #p2, .unused { background: url(/img/p2.svg) }
              @media (min-width: 600px) { .p3 { background-image:url(p3.png) } }
              .p4 { color: red }
            </style>
            <ul class="partners"><li class="p1"></li><li id="p2"></li><li class="p3"></li><li class="p4"></li></ul>
            """);

        Assert.Equal(["https://partner.example/img/sprite-1.png", "https://partner.example/img/p2.svg", "https://partner.example/about/p3.png"], Urls(found));
        Assert.Equal(["p1", "", "p3"], found.Select(c => c.Element.ClassName ?? "").ToList());
        Assert.All(found, c => Assert.Equal(ImageSource.StyleSheet, c.Source));
    }

    [Fact]
    public void InlineSvgBecomesStandaloneMarkupThatMatchesItsBrand()
    {
        var icon = File.ReadAllText(LogoFixtures.RefPath("microsoft", "microsoft-icon.svg"));
        var body = icon[icon.IndexOf('>')..]; // drop the namespace declarations, as pages often do
        var found = Extract($"<section><h2>合作伙伴</h2><svg width='64' height='64' viewBox='0 0 256 256'{body}</section>");

        var candidate = Assert.Single(found);
        Assert.Equal(ImageSource.InlineSvg, candidate.Source);
        var decoder = LogoFixtures.Decoder();
        var fingerprint = decoder.TryFingerprintSvgMarkup(candidate.SvgMarkup!, out var reason);
        Assert.True(fingerprint is not null, reason);
        Assert.Equal("microsoft", LogoFixtures.Catalog(decoder).Match(fingerprint)?.BrandId);
    }

    [Fact]
    public void SpriteSymbolsReferencedByUseAreInlined()
    {
        var found = Extract("""
            <svg style="display:none"><symbol id="logo-x" viewBox="0 0 10 10"><rect width="10" height="4"/></symbol></svg>
            <svg width="40" height="40"><use href="#logo-x"/></svg>
            """);

        Assert.Contains(found, c => c.SvgMarkup is { } m && m.Contains("<defs><symbol", StringComparison.Ordinal) && m.Contains("logo-x", StringComparison.Ordinal));
    }

    [Fact]
    public void ObjectAndEmbedSvgsAreFoundButOtherPluginsAreNot()
    {
        var found = Extract("<object data='/p/ibm.svg' type='image/svg+xml'></object><embed src='/p/oracle.svg'><object data='/movie.swf' type='application/x-shockwave-flash'></object>");

        Assert.Equal(["https://partner.example/p/ibm.svg", "https://partner.example/p/oracle.svg"], Urls(found));
        Assert.Equal([ImageSource.Object, ImageSource.Embed], found.Select(c => c.Source).ToList());
    }

    [Fact]
    public void DataUriImagesAreDecodedInline()
    {
        var png = Convert.ToBase64String(LogoVariants.Make(LogoFixtures.RefPath("sap", "sap.svg"), LogoTransformation.Size48));
        var found = Extract($"<img src='data:image/png;base64,{png}'>");

        var candidate = Assert.Single(found);
        Assert.Null(candidate.Url);
        Assert.NotNull(candidate.InlineBytes);
        Assert.Equal(SniffedImageFormat.Png, ImageFormatSniffer.Sniff(candidate.InlineBytes));
    }

    [Fact]
    public void NonHttpSchemesAndBrokenSelectorsAreIgnored()
    {
        var found = Extract("<style>a[href=  { background:url(x.png) } .ok{background:url(ok.png)}</style><img src='javascript:alert(1)'><img src='file:///etc/passwd'><i class='ok'></i>");

        Assert.Equal(["https://partner.example/about/ok.png"], Urls(found));
    }
}
