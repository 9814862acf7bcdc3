using System.Globalization;
using System.Text.RegularExpressions;

namespace PartnerWatch.Tests.Status;

/// <summary>
/// A strict reader of the Prometheus text exposition format (0.0.4): every line must be a <c># HELP</c>/<c># TYPE</c>
/// comment or a sample <c>name{label="value",…} number</c>; anything else fails the test, as it would fail a scrape.
/// </summary>
public sealed partial class PrometheusText
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
    {
        public override string ToString() => $"{Name}{{{string.Join(",", Labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}} {Value}";
    }

    public IReadOnlyList<Sample> Samples { get; }

    public IReadOnlyDictionary<string, string> Types { get; }

    private PrometheusText(IReadOnlyList<Sample> samples, IReadOnlyDictionary<string, string> types)
    {
        Samples = samples;
        Types = types;
    }

    public static PrometheusText Parse(string text)
    {
        var samples = new List<Sample>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            if (line.Length == 0 || line == "# EOF") continue;
            if (line.StartsWith('#'))
            {
                var comment = Comment().Match(line);
                Assert.True(comment.Success, $"line {number} is not a HELP/TYPE comment: {line}");
                if (comment.Groups[1].Value == "TYPE")
                {
                    Assert.Matches("^(counter|gauge|histogram|summary|untyped)$", comment.Groups[3].Value);
                    types[comment.Groups[2].Value] = comment.Groups[3].Value;
                }
                continue;
            }
            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"line {number} is not a sample: {line}");
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            var body = sample.Groups[2].Value;
            var consumed = 0;
            foreach (Match label in Label().Matches(body))
            {
                labels[label.Groups[1].Value] = Regex.Unescape(label.Groups[2].Value);
                consumed += label.Length;
            }
            Assert.True(consumed == body.Length, $"line {number} has malformed labels: {line}");
            var value = sample.Groups[3].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                var v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            samples.Add(new Sample(sample.Groups[1].Value, labels, value));
        }
        return new PrometheusText(samples, types);
    }

    /// <summary>The sum over all series of <paramref name="name"/> whose labels include <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Sum(s => s.Value);

    public bool Has(string name) => Samples.Any(s => s.Name == name);

    [GeneratedRegex(@"^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) ?(.*)$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: -?\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)"",?")]
    private static partial Regex Label();
}
