using AngleSharp.Dom;

namespace PartnerWatch.Fetch;

public sealed partial class SiteCrawler
{
    /// <summary>
    /// Footer links named like a backers' page without a partner word, tried with crawl budget the keyword links left
    /// (session 9, issue 10 class B). Project and non-profit sites link the page that thanks their sponsors from the
    /// footer under a name of its own ("Open Source", "Community", "Foundation", "Donate"), and the words that would make
    /// it a keyword link appear only on the page itself ("Open Source &amp; Sponsors"). Such a page is fetched, and scanned
    /// only when its title or first heading carries partner vocabulary (<see cref="PartnerPageKeywords"/>); any other
    /// probe is dropped unscanned. Only the footer of the start page is probed: a header menu is where a company lists its
    /// products (tens of links), and a footer is where a site lists its own organisational pages. The one exception is a
    /// start page that links no partner-like page at all (<see cref="IsMenuProbe(IElement, string, Uri)"/>). Footer links with
    /// neither kind of word ("Our plan", "Team") are not tried: on the open corpus views they cost 3 fetches on each of
    /// 20 sites and found no page.
    /// </summary>
    private static class FooterProbes
    {
        /// <summary>At most this many probes per site, so a site without such a page costs few fetches.</summary>
        public const int MaxPerSite = 3;

        /// <summary>Footer link words of pages that thank or list backers: the only footer links tried.</summary>
        private static readonly string[] Promising =
        [
            "open source", "open-source", "opensource", "community", "foundation", "donate", "donation", "thank", "friends",
        ];

        /// <summary>Footer link words of pages that never list partners: legal, account, help, contact and job pages.</summary>
        private static readonly string[] Never =
        [
            "privacy", "terms", "cookie", "legal", "imprint", "impressum", "datenschutz", "mentions", "agb", "disclaimer", "copyright",
            "licen", "contact", "kontakt", "login", "log-in", "log in", "signin", "sign-in", "sign in", "signup", "sign-up", "sign up",
            "register", "account", "career", "jobs", "faq", "help", "rss", "feed", "sitemap", "accessibility", "status", "press",
            "download", "search", "cart", "checkout", "subscribe", "newsletter", "security", "blog", "news", "events",
        ];

        /// <summary>
        /// A footer probe as the crawler's link list (and a remembered page) stores it: score −1, below every keyword
        /// link, so the record needs no field of its own.
        /// </summary>
        public static PageLink Link(Uri target, bool underPage) => new(target, ProbeScore, underPage);

        public static bool IsProbe(PageLink link) => link.Score is ProbeScore or MenuProbeScore;

        private const int ProbeScore = -1;

        /// <summary>A header-menu probe as stored: score −2, so the start page can tell it from a footer probe.</summary>
        public static PageLink MenuLink(Uri target, bool underPage) => new(target, MenuProbeScore, underPage);

        public static bool IsMenuProbe(PageLink link) => link.Score == MenuProbeScore;

        private const int MenuProbeScore = -2;

        /// <summary>
        /// A link of the site's header menu named like a backers' page (session 9, round 2). Small project sites have a
        /// menu of five or six pages and list their industry partners on the "Community" page, under its own section
        /// heading. A company's menu is tens of product links, and its start page links a partner or about page: the
        /// crawler tries menu probes only when the start page names no partner-like page at all (see PartnerLinks), so a
        /// site with a keyword link never spends a fetch on them.
        /// </summary>
        public static bool IsMenuProbe(IElement anchor, string text, Uri target)
        {
            if (anchor.Closest("nav, header, [role=navigation]") is null || anchor.Closest("footer, [role=contentinfo]") is not null)
            {
                return false;
            }

            return NamedLikeBackersPage(text, target);
        }

        /// <summary>True when <paramref name="anchor"/> is a footer link worth a probe.</summary>
        public static bool IsFooterProbe(IElement anchor, string text, Uri target)
            => anchor.Closest("footer, [role=contentinfo]") is not null && NamedLikeBackersPage(text, target);

        /// <summary>The link's text or path has a backers'-page word and no word of a page that never lists partners.</summary>
        private static bool NamedLikeBackersPage(string text, Uri target)
        {
            var words = $"{text} {Uri.UnescapeDataString(target.AbsolutePath)}".ToLowerInvariant();
            return target.AbsolutePath is not ("/" or "") && !Never.Any(w => words.Contains(w, StringComparison.Ordinal)) &&
                   Promising.Any(w => words.Contains(w, StringComparison.Ordinal));
        }

        /// <summary>
        /// The page's title or first heading names a partner, sponsor, customer or ecosystem page, or one of its section
        /// headings names partners or sponsors: a "Community" page with an "Industry Partners" section is such a page,
        /// while a section called "Technology" or "About" is not enough.
        /// </summary>
        public static bool TitledAsPartnerPage(IDocument document)
        {
            var heading = document.QuerySelector("h1") ?? document.QuerySelector("h2");
            return PartnerPageKeywords.Score(document.Title) >= PartnerPageKeywords.Ecosystem ||
                   PartnerPageKeywords.Score(heading?.TextContent) >= PartnerPageKeywords.Ecosystem ||
                   document.QuerySelectorAll("h2, h3").Take(MaxSectionHeadings)
                       .Any(h => PartnerPageKeywords.Score(h.TextContent) >= PartnerPageKeywords.Partner);
        }

        /// <summary>Section headings read per probed page; a partner section sits among the page's first few.</summary>
        private const int MaxSectionHeadings = 20;
    }
}
