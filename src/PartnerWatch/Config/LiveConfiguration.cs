namespace PartnerWatch.Config;

/// <summary>
/// The configuration the service runs with now. Starts as the one <c>serve</c> was started with; a valid reload
/// (<see cref="ConfigurationReloader"/>) swaps in a new <see cref="Current"/> and tells every subscriber, an invalid one
/// only records why it was refused. Read <see cref="Current"/> each time (once per scan, once per request): it is an
/// immutable-by-convention snapshot, replaced as a whole, never edited in place.
/// </summary>
/// <remarks>
/// Most services still take the start-up <see cref="PartnerWatchOptions"/> singleton; only the keys listed in
/// <see cref="ConfigurationChanges.LiveKeys"/> follow a reload (README "Configuration reference", Reload).
/// </remarks>
public sealed class LiveConfiguration
{
    private readonly Lock _lock = new();
    private readonly List<Func<ConfigurationApplied, CancellationToken, Task>> _subscribers = [];
    private volatile PartnerWatchOptions _current;
    private volatile ConfigurationState _state;

    public LiveConfiguration(LoadedConfiguration loaded, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        _current = loaded.Options;
        Source = loaded;
        _state = new ConfigurationState(loaded.ConfigFile, time.GetUtcNow(), 1, null, null, [], []);
    }

    public PartnerWatchOptions Current => _current;

    /// <summary>What <c>/status</c> shows: which file, loaded when, the last reload's outcome and keys waiting for a restart.</summary>
    public ConfigurationState State => _state;

    /// <summary>The start-up load: its file and overrides are what a reload reads again.</summary>
    public LoadedConfiguration Source { get; }

    /// <summary>Runs <paramref name="apply"/> after every valid reload, in subscription order.</summary>
    public void Subscribe(Func<ConfigurationApplied, CancellationToken, Task> apply)
    {
        lock (_lock) _subscribers.Add(apply);
    }

    /// <summary>Makes <paramref name="next"/> current and runs every subscriber; a subscriber that fails is recorded, not rethrown.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(
        PartnerWatchOptions next, ConfigurationChanges changes, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Func<ConfigurationApplied, CancellationToken, Task>[] subscribers;
        PartnerWatchOptions previous;
        lock (_lock)
        {
            previous = _current;
            _current = next;
            subscribers = [.. _subscribers];
        }

        var failures = new List<string>();
        foreach (var subscriber in subscribers)
        {
            try
            {
                await subscriber(new ConfigurationApplied(previous, next, changes), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.Add(ex.Message);
            }
        }

        var state = _state;
        _state = state with
        {
            LoadedAt = at,
            Generation = state.Generation + 1,
            LastReloadAt = at,
            LastReloadError = failures.Count == 0 ? null : "applied, but: " + string.Join("; ", failures),
            Problems = [],
            NeedsRestart = [.. state.NeedsRestart.Union(changes.NeedsRestart, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        };
        return failures;
    }

    /// <summary>Records a refused reload: the running configuration stays as it is.</summary>
    public void Reject(IReadOnlyList<ConfigProblem> problems, DateTimeOffset at)
    {
        var state = _state;
        _state = state with
        {
            LastReloadAt = at,
            LastReloadError = $"invalid, not applied ({problems.Count} problem{(problems.Count == 1 ? "" : "s")})",
            Problems = [.. problems.Select(p => p.ToString())],
        };
    }
}

/// <param name="ConfigFile">The watched file; null when the service runs on built-in settings and environment only.</param>
/// <param name="LoadedAt">When the configuration in effect was loaded (start-up or the last applied reload).</param>
/// <param name="Generation">1 at start-up, one more per applied reload.</param>
/// <param name="LastReloadAt">When a reload was last tried; null if never.</param>
/// <param name="LastReloadError">Why the last reload was refused (or what failed applying it); null when it went through.</param>
/// <param name="Problems">Every problem of the last refused reload, each naming its key.</param>
/// <param name="NeedsRestart">Keys changed by an applied reload that take effect only after a restart.</param>
public sealed record ConfigurationState(
    string? ConfigFile, DateTimeOffset LoadedAt, int Generation, DateTimeOffset? LastReloadAt, string? LastReloadError,
    IReadOnlyList<string> Problems, IReadOnlyList<string> NeedsRestart);

/// <summary>One applied reload, as subscribers see it.</summary>
public sealed record ConfigurationApplied(PartnerWatchOptions Previous, PartnerWatchOptions Current, ConfigurationChanges Changes);
