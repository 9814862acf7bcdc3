using PartnerWatch.Compare;
using PartnerWatch.Config;
using PartnerWatch.Domain;

namespace PartnerWatch.Tests.Compare;

public sealed class PartnerListComparerTests
{
    private static readonly PartnerListComparer Comparer = new(new PartnerWatchOptions
    {
        ConfirmedPartners = new(StringComparer.OrdinalIgnoreCase)
        {
            ["microsoft"] = ["contoso", "fabrikam.com"],
        },
    });

    [Theory]
    [InlineData("contoso", "https://www.contoso-group.example/", ClaimStatus.Confirmed)]      // by site id
    [InlineData("CONTOSO", "https://x.example/", ClaimStatus.Confirmed)]                       // ids ignore case
    [InlineData("fab", "https://fabrikam.com/partners", ClaimStatus.Confirmed)]                // exact domain
    [InlineData("fab", "https://shop.eu.fabrikam.com/", ClaimStatus.Confirmed)]                // subdomain
    [InlineData("fab", "https://evilfabrikam.com/", ClaimStatus.Unverified)]                   // not a subdomain
    [InlineData("fab", "https://fabrikam.com.attacker.example/", ClaimStatus.Unverified)]      // suffix trick
    [InlineData("sensenets", "https://sensenets.example/", ClaimStatus.Unverified)]
    public void ConfirmedWhenTheSiteIdOrDomainIsOnTheBrandsList(string siteId, string url, ClaimStatus expected)
    {
        var site = new SiteOptions { Id = siteId, Url = url };
        Assert.Equal(expected, Comparer.StatusOf("microsoft", site));
    }

    [Fact]
    public void BrandWithoutAListConfirmsNobody() =>
        Assert.Equal(ClaimStatus.Unverified, Comparer.StatusOf("google", new SiteOptions { Id = "contoso", Url = "https://contoso.example/" }));
}
