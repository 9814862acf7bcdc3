using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PartnerWatch.Tests.Store;

/// <summary>
/// A real PostgreSQL server for the test run: the one <c>PARTNERWATCH_TEST_POSTGRES</c> names (a connection string of a
/// user that may CREATE DATABASE), else a private one started here with <c>initdb</c> into a temp folder and
/// <c>pg_ctl start</c> on a free loopback port, stopped (<c>pg_ctl stop -m fast</c>) and deleted at the end. Each
/// harness gets a fresh database. When no server can be had, every test that asks for a database fails saying why.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "PARTNERWATCH_TEST_POSTGRES";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private string? _adminConnectionString;
    private string? _failure;
    private string? _root;
    private string? _binDirectory;
    private bool _runAsPostgresUser;

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            _adminConnectionString = external;
            return;
        }

        try
        {
            await StartPrivateServerAsync();
        }
        catch (Exception ex)
        {
            _failure = $"PostgreSQL tests need a server and none could be started ({ex.Message}). Install the Debian package " +
                $"'postgresql' (initdb under /usr/lib/postgresql/<version>/bin; .ci/run does), or set {EnvironmentVariable} to the " +
                "connection string of a server whose user may CREATE DATABASE.";
        }
    }

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        if (_adminConnectionString is null)
        {
            throw new InvalidOperationException(_failure ?? "PostgreSQL test server not initialised.");
        }

        var name = "pw_" + Guid.NewGuid().ToString("N")[..16];
        try
        {
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException ex)
        {
            var server = _root is null ? $"the server {EnvironmentVariable} names" : "the private test server";
            throw new InvalidOperationException($"PostgreSQL tests cannot create a database on {server}: {ex.Message}", ex);
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        if (_adminConnectionString is null)
        {
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        // FORCE ends the store's pooled connections, which would otherwise keep the database in use.
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_root is null)
        {
            return;
        }

        try
        {
            await RunAsync("pg_ctl", ["-D", DataFolder, "-m", "fast", "-w", "-t", "60", "stop"]);
        }
        finally
        {
            try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private string DataFolder => Path.Combine(_root!, "data");

    private async Task StartPrivateServerAsync()
    {
        _binDirectory = FindBinDirectory()
            ?? throw new InvalidOperationException("initdb not found in /usr/lib/postgresql/*/bin or on PATH");
        // initdb refuses to run as root: the server then runs as the postgres user, which must own its folders and
        // reach them (/tmp, not a TMPDIR that may be private to root).
        _runAsPostgresUser = Environment.IsPrivilegedProcess;
        if (_runAsPostgresUser)
        {
            _root = Path.Combine("/tmp", "partnerwatch-pg-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(_root);
            await RunRawAsync("chown", ["postgres:", _root]);
        }
        else
        {
            _root = Directory.CreateTempSubdirectory("partnerwatch-pg-").FullName;
        }

        await RunAsync("initdb", ["-D", DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);

        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreePort();
            try
            {
                await RunAsync("pg_ctl", ["-D", DataFolder, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "-o",
                    $"-c listen_addresses=127.0.0.1 -p {port} -k {_root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                    "start"]);
                _adminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=30";
                return;
            }
            catch (InvalidOperationException ex)
            {
                // Another process may have taken the port between probing and binding.
                last = ex;
            }
        }

        throw last!;
    }

    private static string? FindBinDirectory()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin"))
            : [];
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        return versions.Concat(onPath).FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunAsync(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_binDirectory!, tool);
        return _runAsPostgresUser ? RunRawAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunRawAsync(path, arguments);
    }

    private static async Task RunRawAsync(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} did not finish in {CommandTimeout}");
        }

        if (process.ExitCode != 0)
        {
            var text = (await error + "\n" + await output).Trim();
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} exited {process.ExitCode}: {text}");
        }
    }
}

/// <summary>All PostgreSQL-backed test classes share one server; the collection also keeps them from running at once.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
