using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// Session 8: a vendor that is the platform (the place a reader deploys, publishes, forwards events or installs a
/// plugin) is a mention, in every catalogue language and whatever the page title says; a vendor's own credit badge is
/// a powered-by claim even in a footer without words. Each group holds the near miss that keeps its old answer.
/// </summary>
public sealed class PlatformsNotPartnersTests
{
    private static string Page(string title, string body) => $"<!DOCTYPE html><html><head><title>{title}</title></head><body>{body}</body></html>";

    private static string LinkedLogo(string href, string alt) => $"<div class=\"item\"><a href=\"{href}\"><img src=\"/img/logos/{alt.Replace(' ', '-')}.png\" alt=\"{alt}\"></a></div>";

    private static string Tabs(string first, string firstPanel, string second, string secondPanel)
        => "<ul class=\"nav nav-tabs\" role=\"tablist\">" +
           $"<li><a class=\"nav-link active\" href=\"#tab-0\" role=\"tab\">{first}</a></li><li><a class=\"nav-link\" href=\"#tab-1\" role=\"tab\">{second}</a></li></ul>" +
           $"<div class=\"tab-content\"><div class=\"tab-pane active\" id=\"tab-0\" role=\"tabpanel\"><div class=\"grid\">{firstPanel}</div></div>" +
           $"<div class=\"tab-pane\" id=\"tab-1\" role=\"tabpanel\"><div class=\"grid\">{secondPanel}</div></div></div>";

    private static readonly string Clouds = LinkedLogo("https://aws.amazon.com/", "Amazon Web Services") + LinkedLogo("https://azure.microsoft.com/", "Azure") +
                                            LinkedLogo("https://cloud.google.com/", "Google Cloud") + LinkedLogo("https://www.ibm.com/cloud", "IBM Cloud");

    [Theory]
    [InlineData("Integrations", "Plugins")]
    [InlineData("集成", "插件")]
    [InlineData("連携", "プラグイン")]
    [InlineData("연동", "플러그인")]
    [InlineData("Intégrations", "Extensions")]
    [InlineData("Integraciones", "Complementos")]
    public async Task LogosInATabPanelOfIntegrationsOnAnEcosystemPageAreMentions(string first, string second)
    {
        var html = Page("Acme Ecosystem | Acme", "<h2>Acme ecosystem</h2><p>Plugins and integrations with the cloud native stack.</p>" +
                                                  Tabs(first, Clouds, second, LinkedLogo("https://www.redhat.com/", "Red Hat")));
        Assert.Empty(await BrandsClaimedAsync(html));
    }

    [Fact]
    public async Task ATabOfSponsorsStillPresentsItsLogos()
    {
        var html = Page("Acme Conf", "<h2>Thanks</h2>" + Tabs("Gold sponsors", Clouds, "Integrations", LinkedLogo("https://www.redhat.com/", "Red Hat")));
        Assert.Equal(["aws", "google", "ibm", "microsoft"], await BrandsClaimedAsync(html));
    }

    [Theory]
    [InlineData("Plugins")]
    [InlineData("Outputs")]
    [InlineData("Supported platforms")]
    [InlineData("プラグイン")]
    [InlineData("插件")]
    [InlineData("플러그인")]
    [InlineData("Deploy to")]
    [InlineData("Deployment targets")]
    [InlineData("部署")]
    [InlineData("배포")]
    [InlineData("Déploiement")]
    [InlineData("Unterstützte Plattformen")]
    [InlineData("Intégrations")]
    public async Task AGridUnderAnIntegrationLabelIsNotAPartnerWall(string heading)
        => Assert.Empty(await BrandsClaimedAsync(Page("Acme ecosystem", $"<h2>{heading}</h2><div class=\"grid\">{Clouds}</div>")));

    [Theory]
    [InlineData("Acme forwards events to Microsoft Azure.")]
    [InlineData("Publish your site to Microsoft Azure.")]
    [InlineData("Publica tu sitio en Microsoft Azure.")]
    [InlineData("Publiez votre site sur Microsoft Azure.")]
    [InlineData("Microsoft Azure に公開します。")]
    [InlineData("Microsoft Azure에 게시합니다.")]
    [InlineData("将网站发布到 Microsoft Azure。")]
    [InlineData("Menerbitkan situs web Anda ke Microsoft Azure.")]
    [InlineData("Run on Google Cloud")]
    [InlineData("Launch on AWS")]
    [InlineData("Use Oracle as your backend database.")]
    [InlineData("Google Cloud で実行します。")]
    [InlineData("Google Cloud에서 실행합니다.")]
    [InlineData("在 Google Cloud 上运行。")]
    [InlineData("Ejecuta Acme en Google Cloud.")]
    [InlineData("Exécutez Acme sur Google Cloud.")]
    [InlineData("Masuk dengan Google")]
    public async Task AnEntryThatSendsTheReadersWorkToAVendorNamesAPlatform(string entry)
        => Assert.Empty(await BrandsClaimedAsync(Page("Acme ecosystem", $"<h2>Ecosystem</h2><ul><li>{entry}</li><li>Acme CLI</li></ul>")));

    [Fact]
    public async Task AnEntryThatCreditsTheVendorUnderTheSameHeadingStaysAClaim()
        => Assert.Equal(["microsoft"], await BrandsClaimedAsync(Page("Acme ecosystem", "<h2>Ecosystem</h2><ul><li>Microsoft Azure</li><li>Acme CLI</li></ul>")));

    [Theory]
    [InlineData("<a href=\"https://www.oracle.com/\"><img src=\"https://www.oracle.com/img/global/badges/oracle-dark.svg\"></a>")]
    [InlineData("<a href=\"https://www.oracle.com/?utm_source=acme&amp;utm_campaign=oss\"><img src=\"/static/powered-by-oracle.svg\"></a>")]
    [InlineData("<a href=\"https://www.redhat.com/\"><img src=\"https://static.redhat.com/badges/hosted-by-red-hat.png\"></a>")]
    public async Task AVendorsOwnBadgeLinkedToItsHomePageIsAPoweredByClaimEvenInAFooter(string badge)
    {
        var claimed = await BrandsClaimedAsync($"<main><p>Acme docs.</p></main><footer><p>© 2026 Acme</p><div>{badge}<a href=\"https://x.com/acme\">X</a></div></footer>");
        Assert.Single(claimed);
    }

    [Theory]
    // A deploy button links to the vendor's deploy form, a store badge to a listing, a status badge to the project's page.
    [InlineData("<a href=\"https://cloud.oracle.com/deploy?repository=acme\"><img src=\"https://www.oracle.com/img/deploy/badge.svg\"></a>")]
    [InlineData("<a href=\"https://apps.apple.com/app/id123\"><img src=\"https://tools.apple.com/badges/download-on-the-app-store.svg\" alt=\"Download on the App Store\"></a>")]
    [InlineData("<a href=\"https://dev.azure.com/acme/acme/_build\"><img src=\"https://dev.azure.com/acme/acme/_apis/build/status/badge.svg\"></a>")]
    // A vendor's logo in the footer that is not its badge stays a footer link.
    [InlineData("<a href=\"https://www.oracle.com/\"><img src=\"/img/oracle-logo.svg\"></a>")]
    public async Task ButtonsStoreAndStatusBadgesAreNotCredits(string link)
        => Assert.Empty(await BrandsClaimedAsync($"<main><p>Acme docs.</p></main><footer><div>{link}</div></footer>"));

    [Theory]
    [InlineData("https://fb.me/acmeconf", "Facebook")]
    [InlineData("https://m.facebook.com/acmeconf", "Facebook")]
    [InlineData("https://lnkd.in/acme", "LinkedIn")]
    public async Task AShortOrMobileSocialLinkIsAFollowLinkOnASponsorsPage(string href, string text)
    {
        var html = Page("Sponsors | Acme Conf 2026", $"<h2>Sponsors</h2><ul><li><h4>Oracle</h4></li></ul>" +
                                                    $"<div class=\"strip\"><ul><li><a href=\"mailto:hi@acme.test\">Contact us</a></li><li><a href=\"{href}\">{text}</a></li></ul></div>");
        Assert.Equal(["oracle"], await BrandsClaimedAsync(html));
    }

    [Theory]
    [InlineData("ja", "ウェブサイトを公開する", "<ol><li>Microsoft Azure のアカウントを作成します。</li><li>Azure にデプロイします。</li></ol>")]
    [InlineData("ko", "웹사이트 게시하기", "<ol><li>Google Cloud 계정을 만듭니다.</li><li>Google Cloud에 배포합니다.</li></ol>")]
    [InlineData("zh", "发布你的网站", "<ol><li>注册阿里云账号。</li><li>将网站部署到阿里云。</li></ol>")]
    [InlineData("es", "Publicar tu sitio web", "<ol><li>Crea una cuenta en Google Cloud.</li><li>Despliega tu sitio en Google Cloud.</li></ol>")]
    [InlineData("id", "Menerbitkan situs web Anda", "<ol><li>Buat akun Microsoft Azure.</li><li>Deploy ke Microsoft Azure.</li></ol>")]
    public async Task ADeployOrPublishingGuideInAnyLanguageNamesPlatforms(string lang, string title, string steps)
    {
        var html = $"<!DOCTYPE html><html lang=\"{lang}\"><head><title>{title}</title></head><body><h1>{title}</h1>{steps}<pre><code>acme deploy</code></pre></body></html>";
        Assert.Empty(await BrandsClaimedAsync(html));
    }

    [Theory]
    [InlineData("Member, Oracle Hong Kong Community")]
    [InlineData("Organiser, Microsoft Korea User Group")]
    [InlineData("Organiser, Microsoft 한국 커뮤니티")]
    [InlineData("Organiser, Oracle 中文社区")]
    [InlineData("Oracle LoCo Team")]
    [InlineData("Anggota, Komunitas Oracle Hong Kong")]
    [InlineData("Miembro de la Comunidad de Oracle México")]
    [InlineData("Membre de la communauté Oracle France")]
    public async Task ASpeakersCommunityGroupNamedAfterAVendorIsNotTheVendor(string affiliation)
        => Assert.Empty(await BrandsClaimedAsync(Page("Oracle joins as gold sponsor!", $"<div class=\"author\"><p>Jane Doe</p><p>{affiliation}</p></div>")));

    [Fact]
    public async Task TheVendorsCommunityEditionIsStillTheVendor()
        => Assert.Equal(["oracle"], await BrandsClaimedAsync(Page("Sponsors", "<h2>Sponsors</h2><ul><li>Oracle Community Edition team</li></ul>")));
}
