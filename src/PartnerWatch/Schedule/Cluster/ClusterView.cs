using Npgsql;
using PartnerWatch.Config;
using Quartz;

namespace PartnerWatch.Schedule.Cluster;

/// <summary>
/// The nodes of the cluster as every node sees them (<c>/status</c> <c>nodes</c>): Quartz's verdict on each node's
/// check-ins (the same one that decides when a dead node's work is taken over), the host and start time from
/// <c>cluster_nodes</c>, and the scans each node runs from the shared fired-trigger table. Alone on SQLite, the list
/// is this process.
/// </summary>
public sealed class ClusterView(ISchedulerFactory schedulers, PartnerWatchOptions options, NodeIdentity node)
{
    public bool Clustered => options.Storage.IsPostgres();

    public async Task<IReadOnlyList<NodeStatus>> NodesAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var running = await RunningScansByNodeAsync(scheduler, cancellationToken);
        if (!Clustered)
            return [new NodeStatus(node.Id, node.Host, node.StartedAt, null, NodeState.Alive, running.GetValueOrDefault(node.Id), true)];

        var checkIns = (await scheduler.QueryClusterNodes(cancellationToken)).ToDictionary(n => n.InstanceId, StringComparer.Ordinal);
        var rows = await ReadRowsAsync(cancellationToken);
        var result = new List<NodeStatus>();
        foreach (var row in rows)
        {
            checkIns.TryGetValue(row.Id, out var checkIn);
            var state = checkIn?.State switch
            {
                ClusterNodeState.Alive => NodeState.Alive,
                ClusterNodeState.Overdue => NodeState.Late,
                ClusterNodeState.Failed => NodeState.Lost,
                // Quartz deletes the check-in row of a node it has recovered, and of one that shut down cleanly.
                _ => row.StoppedAt is null ? NodeState.Lost : NodeState.Stopped,
            };
            if (string.Equals(row.Id, node.Id, StringComparison.Ordinal) && state is NodeState.Lost or NodeState.Stopped && checkIn is null)
                state = NodeState.Alive; // this node, before its first check-in has been written
            result.Add(new NodeStatus(row.Id, row.Host, row.StartedAt, checkIn?.LastCheckInUtc ?? row.LastSeenAt, state,
                running.GetValueOrDefault(row.Id), string.Equals(row.Id, node.Id, StringComparison.Ordinal)));
        }
        // A Quartz node PartnerWatch has no row for (started by hand, or another application on the same tables).
        foreach (var checkIn in checkIns.Values.Where(c => result.All(r => r.Id != c.InstanceId)))
        {
            result.Add(new NodeStatus(checkIn.InstanceId, null, null, checkIn.LastCheckInUtc,
                checkIn.State switch { ClusterNodeState.Alive => NodeState.Alive, ClusterNodeState.Overdue => NodeState.Late, _ => NodeState.Lost },
                running.GetValueOrDefault(checkIn.InstanceId), checkIn.IsCurrentNode));
        }
        return result.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Nodes that take firings now (alive or only late), at least this one: the backlog's capacity counts their slots.</summary>
    public async Task<int> LiveNodeCountAsync(CancellationToken cancellationToken)
    {
        if (!Clustered) return 1;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var live = (await scheduler.QueryClusterNodes(cancellationToken)).Count(n => n.State != ClusterNodeState.Failed);
        return Math.Max(1, live);
    }

    private static async Task<Dictionary<string, int>> RunningScansByNodeAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var firings = await scheduler.QueryFireInstances(new FireInstanceQuery { State = FireInstanceState.Executing, Take = PagedQuery.All }, cancellationToken);
        return firings.Items
            .Where(f => f.JobKey?.Group == SiteScanJob.Group)
            .GroupBy(f => f.SchedulerInstanceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    private async Task<List<NodeRow>> ReadRowsAsync(CancellationToken cancellationToken)
    {
        var rows = new List<NodeRow>();
        await using var connection = new NpgsqlConnection(ClusterMembership.ConnectionFor(options));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT node_id, host, started_at, last_seen_at, stopped_at FROM cluster_nodes", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new NodeRow(
                reader.GetString(0), reader.GetString(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }
        return rows;
    }

    private sealed record NodeRow(string Id, string Host, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt, DateTimeOffset? StoppedAt);
}

public enum NodeState
{
    /// <summary>Checked in within its interval: takes firings.</summary>
    Alive,
    /// <summary>Missed a check-in, not yet declared dead (a pause, a slow database): nothing is taken from it yet.</summary>
    Late,
    /// <summary>Stopped checking in without a clean stop: its firings and interrupted scans go to the other nodes.</summary>
    Lost,
    /// <summary>Shut down cleanly.</summary>
    Stopped,
}

/// <param name="LastCheckIn">Its last check-in (null alone on SQLite, where nothing checks in).</param>
/// <param name="ScansRunning">Site scans it is running now (at most one of them may still wait for a scan slot).</param>
public sealed record NodeStatus(
    string Id, string? Host, DateTimeOffset? StartedAt, DateTimeOffset? LastCheckIn, NodeState State, int ScansRunning, bool Current);
