using System.Globalization;

namespace PartnerWatch.Detect;

/// <summary>
/// Reads a .NET regular expression and gives a set of literal fragments one of which every match must contain, folded
/// like <see cref="CueKeywordIndex.Fold(char)"/> — the required-substring analysis of code-search prefilters, for the
/// subset of the syntax cue patterns use: literals, escapes, small character classes, groups, alternation, quantifiers,
/// anchors and lookarounds (which add no requirement). Anything else (backreferences, conditionals, comments, the x
/// option) gives null: no requirement is claimed, and the pattern's regex simply always runs.
/// </summary>
internal static class LiteralExtractor
{
    /// <summary>Largest set of exact strings kept for a sub-pattern; beyond it the product of a concatenation is cut.</summary>
    private const int MaxSet = 64;

    /// <summary>Largest character class spelled out as alternatives ([её], [sz]); a larger one is any character.</summary>
    private const int MaxClass = 8;

    /// <summary>Fragments one of which every match of <paramref name="pattern"/> contains; null when none can be named.</summary>
    public static IReadOnlyCollection<string>? RequiredFragments(string pattern)
    {
        try
        {
            var parser = new Parser(pattern);
            var need = parser.Alternation();
            if (!parser.AtEnd)
            {
                return null;
            }

            return need.Best is { Count: > 0 } best && !best.Contains("") ? best : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// What a sub-pattern can match: <see cref="Exact"/> every string it matches (null: too many or unknown) and
    /// <see cref="AnyOf"/> strings one of which each match contains (null: no requirement).
    /// </summary>
    private sealed record Need(HashSet<string>? Exact, HashSet<string>? AnyOf)
    {
        public static readonly Need Empty = new([""], null);
        public static readonly Need AnyChar = new(null, null);

        /// <summary>The more selective of the two sets: the one whose shortest member is longest.</summary>
        public HashSet<string>? Best => Score(Exact) >= Score(AnyOf) ? Exact : AnyOf;

        public static int Score(HashSet<string>? set) => set is not { Count: > 0 } ? -1 : set.Min(s => s.Length);

        public static Need Literal(IEnumerable<char> chars) => new(chars.Select(c => CueKeywordIndex.Fold(c).ToString()).ToHashSet(), null);

        public static Need Concat(List<Need> items)
        {
            HashSet<string>? run = [""];
            var intact = true;
            HashSet<string>? best = null;
            void Consider(HashSet<string>? set)
            {
                if (set is not null && (Score(set) > Score(best) || (Score(set) == Score(best) && set.Count < best!.Count)))
                {
                    best = set;
                }
            }

            foreach (var item in items)
            {
                Consider(item.Best);
                if (run is not null && item.Exact is not null && run.Count * item.Exact.Count <= MaxSet)
                {
                    run = run.SelectMany(a => item.Exact.Select(b => a + b)).ToHashSet();
                    continue;
                }

                // The strings of consecutive exact items are one requirement; a gap (or a product grown too large) ends it.
                intact = false;
                Consider(run);
                run = item.Exact is null ? null : [.. item.Exact];
            }

            Consider(run);
            return new Need(intact ? run : null, best);
        }

        public static Need Alternate(List<Need> alternatives)
        {
            HashSet<string>? exact = alternatives.All(a => a.Exact is not null) ? alternatives.SelectMany(a => a.Exact!).ToHashSet() : null;
            if (exact is { Count: > MaxSet })
            {
                exact = null;
            }

            var bests = alternatives.Select(a => a.Best).ToList();
            return new Need(exact, bests.All(b => b is not null) ? bests.SelectMany(b => b!).ToHashSet() : null);
        }

        public Need Repeat(int min, int max)
        {
            if (min == 1 && max == 1)
            {
                return this;
            }

            if (min == 0)
            {
                return new Need(max == 1 && Exact is not null ? [.. Exact, ""] : null, null);
            }

            return new Need(null, Best);
        }
    }

    private sealed class Parser(string pattern)
    {
        private int _at;

        public bool AtEnd => _at >= pattern.Length;

        public Need Alternation()
        {
            var alternatives = new List<Need> { Concatenation() };
            while (!AtEnd && pattern[_at] == '|')
            {
                _at++;
                alternatives.Add(Concatenation());
            }

            return alternatives.Count == 1 ? alternatives[0] : Need.Alternate(alternatives);
        }

        private Need Concatenation()
        {
            var items = new List<Need>();
            while (!AtEnd && pattern[_at] is not ('|' or ')'))
            {
                items.Add(Quantified(Atom()));
            }

            return Need.Concat(items);
        }

        private Need Atom()
        {
            var c = pattern[_at++];
            return c switch
            {
                '(' => Group(),
                '[' => CharacterClass(),
                '.' => Need.AnyChar,
                '^' or '$' => Need.Empty,
                '\\' => Escape(inClass: false) is { } literal ? Need.Literal([literal]) : EscapeClass(),
                '*' or '+' or '?' => throw new NotSupportedException("quantifier without an operand"),
                _ => Need.Literal([c]),
            };
        }

        /// <summary>A zero-width escape or a class of characters (the escape itself was consumed by <see cref="Escape"/>).</summary>
        private Need EscapeClass() => pattern[_at - 1] is 'b' or 'B' or 'A' or 'z' or 'Z' or 'G' ? Need.Empty : Need.AnyChar;

        private Need Group()
        {
            var zeroWidth = false;
            if (Peek('?'))
            {
                _at++;
                if (Peek(':') || Peek('>'))
                {
                    _at++;
                }
                else if (Peek('=') || Peek('!'))
                {
                    _at++;
                    zeroWidth = true;
                }
                else if (Peek('<') && _at + 1 < pattern.Length && pattern[_at + 1] is '=' or '!')
                {
                    _at += 2;
                    zeroWidth = true;
                }
                else if (Peek('<') || Peek('\''))
                {
                    var close = pattern[_at] == '<' ? '>' : '\'';
                    var end = pattern.IndexOf(close, _at + 1);
                    if (end < 0 || !pattern.AsSpan(_at + 1, end - _at - 1).ContainsOnlyNameCharacters())
                    {
                        throw new NotSupportedException("group name");
                    }

                    _at = end + 1;
                }
                else
                {
                    // Inline options for the group: i, m, n, s change nothing a literal needs; x would make spaces mean nothing.
                    while (!AtEnd && pattern[_at] is 'i' or 'm' or 'n' or 's' or '-')
                    {
                        _at++;
                    }

                    if (!Peek(':'))
                    {
                        throw new NotSupportedException("group construct");
                    }

                    _at++;
                }
            }

            var inner = Alternation();
            if (!Peek(')'))
            {
                throw new NotSupportedException("unclosed group");
            }

            _at++;
            return zeroWidth ? Need.Empty : inner;
        }

        private Need Quantified(Need atom)
        {
            if (AtEnd)
            {
                return atom;
            }

            int min, max;
            switch (pattern[_at])
            {
                case '*': (min, max) = (0, int.MaxValue); _at++; break;
                case '+': (min, max) = (1, int.MaxValue); _at++; break;
                case '?': (min, max) = (0, 1); _at++; break;
                case '{' when TryBraces(out min, out max): break;
                default: return atom;
            }

            if (Peek('?'))
            {
                _at++;   // lazy: matches the same strings
            }

            if (Peek('*') || Peek('+') || (Peek('{') && TryBraces(out _, out _)))
            {
                throw new NotSupportedException("nested quantifier");
            }

            return atom.Repeat(min, max);
        }

        /// <summary>{n}, {n,}, {n,m}; anything else leaves '{' a literal, as .NET does.</summary>
        private bool TryBraces(out int min, out int max)
        {
            min = max = 0;
            var end = pattern.IndexOf('}', _at);
            if (end < 0)
            {
                return false;
            }

            var body = pattern[(_at + 1)..end].Split(',');
            if (body.Length is < 1 or > 2 || !int.TryParse(body[0], NumberStyles.None, CultureInfo.InvariantCulture, out min))
            {
                return false;
            }

            max = min;
            if (body.Length == 2 && !(body[1].Length == 0 ? (max = int.MaxValue) > 0 : int.TryParse(body[1], NumberStyles.None, CultureInfo.InvariantCulture, out max)))
            {
                return false;
            }

            _at = end + 1;
            return true;
        }

        /// <summary>The character an escape stands for, or null for a class or an anchor (\w, \s, \d, \p{…}, \b).</summary>
        private char? Escape(bool inClass)
        {
            if (AtEnd)
            {
                throw new NotSupportedException("trailing backslash");
            }

            var c = pattern[_at++];
            switch (c)
            {
                case 'n': return '\n';
                case 't': return '\t';
                case 'r': return '\r';
                case 'f': return '\f';
                case 'v': return '\v';
                case 'e': return '\u001B';
                case 'a': return '\u0007';
                case 'b' when inClass: return '\b';
                case 'u': return Hex(4);
                case 'x': return Hex(2);
                case 'd' or 'D' or 'w' or 'W' or 's' or 'S': return null;
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G' when !inClass: return null;
                case 'p' or 'P':
                    var end = pattern.IndexOf('}', _at);
                    if (!Peek('{') || end < 0)
                    {
                        throw new NotSupportedException("category");
                    }

                    _at = end + 1;
                    return null;
                default:
                    if (char.IsLetterOrDigit(c))
                    {
                        throw new NotSupportedException($"escape \\{c}");   // backreferences, \k, \c, octal
                    }

                    return c;
            }
        }

        private char Hex(int digits)
        {
            if (_at + digits > pattern.Length || !int.TryParse(pattern.AsSpan(_at, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                throw new NotSupportedException("hex escape");
            }

            _at += digits;
            return (char)code;
        }

        private Need CharacterClass()
        {
            var negated = Peek('^');
            if (negated)
            {
                _at++;
            }

            var chars = new HashSet<char>();
            var broad = negated;
            var first = true;
            while (true)
            {
                if (AtEnd)
                {
                    throw new NotSupportedException("unclosed class");
                }

                var c = pattern[_at++];
                if (c == ']' && !first)
                {
                    break;
                }

                first = false;
                char? low = c;
                if (c == '\\')
                {
                    low = Escape(inClass: true);
                }
                else if (c == '[' || (c == '-' && Peek('[')))
                {
                    throw new NotSupportedException("class subtraction or nested class");
                }

                if (low is null)
                {
                    broad = true;
                    continue;
                }

                var high = low.Value;
                if (Peek('-') && _at + 1 < pattern.Length && pattern[_at + 1] != ']')
                {
                    _at++;
                    var end = pattern[_at++];
                    high = end == '\\' ? Escape(inClass: true) ?? throw new NotSupportedException("range to a class") : end;
                }

                if (high - low.Value >= MaxClass)
                {
                    broad = true;
                    continue;
                }

                // An int counter: a char one would wrap past '\uFFFF' and never end.
                for (int x = low.Value; x <= high; x++)
                {
                    chars.Add(CueKeywordIndex.Fold((char)x));
                }
            }

            return broad || chars.Count > MaxClass ? Need.AnyChar : Need.Literal(chars);
        }

        private bool Peek(char c) => !AtEnd && pattern[_at] == c;
    }

    private static bool ContainsOnlyNameCharacters(this ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return name.Length > 0;
    }
}
