using System.Text.RegularExpressions;
using AngleSharp.Dom;
using PartnerWatch.Domain;

namespace PartnerWatch.Detect;

/// <summary>How the page names an element's picture: alt, title, aria-label, aria-labelledby, SVG titles and file names.</summary>
internal sealed partial class PageSignalScanner
{
    /// <summary>A lower-case letter followed by an upper-case one inside a word (<c>CaseStudy</c>).</summary>
    [GeneratedRegex(@"(?<=\p{Ll})(?=\p{Lu})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CamelJoint();

    private sealed partial class Run
    {
        private void ScanLabels(IElement element, string tag)
        {
            var labels = new List<(string Source, string Text)>(3);
            if (tag is "img" or "area" or "input")
            {
                AddLabel(labels, "alt", element.GetAttribute("alt"));
            }
            else if (Logos.ImageElements.IsImageElement(element))
            {
                // <amp-img alt>, <lazy-svg label>, <x-image name>: the component hands these to the picture it draws.
                AddLabel(labels, "alt", element.GetAttribute("alt"));
                AddLabel(labels, "label", element.GetAttribute("label"));
                AddLabel(labels, "name", element.GetAttribute("name"));
            }

            AddLabel(labels, "title", element.GetAttribute("title"));
            AddLabel(labels, "tooltip", Tooltip(element));
            AddLabel(labels, "aria-label", element.GetAttribute("aria-label"));
            AddLabel(labels, "aria-labelledby", LabelledBy(element));
            if (tag == "svg")
            {
                foreach (var child in element.Children)
                {
                    if (child.LocalName is "title" or "desc")
                    {
                        AddLabel(labels, $"svg <{child.LocalName}>", child.TextContent);
                    }
                }

                // Editors export the name inside the drawing's group (<svg><g><title>Acme</title>…): the first <title>
                // anywhere in the SVG names it when it has none of its own.
                if (labels.Count == 0 && element.QuerySelector("title") is { } nested)
                {
                    AddLabel(labels, "svg <title>", nested.TextContent);
                }
            }

            if (labels.Count == 0)
            {
                return;
            }

            var around = ShortBlockText(element);
            var anchor = tag == "a" ? element : element.Closest("a");
            foreach (var (source, label) in labels)
            {
                // Labels written from code identifiers ("View CaseStudy of Acme", "PoweredBy") are read as the words they join.
                var words = CamelJoint().Replace(label, " ");
                foreach (var hit in Matcher.FindInText(label, _topic))
                {
                    var sentence = around.Length > 0 && !around.Contains(label, StringComparison.Ordinal) ? $"{words} | {around}" : around.Length > 0 ? around : words;
                    var context = _context.Resolve(element, sentence, LinkNegative(anchor, hit.BrandId), label.Substring(hit.Start, hit.Length));
                    if (TextSpans.IsDescription(label) && context.Description.StartsWith("statement", StringComparison.Ordinal))
                    {
                        // alt="Ads: Get Flash! … Powered by Microsoft BackOffice.": a picture described in sentences, not a logo named.
                        context = new ContextVerdict(ContextStrength.None, $"picture description ({context.Description})");
                    }

                    Add(hit.BrandId, EvidenceKind.LogoText, BrandSignal.LogoTextWeight, $"{source} \"{Clip(label)}\" names {hit.BrandName}",
                        label, ImageUrlOf(element, tag), context);
                }
            }
        }

        private string? ImageUrlOf(IElement element, string tag)
        {
            var source = ImageSources.Of(element, tag).FirstOrDefault() ?? (tag is "a" or "figure" or "li" or "div" ? element.QuerySelector("img")?.GetAttribute("src") : null);
            return source is not null && Uri.TryCreate(_base, source, out var url) && url.Scheme is "http" or "https" ? url.AbsoluteUri : null;
        }

        private string Label(IElement element)
            => JoinNonEmpty(JoinNonEmpty(JoinNonEmpty(JoinNonEmpty(TextNormalizer.Normalize(element.GetAttribute("alt"), 300), TextNormalizer.Normalize(element.GetAttribute("title") ?? Tooltip(element), 300)),
                TextNormalizer.Normalize(element.GetAttribute("aria-label"), 300)), TextNormalizer.Normalize(LabelledBy(element), 300)), ComponentLabel(element));

        /// <summary>The <c>label</c>/<c>name</c> of an image component (<c>&lt;lazy-svg label="Cisco"&gt;</c>): its picture's name.</summary>
        private static string ComponentLabel(IElement element)
            => Logos.ImageElements.IsImageElement(element)
                ? TextNormalizer.Normalize(element.GetAttribute("label") ?? element.GetAttribute("name"), 300)
                : "";

        /// <summary>
        /// A tooltip library's copy of the title (Bootstrap moves <c>title</c> to <c>data-bs-original-title</c> when it
        /// starts; Tippy and others read <c>data-tippy-content</c>, <c>data-tooltip</c>): in a rendered page it is the
        /// only title a logo has left.
        /// </summary>
        private static string? Tooltip(IElement element)
            => element.GetAttribute("data-bs-original-title") ?? element.GetAttribute("data-original-title") ??
               element.GetAttribute("data-tippy-content") ?? element.GetAttribute("data-tooltip");

        /// <summary>
        /// The text of the elements <c>aria-labelledby</c> points to (<c>&lt;svg aria-labelledby="t1"&gt;&lt;title id="t1"&gt;Fastly&lt;/title&gt;</c>,
        /// a card's logo labelled by its caption): the accessible name the page gives the picture.
        /// </summary>
        private string? LabelledBy(IElement element)
        {
            if (element.GetAttribute("aria-labelledby") is not { Length: > 0 } ids)
            {
                return null;
            }

            var texts = ids.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4)
                .Select(id => element.Id == id ? null : _document.GetElementById(id)?.TextContent)
                .Where(text => !string.IsNullOrWhiteSpace(text));
            return string.Join(' ', texts);
        }

        private static void AddLabel(List<(string, string)> labels, string source, string? value)
        {
            var text = TextNormalizer.Normalize(value, 500);
            if (text.Length > 0 && !labels.Exists(l => l.Item2 == text))
            {
                labels.Add((source, text));
            }
        }

        /// <summary>
        /// The name an image is given for the check of pixel matches (<see cref="LabelNamesAnotherCompany"/>): its label
        /// when that names something; else its file name when the file name names a catalogue brand (<c>huawei.png</c>)
        /// or agrees with the host its link goes to (<c>dockyard.png</c> → <c>dockyard.com</c>), so a tile of that
        /// logo that looks like another brand's mark is not reported as the other brand.
        /// </summary>
        private string ImageName(string label, Uri url, IElement element)
        {
            if (HasNameWord(label))
            {
                return label;
            }

            var file = url.AbsolutePath[(url.AbsolutePath.LastIndexOf('/') + 1)..];
            return file.Length > 0 && (Matcher.FindInFileName(url.AbsolutePath) is not null || ImageSources.FileAgreesWithHost(url, TargetOf(element.Closest("a"))))
                ? JoinNonEmpty(label, Uri.UnescapeDataString(file))
                : label;
        }
    }
}
