using MimeKit;
using PartnerWatch.Alert;
using PartnerWatch.Config;
using PartnerWatch.Domain;
using PartnerWatch.Store;

namespace PartnerWatch.Tests.Alert;

public sealed class AlertComposerTests
{
    private static readonly PartnerWatchOptions Options = new()
    {
        Sites = [new SiteOptions { Id = "sensenets", Name = "SenseNets", Url = "https://sensenets.example/" }],
        Brands = [new BrandOptions { Id = "microsoft", Name = "Microsoft" }],
        Smtp = { From = "partnerwatch@example.org", To = ["a@example.org", "b@example.org"] },
    };

    [Fact]
    public async Task HtmlBodyEscapesScriptFromEvidence()
    {
        var alert = Alert(new Evidence(EvidenceKind.Text, "https://sensenets.example/p?<x>", "<b>detail</b>",
            Snippet: "Partners: <script>alert('x')</script> Microsoft"));

        var message = await new AlertComposer(Options).ComposeAsync(alert, CancellationToken.None);

        Assert.DoesNotContain("<script>", message.HtmlBody);
        Assert.DoesNotContain("<b>", message.HtmlBody);
        Assert.Contains("&lt;script&gt;", message.HtmlBody);
        Assert.Contains("<script>alert('x')</script>", message.TextBody);
    }

    [Fact]
    public async Task OnlyHttpUrlsBecomeLinks()
    {
        var alert = Alert(new Evidence(EvidenceKind.Link, "javascript:alert(1)", "link", ImageUrl: "https://sensenets.example/logo.png"));

        var html = (await new AlertComposer(Options).ComposeAsync(alert, CancellationToken.None)).HtmlBody;

        Assert.DoesNotContain("href=\"javascript:", html);
        Assert.Contains("href=\"https://sensenets.example/logo.png\"", html);
    }

    [Fact]
    public async Task MessageIsMultipartAlternativeWithStableHeadersAndAllFields()
    {
        var alert = Alert(new Evidence(EvidenceKind.LogoImage, "https://sensenets.example/partners", "matches logos/microsoft.svg",
            ImageUrl: "https://sensenets.example/img/p3.png", Snippet: "Our partners"));
        var composer = new AlertComposer(Options);

        var message = await composer.ComposeAsync(alert, CancellationToken.None);
        var again = await composer.ComposeAsync(alert, CancellationToken.None);

        Assert.Equal("multipart/alternative", message.Body!.ContentType.MimeType); // no stored evidence: no images, no attachment
        Assert.Equal("alert-42.abc@partnerwatch.local", message.MessageId);
        Assert.Equal(message.MessageId, again.MessageId);
        Assert.Equal(alert.CreatedAt, message.Date);
        Assert.Equal("42", message.Headers["X-PartnerWatch-Alert-Id"]);
        Assert.Equal(["a@example.org", "b@example.org"], message.To.Mailboxes.Select(m => m.Address));
        foreach (var expected in new[] { "SenseNets", "https://sensenets.example/", "Microsoft's logo", "high", "26 November 2026, 06:00 UTC",
                     "/partners", "https://sensenets.example/img/p3.png", "Our partners" })
        {
            Assert.Contains(expected, message.TextBody);
            Assert.Contains(expected, System.Net.WebUtility.HtmlDecode(message.HtmlBody));
        }
    }

    [Fact]
    public async Task UnknownIdsFallBackToTheIdsAndLineBreaksCannotForgeLines()
    {
        var alert = Alert(new Evidence(EvidenceKind.Text, "https://x.example/", "detail", Snippet: "Partners\r\nBcc: victim@example.org")) with
        {
            SiteId = "unknown-site",
            BrandId = "unknown-brand",
        };

        var message = await new AlertComposer(Options).ComposeAsync(alert, CancellationToken.None);

        Assert.Equal("[PartnerWatch] unknown-site shows unknown-brand's name on /; unknown-brand does not list it as a partner", message.Subject);
        Assert.DoesNotContain("\nBcc:", message.TextBody);
        Assert.Contains("Partners Bcc: victim@example.org", message.TextBody);
    }

    [Fact]
    public async Task InvalidSenderAddressNamesTheConfigurationKey()
    {
        var options = new PartnerWatchOptions { Smtp = { From = "not an address <", To = ["a@example.org"] } };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new AlertComposer(options).ComposeAsync(Alert(), CancellationToken.None));

        Assert.Contains("PartnerWatch:Smtp:From", error.Message);
    }

    [Fact]
    public async Task WhyLineQuotesTheSentenceOrGlossesTheHeadingAndRemindersSayStill()
    {
        var statement = Alert(new Evidence(EvidenceKind.Text, "https://sensenets.example/about", "text names Microsoft (\"Microsoft\"); score 0.70",
            Snippet: "We are a Microsoft Gold Partner since 2019", Context: "statement \"partner\""));
        var japanese = Alert(new Evidence(EvidenceKind.LogoText, "https://sensenets.example/", "alt \"Microsoft\" names Microsoft; score 0.80",
            ImageUrl: "https://sensenets.example/ms.png", Snippet: "Microsoft", Context: "heading \"主要取引先\"")) with { Kind = AlertKind.Reminder };
        var composer = new AlertComposer(Options);

        var first = await composer.ComposeAsync(statement, CancellationToken.None);
        var second = await composer.ComposeAsync(japanese, CancellationToken.None);

        Assert.Equal("[PartnerWatch] SenseNets shows Microsoft's name in the sentence \"We are a Microsoft Gold Partner since 2019\" on /about; Microsoft does not list it as a partner",
            first.Subject);
        Assert.Contains("Why this is a partner claim: The page says \"We are a Microsoft Gold Partner since 2019\": the words \"partner\" tie Microsoft to the site as a partner.", first.TextBody);
        Assert.StartsWith("SenseNets still shows Microsoft's logo under \"主要取引先\" (Main business partners) on / (first seen 26 November 2026, 06:00 UTC)", second.TextBody);
        Assert.Contains("Nobody has acknowledged this claim yet.", second.TextBody);
    }

    private static PendingAlert Alert(params Evidence[] evidence) => new(
        42, "alert-42.abc@partnerwatch.local", "sensenets", "https://sensenets.example/", "microsoft", 0.97, evidence,
        new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 26, 6, 0, 5, TimeSpan.Zero), 0);
}
