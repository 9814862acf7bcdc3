using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PartnerWatch.Config;

namespace PartnerWatch.Detect;

/// <summary>One occurrence of a brand alias in a normalised text.</summary>
internal readonly record struct BrandHit(string BrandId, string BrandName, string Alias, int Start, int Length);

/// <summary>
/// Finds configured brand names and aliases in text, file names and link hosts. Built once per configuration:
/// one Aho–Corasick automaton for word-delimited aliases (Latin, Cyrillic, Greek…), one for CJK aliases, a map of
/// compacted aliases for file names and a map of domains. The automata find what the alternation regexes they
/// replaced found (leftmost, then longest, never overlapping) in one pass, whatever the number of brands.
/// </summary>
/// <remarks>
/// Case rules: aliases match case-insensitively, except (a) acronyms (all capitals, ≤ 5 letters: IBM, SAP, AWS) which
/// must appear in capitals, and (b) aliases that are common words (Apple, Oracle, Meta…, see <see cref="CommonWords"/>)
/// which must start with a capital letter. Words that only contain an alias never match: Latin aliases need a
/// non-letter on both sides; CJK aliases are rejected inside known longer words (高通量, 慧思科技) and kana/hangul
/// aliases inside longer runs of the same script.
/// </remarks>
internal sealed partial class BrandMatcher
{
    /// <summary>Aliases that are also everyday words; they must be capitalised to count as the brand.</summary>
    public static readonly IReadOnlySet<string> CommonWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "apple", "oracle", "meta", "shell", "target", "amazon", "gap", "visa", "square", "slack", "zoom", "box", "delta",
        "windows", "office", "sage", "unity", "puma", "jaguar", "corona", "dove", "subway", "mint", "nest", "ring", "signal",
    };

    /// <summary>
    /// Words that reveal the other sense of an ambiguous alias when they occur in the same sentence or the page's
    /// title/headings (an oracle-bone-script project, an apple orchard): the alias then does not name the brand.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> OtherSenseWords = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["apple"] = ["cider", "pie", "juice", "orchard", "tree", "fruit", "vinegar", "harvest", "apfel", "pomme"],
        ["oracle"] = ["delphi", "prophe", "oracle bone", "blockchain oracle", "price oracle"],
        ["meta"] = ["meta tag", "meta description", "meta-analys", "metadata", "meta data"],
        ["甲骨文"] = ["殷墟", "卜辞", "卜辭", "甲骨学", "甲骨學", "拓片", "刻辞", "刻辭", "殷商", "商代", "文字学", "文字學", "甲骨片"],
        ["苹果"] = ["水果", "果园", "果園", "苹果汁", "种植"],
    };

    /// <summary>Longer CJK words that contain an alias whole: the alias inside them is not the brand (高通量测序 ≠ 高通).</summary>
    public static readonly string[] CjkContainingWords = ["高通量", "高通滤波", "高通濾波", "高通道", "红帽子", "紅帽子", "甲骨文字", "微软件", "华为之"];

    /// <summary>
    /// CJK words that straddle an alias edge (科技 over 思科 in 慧思科技): when the alias is also glued to another Han
    /// character on its other side, it is a fragment of a longer name, not the brand.
    /// </summary>
    public static readonly string[] CjkStraddlingWords = ["科技", "科学", "技术", "通信", "通讯"];

    private readonly AliasAutomaton<Alias>? _delimited;
    private readonly AliasAutomaton<Alias>? _cjk;
    private readonly Dictionary<string, Alias> _aliases = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Alias> _compactAliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string BrandId, string BrandName)> _domains = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _maxCompactTokens;

    private sealed record Alias(string BrandId, string BrandName, string Text, bool CaseSensitiveAcronym, bool CommonWord, bool Ambiguous);

    public BrandMatcher(IEnumerable<BrandOptions> brands)
    {
        var delimited = new List<string>();
        var cjk = new List<string>();
        foreach (var brand in brands)
        {
            if (string.IsNullOrWhiteSpace(brand.Id))
            {
                continue;
            }

            var brandName = string.IsNullOrWhiteSpace(brand.Name) ? brand.Id : brand.Name.Trim();
            foreach (var raw in new[] { brand.Name }.Concat(brand.Aliases ?? []))
            {
                // CJK aliases are kept in simplified form; the text is folded the same way before CJK matching.
                var normalized = TextNormalizer.Normalize(raw, 200);
                var text = HasCjk(normalized) ? ChineseScriptFolder.Fold(normalized) : normalized;
                if (text.Length < 2 || _aliases.ContainsKey(text))
                {
                    continue;
                }

                var lower = text.ToLowerInvariant();
                var letters = text.Where(char.IsLetter).ToArray();
                var acronym = letters.Length is >= 2 and <= 5 && letters.All(char.IsUpper) && !text.Contains(' ');
                var alias = new Alias(brand.Id, brandName, text, acronym, CommonWords.Contains(lower), OtherSenseWords.ContainsKey(lower));
                _aliases[text] = alias;
                (HasCjk(text) ? cjk : delimited).Add(text);

                var compact = Compact(text);
                if (compact.Length >= 2)
                {
                    _compactAliases.TryAdd(compact, alias);
                }
            }

            foreach (var domain in brand.Domains ?? [])
            {
                var d = domain.Trim().TrimEnd('.').ToLowerInvariant();
                if (d.StartsWith("www.", StringComparison.Ordinal))
                {
                    d = d[4..];
                }

                if (d.Length > 0)
                {
                    _domains.TryAdd(d, (brand.Id, brandName));
                }
            }
        }

        // The longest compacted alias spans at most this many file-name tokens ("amazon-web-services").
        _maxCompactTokens = Math.Clamp(_aliases.Keys.Select(a => a.Count(c => !char.IsLetterOrDigit(c)) + 1).DefaultIfEmpty(1).Max() + 1, 1, 6);

        if (delimited.Count > 0)
        {
            _delimited = new AliasAutomaton<Alias>(delimited.Select(a => (a, _aliases[a])));
        }

        if (cjk.Count > 0)
        {
            _cjk = new AliasAutomaton<Alias>(cjk.Select(a => (a, _aliases[a])));
        }
    }

    public bool IsEmpty => _aliases.Count == 0;

    /// <summary>Brand aliases in an already normalised text (see <see cref="TextNormalizer"/>).</summary>
    public List<BrandHit> FindInText(string text, string? topic = null)
    {
        var hits = new List<BrandHit>();
        if (string.IsNullOrEmpty(text))
        {
            return hits;
        }

        Collect(_delimited, text, topic, hits, cjk: false);
        if (_cjk is not null)
        {
            // One character for one: hit offsets in the folded text are offsets in the original.
            Collect(_cjk, ChineseScriptFolder.Fold(text), topic is null ? null : ChineseScriptFolder.Fold(topic), hits, cjk: true);
        }
        return hits;
    }

    /// <summary>
    /// Brand named by an image URL's file name: <c>/img/logos/microsoft-logo.png</c> → Microsoft, <c>redhat.png</c> →
    /// Red Hat; opaque names (<c>a8f3c1.png</c>) name nothing. Tokens are compared with aliases stripped of
    /// spaces and punctuation, whole tokens only.
    /// </summary>
    public BrandHit? FindInFileName(string? url)
    {
        var name = FileNameOf(url);
        if (name.Length == 0)
        {
            return null;
        }

        return FindInName(name) ?? (IsOpaqueName(name) && ParentFolderOf(url) is { Length: > 0 } folder ? FindInName(folder) : null);
    }

    /// <summary>
    /// Words of a logo's file name that say nothing about whose logo it is (<c>logo-white</c>, <c>RGB</c>, <c>2x</c>):
    /// a name made only of them, or a hash (<c>9c1e7f0a</c>), leaves the brand to the folder (<c>/logos/redhat/logo.png</c>).
    /// </summary>
    private static readonly HashSet<string> GenericNameWords = new(StringComparer.Ordinal)
    {
        "logo", "logos", "image", "img", "icon", "mark", "wordmark", "symbol", "white", "black", "dark", "light", "color", "colour",
        "colored", "mono", "default", "main", "primary", "small", "large", "full", "rgb", "cmyk", "horizontal", "vertical", "original",
        "web", "retina", "transparent", "inverse", "inverted", "reverse", "standard", "vector", "x", "px", "lg", "sm", "md", "h", "v",
    };

    private static bool IsOpaqueName(string name)
    {
        var tokens = Tokenize(name);
        return tokens.Count == 0 || tokens.All(GenericNameWords.Contains) || HexName().IsMatch(name);
    }

    [GeneratedRegex(@"^[0-9a-fA-F_-]{6,}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HexName();

    private static string ParentFolderOf(string? url)
    {
        var path = url!.Trim();
        var cut = path.IndexOfAny(['?', '#']);
        path = cut >= 0 ? path[..cut] : path;
        // Only the path speaks: a host (x.com) is not a folder.
        path = Uri.TryCreate(path, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : path;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2)
        {
            return "";
        }

        try
        {
            return Uri.UnescapeDataString(segments[^2]);
        }
        catch (UriFormatException)
        {
            return segments[^2];
        }
    }

    private BrandHit? FindInName(string name)
    {
        var tokens = Tokenize(name);
        for (var i = 0; i < tokens.Count; i++)
        {
            var joined = new StringBuilder();
            for (var j = i; j < tokens.Count && j < i + _maxCompactTokens; j++)
            {
                joined.Append(tokens[j]);
                if (_compactAliases.TryGetValue(joined.ToString(), out var alias))
                {
                    return new BrandHit(alias.BrandId, alias.BrandName, alias.Text, 0, name.Length);
                }
            }
        }

        // A name glued to a product suffix: pinyin "huaweiyun" (华为云, Huawei Cloud), "tencentcloud", "ciscologo".
        foreach (var token in tokens)
        {
            foreach (var suffix in FileNameSuffixes)
            {
                if (token.Length >= suffix.Length + 3 && token.EndsWith(suffix, StringComparison.Ordinal) &&
                    _compactAliases.TryGetValue(token[..^suffix.Length], out var glued))
                {
                    return new BrandHit(glued.BrandId, glued.BrandName, glued.Text, 0, name.Length);
                }
            }
        }

        return null;
    }

    /// <summary>Suffixes a file name glues to a brand: cloud in pinyin and English, logo, icon, technology (keji).</summary>
    private static readonly string[] FileNameSuffixes = ["yun", "cloud", "logo", "icon", "keji", "tech"];

    /// <summary>The brand owning <paramref name="host"/> or a parent domain of it.</summary>
    public (string BrandId, string BrandName, string Domain)? FindByHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return null;
        }

        var h = host.TrimEnd('.').ToLowerInvariant();
        while (h.Length > 0)
        {
            if (_domains.TryGetValue(h, out var brand))
            {
                return (brand.BrandId, brand.BrandName, h);
            }

            var dot = h.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                break;
            }

            h = h[(dot + 1)..];
        }

        return null;
    }

    /// <summary>The file name of a URL or path without query, fragment and extension, percent-decoded.</summary>
    public static string FileNameOf(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return "";
        }

        var path = url.Trim();
        var cut = path.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            path = path[..cut];
        }

        var slash = path.LastIndexOf('/');
        var name = slash >= 0 ? path[(slash + 1)..] : path;
        var dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            name = name[..dot];
        }

        try
        {
            name = Uri.UnescapeDataString(name);
        }
        catch (UriFormatException)
        {
            // Keep the raw name.
        }

        return name.Length > 200 ? name[..200] : name;
    }

    private static void Collect(AliasAutomaton<Alias>? automaton, string text, string? topic, List<BrandHit> hits, bool cjk)
    {
        if (automaton is null)
        {
            return;
        }

        // Latin aliases need a non-letter on both sides (the regex's look-behind and look-ahead); CJK aliases do not.
        foreach (var (start, length, alias) in automaton.FindLeftmostLongest(text, cjk ? null : WordDelimited))
        {
            if (!cjk && !CaseAllowed(alias, text.Substring(start, length), text, start, length))
            {
                continue;
            }

            if (cjk && !CjkBoundaryAllowed(text, start, length) || !cjk && TextSpans.NamesCommunityGroup(text, start, start + length))
            {
                continue; // "AWS User Group Jaipur": a community group named after the vendor, not the vendor
            }

            if (alias.Ambiguous && HasOtherSense(alias.Text, text, topic))
            {
                continue;
            }

            hits.Add(new BrandHit(alias.BrandId, alias.BrandName, alias.Text, start, length));
        }
    }

    private static bool WordDelimited(string text, int start, int length) =>
        (start == 0 || !IsWordChar(text[start - 1]) && !JoinsLetters(text, start - 1)) &&
        (start + length == text.Length || !IsWordChar(text[start + length]) && !JoinsLetters(text, start + length));

    /// <summary>A middle dot between letters is inside a word: Catalan "l·l" ("Intel·ligència"), inclusive "partenaire·s".</summary>
    private static bool JoinsLetters(string text, int dot) =>
        text[dot] is '\u00B7' or '\u0387' or '\u2027' && dot > 0 && dot + 1 < text.Length && char.IsLetter(text[dot - 1]) && char.IsLetter(text[dot + 1]);

    /// <summary>Letters with case and decimal digits: what the regex's <c>[\p{Lu}\p{Ll}\p{Lt}\p{Nd}]</c> was (CJK, marks and kana are not).</summary>
    private static bool IsWordChar(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.DecimalDigitNumber;

    private static bool CaseAllowed(Alias alias, string matched, string text, int start, int length)
    {
        // An elided article glued to the next word ("dell'Informazione", "dell’Università") is Italian/French
        // grammar, not a name; a name keeps its capital before a possessive ("Dell's").
        var after = start + length;
        if (after + 1 < text.Length && text[after] is '\'' or '’' && char.IsLetter(text[after + 1]) && !char.IsUpper(matched[0]))
        {
            return false;
        }

        if (alias.CaseSensitiveAcronym)
        {
            return string.Equals(matched, alias.Text, StringComparison.Ordinal);
        }

        if (alias.CommonWord)
        {
            if (!char.IsUpper(matched[0]))
            {
                return false;
            }

            // "Meta-analysis", "Apple-Zimt": a hyphenated compound is the common word.
            var end = start + length;
            if (end + 1 < text.Length && text[end] == '-' && char.IsLetter(text[end + 1]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool CjkBoundaryAllowed(string text, int start, int length)
    {
        var end = start + length;
        var first = text[start];
        var last = text[end - 1];
        var before = start > 0 ? text[start - 1] : ' ';
        var after = end < text.Length ? text[end] : ' ';

        // A katakana name inside a longer katakana word is another word; hiragana particles around it (は, の) are not.
        if (IsKatakana(first) && IsKatakana(before) || IsKatakana(last) && IsKatakana(after))
        {
            return false;
        }

        if (IsHangul(first) && IsHangul(before))
        {
            return false;
        }

        if (!IsHan(first) && !IsHan(last))
        {
            return true;
        }

        var windowStart = Math.Max(0, start - 4);
        var window = text.Substring(windowStart, Math.Min(text.Length, end + 4) - windowStart);
        var offset = start - windowStart;
        foreach (var word in CjkContainingWords)
        {
            for (var i = window.IndexOf(word, StringComparison.Ordinal); i >= 0; i = window.IndexOf(word, i + 1, StringComparison.Ordinal))
            {
                if (i <= offset && i + word.Length >= offset + length && word.Length > length)
                {
                    return false;
                }
            }
        }

        foreach (var word in CjkStraddlingWords)
        {
            for (var i = window.IndexOf(word, StringComparison.Ordinal); i >= 0; i = window.IndexOf(word, i + 1, StringComparison.Ordinal))
            {
                var wEnd = i + word.Length;
                var crossesEnd = i >= offset && i < offset + length && wEnd > offset + length;
                var crossesStart = i < offset && wEnd > offset && wEnd <= offset + length;
                if (crossesEnd && IsHan(before) || crossesStart && IsHan(after))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool HasOtherSense(string alias, string text, string? topic)
    {
        if (!OtherSenseWords.TryGetValue(alias.ToLowerInvariant(), out var words))
        {
            return false;
        }

        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase) ||
                topic is not null && topic.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Compact(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Lower-case runs of letters; digits and punctuation separate tokens ("aws2_logo" → aws, logo).</summary>
    private static List<string> Tokenize(string name)
    {
        var tokens = new List<string>();
        var normalized = TextNormalizer.Normalize(name, 200).ToLowerInvariant();
        var start = -1;
        for (var i = 0; i <= normalized.Length; i++)
        {
            var isLetter = i < normalized.Length && char.IsLetter(normalized[i]);
            if (isLetter && start < 0)
            {
                start = i;
            }
            else if (!isLetter && start >= 0)
            {
                tokens.Add(normalized[start..i]);
                start = -1;
            }
        }

        return tokens;
    }

    private static bool HasCjk(string text) => text.Any(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter);

    internal static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    private static bool IsKatakana(char c) => c is >= '\u30A0' and <= '\u30FF' or >= '\u31F0' and <= '\u31FF' or 'ー';

    private static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF';
}
