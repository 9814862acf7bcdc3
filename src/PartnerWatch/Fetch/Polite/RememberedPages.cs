using PartnerWatch.Config;

namespace PartnerWatch.Fetch;

/// <summary>What a consumer derived from a page (the detect stage's findings), kept with it for an unchanged re-scan.</summary>
public interface IPageFindings
{
    /// <summary>Rough memory held, for the cache's byte budget.</summary>
    long EstimatedBytes { get; }

    /// <summary>
    /// True when the page may be named by a claim's evidence. Its body is not kept for that: the evidence store already
    /// holds those bytes under <see cref="RememberedPage.Sha256"/> from the scan that downloaded them.
    /// </summary>
    bool MayBeEvidence { get; }
}

/// <summary>A same-site link of a page that may become a crawl candidate: its keyword score, and whether it lies under the page.</summary>
public sealed record PageLink(Uri Target, int Score, bool UnderPage);

/// <summary>
/// A page as the last full fetch left it: its validators, what the crawl and the detect stage took from it, and the
/// SHA-256 and length of its body — never the body. Enough to reproduce a scan of the page without its bytes when the
/// site answers 304; a claim's evidence names the page by that hash, and the evidence store, which received the bytes
/// from the scan that downloaded them (content-addressed), counts them as stored (issue 12: keeping the bodies of
/// evidence pages filled the 64 MiB budget at 300 sites, so a third of the pages lost their validators).
/// </summary>
public sealed record RememberedPage(
    Uri Url,
    int StatusCode,
    string? ETag,
    DateTimeOffset? LastModified,
    string Sha256,
    long Length,
    Uri? RefreshTarget,
    IReadOnlyList<PageLink> Links,
    IReadOnlyList<string> Notes,
    IPageFindings Findings,
    DateTimeOffset RememberedAt)
{
    internal long EstimatedBytes =>
        512 + 2L * Sha256.Length + Findings.EstimatedBytes
        + Links.Sum(l => 64L + 2 * l.Target.OriginalString.Length) + Notes.Sum(n => 32L + 2 * n.Length);
}

/// <summary>
/// <c>Fetch:ConditionalRequests</c>: the pages of earlier scans, bounded by <c>Fetch:PageCacheBytes</c> (least recently
/// used out first) and <c>Fetch:PageCacheMaxAge</c>. Keyed by the detection setup (<c>generation</c>: brands and
/// threshold) and the page URL, so a changed brand list never reuses findings made for the old one. Kept for the
/// life of the service, across scans; thread-safe.
/// </summary>
public sealed class RememberedPages(PartnerWatchOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, RememberedPage Page, long Bytes)>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, RememberedPage Page, long Bytes)> _recency = new();
    private long _bytes;

    private long Capacity => options.Fetch.ConditionalRequests ? options.Fetch.PageCacheBytes : 0;

    /// <summary>Bytes held now (for tests and the docs' figures).</summary>
    public long Bytes { get { lock (_gate) return _bytes; } }

    public int Count { get { lock (_gate) return _byKey.Count; } }

    /// <summary>The remembered page for <paramref name="url"/>, if fresh enough to send its validators.</summary>
    public RememberedPage? Find(string generation, Uri url)
    {
        if (Capacity <= 0) return null;
        lock (_gate)
        {
            if (!_byKey.TryGetValue(Key(generation, url), out var node)) return null;
            if (time.GetUtcNow() - node.Value.Page.RememberedAt > options.Fetch.PageCacheMaxAge)
            {
                Remove(node);
                return null;
            }
            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Page;
        }
    }

    public void Remember(string generation, RememberedPage page)
    {
        var capacity = Capacity;
        if (capacity <= 0 || (page.ETag is null && page.LastModified is null)) return;
        var bytes = page.EstimatedBytes;
        // One page may not take more than an eighth of the budget: a huge page is simply fetched again.
        if (bytes > capacity / 8) return;
        var key = Key(generation, page.Url);
        lock (_gate)
        {
            if (_byKey.TryGetValue(key, out var old)) Remove(old);
            var node = _recency.AddFirst((key, page, bytes));
            _byKey[key] = node;
            _bytes += bytes;
            while (_bytes > capacity && _recency.Last is { } last) Remove(last);
        }
    }

    /// <summary>Forgets a page whose validators no longer hold (e.g. a 304 for a page we no longer have).</summary>
    public void Forget(string generation, Uri url)
    {
        lock (_gate)
            if (_byKey.TryGetValue(Key(generation, url), out var node)) Remove(node);
    }

    private void Remove(LinkedListNode<(string Key, RememberedPage Page, long Bytes)> node)
    {
        _recency.Remove(node);
        _byKey.Remove(node.Value.Key);
        _bytes -= node.Value.Bytes;
    }

    private static string Key(string generation, Uri url) => generation + " " + url.AbsoluteUri;
}
