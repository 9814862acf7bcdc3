namespace PartnerWatch.Detect;

/// <summary>
/// A prefilter for the cue regexes of <see cref="ContextLexicon"/>: from every pattern it extracts, automatically, a set
/// of literal fragments one of which any match must contain (<c>\bsupport(?:ed)? by\b</c> → "support"; <c>partn[её]r</c>
/// → "partner", "partnёr"), and one Aho–Corasick pass over a sentence tells which slots (cue kinds, disclaimers) can
/// possibly match. A slot none of whose fragments occurs cannot match, so its regex need not run: the answers are the
/// same, only the cost changes (every cue kind's regex over every sentence was a tenth of a scan's CPU).
/// A pattern whose fragments cannot be extracted (a construct <see cref="LiteralExtractor"/> does not know, or one that
/// can match without any literal) makes its slot run always, so any pattern added later keeps working.
/// </summary>
internal sealed class CueKeywordIndex
{
    private const int Root = 0;

    /// <summary>Char → its case fold (<see cref="Fold"/>), precomputed for the whole BMP; immutable after construction.</summary>
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>Folded character → whether some fragment has it (else the walk goes back to the root at once).</summary>
    private readonly bool[] _alphabet = new bool[char.MaxValue + 1];
    private readonly Dictionary<long, int> _edges = [];
    private readonly List<int> _fail = [Root];
    /// <summary>The slots whose fragment ends at a state, with those down its failure chain (filled by the BFS).</summary>
    private readonly List<ulong> _output = [0];

    /// <summary>Slots that always run: a pattern without extractable fragments, or a slot with no pattern at all.</summary>
    public ulong Always { get; }

    /// <summary>Every slot that was given (the answer when nothing can be ruled out).</summary>
    public ulong All { get; }

    /// <param name="patterns">Every pattern with its slot (0–63), exactly as its regex is built (already script-folded).</param>
    public CueKeywordIndex(IEnumerable<(int Slot, string Pattern)> patterns)
    {
        var fragments = new HashSet<(string, int)>();
        var slotsWithPatterns = 0UL;
        foreach (var (slot, pattern) in patterns)
        {
            if (slot is < 0 or > 63)
            {
                throw new ArgumentOutOfRangeException(nameof(patterns), slot, "slots are bits of a 64-bit mask");
            }

            All |= 1UL << slot;
            slotsWithPatterns |= 1UL << slot;
            if (LiteralExtractor.RequiredFragments(pattern) is { } required)
            {
                foreach (var fragment in required)
                {
                    fragments.Add((Fold(fragment), slot));
                }
            }
            else
            {
                Always |= 1UL << slot;
            }
        }

        foreach (var (fragment, slot) in fragments)
        {
            Add(fragment, slot);
        }

        Always |= All & ~slotsWithPatterns;
        BuildFailureLinks();
    }

    /// <summary>
    /// The slots whose regex can match somewhere in <paramref name="text"/> (a superset: a set bit may still fail to match,
    /// a clear bit never matches). Case-insensitive like the regexes (<see cref="Fold"/>).
    /// </summary>
    public ulong Possible(string text)
    {
        var found = Always;
        var state = Root;
        foreach (var raw in text)
        {
            var c = FoldTable[raw];
            if (!_alphabet[c])
            {
                state = Root;
                continue;
            }

            state = Step(state, c);
            found |= _output[state];
            if (found == All)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>True when <paramref name="slot"/> is among <paramref name="possible"/>.</summary>
    public static bool Has(ulong possible, int slot) => (possible & (1UL << slot)) != 0;

    /// <summary>
    /// One representative per case class: the invariant lower case of the invariant upper case, so that k, K and the Kelvin
    /// sign K, or s, S and the long ſ, fold alike. A regex compared with IgnoreCase | CultureInvariant treats two
    /// characters as equal only when they fold alike here (the tests check this for every character of the fragments);
    /// folding a few more together than the regex does (ı with i) only lets a regex run that then finds nothing.
    /// </summary>
    public static char Fold(char c) => FoldTable[c];

    /// <summary>Every character of <paramref name="text"/> folded (<see cref="Fold(char)"/>).</summary>
    public static string Fold(string text) => string.Create(text.Length, text, static (span, s) =>
    {
        for (var i = 0; i < s.Length; i++)
        {
            span[i] = FoldTable[s[i]];
        }
    });

    private static char[] BuildFoldTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = char.ToLowerInvariant(char.ToUpperInvariant((char)c));
        }

        return table;
    }

    private void Add(string fragment, int slot)
    {
        var state = Root;
        foreach (var c in fragment)
        {
            _alphabet[c] = true;
            if (!_edges.TryGetValue(Key(state, c), out var next))
            {
                next = _fail.Count;
                _fail.Add(Root);
                _output.Add(0);
                _edges[Key(state, c)] = next;
            }

            state = next;
        }

        _output[state] |= 1UL << slot;
    }

    private int Step(int state, char c)
    {
        while (true)
        {
            if (_edges.TryGetValue(Key(state, c), out var next))
            {
                return next;
            }

            if (state == Root)
            {
                return Root;
            }

            state = _fail[state];
        }
    }

    private void BuildFailureLinks()
    {
        // Breadth-first: a state's failure link is the longest proper suffix of its text that is a prefix of a fragment;
        // its output gains the slots of every fragment ending there, so one lookup a character suffices.
        var children = new List<(int Child, char C)>[_fail.Count];
        foreach (var (key, child) in _edges)
        {
            (children[(int)(key >> 16)] ??= []).Add((child, (char)(key & 0xFFFF)));
        }

        var queue = new Queue<int>();
        queue.Enqueue(Root);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var (child, c) in children[state] ?? [])
            {
                _fail[child] = state == Root ? Root : Step(_fail[state], c);
                _output[child] |= _output[_fail[child]];
                queue.Enqueue(child);
            }
        }
    }

    private static long Key(int state, char c) => ((long)state << 16) | c;
}

/// <summary>
/// The fragments <see cref="ContextLexicon"/>'s regexes are built from, in one place so that its regexes and its
/// <see cref="CueKeywordIndex"/> cannot disagree: every language's fragments of a kind, folded like the text they are
/// matched against (導入企業 and 合作夥伴 included).
/// </summary>
internal static class CuePatterns
{
    /// <summary>The disclaimer regex's bit in <see cref="CueKeywordIndex"/> masks (the cue kinds use their own values).</summary>
    public const int DisclaimerSlot = 63;

    public static IEnumerable<string> Of(CueKind kind)
        => ContextLexicon.Languages.SelectMany(l => l.Fragments.TryGetValue(kind, out var f) ? f : []).Select(ChineseScriptFolder.Fold).Distinct();

    /// <summary>Every disclaimer of <see cref="DisclaimerWording"/>: the partner words inside one are denied, not stated.</summary>
    public static IEnumerable<string> Disclaimers()
        => DisclaimerWording.Cues.SelectMany(l => l.Fragments[CueKind.Trademark]).Select(ChineseScriptFolder.Fold);

    /// <summary>The keyword index of every cue kind (slot = the kind's value) and of the disclaimers.</summary>
    public static CueKeywordIndex Index()
        => new(Enum.GetValues<CueKind>().SelectMany(kind => Of(kind).Select(f => ((int)kind, f)))
            .Concat(Disclaimers().Select(f => (DisclaimerSlot, f))));
}
