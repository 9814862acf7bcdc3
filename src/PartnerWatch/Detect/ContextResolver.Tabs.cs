using AngleSharp.Dom;

namespace PartnerWatch.Detect;

/// <summary>Tab panels: the tab that opens a panel is the panel's heading.</summary>
internal sealed partial class ContextResolver
{
    private const int MaxTabLabelChars = 80;

    /// <summary>
    /// A tab panel (<c>role="tabpanel"</c>, Bootstrap's <c>tab-pane</c>) has no heading of its own: its label is the tab
    /// that opens it ("Integrations | Plugins", "Gold | Silver sponsors"), linked by <c>aria-labelledby</c>, or by the
    /// tab's <c>aria-controls</c>, <c>href="#id"</c> or <c>data-(bs-)target="#id"</c>. That label speaks for the
    /// panel's logos like a heading; a panel without a readable label says nothing.
    /// </summary>
    private Structural? TabPanelLabel(IElement node)
    {
        if (node.GetAttribute("role") != "tabpanel" && !HasClassToken(node, "tab-pane"))
        {
            return null;
        }

        var label = TabLabelOf(node);
        if (label is null)
        {
            return null;
        }

        var text = TextNormalizer.Normalize(label, MaxTabLabelChars);
        return _lexicon.ClassifyHeading(text) switch
        {
            { Kind: CueKind.Partner } => new Structural(StructuralKind.Positive, $"tab \"{Trim(text)}\""),
            { } cue => new Structural(StructuralKind.HardNegative, $"{Describe(cue.Kind)} (tab \"{Trim(text)}\")", cue.Kind),
            null => null,
        };
    }

    private static string? TabLabelOf(IElement panel)
    {
        var document = panel.Owner;
        if (document is null)
        {
            return null;
        }

        if (panel.GetAttribute("aria-labelledby") is { Length: > 0 } labelledBy &&
            labelledBy.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] && document.GetElementById(first) is { } byId)
        {
            return byId.TextContent;
        }

        if (panel.Id is not { Length: > 0 } id)
        {
            return null;
        }

        // The id is matched by comparing attributes, not by building a selector from page text.
        foreach (var tab in document.QuerySelectorAll("[aria-controls], a[href^='#'], [data-bs-target], [data-target]"))
        {
            if (tab.GetAttribute("aria-controls") == id || tab.GetAttribute("href") == "#" + id ||
                tab.GetAttribute("data-bs-target") == "#" + id || tab.GetAttribute("data-target") == "#" + id)
            {
                return tab.TextContent;
            }
        }

        return null;
    }

    private static bool HasClassToken(IElement node, string token)
        => node.GetAttribute("class") is { } cls && cls.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(token, StringComparer.OrdinalIgnoreCase);
}
