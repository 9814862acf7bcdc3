using AngleSharp.Dom;
using PartnerWatch.Domain;

namespace PartnerWatch.Detect;

/// <summary>Cues the DOM walk does not reach (inline scripts' logo lists, <c>&lt;style&gt;</c> backgrounds, inline SVG markup) and the check of image labels against pixel matches.</summary>
internal sealed partial class PageSignalScanner
{
    /// <summary>Words of a link's title that tell what the link does rather than whom it names.</summary>
    private static readonly HashSet<string> LinkInstructionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "visit", "website", "site", "homepage", "home", "page", "open", "opens", "new", "tab", "window", "link", "go", "learn", "more",
        "read", "see", "view", "click", "here", "external", "become", "our", "us", "join", "support",
    };

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
    /// The brands a pixel match of an image with this label may count for: null when the label is no company name (any
    /// brand may), else the catalogue brands it names — <see cref="LabelNamesAnotherCompany"/> holds for every other
    /// brand. The collector skips images whose named brands the page already claims as far as pixels could.
    /// </summary>
    public IReadOnlyCollection<string>? BrandsTheLabelLetsCount(string? label)
    {
        if (!IsCompanyName(label))
        {
            return null;
        }

        var brands = new HashSet<string>(_matcher.FindInText(TextNormalizer.Normalize(label, 300)).Select(h => h.BrandId), StringComparer.Ordinal);
        if (_matcher.FindInFileName(label) is { } file)
        {
            brands.Add(file.BrandId);
        }

        return brands;
    }

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
                        if (candidate.Element.ChildElementCount == 0 && string.IsNullOrWhiteSpace(candidate.Element.TextContent))
                        {
                            ScanIdentifiers(candidate.Element);
                        }
                    }
                }
            }
        }

        /// <summary>The first catalogue brand an image's label (alt, title, aria-label) names.</summary>
        private string? BrandLabelled(string label) =>
            label.Length > 0 && Matcher.FindInText(TextNormalizer.Normalize(label)) is [var hit, ..] ? hit.BrandId : null;

        private void AddInlineSvg(IElement svg)
        {
            if (svg.ParentElement?.Closest("svg") is not null || svg.OuterHtml.Length > MaxInlineSvgChars)
            {
                return;
            }

            // <svg><use href="#acme"/></svg> draws a symbol defined elsewhere in the page (or a sprite file the crawler
            // inlined): the markup rasterised must carry that symbol, or the matcher sees an empty picture.
            var markup = Logos.ImageCandidateExtractor.InlineSvgMarkup(svg, _document);
            if (markup.Length > MaxInlineSvgChars)
            {
                return;
            }

            var label = JoinNonEmpty(Label(svg), TextNormalizer.Normalize(svg.QuerySelector("title")?.TextContent, 300));
            var context = _context.Resolve(svg, JoinNonEmpty(label, ShortBlockText(svg)), LinkNegative(svg.Closest("a"), null));
            var url = new Uri(page.Url, $"#inline-svg-{++_inlineSvgCount}");
            var named = label.Length > 0 ? label : ControlLabel(svg);
            Images.Add(new LogoImageCandidate(page.Url, url, named.Length > 0 ? named : null, context.Description, context.Weight,
                context.Strength == ContextStrength.Negative, markup, BrandLabelled(named)));
        }

        /// <summary>An inline SVG that draws a symbol of a sprite (<c>&lt;use href="sprite.svg#redhat"&gt;</c>): the symbol id names the logo.</summary>
        private void ScanSpriteSymbols(IElement svg)
        {
            // A decorative icon (class "icon", "#icon-github", or aria-hidden beside words that say what the link is) is
            // the site's own UI, not a logo it shows. An aria-hidden logo that is all its link or button shows is the
            // picture of that link: sponsor strips hide it from screen readers and name the link instead.
            if (svg.GetAttribute("aria-hidden") == "true" && !IsAllItsControlShows(svg) || ContextLexicon.HasIconToken(svg.GetAttribute("class")))
            {
                return;
            }

            foreach (var use in svg.Children.Where(c => c.LocalName == "use").Take(4))
            {
                var href = use.GetAttribute("href") ?? use.GetAttribute("xlink:href") ?? use.GetAttribute("http://www.w3.org/1999/xlink", "href");
                var hash = href?.IndexOf('#') ?? -1;
                if (hash < 0 || ContextLexicon.HasIconToken(href![(hash + 1)..]))
                {
                    continue;
                }

                var context = _context.Resolve(svg, JoinNonEmpty(Label(svg), ShortBlockText(svg)), LinkNegative(svg.Closest("a"), null));
                if (Matcher.FindInFileName(href[(hash + 1)..]) is { } hit)
                {
                    Add(hit.BrandId, EvidenceKind.LogoText, BrandSignal.LogoTextWeight, $"sprite symbol \"{Clip(href[hash..])}\" names {hit.BrandName}", null, null,
                        WithBrandLink(context, svg, hit.BrandId));
                }

                // The symbol's own <title> (in the page, or in a sprite file the crawler inlined) names what it draws.
                if (hash == 0 && _document.GetElementById(href[1..]) is { LocalName: "symbol" } symbol &&
                    TextNormalizer.Normalize(symbol.Children.FirstOrDefault(c => c.LocalName == "title")?.TextContent, 300) is { Length: > 0 } title)
                {
                    foreach (var named in Matcher.FindInText(title, _topic))
                    {
                        Add(named.BrandId, EvidenceKind.LogoText, BrandSignal.LogoTextWeight, $"sprite symbol <title> \"{Clip(title)}\" names {named.BrandName}", title, null,
                            WithBrandLink(context, svg, named.BrandId));
                    }
                }
            }
        }

        /// <summary>A social or store link to the named brand's own site stays what it is for that brand.</summary>
        private ContextVerdict WithBrandLink(ContextVerdict context, IElement element, string brandId)
            => LinkNegative(element.Closest("a"), brandId) is { } cue ? _context.Resolve(element, JoinNonEmpty(Label(element), ShortBlockText(element)), cue) : context;

        /// <summary>
        /// The name a link or button gives the one picture it shows (<c>&lt;a title="Acme Labs"&gt;&lt;svg aria-hidden&gt;</c>):
        /// sponsor strips name the link, not the logo. Used as the picture's name for the check of pixel matches, so a
        /// logo the page names as a company outside the catalogue is not reported as the catalogue brand it resembles.
        /// Link instructions ("Visit website", "Opens in a new tab") name no one and are not taken.
        /// </summary>
        private string ControlLabel(IElement picture)
        {
            if (!IsAllItsControlShows(picture) || picture.Closest("a, button, [role=button], [role=link]") is not { } control)
            {
                return "";
            }

            var label = Label(control);
            var words = label.Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries);
            return words.Length is > 0 and <= 5 && !words.Any(w => LinkInstructionWords.Contains(w.Trim('.', ',', ':', '(', ')'))) ? label : "";
        }

        /// <summary>
        /// True when the picture is the only thing its link or button shows: no text of its own, no other picture.
        /// </summary>
        private static bool IsAllItsControlShows(IElement picture)
        {
            var control = picture.Closest("a, button, [role=button], [role=link]");
            return control is not null &&
                   string.IsNullOrWhiteSpace(control.TextContent.Replace("\u00A0", " ", StringComparison.Ordinal)) &&
                   control.QuerySelectorAll("img, svg, picture, object").Count(e => e.ParentElement?.Closest("svg") is null) == 1;
        }

        /// <summary>
        /// A picture whose id or class names a brand — an inline SVG (<c>&lt;svg id="acme-logo"&gt;</c>,
        /// <c>class="logo logo--acme"</c>) or an empty element a stylesheet draws (<c>&lt;span class="sponsor logo-acme"&gt;</c>):
        /// sites that draw their partners' logos inline or with CSS name them in their markup for styling. Icon classes
        /// are the site's UI.
        /// </summary>
        private void ScanIdentifiers(IElement svg)
        {
            if (ContextLexicon.HasIconToken(svg.GetAttribute("class")) || ContextLexicon.HasIconToken(svg.Id) ||
                svg.GetAttribute("aria-hidden") == "true" && !IsAllItsControlShows(svg) || !_identified.Add(svg))
            {
                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (source, token) in new[] { ("id", svg.Id) }.Concat((svg.GetAttribute("class") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8).Select(c => ("class", (string?)c))))
            {
                if (string.IsNullOrEmpty(token) || Matcher.FindInFileName(token) is not { } hit || !seen.Add(hit.BrandId))
                {
                    continue;
                }

                var context = _context.Resolve(svg, JoinNonEmpty(Label(svg), ShortBlockText(svg)), LinkNegative(svg.Closest("a"), hit.BrandId));
                Add(hit.BrandId, EvidenceKind.LogoText, BrandSignal.LogoTextWeight, $"{svg.LocalName} {source} \"{Clip(token)}\" names {hit.BrandName}", null, null, context);
            }
        }
    }
}
