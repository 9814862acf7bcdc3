using Microsoft.Extensions.Logging;
using PartnerWatch.Config;

namespace PartnerWatch.Fetch.Robots;

/// <summary>
/// robots.txt per host (scheme, host and port), fetched through the guarded client at most once per host while fresh:
/// once per scan of a site, and shared by the scans of sites on the same host. Answers: 2xx → its rules for our
/// product token; 4xx (but 429) → nothing disallowed; 5xx, 429 or no answer at all → everything disallowed (RFC 9309
/// §2.3.1.4), kept only <see cref="FailureTtl"/> so the next scan asks again. Holds at most <see cref="MaxHosts"/> hosts.
/// </summary>
public sealed partial class RobotsTxtCache(PartnerWatchOptions options, TimeProvider time, ILogger<RobotsTxtCache> logger)
{
    /// <summary>RFC 9309 §2.4: a cached robots.txt should not be used for more than 24 hours; an hour keeps edits quick to apply.</summary>
    internal static readonly TimeSpan Ttl = TimeSpan.FromHours(1);
    internal static readonly TimeSpan FailureTtl = TimeSpan.FromMinutes(5);
    internal const int MaxHosts = 4096;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<string> _order = new();

    private sealed record Entry(Task<RobotsRules> Rules, DateTimeOffset Created)
    {
        public TimeSpan Lifetime { get; set; } = Ttl;
    }

    /// <summary>Our product token: the user agent up to its first '/' or space ("PartnerWatch").</summary>
    public string ProductToken => options.Fetch.UserAgent.Split('/', ' ')[0];

    /// <summary>The rules for <paramref name="url"/>'s host, fetching robots.txt with <paramref name="fetcher"/> when not known.</summary>
    public Task<RobotsRules> RulesForAsync(Uri url, WebFetcher fetcher, CancellationToken cancellationToken)
    {
        var host = url.GetLeftPart(UriPartial.Authority);
        Entry entry;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_entries.TryGetValue(host, out entry!) || (entry.Rules.IsCompleted && now - entry.Created > entry.Lifetime))
            {
                // Fetched without the caller's token: a second scan of the same host may be waiting for it too.
                // The fetch is bounded by Fetch:TotalTimeout.
                entry = new Entry(FetchAsync(new Uri(host + "/robots.txt"), fetcher), now);
                if (!_entries.ContainsKey(host)) _order.Enqueue(host);
                _entries[host] = entry;
                Trim();
            }
        }
        return entry.Rules.WaitAsync(cancellationToken);
    }

    private void Trim()
    {
        while (_entries.Count > MaxHosts && _order.TryDequeue(out var oldest))
            _entries.Remove(oldest);
    }

    private async Task<RobotsRules> FetchAsync(Uri robotsUrl, WebFetcher fetcher)
    {
        await Task.Yield();
        var rules = new WebFetcher.FetchRules(RobotsRules.MaxParsedBytes, TruncateOverCap: true) { ClientErrorIsAnswer = true };
        RobotsRules result;
        try
        {
            var resource = await fetcher.FetchAsync(robotsUrl, rules, CancellationToken.None).ConfigureAwait(false);
            var text = HtmlDecoder.Decode(resource.Body, resource.Charset ?? "utf-8").Text;
            result = RobotsRules.Parse(text, ProductToken, robotsUrl.AbsoluteUri);
            LogRead(robotsUrl, result.Count);
            return result;
        }
        catch (FetchFailedException e) when (e.StatusCode is >= 400 and < 500 and not 429)
        {
            LogAbsent(robotsUrl, e.StatusCode.Value);
            return RobotsRules.AllowAll($"{robotsUrl} (HTTP {e.StatusCode}: no rules)");
        }
        catch (FetchFailedException e)
        {
            LogUnreachable(robotsUrl, e.Message);
            MarkFailed(robotsUrl);
            // With no HTTP answer at all the fetch error ("host not found: …") is the whole story; a 5xx is told as robots.txt's.
            return RobotsRules.DisallowAll($"{robotsUrl} unreachable ({e.Message})", e.StatusCode is null
                ? e.Message
                : $"robots.txt unreachable ({e.Message}): nothing is fetched from {robotsUrl.Authority} until it answers (RFC 9309)");
        }
    }

    private void MarkFailed(Uri robotsUrl)
    {
        lock (_gate)
            if (_entries.TryGetValue(robotsUrl.GetLeftPart(UriPartial.Authority), out var entry))
                entry.Lifetime = FailureTtl;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Read {RobotsUrl}: {Rules} rules apply to us")]
    private partial void LogRead(Uri robotsUrl, int rules);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No robots rules at {RobotsUrl} (HTTP {Status}): everything allowed")]
    private partial void LogAbsent(Uri robotsUrl, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "robots.txt at {RobotsUrl} unreachable ({Reason}): the host is treated as disallowing everything for now")]
    private partial void LogUnreachable(Uri robotsUrl, string reason);
}
