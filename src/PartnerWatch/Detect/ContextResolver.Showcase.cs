using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PartnerWatch.Detect;

/// <summary>
/// Sections that showcase organisations: a product-page link inside them names the organisation shown, and a logo grid
/// that the markup happens to call <c>&lt;nav&gt;</c> is such a section, not the site's navigation.
/// </summary>
internal sealed partial class ContextResolver
{
    private const int MinLogoGridLinks = 3;

    private readonly Dictionary<IElement, bool> _logoGridNavs = new();

    /// <summary>
    /// True when a link to a product catalogue page (<see cref="LinkTargetRules.IsProductCatalogueCue"/>) sits in a section whose heading,
    /// class or label presents its entries as users, adopters, customers or backers ("Apps users love, built with …",
    /// <c>class="supporterBox"</c>): an app showcase links each app to its product page, so the section speaks for the
    /// logo and caption. Under any other heading — a deploy guide, an integrations list, no heading at all — the
    /// product page still names a backend the site runs on or supports.
    /// </summary>
    private bool ShowcaseOverridesProductLink(IElement element, Cue intrinsic)
        => LinkTargetRules.IsProductCatalogueCue(intrinsic) && Walk(element) is { Kind: StructuralKind.Positive } structural &&
           SafeIsMatch(ShowcaseWords(), structural.Description);

    /// <summary>
    /// Words of a section that shows the organisations that use, adopt, buy from or back the project. "Partners",
    /// "ecosystem", "powered by" and "built on" are left out on purpose: under them a product page is often the
    /// integration or platform itself.
    /// </summary>
    [GeneratedRegex(@"\b(?:used by|built with|made with|who(?:['’]s| is)? using|who uses|adopters?|users\b|customers?|clients\b|case stud|success stor|showcase|testimonials?|trusted by|in good company|sponsor|supporter|backer|donor|funder|patron)|谁在用|谁在使用|誰在用|用户|用戶|客户|客戶|案例|赞助|贊助|支持者|ユーザー|導入事例|採用事例|사용자|고객|후원",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ShowcaseWords();

    /// <summary>
    /// A <c>&lt;nav&gt;</c> used as a layout grid for a logo wall (CSS frameworks' <c>columns</c> on a <c>nav</c>): it follows
    /// a heading of its own, holds no words, and every one of its (at least three) links leaves the site for a different
    /// host and wraps only an image. The site's own navigation has words or same-site links; a row of social icons links
    /// profiles, which <see cref="LinkTargetRules.Negative"/> rejects.
    /// </summary>
    private bool IsLogoGridNav(IElement nav)
    {
        if (_logoGridNavs.TryGetValue(nav, out var known))
        {
            return known;
        }

        var result = HasHeadingBefore(nav) && nav.TextContent.Trim().Length == 0 && LinksAreLogosOfOthers(nav);
        _logoGridNavs[nav] = result;
        return result;
    }

    private static bool HasHeadingBefore(IElement node)
    {
        var scanned = 0;
        for (var sibling = node.PreviousElementSibling; sibling is not null && scanned < MaxSiblingsScanned; sibling = sibling.PreviousElementSibling, scanned++)
        {
            if (IsHeadingLike(sibling))
            {
                return true;
            }
        }

        return false;
    }

    private bool LinksAreLogosOfOthers(IElement nav)
    {
        var links = nav.QuerySelectorAll("a").ToList();
        if (links.Count < MinLogoGridLinks)
        {
            return false;
        }

        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var link in links)
        {
            var href = link.GetAttribute("href");
            if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(_pageUrl, href.Trim(), out var url) || url.Scheme is not ("http" or "https") ||
                url.Host.Equals(_pageUrl.Host, StringComparison.OrdinalIgnoreCase) || LinkTargetRules.Negative(url) is not null ||
                link.QuerySelector("img, svg, picture") is null)
            {
                return false;
            }

            hosts.Add(url.Host);
        }

        return hosts.Count >= MinLogoGridLinks;
    }

    private static bool SafeIsMatch(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
