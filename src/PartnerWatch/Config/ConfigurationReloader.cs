using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading.Channels;

namespace PartnerWatch.Config;

/// <summary>
/// Reloads the configuration file while <c>serve</c> runs: when the file changes (a file-system watch on its folder,
/// and a poll every <see cref="PollInterval"/> for mounts that send no events), or on <c>SIGHUP</c>. The file is loaded
/// and validated by the same <see cref="ConfigurationLoader"/> as at start-up; a valid file is applied through
/// <see cref="LiveConfiguration"/>, an invalid one is refused with every problem logged by key, and the service keeps
/// running with what it had.
/// </summary>
public sealed partial class ConfigurationReloader(LiveConfiguration live, TimeProvider time, ILogger<ConfigurationReloader> logger) : BackgroundService
{
    /// <summary>Quiet time after a change before the file is read: editors and deploy tools write in several steps.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the file's content is compared even without a watch event (network and container mounts).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    // One pending request is enough: a request arriving while one waits is the same request.
    private readonly Channel<string> _requests = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private string? _seenContent;

    /// <summary>Asks for a reload soon (debounced); <paramref name="reason"/> is logged.</summary>
    public void Request(string reason) => _requests.Writer.TryWrite(reason);

    private PosixSignalRegistration? _hangup;

    /// <summary>
    /// SIGHUP is taken over here, not in <see cref="ExecuteAsync"/>: since .NET 10 a background service's body runs on
    /// a worker thread after start-up, so a signal sent as soon as the service answers could arrive before the
    /// handler existed and be lost. Hosted services start before the web server listens, so this is in place first.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // SIGHUP conventionally means "re-read your configuration"; handled, it no longer ends the process.
        _hangup ??= OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            Request("SIGHUP");
        });
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _hangup?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var file = live.Source.ConfigFile;
        _seenContent = ContentHash(file);
        using var watcher = Watch(file);
        using var poll = file is null ? null : new PeriodicTimer(PollInterval, time);
        LogWatching(file ?? "(built-in settings and environment)", string.Join(", ", ConfigurationChanges.LiveKeys));
        var polling = PollAsync(poll, stoppingToken);
        try
        {
            await foreach (var reason in _requests.Reader.ReadAllAsync(stoppingToken))
            {
                await Task.Delay(Debounce, time, stoppingToken);
                try
                {
                    await ReloadAsync(reason, force: reason == "SIGHUP", stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Configuration reload failed; the running configuration is kept");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await polling;
    }

    /// <summary>
    /// Loads the file now and applies it if it is valid. Without <paramref name="force"/>, a file whose content did not
    /// change since it was last read is left alone (watch events come in bursts, and for other files in the folder).
    /// </summary>
    public async Task<ReloadOutcome> ReloadAsync(string reason, bool force, CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            var file = live.Source.ConfigFile;
            var content = ContentHash(file);
            if (!force && content == _seenContent) return ReloadOutcome.Unchanged;
            _seenContent = content;

            var now = time.GetUtcNow();
            var loaded = ConfigurationLoader.Load(file, live.Source.Overrides);
            if (!loaded.IsValid)
            {
                foreach (var problem in loaded.Problems)
                    LogProblem(problem.Path, problem.Message);
                LogRefused(file, reason, loaded.Problems.Count);
                live.Reject(loaded.Problems, now);
                return ReloadOutcome.Refused;
            }

            var (applied, changes) = ConfigurationChanges.Compare(live.Current, loaded.Options);
            foreach (var key in changes.NeedsRestart)
                LogNeedsRestart(key);
            var failures = await live.ApplyAsync(applied, changes, now, cancellationToken);
            foreach (var failure in failures)
                LogApplyFailed(failure);
            LogReloaded(file, reason, changes.Live.Count == 0 ? "none" : string.Join(", ", changes.Live), changes.NeedsRestart.Count);
            return ReloadOutcome.Applied;
        }
        finally
        {
            _reloading.Release();
        }
    }

    private async Task PollAsync(PeriodicTimer? poll, CancellationToken stoppingToken)
    {
        if (poll is null) return;
        try
        {
            while (await poll.WaitForNextTickAsync(stoppingToken))
            {
                if (ContentHash(live.Source.ConfigFile) != _seenContent) Request("file changed");
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private FileSystemWatcher? Watch(string? file)
    {
        if (file is null || Path.GetDirectoryName(file) is not { } folder || !Directory.Exists(folder)) return null;
        try
        {
            // The whole folder, not just the file name: editors save through a temporary file and a rename, and Kubernetes
            // swaps a symlinked folder; the content hash tells a real change from noise.
            var watcher = new FileSystemWatcher(folder)
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime | NotifyFilters.DirectoryName,
            };
            watcher.Changed += (_, _) => Request("file changed");
            watcher.Created += (_, _) => Request("file changed");
            watcher.Renamed += (_, _) => Request("file changed");
            watcher.Deleted += (_, _) => Request("file changed");
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // inotify instances are limited per user (128 by default); the poll still sees every change, only later.
            LogWatchUnavailable(folder, PollInterval, ex.Message);
            return null;
        }
    }

    private static string? ContentHash(string? file)
    {
        if (file is null) return null;
        try
        {
            return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Configuration reload refused: {Key}: {Problem}")]
    private partial void LogProblem(string key, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration {ConfigFile} ({Reason}) has {ProblemCount} problems: not applied, the running configuration is kept")]
    private partial void LogRefused(string? configFile, string reason, int problemCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration reload: needs restart: {Key} (changed; its running value stays in effect until the service restarts)")]
    private partial void LogNeedsRestart(string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Configuration reload applied, but a part failed: {Failure}")]
    private partial void LogApplyFailed(string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Configuration reloaded from {ConfigFile} ({Reason}); applied now: {LiveChanges}; {RestartCount} keys need a restart")]
    private partial void LogReloaded(string? configFile, string reason, string liveChanges, int restartCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Configuration {ConfigFile} is reloaded when it changes or on SIGHUP; {LiveKeys} apply at once, other keys need a restart")]
    private partial void LogWatching(string configFile, string liveKeys);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Folder} for configuration changes ({Reason}); the file is checked every {PollInterval} instead")]
    private partial void LogWatchUnavailable(string folder, TimeSpan pollInterval, string reason);
}

public enum ReloadOutcome { Unchanged, Applied, Refused }
