namespace PartnerWatch.Config;

/// <summary>
/// <c>Cluster</c>: how this process takes part in a Quartz cluster. Only read with <c>Storage:Provider = Postgres</c>,
/// where every node shares one job store and each firing runs on exactly one node (docs/cluster.md); SQLite keeps the
/// single-node in-memory scheduler and ignores this section.
/// </summary>
public sealed class ClusterOptions
{
    public const string AutoNodeId = "AUTO";

    /// <summary>
    /// This node's id in the cluster (the Quartz scheduler instance id), shown in <c>/status</c> and on each scan it
    /// runs. <c>AUTO</c> (default): host name, process id and a short random suffix, so two processes never share one
    /// even in containers that share a host name and both run as pid 1. Two running nodes must never share an id.
    /// </summary>
    public string NodeId { get; set; } = AutoNodeId;

    /// <summary>
    /// How often a node records that it is alive (default 7.5 s). A node silent for this plus the same again is
    /// declared dead and its triggers and interrupted scans are taken over by the others: failover takes about twice this.
    /// </summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);
}

/// <summary>Start-up checks of <see cref="ClusterOptions"/>, each naming its key.</summary>
public static class ClusterOptionsValidator
{
    /// <summary>Quartz keeps instance ids in a 200-character column; keep room and keep them printable.</summary>
    public const int MaxNodeIdLength = 120;

    public static IEnumerable<ConfigProblem> Check(ClusterOptions cluster)
    {
        const string Prefix = PartnerWatchOptions.SectionName + ":Cluster:";
        if (string.IsNullOrWhiteSpace(cluster.NodeId))
            yield return new ConfigProblem(Prefix + "NodeId", $"must be {ClusterOptions.AutoNodeId} or a name unique to this node");
        else if (cluster.NodeId.Length > MaxNodeIdLength || cluster.NodeId.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            yield return new ConfigProblem(Prefix + "NodeId", $"must be at most {MaxNodeIdLength} characters without spaces");
        if (cluster.CheckinInterval < TimeSpan.FromSeconds(1) || cluster.CheckinInterval > TimeSpan.FromMinutes(5))
            yield return new ConfigProblem(Prefix + "CheckinInterval", $"must be between 00:00:01 and 00:05:00, was {cluster.CheckinInterval}");
    }
}
