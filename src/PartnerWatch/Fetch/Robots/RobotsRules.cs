using System.Text;

namespace PartnerWatch.Fetch.Robots;

/// <summary>
/// The rules of one robots.txt that apply to one product token (RFC 9309): the groups whose <c>user-agent</c> names the
/// token (case-insensitive), merged; else the <c>*</c> groups; else nothing is disallowed. A URL is judged by its path
/// and query: the longest matching <c>allow</c>/<c>disallow</c> pattern wins, <c>allow</c> on a tie; <c>*</c> matches
/// any run of characters and a final <c>$</c> anchors the end. Other lines (sitemap, crawl-delay, …) are ignored.
/// </summary>
public sealed class RobotsRules
{
    /// <summary>RFC 9309 asks crawlers to parse at least 500 KiB; what lies past that is ignored.</summary>
    public const int MaxParsedBytes = 512 * 1024;

    private readonly IReadOnlyList<Rule> _rules;

    private RobotsRules(IReadOnlyList<Rule> rules, string source)
    {
        _rules = rules;
        Source = source;
    }

    /// <summary>Nothing disallowed (no robots.txt, or a 4xx answer for it).</summary>
    public static RobotsRules AllowAll(string source) => new([], source);

    /// <summary>
    /// Everything disallowed (robots.txt unreachable: RFC 9309 §2.3.1.4). <paramref name="failure"/> says why, as the
    /// error of a scan whose start page is therefore not fetched.
    /// </summary>
    public static RobotsRules DisallowAll(string source, string? failure = null) => new([new Rule(false, "/")], source) { Failure = failure };

    /// <summary>Why robots.txt could not be read (a 5xx, or no answer at all: "host not found: …"); null for real rules.</summary>
    public string? Failure { get; private init; }

    /// <summary>Where the rules came from, for messages ("robots.txt HTTP 503", "http://site/robots.txt").</summary>
    public string Source { get; }

    /// <summary>Number of allow/disallow lines that apply to us.</summary>
    public int Count => _rules.Count;

    public static RobotsRules Parse(string text, string productToken, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxParsedBytes) text = text[..MaxParsedBytes];
        var ours = new List<Rule>();
        var star = new List<Rule>();
        var groupAgents = new List<string>();
        var inRules = false;
        var oursSeen = false;

        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim().TrimStart('\uFEFF');
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();

            if (key is "user-agent" or "useragent" or "user agent")
            {
                // A user-agent line after rules starts a new group.
                if (inRules) { groupAgents.Clear(); inRules = false; }
                groupAgents.Add(value);
                if (Names(value, productToken)) oursSeen = true;
                continue;
            }
            if (key is not ("allow" or "disallow")) continue;
            inRules = true;
            // Rules before any user-agent line belong to no group; an empty disallow allows everything.
            if (groupAgents.Count == 0 || value.Length == 0) continue;
            var rule = new Rule(key == "allow", Normalize(value));
            if (groupAgents.Any(a => Names(a, productToken))) ours.Add(rule);
            else if (groupAgents.Any(a => a == "*")) star.Add(rule);
        }

        // A group for us wins over "*" even when it allows everything (e.g. "User-agent: PartnerWatch" then "Disallow:").
        return new(oursSeen ? ours : star, source);
    }

    /// <summary>True when <paramref name="url"/> may be fetched; <paramref name="rule"/> is the deciding line, if any.</summary>
    public bool Allows(Uri url, out string? rule)
    {
        rule = null;
        var path = url.PathAndQuery;
        if (path.Length == 0) path = "/";
        if (string.Equals(url.AbsolutePath, "/robots.txt", StringComparison.Ordinal)) return true;
        path = Normalize(path);

        Rule? best = null;
        foreach (var candidate in _rules)
        {
            if (!Matches(candidate.Pattern, path)) continue;
            if (best is null || candidate.Pattern.Length > best.Pattern.Length
                || (candidate.Pattern.Length == best.Pattern.Length && candidate.Allow && !best.Allow))
                best = candidate;
        }
        if (best is null) return true;
        rule = $"{(best.Allow ? "Allow" : "Disallow")}: {best.Pattern}";
        return best.Allow;
    }

    public bool Allows(Uri url) => Allows(url, out _);

    private sealed record Rule(bool Allow, string Pattern);

    /// <summary>The product token is the user-agent value up to the first '/' or space, compared case-insensitively.</summary>
    private static bool Names(string agent, string productToken)
    {
        var token = agent.Split('/', ' ')[0];
        return token.Length > 0 && string.Equals(token, productToken, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// One spelling for patterns and paths: non-ASCII and spaces percent-encoded as UTF-8, escapes in upper case, so that
    /// <c>/合作伙伴/</c> in a robots.txt matches the URL's <c>/%E5%90%88…</c>.
    /// </summary>
    internal static string Normalize(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && Uri.IsHexDigit(value[i + 1]) && Uri.IsHexDigit(value[i + 2]))
            {
                builder.Append('%').Append(char.ToUpperInvariant(value[i + 1])).Append(char.ToUpperInvariant(value[i + 2]));
                i += 2;
            }
            else if (c > 0x7F || c == ' ')
            {
                var length = char.IsHighSurrogate(c) && i + 1 < value.Length ? 2 : 1;
                foreach (var b in Encoding.UTF8.GetBytes(value.Substring(i, length))) builder.Append('%').Append(b.ToString("X2"));
                i += length - 1;
            }
            else builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Pattern match from the start of <paramref name="path"/>: '*' any run, a final '$' the end.</summary>
    internal static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        if (anchored) pattern = pattern[..^1];
        if (!pattern.Contains('*'))
            return anchored ? path == pattern : path.StartsWith(pattern, StringComparison.Ordinal);

        // Greedy-free wildcard match by pieces: the first piece is a prefix, each later piece found in order.
        var pieces = pattern.Split('*');
        if (!path.StartsWith(pieces[0], StringComparison.Ordinal)) return false;
        var at = pieces[0].Length;
        for (var p = 1; p < pieces.Length; p++)
        {
            var piece = pieces[p];
            if (p == pieces.Length - 1 && anchored)
                return path.Length - piece.Length >= at && path.EndsWith(piece, StringComparison.Ordinal);
            if (piece.Length == 0) continue;
            var found = path.IndexOf(piece, at, StringComparison.Ordinal);
            if (found < 0) return false;
            at = found + piece.Length;
        }
        return !anchored || at == path.Length;
    }
}
