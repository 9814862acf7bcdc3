using AngleSharp.Dom;
using PartnerWatch.Domain;

namespace PartnerWatch.Detect;

/// <summary>Cues the DOM walk does not reach (inline scripts' logo lists, <c>&lt;style&gt;</c> backgrounds, inline SVG markup) and the check of image labels against pixel matches.</summary>
internal sealed partial class PageSignalScanner
{
    private static readonly HashSet<string> GenericLabelWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "logo", "logos", "image", "img", "icon", "sponsor", "sponsors", "partner", "partners", "banner", "photo", "picture", "of", "the",
        "and", "for", "home", "page", "homepage", "company", "inc", "ltd", "llc", "gmbh", "white", "black", "color", "colour", "dark",
        "light", "wordmark", "mark", "brand", "our", "main", "site", "wall", "grid", "collage", "strip", "group", "all", "thumbnail",
        "thumb", "slide", "item", "card", "default", "placeholder", "avatar", "hero", "header", "footer", "svg", "png", "jpg", "webp",
    };

    /// <summary>
    /// True when an image's own label is a name (a word of 3+ letters or CJK, beyond "logo"/"sponsor"…) that does not
    /// name <paramref name="brandId"/>: alt "Gradle logo", "SF Express logo", "第四范式". Labels that describe a wall
    /// ("Our partners") or are generic say nothing against a pixel match.
    /// </summary>
    public bool LabelNamesAnotherCompany(string? label, string brandId)
        => IsCompanyName(label)
           && !_matcher.FindInText(TextNormalizer.Normalize(label, 300)).Any(h => h.BrandId == brandId)
           && _matcher.FindInFileName(label)?.BrandId != brandId;

    /// <summary>
    /// True when <see cref="LabelNamesAnotherCompany"/> holds for every brand (the label is a name and names no catalogue
    /// brand): no pixel match of the image can count, so the collector does not fetch or fingerprint it.
    /// </summary>
    public bool LabelNamesNoCatalogueBrand(string? label)
        => IsCompanyName(label)
           && _matcher.FindInText(TextNormalizer.Normalize(label, 300)).Count == 0
           && _matcher.FindInFileName(label) is null;

    /// <summary>The label is a name (not empty, not generic, not a partner-context phrase such as "Our partners").</summary>
    private bool IsCompanyName([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return false;
        }

        // A file name used as alt text ("smartthings.png") names its subject without the extension.
        var text = label.Contains('.') && !label.Contains(' ') ? BrandMatcher.FileNameOf(label) : label;
        return HasNameWord(text) && _lexicon.Classify(label) is null;
    }

    /// <summary>A word of 3+ letters (or a CJK one) beyond "logo", "sponsor", "white"…: the text names something.</summary>
    private static bool HasNameWord(string text)
        => text.Split([' ', '-', '_', ',', '|', '(', ')', ':', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !GenericLabelWords.Contains(w))
            .Any(w => w.Count(char.IsLetter) >= 3 || w.Any(BrandMatcher.IsHan));

    private sealed partial class Run
    {
        /// <summary>
        /// Logo lists in inline scripts (<see cref="ScriptListedLogos"/>): file names and links are judged in the context
        /// of the script's place in the page, at most a logo strip — a list in code says nothing about partners by itself.
        /// </summary>
        public void ScanScripts()
        {
            foreach (var script in _document.QuerySelectorAll("script").Take(MaxStyleBlocks * 2))
            {
                var (images, links) = ScriptListedLogos.Read(script);
                foreach (var image in images)
                {
                    if (Matcher.FindInFileName(image) is { } hit && Uri.TryCreate(_base, image, out var url) && url.Scheme is "http" or "https")
                    {
                        var context = WithFolder(Capped(_context.Resolve(script, "", ImageSources.NegativeName(url))), url);
                        Add(hit.BrandId, EvidenceKind.LogoText, BrandSignal.LogoTextWeight, $"file name \"{Clip(BrandMatcher.FileNameOf(image))}\" in a script's logo list names {hit.BrandName}",
                            null, url.AbsoluteUri, context);
                    }
                }

                foreach (var link in links)
                {
                    if (Uri.TryCreate(link, UriKind.Absolute, out var url) && Matcher.FindByHost(url.Host) is { } brand)
                    {
                        var context = Capped(_context.Resolve(script, "", LinkTargetRules.Negative(url) ?? LinkTargetRules.ContentLink(url)));
                        Add(brand.BrandId, EvidenceKind.Link, BrandSignal.LinkedLogoWeight, $"link in a script's logo list to {url.Host} ({brand.Domain}, {brand.BrandName})",
                            null, null, context, url.AbsoluteUri);
                    }
                }
            }
        }

        private static ContextVerdict Capped(ContextVerdict context)
            => context.Strength == ContextStrength.Strong ? new ContextVerdict(ContextStrength.LogoWall, $"script list under {context.Description}") : context;

        /// <summary>
        /// Background images set by <c>&lt;style&gt;</c> blocks, attributed to the elements their selectors match, so a
        /// logo wall drawn with CSS classes is judged in the context of those elements like any other image.
        /// </summary>
        public void ScanStyleBlocks()
        {
            var blocks = 0;
            foreach (var style in _document.QuerySelectorAll("style"))
            {
                if (++blocks > MaxStyleBlocks || Images.Count >= MaxImagesPerPage)
                {
                    break;
                }

                var css = style.TextContent;
                if (css.Length > MaxStyleBlockChars || !css.Contains("url(", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var candidate in owner._styleSheets.FromStyleSheet(css, _base, _document))
                {
                    if (candidate.Url is { } url)
                    {
                        ScanImageSource(candidate.Element, url.AbsoluteUri);
                    }
                }
            }
        }

        /// <summary>The first catalogue brand an image's label (alt, title, aria-label) names.</summary>
        private string? BrandLabelled(string label) =>
            label.Length > 0 && Matcher.FindInText(TextNormalizer.Normalize(label)) is [var hit, ..] ? hit.BrandId : null;

        private void AddInlineSvg(IElement svg)
        {
            var markup = svg.OuterHtml;
            if (markup.Length > MaxInlineSvgChars || svg.ParentElement?.Closest("svg") is not null)
            {
                return;
            }

            var label = JoinNonEmpty(Label(svg), TextNormalizer.Normalize(svg.QuerySelector("title")?.TextContent, 300));
            var context = _context.Resolve(svg, JoinNonEmpty(label, ShortBlockText(svg)), LinkNegative(svg.Closest("a"), null));
            var url = new Uri(page.Url, $"#inline-svg-{++_inlineSvgCount}");
            Images.Add(new LogoImageCandidate(page.Url, url, label.Length > 0 ? label : null, context.Description, context.Weight,
                context.Strength == ContextStrength.Negative, markup, BrandLabelled(label)));
        }

        /// <summary>An inline SVG that draws a symbol of a sprite (<c>&lt;use href="sprite.svg#redhat"&gt;</c>): the symbol id names the logo.</summary>
        private void ScanSpriteSymbols(IElement svg)
        {
            // A decorative icon (aria-hidden, class "icon", "#icon-github") is the site's own UI, not a logo it shows.
            if (svg.GetAttribute("aria-hidden") == "true" || ContextLexicon.HasIconToken(svg.GetAttribute("class")))
            {
                return;
            }

            foreach (var use in svg.Children.Where(c => c.LocalName == "use").Take(4))
            {
                var href = use.GetAttribute("href") ?? use.GetAttribute("xlink:href") ?? use.GetAttribute("http://www.w3.org/1999/xlink", "href");
                var hash = href?.IndexOf('#') ?? -1;
                if (hash < 0 || ContextLexicon.HasIconToken(href![(hash + 1)..]) || Matcher.FindInFileName(href[(hash + 1)..]) is not { } hit)
                {
                    continue;
                }

                var context = _context.Resolve(svg, JoinNonEmpty(Label(svg), ShortBlockText(svg)), LinkNegative(svg.Closest("a"), hit.BrandId));
                Add(hit.BrandId, EvidenceKind.LogoText, BrandSignal.LogoTextWeight, $"sprite symbol \"{Clip(href[hash..])}\" names {hit.BrandName}", null, null, context);
            }
        }
    }
}
