using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;

namespace PartnerWatch.Alert.Email;

/// <summary>
/// The e-mail's Liquid templates (<c>Alert/Email/Templates/*.liquid</c>, embedded in the program), parsed once and
/// rendered with Fluid: the HTML part HTML-encodes every value (page text is hostile), the text part writes values as
/// they are. Both read the same <see cref="AlertEmailModel"/>.
/// </summary>
internal sealed class EmailTemplates
{
    // Encodes markup characters but leaves CJK and other scripts readable in the HTML source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly TemplateOptions _options;
    private readonly IFluidTemplate _alertHtml;
    private readonly IFluidTemplate _alertText;
    private readonly IFluidTemplate _digestHtml;
    private readonly IFluidTemplate _digestText;

    public EmailTemplates()
    {
        var accessor = new PropertyAccessor();
        _options = new TemplateOptionsBuilder()
            .ConfigureMemberAccess(strategy =>
            {
                foreach (var type in new[] { typeof(AlertEmailModel), typeof(EvidenceLine), typeof(InlineImage), typeof(DigestLine) })
                {
                    strategy.Register(type, accessor);
                }
            })
            .Build();
        var parser = new FluidParser();
        _alertHtml = Parse(parser, "alert.html.liquid");
        _alertText = Parse(parser, "alert.txt.liquid");
        _digestHtml = Parse(parser, "digest.html.liquid");
        _digestText = Parse(parser, "digest.txt.liquid");
    }

    public async Task<(string Html, string Text)> RenderAsync(AlertEmailModel model)
    {
        var (html, text) = model.IsDigest ? (_digestHtml, _digestText) : (_alertHtml, _alertText);
        var htmlBody = await html.RenderAsync(new TemplateContext(model, _options), Html);
        var textBody = await text.RenderAsync(new TemplateContext(model, _options), NullEncoder.Default);
        return (htmlBody, Tidy(textBody));
    }

    /// <summary>Template tags leave blank lines where a section is left out; a reader wants at most one.</summary>
    private static string Tidy(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        var kept = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            if (line.Length == 0 && (kept.Count == 0 || kept[^1].Length == 0))
            {
                continue;
            }

            kept.Add(line);
        }

        return string.Join("\r\n", kept).TrimEnd() + "\r\n";
    }

    private static IFluidTemplate Parse(FluidParser parser, string name)
    {
        var resource = $"PartnerWatch.Alert.Email.Templates.{name}";
        using var stream = typeof(EmailTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"E-mail template {resource} is not embedded in the program.");
        using var reader = new StreamReader(stream);
        return parser.TryParse(reader.ReadToEnd(), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"E-mail template {name}: {error}");
    }

    /// <summary>Reads the model's public properties by name; only the model types are registered, nothing else is reachable.</summary>
    private sealed class PropertyAccessor : MemberAccessor
    {
        public override ValueTask<FluidValue> GetAsync(object obj, string name, TemplateContext context)
        {
            var property = obj.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
            return property is null
                ? throw new InvalidOperationException($"E-mail template reads {obj.GetType().Name}.{name}, which does not exist.")
                : new ValueTask<FluidValue>(FluidValue.Create(property.GetValue(obj), context.Options));
        }
    }
}
