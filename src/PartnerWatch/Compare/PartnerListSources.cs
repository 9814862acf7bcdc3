using PartnerWatch.Config;
using PartnerWatch.Fetch;
using PartnerWatch.Domain;

namespace PartnerWatch.Compare;

/// <summary>
/// Reads the <c>ConfirmedPartnerSources</c> (files and URLs) into <see cref="ConfirmedPartnerLists"/>. A source that cannot
/// be read or parsed keeps its last good entries (a partner list server being down must not turn confirmed partners into
/// alerts). When the merged lists change, open claims are re-evaluated: those the lists now confirm close as confirmed.
/// </summary>
public sealed partial class PartnerListSources(
    PartnerWatchOptions options,
    ConfirmedPartnerLists lists,
    PartnerListComparer comparer,
    IServiceProvider services,
    IOpenClaims openClaims,
    TimeProvider time,
    ILogger<PartnerListSources> logger)
{
    private const int MaxClaimsReevaluated = 100_000;

    // Per source: when it was last read and why it last failed, for /status (a failing list means confirmed partners
    // may be alerted as unverified once its last good entries are gone, so operators must see it).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, PartnerListState> _states = new();

    /// <summary>The state of every configured source, in configuration order.</summary>
    public IReadOnlyList<PartnerListState> States =>
        options.ConfirmedPartnerSources.Select((source, i) => _states.TryGetValue(i, out var state)
            ? state
            : new PartnerListState(source.Brand, Describe(source), null, 0, null, null)).ToList();

    // File name or URL host only: list URLs may carry access tokens in their path or query.
    private static string Describe(ConfirmedPartnerSourceOptions source) =>
        !string.IsNullOrWhiteSpace(source.File) ? Path.GetFileName(source.File)
        : Uri.TryCreate(source.Url, UriKind.Absolute, out var url) ? $"{url.Scheme}://{url.Host}/…" : "(invalid URL)";

    public IReadOnlyList<ConfirmedPartnerSourceOptions> Sources => options.ConfirmedPartnerSources;

    /// <summary>Reads every source, then re-evaluates open claims (always: the inline lists may have changed since the last run).</summary>
    public async Task RefreshAllAsync(CancellationToken cancellationToken)
    {
        await LoadAllAsync(cancellationToken);
        await ReevaluateOpenClaimsAsync(cancellationToken);
    }

    /// <summary>Reads every source into the lists without touching stored claims (for a one-off <c>scan</c>). Returns how many were read.</summary>
    public async Task<int> LoadAllAsync(CancellationToken cancellationToken)
    {
        var loaded = 0;
        for (var i = 0; i < options.ConfirmedPartnerSources.Count; i++)
        {
            if ((await LoadAsync(i, cancellationToken)).Loaded) loaded++;
        }

        return loaded;
    }

    /// <summary>Reads one source; re-evaluates open claims when the merged lists changed. False when the source could not be read.</summary>
    public async Task<bool> RefreshAsync(int sourceIndex, CancellationToken cancellationToken)
    {
        var (loaded, changed) = await LoadAsync(sourceIndex, cancellationToken);
        if (changed)
        {
            await ReevaluateOpenClaimsAsync(cancellationToken);
        }

        return loaded;
    }

    private async Task<(bool Loaded, bool Changed)> LoadAsync(int index, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (index >= options.ConfirmedPartnerSources.Count || options.ConfirmedPartnerSources[index] is not { } source)
        {
            return (false, false);
        }

        var key = $"{PartnerWatchOptions.SectionName}:ConfirmedPartnerSources:{index}";
        try
        {
            var entries = PartnerListFormat.Parse(await ReadAsync(source, cancellationToken));
            var changed = lists.SetSourceEntries(index, entries);
            LogLoaded(key, source.Brand, entries.Count, changed);
            _states[index] = new PartnerListState(source.Brand, Describe(source), time.GetUtcNow(), entries.Count, null, null);
            return (true, changed);
        }
        catch (Exception ex) when (ex is FormatException or FetchFailedException or IOException or UnauthorizedAccessException or InvalidDataException
                                   && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(key, source.Brand, ex.Message);
            var previous = _states.TryGetValue(index, out var state) ? state : null;
            _states[index] = new PartnerListState(source.Brand, Describe(source), previous?.LoadedAt, previous?.Entries ?? 0,
                ex is FetchFailedException ? "could not be fetched" : ex.GetType().Name.Replace("Exception", "") + ": " + ex.Message.Split(':')[0],
                time.GetUtcNow());
            return (false, false);
        }
    }

    private async Task<byte[]> ReadAsync(ConfirmedPartnerSourceOptions source, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(source.File))
        {
            var path = PartnerListFormat.ResolvePath(options, source.File);
            var info = new FileInfo(path);
            if (!info.Exists) throw new FileNotFoundException($"file not found: {path}", path);
            if (info.Length > PartnerListFormat.MaxBytes) throw new InvalidDataException($"{path} is larger than {PartnerListFormat.MaxBytes} bytes");
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }

        if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url))
        {
            throw new InvalidDataException($"\"{source.Url}\" is not an absolute URL");
        }

        // Through the guarded fetcher: the address policy, redirects, size cap and retries apply as for scanned pages.
        var fetcher = services.GetRequiredService<WebFetcher>();
        return (await fetcher.GetResourceAsync(url, PartnerListFormat.MaxBytes, cancellationToken)).Body;
    }

    /// <summary>Closes open claims (acknowledged or not) that the current lists confirm.</summary>
    public async Task<int> ReevaluateOpenClaimsAsync(CancellationToken cancellationToken)
    {
        var open = await openClaims.ListOpenClaimsAsync(MaxClaimsReevaluated, cancellationToken);
        var sites = options.Sites.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
        var confirmed = open
            .Where(c => comparer.StatusOf(c.BrandId, sites.GetValueOrDefault(c.SiteId) ?? new SiteOptions { Id = c.SiteId, Url = c.SiteUrl })
                        == Domain.ClaimStatus.Confirmed)
            .Select(c => c.Id)
            .ToList();
        if (confirmed.Count == 0)
        {
            return 0;
        }

        var closed = await openClaims.CloseClaimsAsConfirmedAsync(confirmed, cancellationToken);
        LogClosed(closed);
        return closed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Partner list {Source} for {Brand}: {Entries} entries (changed: {Changed})")]
    private partial void LogLoaded(string source, string brand, int entries, bool changed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partner list {Source} for {Brand} could not be read, keeping the last good one: {Reason}")]
    private partial void LogFailed(string source, string brand, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Partner lists now confirm {Claims} open claims: closed as confirmed")]
    private partial void LogClosed(int claims);
}

/// <summary>One partner-list source as /status shows it; <see cref="Error"/> is the last failure since the last success.</summary>
public sealed record PartnerListState(string Brand, string Source, DateTimeOffset? LoadedAt, int Entries, string? Error, DateTimeOffset? FailedAt);
