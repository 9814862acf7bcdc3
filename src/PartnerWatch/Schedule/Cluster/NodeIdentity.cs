using System.Security.Cryptography;
using PartnerWatch.Config;

namespace PartnerWatch.Schedule.Cluster;

/// <summary>
/// Who this process is in the cluster: its node id (the Quartz scheduler instance id, also written on every scan it
/// runs as <c>scanned_by</c>), the host it runs on and when it started. One per process, fixed at start.
/// </summary>
public sealed record NodeIdentity(string Id, string Host, int ProcessId, DateTimeOffset StartedAt)
{
    /// <summary>
    /// <c>Cluster:NodeId</c>, or for <c>AUTO</c> host-pid-suffix: containers that share the host's name (host networking)
    /// all run as pid 1, and two nodes with one id would each take the other's firings for their own.
    /// </summary>
    public static NodeIdentity Create(ClusterOptions cluster, TimeProvider time)
    {
        var host = Environment.MachineName;
        var pid = Environment.ProcessId;
        var id = string.Equals(cluster.NodeId, ClusterOptions.AutoNodeId, StringComparison.OrdinalIgnoreCase)
            ? $"{host}-{pid}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}"
            : cluster.NodeId.Trim();
        return new NodeIdentity(id, host, pid, time.GetUtcNow());
    }
}
