using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PartnerWatch.Detect.Logos;
using PartnerWatch.Hosting;
using PartnerWatch.Domain;
using PartnerWatch.Scan;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>
/// CSS sprites: one sheet of logos, each element showing one part of it through its size and background-position. Only
/// the logos the page shows count; a logo that sits in the sheet but in no element is not claimed.
/// </summary>
public sealed class SpriteTests
{
    private static readonly Uri Page = new("https://partner.example/partners/");

    [Theory]
    [InlineData("background:url(s.png) no-repeat -120px -40px; width:120px; height:40px", 120, 40, 120, 40)]
    [InlineData("background-image:url(s.png);background-position:0 -80px;width:160px;height:60.5px", 0, 80, 160, 60.5)]
    [InlineData("width:90px;height:30px;background:url('s.png') -90px 0 no-repeat;max-width:10px;line-height:2px", 90, 0, 90, 30)]
    public void PositionAndSizeInPixelsMakeASprite(string declarations, double x, double y, double width, double height)
    {
        var region = SpriteRegion.FromDeclarations(declarations);

        Assert.Equal(new SpriteRegion(x, y, width, height), region);
    }

    [Theory]
    [InlineData("background:url(s.png) no-repeat center; width:120px; height:40px")]
    [InlineData("background:url(s.png) -120px 0; background-position: 50% 50%; width:120px; height:40px")]
    [InlineData("background:url(s.png) -120px 0")]
    [InlineData("background:url(s.png) 12px 0; width:120px; height:40px")]
    public void WithoutAPlaceablePositionAndSizeTheWholeImageIsKept(string declarations) =>
        Assert.Null(SpriteRegion.FromDeclarations(declarations));

    [Fact]
    public void SheetScaledByBackgroundSizeIsCutInItsOwnPixels()
    {
        var region = SpriteRegion.FromUrl(new Uri("https://x.example/s.png#xywh=100,0,100,50&bgsize=400"));

        Assert.Equal(new SpriteRegion(100, 0, 100, 50, 400), region);
        // A 2× sheet (800 px wide shown at 400 px): the part is twice as large in the sheet's pixels.
        Assert.Equal(new SkiaSharp.SKRectI(200, 0, 400, 100), region!.Value.InSheet(800, 200));
        Assert.Equal("https://x.example/s.png", SpriteRegion.Sheet(new Uri("https://x.example/s.png#xywh=100,0,100,50")).AbsoluteUri);
    }

    [Fact]
    public void StyleSheetSpriteNamesThePartEachElementShows()
    {
        var document = new HtmlParser().ParseDocument("""
            <span class="logo l-a"></span><span class="logo l-b"></span><span class="logo" style="background-position:-400px -100px"></span>
            """);
        const string css = ".logo{background:url(/img/partners.png) no-repeat;width:200px;height:100px;display:inline-block} .l-b{background-position:-200px 0}";

        var found = new ImageCandidateExtractor(1024).FromStyleSheet(css, Page, document).Select(c => c.Url!.ToString()).ToList();

        Assert.Equal(
            ["https://partner.example/img/partners.png", "https://partner.example/img/partners.png#xywh=200,0,200,100", "https://partner.example/img/partners.png#xywh=400,100,200,100"],
            found);
    }

    [Fact]
    public async Task OnlyTheLogosTheSpriteShowsAreClaimed()
    {
        // A sheet of four logos in a row; the page shows SAP and Oracle through it, never Microsoft or Red Hat.
        WallLogo[] sheet =
        [
            new("microsoft", LogoFixtures.RefPath("microsoft", "microsoft.svg"), 140), new("sap", LogoFixtures.RefPath("sap", "sap.svg"), 140),
            new("oracle", LogoFixtures.RefPath("oracle", "oracle.svg"), 140), new("redhat", LogoFixtures.RefPath("redhat", "redhat.svg"), 140),
        ];
        var png = LogoVariants.Png(PartnerWallComposer.Compose(sheet, new WallLayout(4, 200, 135, PartnerWallComposer.White, Margin: 0)));
        await using var server = await LoopbackHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = FixtureResponse.Html("""
                <html><head><style>
                .partner { display:inline-block; width:200px; height:135px; background:url(/assets/sprite-3f9a.png) no-repeat; }
                .p-2 { background-position: -200px 0; }
                .p-3 { background-position: -400px 0; }
                </style></head><body><h1>Acme Vision</h1>
                <section><h2>Our technology partners</h2><span class="partner p-2"></span><span class="partner p-3"></span></section>
                </body></html>
                """),
            ["/assets/sprite-3f9a.png"] = new(200, "image/png", png),
        });
        var options = new PartnerWatchOptions
        {
            Brands = [.. sheet.Select(l => new BrandOptions { Id = l.Brand, Name = l.Brand, Logos = [l.Path] })],
            Fetch = { AllowPrivateNetworks = true, MaxRetries = 0 },
        };
        await using var provider = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddPartnerWatchPipeline(options).BuildServiceProvider();

        var result = await provider.GetRequiredService<SiteScanner>()
            .ScanAsync(new SiteOptions { Id = "acme", Url = server.BaseUri.ToString() }, CancellationToken.None);

        Assert.Equal(["oracle", "sap"], result.Claims.Select(c => c.Brand).Order(StringComparer.Ordinal));
        var sap = Assert.Single(Assert.Single(result.Claims, c => c.Brand == "sap").Evidence, e => e.Kind == EvidenceKind.LogoImage);
        Assert.EndsWith("/assets/sprite-3f9a.png#xywh=200,0,200,135", sap.ImageUrl);
        // The sheet was downloaded once for both logos.
        Assert.Single(server.Requests, r => r.Contains("sprite-3f9a.png", StringComparison.Ordinal));
    }
}
