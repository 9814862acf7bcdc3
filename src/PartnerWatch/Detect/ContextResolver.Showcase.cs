using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PartnerWatch.Detect;

/// <summary>
/// Sections that showcase organisations: a product-page link inside them names the organisation shown. (A logo grid
/// marked up as <c>&lt;nav&gt;</c> was tried in session 9 and left out: one repository of the corpus writes it, and a
/// rule that fires on one source is a fit to that page, not a model of the web.)
/// </summary>
internal sealed partial class ContextResolver
{
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
