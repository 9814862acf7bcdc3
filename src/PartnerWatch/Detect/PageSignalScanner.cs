using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using PartnerWatch.Domain;

namespace PartnerWatch.Detect;

/// <summary>The signals of one page and, for the image stage, its images with their context.</summary>
internal sealed record PageScan(IReadOnlyList<BrandSignal> Signals, IReadOnlyList<LogoImageCandidate> Images);

/// <summary>
/// Walks a page's DOM once and reports every brand cue: names in text nodes (<c>text</c>), alt/title/aria-label,
/// SVG titles and image file names (<c>logo-text</c>), links to brand domains (<c>link</c>). Each cue gets the
/// context verdict of its element (see <see cref="ContextResolver"/>).
/// </summary>
internal sealed partial class PageSignalScanner(BrandMatcher matcher, ContextLexicon lexicon)
{
    private readonly BrandMatcher _matcher = matcher;
    private readonly ContextLexicon _lexicon = lexicon;

    /// <summary>Upper bound on DOM nodes visited per page, so a hostile page cannot make the scan unbounded.</summary>
    public const int MaxNodes = 200_000;

    private const int MaxSnippet = 200;
    private const int MaxBlockText = 2_000;
    private const int MaxImagesPerPage = 500;
    private const int MaxInlineSvgChars = 200_000;
    private const int MaxJoinNodes = 5_000;
    private const int MaxImagesPerSvg = 4;

    private static readonly HashSet<string> SkippedTags = new(StringComparer.Ordinal)
        { "script", "style", "template", "head", "iframe", "noscript", "textarea", "select", "math" };

    private const int MaxStyleBlocks = 20;
    private const int MaxStyleBlockChars = 200_000;

    // Stateless: parses <style> blocks into (element, background image) pairs; data: URIs stay out (size cap 0).
    private readonly Logos.ImageCandidateExtractor _styleSheets = new(maxInlineBytes: 0);

    public PageScan Scan(Fetch.CrawledPage page, bool collectImages, CancellationToken cancellationToken)
    {
        var run = new Run(this, page, collectImages);
        run.Walk(cancellationToken);
        run.ScanScripts();
        // Stylesheet backgrounds name logos (file names, classes of the elements they paint) with or without a pixel matcher.
        run.ScanStyleBlocks();
        return new PageScan(run.Signals, run.Images);
    }

    private sealed partial class Run(PageSignalScanner owner, Fetch.CrawledPage page, bool collectImages)
    {
        private readonly IDocument _document = page.Document;
        private readonly ContextResolver _context = new(owner._lexicon, page.Document, page.Url);
        private readonly Dictionary<IElement, string> _blockTexts = new();
        private readonly Uri _base = PageFacts.BaseOf(page);
        private readonly string _topic = PageFacts.TopicOf(page.Document);
        private int _inlineSvgCount;
        private readonly HashSet<IElement> _identified = new(ReferenceEqualityComparer.Instance);

        /// <summary>Text nodes glued to a letter of a neighbouring node (<c>&lt;b&gt;Intel&lt;/b&gt;ligent</c>): at start, at end.</summary>
        private readonly Dictionary<IText, (bool Start, bool End)> _glued = new();

        public List<BrandSignal> Signals { get; } = [];
        public List<LogoImageCandidate> Images { get; } = [];

        private BrandMatcher Matcher => owner._matcher;

        public void Walk(CancellationToken cancellationToken)
        {
            var root = (INode?)_document.Body ?? _document.DocumentElement;
            if (root is null)
            {
                return;
            }

            var stack = new Stack<INode>();
            stack.Push(root);
            var visited = 0;
            while (stack.Count > 0 && visited++ < MaxNodes)
            {
                if ((visited & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var node = stack.Pop();
                if (node is IText text)
                {
                    ScanText(text);
                    continue;
                }

                if (node is not IElement element || SkippedTags.Contains(element.LocalName))
                {
                    continue;
                }

                ScanElement(element);
                if (PageFacts.BlockTags.Contains(element.LocalName))
                {
                    ScanJoinedRuns(element);
                }

                if (element.LocalName == "svg")
                {
                    continue; // its <title>/<desc> were read as labels; its text is drawing, not prose
                }

                for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
                {
                    stack.Push(child);
                }
            }
        }

        private void ScanText(IText node)
        {
            var raw = node.Data;
            if (string.IsNullOrWhiteSpace(raw) || node.ParentElement is not { } parent)
            {
                return;
            }

            var text = TextNormalizer.Normalize(raw);
            var hits = Matcher.FindInText(text, _topic);
            if (hits.Count == 0)
            {
                return;
            }

            var blockText = BlockText(parent);
            var offset = text.Length > 0 && text.Length <= blockText.Length ? blockText.IndexOf(text, StringComparison.Ordinal) : -1;
            var anchor = parent.Closest("a");
            _glued.TryGetValue(node, out var glued);
            foreach (var hit in hits)
            {
                // A Latin name ending where the node ends but glued to the next node's letters is part of a longer word.
                if (glued.Start && hit.Start == 0 && IsWordLetter(text[0]) || glued.End && hit.Start + hit.Length == text.Length && IsWordLetter(text[^1]))
                {
                    continue;
                }

                var sentence = offset >= 0 ? Sentence(blockText, offset + hit.Start, hit.Length) : Sentence(text, hit.Start, hit.Length);
                // The page's own words in the evidence (微軟), not the configured alias it was folded to (微软).
                var words = text.Substring(hit.Start, hit.Length);
                var context = MentionShape.Refine(_context.Resolve(parent, sentence, LinkNegative(anchor, hit.BrandId), words),
                    blockText, offset >= 0 ? offset + hit.Start : -1, sentence, words, owner._lexicon, _context.IsProsePage);

                Add(hit.BrandId, EvidenceKind.Text, BrandSignal.TextWeight, $"text names {hit.BrandName} (\"{words}\")", sentence, null, context);
            }
        }

        /// <summary>
        /// Names split across inline elements (<c>Micro&lt;b&gt;soft&lt;/b&gt;</c>, <c>&lt;span&gt;Red&lt;/span&gt; Hat</c>): the
        /// inline text of a block is joined run by run (a nested block or <c>&lt;br&gt;</c> ends a run) and matched again;
        /// hits that lie within one text node were already reported by <see cref="ScanText"/>, the others are added here.
        /// </summary>
        private void ScanJoinedRuns(IElement block)
        {
            var segments = new List<(int Start, int Length, IText Node)>();
            var joined = new StringBuilder();
            var pendingSpace = false;
            var budget = MaxJoinNodes;
            var stack = new Stack<INode>();
            for (var child = block.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push(child);
            }

            while (stack.Count > 0 && budget-- > 0)
            {
                var node = stack.Pop();
                if (node is IText text)
                {
                    var raw = text.Data;
                    var normalized = TextNormalizer.Normalize(raw, MaxBlockText);
                    if (normalized.Length == 0)
                    {
                        pendingSpace |= raw.Length > 0;
                        continue;
                    }

                    if (joined.Length > 0 && (pendingSpace || char.IsWhiteSpace(raw[0])))
                    {
                        joined.Append(' ');
                    }
                    else if (segments.Count > 0 && joined.Length > 0 && IsWordLetter(joined[^1]) && IsWordLetter(normalized[0]))
                    {
                        var previous = segments[^1].Node;
                        _glued[previous] = (_glued.GetValueOrDefault(previous).Start, true);
                        _glued[text] = (true, false);
                    }

                    segments.Add((joined.Length, normalized.Length, text));
                    joined.Append(normalized);
                    pendingSpace = char.IsWhiteSpace(raw[^1]);
                    continue;
                }

                if (node is not IElement element || SkippedTags.Contains(element.LocalName) || element.LocalName == "svg")
                {
                    continue;
                }

                if (PageFacts.BlockTags.Contains(element.LocalName) || element.LocalName == "br")
                {
                    MatchRun(segments, joined.ToString());
                    segments.Clear();
                    joined.Clear();
                    pendingSpace = false;
                    continue; // a nested block scans its own runs
                }

                for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
                {
                    stack.Push(child);
                }
            }

            MatchRun(segments, joined.ToString());
        }

        private void MatchRun(List<(int Start, int Length, IText Node)> segments, string joined)
        {
            if (segments.Count < 2 || joined.Length > MaxBlockText)
            {
                return;
            }

            foreach (var hit in Matcher.FindInText(joined, _topic))
            {
                var first = segments.FindLast(s => s.Start <= hit.Start);
                if (first.Node is null || hit.Start + hit.Length <= first.Start + first.Length || first.Node.ParentElement is not { } parent)
                {
                    continue; // inside one text node: already reported
                }

                var sentence = Sentence(joined, hit.Start, hit.Length);
                var words = joined.Substring(hit.Start, hit.Length);
                var context = _context.Resolve(parent, sentence, LinkNegative(parent.Closest("a"), hit.BrandId), words);
                Add(hit.BrandId, EvidenceKind.Text, BrandSignal.TextWeight, $"text names {hit.BrandName} (\"{words}\", split by inline markup)", sentence, null, context);
            }
        }

        private void ScanElement(IElement element)
        {
            var tag = element.LocalName;
            var isImage = tag is "img" or "svg" or "object" or "embed" or "area" or "picture" ||
                          tag == "input" && string.Equals(element.GetAttribute("type"), "image", StringComparison.OrdinalIgnoreCase) ||
                          element.GetAttribute("role") == "img" || Logos.ImageElements.IsImageElement(element);
            var isLink = tag is "a" or "area" && element.HasAttribute("href");

            // An empty element named only by its aria-label (<span class="logo" aria-label="Red Hat">) is a picture
            // drawn by CSS: its label is the logo's name.
            if (isImage || isLink || (element.HasAttribute("aria-label") || element.HasAttribute("aria-labelledby")) && element.ChildElementCount == 0 && string.IsNullOrWhiteSpace(element.TextContent) ||
                ImageSources.IsLabelledWrapper(element))
            {
                ScanLabels(element, tag);
            }

            if (tag == "svg")
            {
                ScanSpriteSymbols(element);
                ScanIdentifiers(element);
                foreach (var image in element.QuerySelectorAll("image").Take(MaxImagesPerSvg))
                {
                    ScanImageSources(image, "image");
                }
            }

            if (isImage || element.HasAttribute("style"))
            {
                ScanImageSources(element, tag);
            }

            if (tag == "svg" && collectImages && Images.Count < MaxImagesPerPage)
            {
                AddInlineSvg(element);
            }

            if (isLink)
            {
                ScanLink(element);
            }
        }

        private void ScanImageSources(IElement element, string tag)
        {
            foreach (var source in ImageSources.Of(element, tag))
            {
                ScanImageSource(element, source);
            }
        }

        private void ScanImageSource(IElement element, string source)
        {
            if (!Uri.TryCreate(_base, source, out var url) || url.Scheme is not ("http" or "https"))
            {
                return;
            }

            var label = Label(element);
            var around = ShortBlockText(element);
            var nameCue = ImageSources.NegativeName(url);
            if (Matcher.FindInFileName(source) is { } hit)
            {
                var context = WithFolder(_context.Resolve(element, JoinNonEmpty(label, around), nameCue ?? LinkNegative(element.Closest("a"), hit.BrandId)), url);
                if (context.Strength is not (ContextStrength.Negative or ContextStrength.Strong) && ImageSources.IsPartnerBadge(url))
                {
                    // "aws-partner-badge.png", "certified-partner.svg": the file states the partnership itself.
                    context = new ContextVerdict(ContextStrength.Strong, $"badge file name \"{Clip(BrandMatcher.FileNameOf(source))}\"");
                }

                Add(hit.BrandId, EvidenceKind.LogoText, BrandSignal.LogoTextWeight, $"file name \"{Clip(BrandMatcher.FileNameOf(source))}\" names {hit.BrandName}",
                    null, url.AbsoluteUri, context);
            }

            if (collectImages && Images.Count < MaxImagesPerPage)
            {
                // The folder speaks for names only: an unnamed picture in it still needs its own context to count.
                var imageContext = _context.Resolve(element, JoinNonEmpty(label, around), nameCue ?? LinkNegative(element.Closest("a"), null));
                var named = label.Length > 0 ? label : ControlLabel(element);
                var name = ImageName(named, url, element);
                Images.Add(new LogoImageCandidate(page.Url, url, name.Length > 0 ? name : null, imageContext.Description, imageContext.Weight,
                    imageContext.Strength == ContextStrength.Negative,
                    NamedBrand: Matcher.FindInFileName(url.AbsolutePath)?.BrandId ?? BrandLabelled(named)));
            }
        }

        private void ScanLink(IElement anchor)
        {
            var href = anchor.GetAttribute("href");
            if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(_base, href.Trim(), out var url) || url.Scheme is not ("http" or "https"))
            {
                return;
            }

            if (Matcher.FindByHost(url.Host) is not { } brand)
            {
                return;
            }

            var wrapsImage = anchor.QuerySelector("img, svg, picture, object") is not null || anchor.Descendants<IElement>().Take(64).Any(Logos.ImageElements.IsImageElement);
            var text = TextNormalizer.Normalize(anchor.TextContent, 300);
            var sentence = JoinNonEmpty(JoinNonEmpty(text, Label(anchor)), ShortBlockText(anchor));
            var negative = LinkNegative(anchor, brand.BrandId) ?? LinkTargetRules.ContentLink(url);
            ContextVerdict context;
            var block = wrapsImage || text.Length == 0 ? "" : BlockText(anchor.ParentElement ?? anchor);
            var at = block.Length > 0 ? block.IndexOf(text, StringComparison.Ordinal) : -1;
            if (at >= 0)
            {
                // A text link is judged like a name in text: a partner word in its sentence must be about the link's own
                // words ("a proud partner of <a>Oracle</a>", not "read the customer story on <a>the Azure blog</a>").
                var own = Sentence(block, at, text.Length);
                context = MentionShape.Refine(_context.Resolve(anchor, JoinNonEmpty(own, Label(anchor)), negative, text), block, at, own, text, owner._lexicon, _context.IsProsePage);
            }
            else
            {
                // A link into the vendor's documentation shows how to use its product, whatever section it sits in.
                context = _context.Resolve(anchor, sentence, negative);
            }

            Add(brand.BrandId, EvidenceKind.Link, wrapsImage ? BrandSignal.LinkedLogoWeight : BrandSignal.LinkWeight,
                $"{(wrapsImage ? "linked logo" : "link")} to {url.Host} ({brand.Domain}, {brand.BrandName})", text.Length > 0 ? Clip(text) : null,
                null, context, url.AbsoluteUri);
        }

        private void Add(string brandId, EvidenceKind kind, double weight, string detail, string? snippet, string? imageUrl, ContextVerdict context, string? target = null)
        {
            var fullDetail = target is null ? detail : $"{detail} → {Clip(target)}";
            Signals.Add(new BrandSignal(brandId, kind, weight, fullDetail, page.Url, snippet is null ? null : Clip(snippet), imageUrl, context));
        }

        /// <summary>Targets that are never partnership (<see cref="LinkTargetRules"/>).</summary>
        /// <remarks>
        /// A social profile link is a follow link for the network's own brand ("Facebook" → facebook.com/acme); another
        /// brand's logo linked to a profile, repository or post there (Intel → github.com/intel/rmd, Adobe →
        /// medium.com/adobetech) is judged by its section like any logo.
        /// </remarks>
        private Cue? LinkNegative(IElement? anchor, string? brandId)
        {
            if (TargetOf(anchor) is not { } url || LinkTargetRules.Negative(url) is not { } cue)
            {
                return null;
            }

            return brandId is not null && LinkTargetRules.IsSocialProfile(url) && Matcher.FindByHost(url.Host)?.BrandId != brandId
                ? null
                : cue;
        }

        private Uri? TargetOf(IElement? anchor)
        {
            var href = anchor?.GetAttribute("href");
            return string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(_base, href.Trim(), out var url) || url.Scheme is not ("http" or "https") ? null : url;
        }

        /// <summary>
        /// An image in a folder of partner logos (<c>/images/sponsors/</c>) with no structure around it is on a logo
        /// strip; a negative or a stronger context is kept as it is.
        /// </summary>
        private static ContextVerdict WithFolder(ContextVerdict context, Uri url)
            => context.Strength is ContextStrength.None or ContextStrength.Page && ImageSources.PartnerFolder(url) is { } folder
                ? new ContextVerdict(ContextStrength.LogoWall, $"image folder \"{Clip(folder)}\"")
                : context;

        private string BlockText(IElement element)
        {
            var block = PageFacts.NearestBlock(element);
            if (!_blockTexts.TryGetValue(block, out var text))
            {
                text = TextNormalizer.Normalize(block.TextContent, MaxBlockText);
                _blockTexts[block] = text;
            }

            return text;
        }

        /// <summary>The text of the element's block when it is short enough to be the element's own caption or sentence.</summary>
        private string ShortBlockText(IElement element)
        {
            var start = element.ParentElement ?? element;
            var text = BlockText(start);
            return text.Length <= MaxSnippet ? text : "";
        }

        internal static string Sentence(string text, int start, int length) => TextSpans.Sentence(text, start, length, MaxSnippet);

        private static bool IsWordLetter(char c) => TextSpans.IsWordLetter(c);

        private static string JoinNonEmpty(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : $"{a} | {b}";

        private static string Clip(string text) => text.Length <= MaxSnippet ? text : text[..(MaxSnippet - 1)] + "…";
    }
}
