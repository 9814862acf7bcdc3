using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// Logos in a sponsor or partner section named only by something other than an <c>alt</c>: an <c>aria-label</c> or
/// <c>title</c> on the image or its link, the link's text, a sprite symbol, or the file name — including a
/// colour-variant suffix (<c>…-logo-white.svg</c>) and a hashed file name under a folder named after the brand.
/// </summary>
public sealed class LogoNameSourcesTests
{
    [Theory]
    [InlineData("<a href=\"/go/1\" aria-label=\"Red Hat\"><svg viewBox=\"0 0 10 10\"><path d=\"M0 0h10v10z\"/></svg></a>")]
    [InlineData("<a href=\"/go/1\" title=\"Red Hat\"><img src=\"/img/3f9a2c.png\" alt=\"\"></a>")]
    [InlineData("<div role=\"img\" aria-label=\"Red Hat\" class=\"logo\"></div>")]
    [InlineData("<span class=\"logo\" aria-label=\"Red Hat\"></span>")]
    [InlineData("<a href=\"/go/1\"><img src=\"/img/3f9a2c.png\" alt=\"\"><span class=\"sr-only\">Red Hat</span></a>")]
    [InlineData("<img src=\"/img/3f9a2c.png\" alt=\"\" title=\"Red Hat\">")]
    [InlineData("<svg role=\"img\" aria-labelledby=\"t1\"><title id=\"t1\">Red Hat</title><path d=\"M0 0\"/></svg>")]
    [InlineData("<svg class=\"logo\"><use href=\"/img/sprite.svg#redhat\"></use></svg>")]
    [InlineData("<svg class=\"logo\"><use xlink:href=\"#logo-redhat\"></use></svg>")]
    [InlineData("<img src=\"/img/redhat-logo-white.svg\" alt=\"\">")]
    [InlineData("<img src=\"/img/logo_redhat.png\" alt=\"\">")]
    [InlineData("<img src=\"/img/logos/redhat/9c1e7f0a.png\" alt=\"\">")]
    [InlineData("<img src=\"/uploads/redhat/logo.png\" alt=\"\">")]
    [InlineData("<img src=\"/img/RedHat_Logo_RGB.svg\" alt=\"\">")]
    [InlineData("<img data-lazy-srcset=\"/img/redhat@2x.png 2x\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" alt=\"\">")]
    public async Task ALogoNamedOnlyOutsideItsAltIsClaimedInASponsorSection(string logo)
        => Assert.Equal(["redhat"], await BrandsClaimedAsync($"<h2>Sponsors</h2><div class=\"grid\">{logo}</div>"));

    [Theory]
    [InlineData("<img src=\"/img/logos/redhat/9c1e7f0a.png\" alt=\"\">")]
    [InlineData("<span class=\"logo\" aria-label=\"Red Hat\"></span>")]
    [InlineData("<svg class=\"logo\"><use href=\"/img/sprite.svg#redhat\"></use></svg>")]
    public async Task TheSameLogoInAnInstallSectionIsNotAClaim(string logo)
        => Assert.Empty(await BrandsClaimedAsync($"<h2>Compatible with</h2><div class=\"grid\">{logo}</div>"));

    [Theory]
    [InlineData("<img src=\"/img/2023/05/9c1e7f0a.png\" alt=\"\">")]
    [InlineData("<img src=\"/img/logos/icons/logo.png\" alt=\"\">")]
    [InlineData("<img src=\"/assets/sapphire/logo.png\" alt=\"\">")]
    public async Task AnOpaqueNameInAnOrdinaryFolderNamesNoBrand(string logo)
        => Assert.Empty(await BrandsClaimedAsync($"<h2>Sponsors</h2><div class=\"grid\">{logo}</div>"));
}
