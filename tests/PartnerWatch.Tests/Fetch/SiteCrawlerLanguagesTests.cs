using PartnerWatch.Fetch;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Fetch;

/// <summary>
/// Partner, sponsor and customer pages linked from a menu in the catalogue's further languages (issue 10, session 7):
/// the crawler ranks them before the site's other pages, as it does for English, Chinese and German menus.
/// </summary>
public sealed class SiteCrawlerLanguagesTests
{
    private static FixtureResponse Html(string body) =>
        FixtureResponse.Html($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{body}</body></html>");

    [Theory]
    [InlineData("حامیان")]          // fa: sponsors
    [InlineData("Destekçiler")]     // tr: supporters
    [InlineData("İş Ortakları")]    // tr: business partners
    [InlineData("Nhà tài trợ")]     // vi: sponsors
    [InlineData("Đối tác")]         // vi: partners
    [InlineData("Mitra")]           // id: partners
    [InlineData("스폰서")]           // ko: sponsors
    [InlineData("協賛企業")]         // ja: sponsoring companies
    [InlineData("Patrocinador")]    // es/pt: sponsor (singular)
    [InlineData("Спонсор")]         // ru: sponsor (singular)
    [InlineData("الداعمون")]        // ar: supporters
    [InlineData("谁在使用")]         // zh: who is using
    [InlineData("Who's using Acme")]
    [InlineData("Donors")]
    [InlineData("Companies using Acme")]
    [InlineData("Trusted by")]
    [InlineData("Benefactors")]     // session 8: the page of the companies that pay for a project
    [InlineData("Patrons")]
    [InlineData("Mécénat")]
    [InlineData("Funded by")]
    [InlineData("Supported by")]
    [InlineData("Who uses Acme?")]
    [InlineData("We are using")]
    public void AMenuWordForPartnersOrSponsorsScoresAsAPartnerOrCustomerPage(string linkText)
        => Assert.True(PartnerPageKeywords.Score(linkText) >= PartnerPageKeywords.Customer, linkText);

    [Theory]
    [InlineData("Blog")]
    [InlineData("ユーザーガイド")]  // ja: user guide
    [InlineData("Руководство пользователя")] // ru: user manual
    [InlineData("Tin tức")]          // vi: news
    public void MenuWordsForOtherPagesDoNotScore(string linkText)
        => Assert.Equal(0, PartnerPageKeywords.Score(linkText));

    [Fact]
    public void CreditsAndThanksPagesAreWorthALookButAHelpDeskIsNot()
    {
        Assert.Equal(PartnerPageKeywords.Ecosystem, PartnerPageKeywords.Score("Credits"));
        Assert.Equal(PartnerPageKeywords.Ecosystem, PartnerPageKeywords.Score("Thanks"));
        // "Support" is the help desk on most sites: following it spends the page budget on pages that name no partner.
        Assert.Equal(0, PartnerPageKeywords.Score("Support"));
        Assert.True(PartnerPageKeywords.Score("Supporters") > 0);
    }

    [Fact]
    public async Task SponsorPagesLinkedFromAPersianTurkishAndVietnameseMenuAreFetchedBeforeOtherPages()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html("""
                <nav><ul>
                  <li><a href="/fa/blog/">وبلاگ</a></li><li><a href="/docs/">Docs</a></li><li><a href="/news/">Tin tức</a></li>
                  <li><a href="/fa/s/">حامیان</a></li><li><a href="/tr/d/">Destekçiler</a></li><li><a href="/vi/t/">Nhà tài trợ</a></li>
                </ul></nav>
                """),
            ["/fa/s/"] = Html("<h1>حامیان</h1>"),
            ["/tr/d/"] = Html("<h1>Destekçiler</h1>"),
            ["/vi/t/"] = Html("<h1>Nhà tài trợ</h1>"),
        });
        await using var provider = FetchTestHost.Create(configure: o => o.MaxPagesPerSite = 4);

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Empty(steps.Errors());
        Assert.Equal(["/", "/fa/s/", "/tr/d/", "/vi/t/"], server.Requests);
    }
}
