namespace PartnerWatch.Detect;

/// <summary>Sentences around a mention and the shape of the text it sits in (a label, a list, or prose).</summary>
internal static partial class TextSpans
{
    /// <summary>Prose: a block of at least this many words, which a heading's list of names is not.</summary>
    private const int MinProseWords = 6;

    /// <summary>Characters on either side of a mention searched for list separators.</summary>
    private const int ListWindow = 40;

    /// <summary>The sentence around a span: up to the nearest sentence end on either side, at most <paramref name="max"/> characters.</summary>
    public static string Sentence(string text, int start, int length, int max)
    {
        start = Math.Clamp(start, 0, text.Length);
        length = Math.Clamp(length, 0, text.Length - start);
        var from = start;
        while (from > 0 && start - from < 120 && !IsSentenceEnd(text, from - 1))
        {
            from--;
        }

        var to = start + length;
        while (to < text.Length && to - (start + length) < 120 && !IsSentenceEnd(text, to))
        {
            to++;
        }

        if (to < text.Length && IsSentenceEnd(text, to))
        {
            to++;
        }

        var sentence = text[from..to].Trim();
        return TextNormalizer.Snippet(sentence, Math.Max(0, start - from), length, max);
    }

    /// <summary>
    /// True when the mention at <paramref name="position"/> of <paramref name="block"/> sits inside running prose: the
    /// block is a sentence of several words, the mention is not its first word (where a list item or a card names its
    /// subject: "AWS – They cover all of our hosting"), and no list separators surround it ("Dropbox, Lyft, Mozilla").
    /// </summary>
    public static bool IsProseMention(string block, int position)
    {
        if (position <= 0 || position > block.Length || CountWords(block, block.Length) < MinProseWords || CountWords(block, position) < 1 || IsNameRun(block))
        {
            return false;
        }

        var from = Math.Max(0, position - ListWindow);
        var to = Math.Min(block.Length, position + ListWindow);
        var separators = 0;
        for (var i = from; i < to; i++)
        {
            if (block[i] is ',' or '、' or '，' or '·' or '•')
            {
                separators++;
            }
        }

        return separators < 2;
    }

    /// <summary>
    /// A paragraph of running text: many words, few of them capitalised. A list of names written as a sentence
    /// ("Used by Dropbox, Intel, Lyft, Oracle, Quora…") is mostly capitalised words.
    /// </summary>
    public static bool IsParagraph(string block)
    {
        var words = block.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < MinParagraphWords)
        {
            return false;
        }

        var capitalised = words.Count(w => w.TrimStart('(', '"', '“', '\'') is { Length: > 0 } t && char.IsUpper(t[0]));
        return capitalised * 10 < words.Length * 3;
    }

    private const int MinParagraphWords = 25;

    /// <summary>
    /// Names set side by side by markup, without separators ("GitHub foursquare Pinterest Facebook Evernote Etsy …": one
    /// link per logo in a sprite wall): at least seven in ten words start with a capital or a digit. Prose has function words.
    /// </summary>
    public static bool IsNameRun(string block)
    {
        var words = block.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < MinProseWords)
        {
            return false;
        }

        var named = words.Count(w => w.TrimStart('(', '"', '“', '\'') is { Length: > 0 } t && (char.IsUpper(t[0]) || char.IsDigit(t[0])));
        return named * 10 >= words.Length * 7;
    }

    /// <summary>The most words of a list entry or card line ("Acme Corp — production on AWS since 2019").</summary>
    private const int MaxEntryWords = 16;

    /// <summary>
    /// True when the mention at <paramref name="position"/> qualifies another entry of its block instead of being one:
    /// it sits inside a parenthesis opened after other text ("Foo Bank (Google Cloud)", "某某银行（部署于华为云）"), or a
    /// lower-case word other than "and/or" stands before it in its clause ("Acme Corp: production on AWS") — list entries and
    /// cards start with the name they present, and a list of names has only names and separators between them.
    /// </summary>
    public static bool QualifiesAnotherSubject(string block, int position)
    {
        // Entries are short; a paragraph is judged by the prose rule (IsProseMention) instead.
        if (position <= 0 || position > block.Length || CountWords(block, block.Length) > MaxEntryWords || IsNameRun(block))
        {
            return false;
        }

        var before = block[..position];
        var open = Math.Max(before.LastIndexOf('('), before.LastIndexOf('（'));
        if (open > 0 && before.IndexOfAny([')', '）'], open) < 0 && before[..open].Trim().Length > 0)
        {
            return true;
        }

        // Only the clause right before the name: a lead ("The following organizations use Acme: Dropbox, Intel") or an
        // attribution ("— Jane Roe, CIO, Dell Technologies") ends at its punctuation.
        var clauseStart = before.LastIndexOfAny(['.', '!', '?', ';', ':', ',', '—', '–', '|', '·', '•', '。', '：', '，', '、', '；', '،', '”', '“', '"', '\n']) + 1;
        var dash = before.LastIndexOf(" - ", StringComparison.Ordinal);
        var clause = before[Math.Max(clauseStart, dash + 1)..];
        foreach (var word in clause.Split([' ', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = word.Trim('"', '\'', '“', '”', '‘', '’', '.', '!', '?', '*');
            if (letters.Length > 0 && char.IsLower(letters[0]) && letters.All(c => c < '\u0250' && char.IsLetter(c)) && !IsListWord(letters))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the name at <paramref name="position"/> (of <paramref name="length"/> characters) is the first word of
    /// another thing's name: a lower-case quantifier or adjective stands right before it and a capitalised word right
    /// after it ("every Datadog Agent Integration", "most notable GitHub Actions"). A list of projects or customers names
    /// the vendor's product there, not the vendor. Prepositions and articles before the name do not count ("by Acme
    /// Labs", "the Mozilla Foundation"): there the name is still the organisation.
    /// </summary>
    public static bool NamesProductOfBrand(string block, int position, int length)
    {
        var end = position + length;
        if (position <= 1 || end + 1 >= block.Length || block[end] != ' ' || !char.IsUpper(block[end + 1]) || block[end + 1] >= '\u0250' ||
            block[position - 1] != ' ')
        {
            return false;
        }

        var before = block[..(position - 1)];
        var start = before.LastIndexOf(' ') + 1;
        var word = before[start..];
        return word.Length > 1 && word.All(c => c < '\u0250' && char.IsLetter(c)) && char.IsLower(word[0]) &&
               !IsListWord(word) && !NotAModifier.Contains(word);
    }

    /// <summary>Words before a name that leave it the organisation's own name (prepositions, articles, copulas).</summary>
    private static readonly HashSet<string> NotAModifier = new(StringComparer.Ordinal)
    {
        "by", "of", "to", "from", "with", "at", "in", "on", "for", "via", "the", "a", "an", "is", "are", "was", "were", "as", "like",
        "including", "incl", "such", "von", "bei", "mit", "de", "du", "des", "par", "por", "da", "do", "di",
    };

    /// <summary>
    /// True when the words after a name make it a community group named after a vendor ("AWS User Group Jaipur",
    /// "Ubuntu Hong Kong Community", "AWS 한국 사용자 모임", "Ubuntu 中文社区"): a place or language may stand between.
    /// </summary>
    public static bool NamesCommunityGroup(string text, int end)
    {
        if (end >= text.Length || !char.IsWhiteSpace(text[end]))
        {
            return false;
        }

        var after = text.AsSpan(end + 1, Math.Min(60, text.Length - end - 1)).ToString();
        return CommunityGroup().IsMatch(after);
    }

    /// <summary>
    /// Also true when the group word comes first, as most languages write it ("Komunitas Ubuntu", "Comunidad de Ubuntu",
    /// "Communauté Ubuntu", "Grupo de Usuarios de AWS"); <paramref name="start"/> and <paramref name="end"/> bound the name.
    /// </summary>
    public static bool NamesCommunityGroup(string text, int start, int end)
    {
        if (NamesCommunityGroup(text, end))
        {
            return true;
        }

        var from = Math.Max(0, start - 40);
        return start > 0 && CommunityGroupBefore().IsMatch(text.AsSpan(from, start - from).ToString());
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?-i:[A-Z][\p{L}-]+)\s+){0,2}(?:users?\s+groups?|ug|developers?\s+groups?|(?:developer\s+)?student\s+clubs?|meetups?|fan\s+club|community\s+(?:day|group|builders)|loco(?:\s+team)?|topluluğu|(?:local\s+)?communit(?:y|ies)(?!\s+edition))\b|^(?:[\p{L}]{1,6}\s*)?(?:社区|社區|社群|用户组|用戶組|用户会|コミュニティ|ユーザー会|ユーザーグループ|커뮤니티|사용자\s*모임|사용자\s*그룹|유저\s*그룹)",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial System.Text.RegularExpressions.Regex CommunityGroup();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:komunitas|comunidad(?:es)?|communauté|comunidade|comunità|gemeinschaft|сообщество|cộng đồng|grupo de usuarios|grupo de usuários|groupe d['’]utilisateurs|kelompok pengguna|user group of|loco team)(?:\s+(?:de(?:l|la)?|do|da|des|du|di|of|der))?\s+$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial System.Text.RegularExpressions.Regex CommunityGroupBefore();

    /// <summary>A label written as several sentences (a banner's or screenshot's description), not a logo's name.</summary>
    public static bool IsDescription(string label)
    {
        if (label.Length < 80)
        {
            return false;
        }

        var ends = 0;
        for (var i = 0; i + 1 < label.Length; i++)
        {
            if (label[i] is '.' or '!' or '?' or '。' or '！' && char.IsWhiteSpace(label[i + 1]))
            {
                ends++;
            }
        }

        return ends >= 2;
    }

    private static bool IsListWord(string word)
        => word is "and" or "or" or "und" or "oder" or "et" or "ou" or "y" or "o" or "e" or "ed" or "i" or "&" or "ve" or "dan" or "vs";

    /// <summary>A letter of a script that separates words with spaces (Latin, Cyrillic, Greek…); CJK has no word boundaries to glue.</summary>
    public static bool IsWordLetter(char c) => c < '\u2E80' && char.IsLetterOrDigit(c);

    private static int CountWords(string text, int end)
    {
        var words = 0;
        var inWord = false;
        for (var i = 0; i < end && i < text.Length; i++)
        {
            var letter = !char.IsWhiteSpace(text[i]);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words;
    }

    private static bool IsSentenceEnd(string text, int i)
    {
        var c = text[i];
        return c switch
        {
            '。' or '！' or '？' or '；' or '!' or '?' or ';' or '|' or '\n' => true,
            '.' => i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]),
            _ => false,
        };
    }
}
