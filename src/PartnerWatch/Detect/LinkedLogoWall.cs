using AngleSharp.Dom;

namespace PartnerWatch.Detect;

/// <summary>
/// A wall of organisations told by its shape, in any language: a container whose items are logos of at least three
/// different organisations, each logo linked to that organisation's own home page (<c>https://www.babbel.com/</c>,
/// <c>https://lyft.com</c>, <c>https://www.adyen.com/en/</c>). A page links a logo to a company's front door when it
/// presents the company (users, sponsors, members, friends); an integration grid, a deploy catalogue or a compatibility
/// matrix links each logo to a guide, to the project's own docs or to the vendor's product page, and store and social
/// rows link to listings and profiles — none of those is a home page.
/// </summary>
/// <remarks>
/// It is evidence of the weak kind (like a <c>logos</c> class without words): it only speaks where the resolver found no
/// heading, label or class at all, so a negative heading above the wall still wins.
/// </remarks>
internal static class LinkedLogoWall
{
    /// <summary>Fewest items linked to distinct home pages that make a wall.</summary>
    public const int MinOrganisations = 3;

    private const int MaxChildren = 300;
    private const int MaxItemDescendants = 40;
    private const int MaxLocaleSegment = 7;

    /// <summary>
    /// True when most of <paramref name="container"/>'s logo items link to home pages of other sites, at least
    /// <see cref="MinOrganisations"/> of them distinct. <paramref name="pageUrl"/>'s own domain never counts: a site's
    /// links to its own sponsor tiers are not other organisations.
    /// </summary>
    public static bool Holds(IElement container, Uri pageUrl)
    {
        var children = container.Children;
        if (children.Length < MinOrganisations || children.Length > MaxChildren)
        {
            return false;
        }

        var own = RegistrableDomain.Of(pageUrl.Host);
        var logos = 0;
        var homes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var homeItems = 0;
        foreach (var item in children)
        {
            if (!HoldsLogo(item))
            {
                continue;
            }

            logos++;
            if (HomePageOf(item) is { } target && !string.Equals(RegistrableDomain.Of(target.Host), own, StringComparison.OrdinalIgnoreCase))
            {
                homeItems++;
                homes.Add(RegistrableDomain.Of(target.Host));
            }
        }

        // Two thirds: a sponsor wall may hold a card that links to a blog post or a tier page; an integration grid whose
        // links mostly go to guides or product pages is not a wall of organisations.
        return homes.Count >= MinOrganisations && homeItems * 3 >= logos * 2;
    }

    /// <summary>Longest caption of an entry: a company name, a tier, a short tagline — not a description.</summary>
    private const int MaxCaptionChars = 80;

    /// <summary>
    /// True when a mention in <paramref name="element"/> is the entry itself — its logo, its link or a short caption —
    /// rather than the prose describing it ("home to an AWS Hero, Six Feet Up is…", a speaker's bio): the wall presents
    /// its entries, not every name their descriptions mention.
    /// </summary>
    public static bool IsEntry(IElement element)
        => IsLogo(element) || element.Closest("a") is { } link && HoldsLogo(link) ||
           TextNormalizer.Normalize(element.TextContent, MaxCaptionChars + 1).Length <= MaxCaptionChars;

    private static bool HoldsLogo(IElement item)
    {
        if (IsLogo(item))
        {
            return true;
        }

        var seen = 0;
        foreach (var e in item.Descendants<IElement>())
        {
            if (++seen > MaxItemDescendants)
            {
                return false;
            }

            if (IsLogo(e))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLogo(IElement e)
        => e.LocalName is "img" or "svg" or "picture" or "object" || e.GetAttribute("role") == "img" || Logos.ImageElements.IsImageElement(e) ||
           e.GetAttribute("style") is { } style && style.Contains("url(", StringComparison.OrdinalIgnoreCase);

    /// <summary>The item's link when it goes to a site's home page (path <c>/</c> or one short locale segment).</summary>
    private static Uri? HomePageOf(IElement item)
    {
        var anchor = item.LocalName == "a" ? item : item.QuerySelector("a[href]");
        if (anchor?.GetAttribute("href") is not { Length: > 0 } href || !Uri.TryCreate(anchor.BaseUri, UriKind.Absolute, out var baseUri) ||
            !Uri.TryCreate(baseUri, href.Trim(), out var url) || url.Scheme is not ("http" or "https"))
        {
            return null;
        }

        // Store listings, sign-in, share intents and social profiles are never a company's front door.
        if (LinkTargetRules.Negative(url) is not null || LinkTargetRules.ContentLink(url) is not null)
        {
            return null;
        }

        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length == 0 || segments is [var only] && IsLocale(only) ? url : null;
    }

    /// <summary>A language or country segment of a home page: <c>en</c>, <c>us</c>, <c>zh-cn</c>, <c>en_GB</c>.</summary>
    private static bool IsLocale(string segment)
        => segment.Length is 2 or (>= 4 and <= MaxLocaleSegment) && char.IsAsciiLetter(segment[0]) && char.IsAsciiLetter(segment[1]) &&
           (segment.Length == 2 || segment[2] is '-' or '_' && segment[3..].All(char.IsAsciiLetter));
}
