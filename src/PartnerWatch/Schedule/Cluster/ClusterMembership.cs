using System.Reflection;
using Npgsql;
using PartnerWatch.Config;

namespace PartnerWatch.Schedule.Cluster;

/// <summary>
/// This node's row in <c>cluster_nodes</c>: written at start (after the schema is in place, before the scheduler starts,
/// which is why this hosted service is registered ahead of Quartz's), refreshed every check-in interval and marked
/// stopped on a clean shutdown. Quartz deletes the check-in row of a node it declared dead once it has taken over its
/// work, so without this table a lost node would vanish from <c>/status</c> instead of being shown as lost.
/// </summary>
public sealed class ClusterMembership(
    PartnerWatchOptions options, NodeIdentity node, TimeProvider time, ILogger<ClusterMembership> logger) : BackgroundService
{
    /// <summary>Rows of nodes that stopped or were lost longer ago than this are deleted (AUTO ids change at every start).</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    private static readonly string Version =
        typeof(ClusterMembership).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    public string ConnectionString { get; } = ConnectionFor(options);

    public static string ConnectionFor(PartnerWatchOptions options) =>
        new NpgsqlConnectionStringBuilder(options.Storage.ConnectionString) { ApplicationName = "PartnerWatch cluster" }.ConnectionString;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await QuartzClusterSchema.EnsureAsync(ConnectionString, cancellationToken);
        await ExecuteAsync("""
            INSERT INTO cluster_nodes (node_id, host, process_id, version, started_at, last_seen_at, stopped_at)
            VALUES (@id, @host, @pid, @version, @now, @now, NULL)
            ON CONFLICT (node_id) DO UPDATE SET host = EXCLUDED.host, process_id = EXCLUDED.process_id, version = EXCLUDED.version,
                started_at = EXCLUDED.started_at, last_seen_at = EXCLUDED.last_seen_at, stopped_at = NULL
            """, cancellationToken);
        logger.LogInformation("Cluster node {NodeId} on {Host} (pid {ProcessId}) joined; check-in every {CheckinInterval}",
            node.Id, node.Host, node.ProcessId, options.Cluster.CheckinInterval);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Cluster.CheckinInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await ExecuteAsync("UPDATE cluster_nodes SET last_seen_at = @now WHERE node_id = @id", stoppingToken);
                    await ExecuteAsync("DELETE FROM cluster_nodes WHERE last_seen_at < @forget", stoppingToken);
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
                {
                    // The database is away: Quartz's own check-in fails too and says so; this row only feeds /status.
                    logger.LogDebug(ex, "Cluster node row of {NodeId} not refreshed", node.Id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await ExecuteAsync("UPDATE cluster_nodes SET last_seen_at = @now, stopped_at = @now WHERE node_id = @id", cancellationToken);
            logger.LogInformation("Cluster node {NodeId} left", node.Id);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            logger.LogWarning(ex, "Cluster node {NodeId} could not record its clean stop; it will be shown as lost", node.Id);
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", node.Id);
        command.Parameters.AddWithValue("host", node.Host);
        command.Parameters.AddWithValue("pid", node.ProcessId);
        command.Parameters.AddWithValue("version", Version);
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("forget", (now - ForgetAfter).ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
