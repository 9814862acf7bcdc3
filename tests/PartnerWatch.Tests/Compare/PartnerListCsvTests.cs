using PartnerWatch.Config;

namespace PartnerWatch.Tests.Compare;

/// <summary>Partner lists in CSV as spreadsheets and CRMs export them, read by CsvHelper.</summary>
public sealed class PartnerListCsvTests
{
    private static IReadOnlyList<string> Parse(string text) => PartnerListFormat.Parse(System.Text.Encoding.UTF8.GetBytes(text));

    [Fact]
    public void AQuotedCommaStaysInsideItsField()
    {
        // The old reader cut at the first comma and took "fabrikam.com" from  "fabrikam.com, fabrikam.cn" … and
        // 'Fabrikam' from '"Fabrikam, Inc."' — a company name taken for a site id.
        var entries = Parse("fabrikam.com,\"Fabrikam, Inc., Redmond\"\ncontoso,\"Contoso, Ltd\"\n");

        Assert.Equal(["fabrikam.com", "contoso"], entries);
    }

    [Fact]
    public void AHeaderNamingTheDomainColumnIsUsed()
    {
        var entries = Parse("Company,Domain,Since\n\"Fabrikam, Inc.\",fabrikam.com,2021\n\"Contoso, Ltd\",Contoso.COM,2023\n");

        Assert.Equal(["fabrikam.com", "contoso.com"], entries);
    }

    [Fact]
    public void CommentsBlankLinesAndAByteOrderMarkAreSkipped()
    {
        var entries = Parse("\uFEFF# confirmed by the partner team\n\n  litware  \n\"northwind.example\"\n");

        Assert.Equal(["litware", "northwind.example"], entries);
    }

    [Fact]
    public void ACompanyNameInTheEntryColumnIsReportedWithItsLine()
    {
        var error = Assert.Throws<FormatException>(() => Parse("contoso\n\"Fabrikam, Inc.\",fabrikam.com\n"));

        Assert.Contains("line 2", error.Message);
        Assert.Contains("Fabrikam, Inc.", error.Message);
    }
}
