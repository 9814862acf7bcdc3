using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PartnerWatch.Detect;

/// <summary>
/// A vendor's own credit badge (session 8): a link to the vendor's home page around a badge image the vendor serves
/// itself (<c>netlify.com/img/global/badges/netlify-dark.svg</c> → <c>netlify.com/</c>) or a picture named as a
/// "powered by / hosted by / deploys by" credit. Vendors hand these out with their open-source and sponsorship plans,
/// so the badge is the site's powered-by claim even in a footer and without words. Not badges: store badges and
/// "Deploy to X" buttons link to a listing or a deploy form, not to the vendor's home; CI and coverage status badges
/// link to the project's own page on the service.
/// </summary>
internal static partial class VendorCreditBadge
{
    private const int MaxLinkText = 40;

    [GeneratedRegex(@"(?:^|[/_.-])badges?(?:[/_.-]|$)|(?:powered|hosted|deploy(?:s|ed)|sponsored|supported|backed|served|cdn)[-_ ]?by",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BadgePath();

    [GeneratedRegex(@"(?:powered|hosted|deploy(?:s|ed)|sponsored|supported|backed|served|cdn)[-_ ]?by",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CreditFileName();

    /// <summary>True when <paramref name="anchor"/> is a vendor's credit badge linked to the vendor's home page.</summary>
    public static bool Is(IElement anchor, Uri baseUrl)
    {
        if (anchor.LocalName != "a" || !TryAbsolute(baseUrl, anchor.GetAttribute("href"), out var target) ||
            target.AbsolutePath.Trim('/').Length > 0 || anchor.TextContent.Trim().Length > MaxLinkText)
        {
            return false;
        }

        var images = anchor.QuerySelectorAll("img");
        if (images.Length != 1 || !TryAbsolute(baseUrl, images[0].GetAttribute("src"), out var source))
        {
            return false;
        }

        try
        {
            var path = source.AbsolutePath;
            return SameOrganisation(source.Host, target.Host) ? BadgePath().IsMatch(path) : CreditFileName().IsMatch(Path.GetFileName(path));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool TryAbsolute(Uri baseUrl, string? href, out Uri url)
    {
        url = baseUrl;
        if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(baseUrl, href.Trim(), out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            return false;
        }

        url = parsed;
        return true;
    }

    /// <summary>Both hosts under one registrable domain (<c>www.netlify.com</c>, <c>assets.netlify.com</c>).</summary>
    private static bool SameOrganisation(string a, string b)
        => string.Equals(RegistrableDomain.Of(a), RegistrableDomain.Of(b), StringComparison.OrdinalIgnoreCase);
}
