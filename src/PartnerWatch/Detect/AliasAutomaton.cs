namespace PartnerWatch.Detect;

/// <summary>
/// An Aho–Corasick automaton over brand aliases, compared case-insensitively (each character upper-cased with the
/// invariant culture, as <see cref="StringComparer.OrdinalIgnoreCase"/> does): one pass over a text finds every
/// occurrence of every alias, so the cost of a page does not grow with the size of the catalogue. It replaced one
/// alternation regex over all names, which was a quarter of a scan's worker time with 1,000 brands.
/// </summary>
/// <typeparam name="T">What an alias stands for, returned with each occurrence.</typeparam>
internal sealed class AliasAutomaton<T> where T : class
{
    private const int Root = 0;

    /// <summary>Folded character → 1 + its index in the aliases' alphabet; 0 for a character no alias has (back to the root).</summary>
    private readonly ushort[] _alphabet = new ushort[char.MaxValue + 1];
    private readonly Dictionary<long, int> _edges = [];
    private readonly List<int> _fail = [Root];
    private readonly List<int> _depth = [0];
    /// <summary>The alias ending at a state, or null when no alias ends exactly there.</summary>
    private readonly List<T?> _value = [null];
    /// <summary>The nearest state down the failure chain where an alias ends (-1: none): the other occurrences ending here.</summary>
    private int[] _output = [];

    public AliasAutomaton(IEnumerable<(string Text, T Value)> aliases)
    {
        ushort letters = 0;
        foreach (var (text, value) in aliases)
        {
            var state = Root;
            foreach (var raw in text)
            {
                var c = char.ToUpperInvariant(raw);
                if (_alphabet[c] == 0)
                {
                    // More than 65,534 distinct characters cannot occur in aliases of a brand catalogue.
                    _alphabet[c] = ++letters;
                }
                if (!_edges.TryGetValue(Key(state, c), out var next))
                {
                    next = _fail.Count;
                    _fail.Add(Root);
                    _depth.Add(_depth[state] + 1);
                    _value.Add(null);
                    _edges[Key(state, c)] = next;
                }
                state = next;
            }
            _value[state] ??= value;   // the first alias of a folded text wins, as in the alias map
            Count++;
        }
        BuildFailureLinks();
    }

    /// <summary>Aliases added (duplicates included).</summary>
    public int Count { get; }

    /// <summary>
    /// Every occurrence of an alias in <paramref name="text"/> that <paramref name="accept"/> allows (start, length),
    /// in the order of their end, longest first among those ending at the same character.
    /// </summary>
    public List<(int Start, int Length, T Value)>? FindAll(string text, Func<string, int, int, bool>? accept = null)
    {
        List<(int, int, T)>? found = null;
        var state = Root;
        for (var i = 0; i < text.Length; i++)
        {
            var c = char.ToUpperInvariant(text[i]);
            if (_alphabet[c] == 0)
            {
                state = Root;
                continue;
            }
            state = Step(state, c);
            for (var s = _value[state] is null ? _output[state] : state; s > Root; s = _output[s])
            {
                var length = _depth[s];
                var start = i + 1 - length;
                if (accept is null || accept(text, start, length))
                    (found ??= []).Add((start, length, _value[s]!));
            }
        }
        return found;
    }

    /// <summary>
    /// The occurrences a regular-expression alternation of the aliases, longest alternative first, would match: at the
    /// leftmost position where an allowed occurrence starts, the longest one; then on after its end, never overlapping.
    /// </summary>
    public List<(int Start, int Length, T Value)> FindLeftmostLongest(string text, Func<string, int, int, bool>? accept = null)
    {
        var all = FindAll(text, accept);
        if (all is null)
            return [];
        all.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var chosen = new List<(int, int, T)>();
        var next = 0;
        foreach (var hit in all)
        {
            if (hit.Start < next)
                continue;
            chosen.Add(hit);
            next = hit.Start + hit.Length;
        }
        return chosen;
    }

    private int Step(int state, char c)
    {
        while (true)
        {
            if (_edges.TryGetValue(Key(state, c), out var next))
                return next;
            if (state == Root)
                return Root;
            state = _fail[state];
        }
    }

    private void BuildFailureLinks()
    {
        // Breadth-first: a state's failure link is the longest proper suffix of its text that is a prefix of an alias.
        var children = new List<(int Child, char C)>[_fail.Count];
        foreach (var (key, child) in _edges)
            (children[(int)(key >> 16)] ??= []).Add((child, (char)(key & 0xFFFF)));
        _output = new int[_fail.Count];
        _output[Root] = -1;
        var queue = new Queue<int>();
        queue.Enqueue(Root);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var (child, c) in children[state] ?? [])
            {
                _fail[child] = state == Root ? Root : Step(_fail[state], c);
                var fail = _fail[child];
                _output[child] = fail != Root && _value[fail] is not null ? fail : fail == Root ? -1 : _output[fail];
                queue.Enqueue(child);
            }
        }
    }

    private static long Key(int state, char c) => ((long)state << 16) | c;
}
