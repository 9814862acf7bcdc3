using System.Reflection;
using PartnerWatch.Compare;
using PartnerWatch.Config;
using PartnerWatch.Schedule;
using PartnerWatch.Schedule.Cluster;
using PartnerWatch.Store;

namespace PartnerWatch.Status;

/// <summary><c>/status</c> (what the service knows); <c>/healthz</c> and <c>/readyz</c> are health checks (Status/Health).</summary>
public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/status", StatusAsync);
        return app;
    }

    private static async Task<IResult> StatusAsync(
        IScanStore store, ScanSchedule schedule, ClusterView cluster, LiveConfiguration live, ServiceClock clock,
        PartnerListSources partnerLists, WebConsole.AccuracyReport accuracy, CancellationToken cancellationToken)
    {
        var options = live.Current;  // the sites configured now, reloads included
        var stored = await store.GetStatusAsync(cancellationToken);
        var planned = await schedule.SitesAsync(cancellationToken);
        var nodes = await cluster.NodesAsync(cancellationToken);
        var bySite = stored.Sites.ToDictionary(s => s.SiteId, StringComparer.OrdinalIgnoreCase);
        var uptime = clock.Uptime;

        var sites = options.Sites.Select(site =>
        {
            bySite.TryGetValue(site.Id, out var last);
            planned.TryGetValue(site.Id, out var plan);
            return new SiteStatusDto(
                site.Id,
                string.IsNullOrEmpty(site.Name) ? site.Id : site.Name,
                site.Url,
                last?.LastScanAt is { } at
                    ? new LastScanDto(at, last.LastOutcome ?? "unknown", last.LastPages, last.LastErrors.Select(e => new ErrorDto(e.Url, e.Message)).ToList(), last.LastScanBy)
                    : null,
                plan?.NextScan,
                plan?.DueAt,
                plan?.Overdue ?? false,
                plan?.OverdueBy is { } late ? late.ToString(@"d\.hh\:mm\:ss") : null,
                plan?.Scanning ?? false,
                plan?.RunningOn);
        }).ToList();

        // Claims of sites no longer in the configuration stay in the database (evidence), but are not watched any more.
        var configured = options.Sites.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var claims = stored.OpenClaims
            .Where(c => configured.Contains(c.SiteId))
            .Select(c => new OpenClaimDto(c.Id, c.SiteId, c.BrandId, "unverified", c.Confidence, c.FirstSeenAt, c.LastSeenAt, c.Alerted, c.Acknowledged))
            .ToList();

        return TypedResults.Ok(new StatusDto(
            Version,
            clock.StartedAt,
            uptime.ToString(@"d\.hh\:mm\:ss"),
            (long)uptime.TotalSeconds,
            sites,
            claims,
            new AlertsDto(stored.PendingAlerts, stored.FailedDeliveries, stored.OldestPendingAlertAt, stored.LastDeliveryError,
                stored.PendingWebhookDeliveries, stored.FailedWebhookDeliveries, stored.LastWebhookError),
            partnerLists.States,
            live.State,
            nodes.Select(n => new NodeDto(n.Id, n.Host, n.StartedAt, n.LastCheckIn, n.State.ToString().ToLowerInvariant(), n.ScansRunning, n.Current)).ToList(),
            WebConsole.StatusAccuracy.From(await accuracy.ComputeAsync(cancellationToken))));
    }

    private static string Version { get; } =
        typeof(StatusEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    public sealed record StatusDto(
        string Version, DateTimeOffset StartedAt, string Uptime, long UptimeSeconds,
        IReadOnlyList<SiteStatusDto> Sites, IReadOnlyList<OpenClaimDto> OpenClaims, AlertsDto Alerts,
        IReadOnlyList<PartnerListState> PartnerLists, ConfigurationState Configuration, IReadOnlyList<NodeDto> Nodes,
        WebConsole.StatusAccuracy Accuracy);

    /// <summary>
    /// One node of the cluster (just this process on SQLite). <paramref name="State"/>: <c>alive</c>, <c>late</c> (missed
    /// a check-in, nothing taken over yet), <c>lost</c> (stopped checking in: its work goes to the others), <c>stopped</c>
    /// (shut down cleanly). <paramref name="Current"/> is the node answering this request.
    /// </summary>
    public sealed record NodeDto(
        string Id, string? Host, DateTimeOffset? StartedAt, DateTimeOffset? LastCheckIn, string State, int ScansRunning, bool Current);

    /// <param name="DueAt">When the scan the site is owed was due (null when none is owed now).</param>
    /// <param name="Overdue">Due and not started: waiting for a worker or a scan slot (issue 11: never silently).</param>
    /// <param name="OverdueBy">How long it has been waiting, <c>d.hh:mm:ss</c>; null unless overdue.</param>
    /// <param name="Scanning">A scan of the site is running now.</param>
    /// <param name="RunningOn">The node whose job is scanning the site or waiting for a scan slot for it.</param>
    public sealed record SiteStatusDto(
        string Id, string Name, string Url, LastScanDto? LastScan, DateTimeOffset? NextScan,
        DateTimeOffset? DueAt, bool Overdue, string? OverdueBy, bool Scanning, string? RunningOn);

    /// <param name="Node">The node that ran the scan (null for scans recorded by <c>scan --store</c>).</param>
    public sealed record LastScanDto(DateTimeOffset Time, string Outcome, int Pages, IReadOnlyList<ErrorDto> Errors, string? Node);

    public sealed record ErrorDto(string Url, string Message);

    public sealed record OpenClaimDto(
        long Id, string Site, string Brand, string Status, double Confidence, DateTimeOffset FirstSeen, DateTimeOffset LastSeen,
        bool Alerted, bool Acknowledged);

    /// <summary>The outbox as an operator needs it: backlog, failures, how old the oldest undelivered alert is, why.</summary>
    public sealed record AlertsDto(
        int Pending, int FailedDeliveries, DateTimeOffset? OldestPendingAt, string? LastDeliveryError,
        int PendingWebhooks, int FailedWebhooks, string? LastWebhookError);
}
