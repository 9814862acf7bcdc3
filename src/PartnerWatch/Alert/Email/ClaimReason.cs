using System.Text.RegularExpressions;

namespace PartnerWatch.Alert.Email;

/// <summary>
/// What makes a mention a partner claim, in words a reader outside the team understands: the heading, sentence or page
/// the detector found it under (<see cref="Domain.Evidence.Context"/>), e.g. <c>heading "合作伙伴"</c> becomes
/// <c>under the heading "合作伙伴" (Partners)</c>.
/// </summary>
/// <param name="Short">For the subject and the opening: <c>under "合作伙伴" (Partners)</c>; null when the context says nothing readable.</param>
/// <param name="Long">A sentence for the body.</param>
/// <param name="Quote">The words on the page that make it a claim (the heading or the sentence), when there are any.</param>
internal sealed partial record ClaimReason(string? Short, string Long, string? Quote)
{
    /// <summary>Reads the detector's context description (see <c>Detect/ContextResolver</c>) for a mention with <paramref name="snippet"/>.</summary>
    public static ClaimReason From(string? context, string? snippet, string brandName)
    {
        var text = AlertText.OneLine(context, 300);
        var logoStrip = text.StartsWith("script list under ", StringComparison.Ordinal) || text == "logo strip";
        var match = Described().Match(text);
        if (!match.Success)
        {
            return logoStrip
                ? new ClaimReason("in a row of partner logos", $"{brandName} appears in a row of logos the site presents as its partners.", null)
                : new ClaimReason(null, $"{brandName} appears on a page that presents the companies it names as partners.", null);
        }

        var words = AlertText.OneLine(match.Groups["words"].Value, 120);
        var gloss = PartnerHeadingGloss.Of(words);
        var glossed = gloss is null ? $"\"{words}\"" : $"\"{words}\" ({gloss})";
        var sentence = AlertText.OneLine(snippet, 200);
        return match.Groups["what"].Value switch
        {
            "heading" => new ClaimReason($"under {glossed}", $"It is shown under the heading {glossed}, which presents the companies listed there as the site's partners.", words),
            "statement" when sentence.Length > 0 => new ClaimReason($"in the sentence \"{AlertText.OneLine(sentence, 90)}\"",
                $"The page says \"{sentence}\": the words {glossed} tie {brandName} to the site as a partner.", sentence),
            "statement" => new ClaimReason($"next to the words {glossed}", $"The words {glossed} next to it present {brandName} as a partner.", words),
            "class/id" => new ClaimReason($"in a section the site marks as {glossed}", $"It is in a part of the page that the site's own HTML names {glossed}.", words),
            "aria-label" => new ClaimReason($"in a section labelled {glossed}", $"It is in a part of the page labelled {glossed}.", words),
            "page heading" or "page title" => new ClaimReason($"on a page titled {glossed}", $"The page itself is titled {glossed}, so the companies it names are presented as partners.", words),
            "page URL" => new ClaimReason(null, $"The page's address ({words}) names it a partners page.", null),
            _ => new ClaimReason(null, $"{brandName} appears where the site presents its partners.", null),
        };
    }

    // "heading \"合作伙伴\"", "script list under heading \"Partners\"", "statement \"partner\" (in <footer>)", "page URL \"/partners\"".
    [GeneratedRegex("^(?:script list under )?(?<what>heading|statement|class/id|aria-label|page heading|page title|page URL) \"(?<words>[^\"]*)\"",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Described();
}

/// <summary>
/// English for the partner headings a non-English site most often uses, so the reader of a forwarded e-mail knows what
/// 合作伙伴 means. A small table on purpose: an unknown heading is shown as it is, without a guess.
/// </summary>
internal static class PartnerHeadingGloss
{
    // Longest first, so "战略合作伙伴" is glossed as itself, not as the "合作伙伴" inside it.
    private static readonly (string Words, string English)[] Table =
    [
        ("战略合作伙伴", "Strategic partners"), ("戰略合作夥伴", "Strategic partners"), ("生态合作伙伴", "Ecosystem partners"),
        ("合作伙伴", "Partners"), ("合作夥伴", "Partners"), ("生态伙伴", "Ecosystem partners"), ("生態夥伴", "Ecosystem partners"),
        ("合作客户", "Customers"), ("合作客戶", "Customers"), ("合作机构", "Partner organisations"), ("合作機構", "Partner organisations"),
        ("用户案例", "Customer stories"), ("用戶案例", "Customer stories"), ("客户案例", "Customer stories"), ("赞助商", "Sponsors"), ("贊助商", "Sponsors"),
        ("客户", "Customers"), ("客戶", "Customers"), ("伙伴", "Partners"), ("夥伴", "Partners"),
        ("パートナー", "Partners"), ("主要取引先", "Main business partners"), ("取引先", "Business partners"), ("導入事例", "Customer case studies"),
        ("파트너사", "Partners"), ("파트너", "Partners"), ("고객사", "Customers"),
        ("Партнёры", "Partners"), ("Партнеры", "Partners"), ("Наши партнёры", "Our partners"), ("Наши партнеры", "Our partners"), ("Клиенты", "Customers"),
        ("Unsere Partner", "Our partners"), ("Unsere Kunden", "Our customers"), ("Kunden", "Customers"), ("Referenzen", "References"),
        ("Nos partenaires", "Our partners"), ("Partenaires", "Partners"), ("Nos clients", "Our customers"), ("Ils nous font confiance", "They trust us"),
        ("Nuestros socios", "Our partners"), ("Socios", "Partners"), ("Nuestros clientes", "Our customers"), ("Clientes", "Customers"),
        ("Parceiros", "Partners"), ("Nossos parceiros", "Our partners"), ("Clienti", "Customers"), ("I nostri partner", "Our partners"),
        ("Onze partners", "Our partners"), ("Klanten", "Customers"),
    ];

    /// <summary>The English for <paramref name="heading"/>, or null when it is English already or not in the table.</summary>
    public static string? Of(string heading)
    {
        var text = heading.Trim().TrimEnd(':', '：', ' ');
        if (text.Length == 0 || text.All(c => c < 128))
        {
            return Exact(text);
        }

        return Exact(text) ?? Table.Where(t => !t.Words.All(c => c < 128) && text.Contains(t.Words, StringComparison.Ordinal))
            .OrderByDescending(t => t.Words.Length).Select(t => t.English).FirstOrDefault();
    }

    private static string? Exact(string text) =>
        Table.FirstOrDefault(t => string.Equals(t.Words, text, StringComparison.OrdinalIgnoreCase)).English;
}
