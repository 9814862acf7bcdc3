using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartnerWatch.Config;

/// <summary>
/// What a reloaded configuration changes compared with the running one, key by key, split into what the service
/// applies at once (<see cref="LiveKeys"/>) and what only a restart brings in (storage, ports, fetch limits, the alert
/// channels…: services built once at start-up hold them).
/// </summary>
public sealed class ConfigurationChanges
{
    /// <summary>
    /// Top-level sections of <c>PartnerWatch</c> a reload applies without restart: the watch list (sites added, removed,
    /// their URL, name, interval or cron), the schedule defaults (<c>Interval</c>, <c>Jitter</c>) and the inline
    /// <c>ConfirmedPartners</c> (open claims they now confirm are closed at once).
    /// </summary>
    public static readonly IReadOnlySet<string> LiveKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(PartnerWatchOptions.Sites),
        nameof(PartnerWatchOptions.Schedule),
        nameof(PartnerWatchOptions.ConfirmedPartners),
    };

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private ConfigurationChanges(IReadOnlyList<string> live, IReadOnlyList<string> needsRestart)
    {
        Live = live;
        NeedsRestart = needsRestart;
    }

    /// <summary>Changed keys applied now, e.g. <c>PartnerWatch:Sites</c>, <c>PartnerWatch:Schedule:Interval</c>.</summary>
    public IReadOnlyList<string> Live { get; }

    /// <summary>Changed keys that keep their running value until a restart, e.g. <c>PartnerWatch:Storage:Provider</c>.</summary>
    public IReadOnlyList<string> NeedsRestart { get; }

    public bool None => Live.Count == 0 && NeedsRestart.Count == 0;

    /// <summary>
    /// Compares <paramref name="loaded"/> with <paramref name="running"/>; returns the options to run with from now on: the
    /// live sections of <paramref name="loaded"/>, every other section as it runs now (so what <c>/status</c> and the
    /// scans see never claims a value that is not in effect).
    /// </summary>
    public static (PartnerWatchOptions Applied, ConfigurationChanges Changes) Compare(PartnerWatchOptions running, PartnerWatchOptions loaded)
    {
        ArgumentNullException.ThrowIfNull(running);
        ArgumentNullException.ThrowIfNull(loaded);
        var applied = new PartnerWatchOptions();
        var live = new List<string>();
        var restart = new List<string>();
        foreach (var property in Sections())
        {
            var key = $"{PartnerWatchOptions.SectionName}:{property.Name}";
            var differences = new List<string>();
            Diff(key, ToNode(property.GetValue(running)), ToNode(property.GetValue(loaded)), differences);
            var isLive = LiveKeys.Contains(property.Name);
            (isLive ? live : restart).AddRange(differences);
            property.SetValue(applied, property.GetValue(isLive ? loaded : running));
        }

        applied.BaseDirectory = running.BaseDirectory;
        return (applied, new ConfigurationChanges(live, restart));
    }

    // Every configuration section: the public read/write properties the binder fills (BaseDirectory is set by the loader).
    private static IEnumerable<PropertyInfo> Sections() =>
        typeof(PartnerWatchOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p is { CanRead: true, CanWrite: true } && p.Name != nameof(PartnerWatchOptions.BaseDirectory));

    private static JsonNode? ToNode(object? value) => JsonSerializer.SerializeToNode(value, Json);

    /// <summary>
    /// The keys under which <paramref name="a"/> and <paramref name="b"/> differ: objects key by key, lists as a whole
    /// when their length changed, else item by item (<c>Sites:2:Url</c>). Values are never reported (they may be secrets).
    /// </summary>
    private static void Diff(string key, JsonNode? a, JsonNode? b, List<string> differences)
    {
        switch (a, b)
        {
            case (JsonObject left, JsonObject right):
                foreach (var name in left.Select(p => p.Key).Union(right.Select(p => p.Key), StringComparer.Ordinal))
                    Diff($"{key}:{name}", left[name], right[name], differences);
                break;
            case (JsonArray left, JsonArray right) when left.Count == right.Count:
                for (var i = 0; i < left.Count; i++)
                    Diff($"{key}:{i}", left[i], right[i], differences);
                break;
            default:
                if (!JsonNode.DeepEquals(a, b)) differences.Add(key);
                break;
        }
    }
}
