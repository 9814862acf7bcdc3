using System.Collections.Frozen;
using PartnerWatch.Config;

namespace PartnerWatch.Compare;

/// <summary>
/// The confirmed partner lists in force: the inline <c>ConfirmedPartners</c> merged with the last good content of each
/// <c>ConfirmedPartnerSources</c> entry. Readers take <see cref="Current"/>, an immutable snapshot; an update builds a new
/// one and swaps the reference, so a comparison never sees a half-updated list and readers never lock.
/// </summary>
public sealed class ConfirmedPartnerLists
{
    private PartnerWatchOptions _options;
    private readonly Lock _writeLock = new();
    private FrozenDictionary<int, IReadOnlyList<string>> _sourceEntries = FrozenDictionary<int, IReadOnlyList<string>>.Empty;
    private IReadOnlyList<KeyValuePair<string, string>> _storedEntries = [];
    private volatile Snapshot _current;

    public ConfirmedPartnerLists(PartnerWatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _current = Build(options, _sourceEntries, _storedEntries);
    }

    public Snapshot Current => _current;

    /// <summary>Sets the entries read from source <paramref name="sourceIndex"/>; true when the merged lists changed.</summary>
    public bool SetSourceEntries(int sourceIndex, IReadOnlyList<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_writeLock)
        {
            var updated = new Dictionary<int, IReadOnlyList<string>>(_sourceEntries) { [sourceIndex] = entries.ToArray() };
            var snapshot = Build(_options, updated, _storedEntries);
            _sourceEntries = updated.ToFrozenDictionary();
            if (snapshot.SameAs(_current))
            {
                return false;
            }

            _current = snapshot;
            return true;
        }
    }

    /// <summary>
    /// Takes the inline <c>ConfirmedPartners</c> of a reloaded configuration (the list sources stay as started); true when
    /// the merged lists changed.
    /// </summary>
    public bool SetInlineEntries(PartnerWatchOptions reloaded)
    {
        ArgumentNullException.ThrowIfNull(reloaded);
        lock (_writeLock)
        {
            var options = new PartnerWatchOptions { ConfirmedPartners = reloaded.ConfirmedPartners, ConfirmedPartnerSources = _options.ConfirmedPartnerSources };
            var snapshot = Build(options, _sourceEntries, _storedEntries);
            _options = options;
            if (snapshot.SameAs(_current)) return false;
            _current = snapshot;
            return true;
        }
    }

    /// <summary>Sets the partners confirmed in the console (kept in the database): brand id → entry pairs.</summary>
    public bool SetStoredEntries(IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_writeLock)
        {
            var stored = entries.ToArray();
            var snapshot = Build(_options, _sourceEntries, stored);
            _storedEntries = stored;
            if (snapshot.SameAs(_current)) return false;
            _current = snapshot;
            return true;
        }
    }

    private static Snapshot Build(PartnerWatchOptions options, IReadOnlyDictionary<int, IReadOnlyList<string>> sourceEntries, IReadOnlyList<KeyValuePair<string, string>> storedEntries)
    {
        var merged = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (brand, entries) in options.ConfirmedPartners)
        {
            Add(brand, entries ?? []);
        }

        foreach (var (index, entries) in sourceEntries)
        {
            if (index < options.ConfirmedPartnerSources.Count && options.ConfirmedPartnerSources[index] is { Brand: { Length: > 0 } brand })
            {
                Add(brand, entries);
            }
        }

        foreach (var (brand, entry) in storedEntries)
        {
            Add(brand, [entry]);
        }

        return new Snapshot(merged.ToFrozenDictionary(
            p => p.Key, p => (IReadOnlyList<string>)p.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.OrdinalIgnoreCase));

        void Add(string brand, IEnumerable<string> entries)
        {
            if (!merged.TryGetValue(brand, out var set))
            {
                merged[brand] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            }

            foreach (var entry in entries)
            {
                var trimmed = entry?.Trim().TrimEnd('.');
                if (!string.IsNullOrEmpty(trimmed)) set.Add(trimmed);
            }
        }
    }

    /// <summary>Brand id → confirmed entries (site ids or domains), immutable.</summary>
    public sealed class Snapshot(FrozenDictionary<string, IReadOnlyList<string>> entries)
    {
        public IReadOnlyList<string> EntriesOf(string brandId) => entries.TryGetValue(brandId, out var list) ? list : [];

        public IEnumerable<string> Brands => entries.Keys;

        internal bool SameAs(Snapshot other) =>
            entries.Count == other.Brands.Count()
            && entries.All(p => other.EntriesOf(p.Key) is var theirs
                && theirs.Count == p.Value.Count
                && theirs.SequenceEqual(p.Value, StringComparer.OrdinalIgnoreCase));
    }
}
