using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PartnerWatch.Alert;
using PartnerWatch.Config;
using PartnerWatch.Store;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Alert;

public sealed class AlertingStartupTests
{
    [Fact]
    public async Task HostStartMigratesTheStoreAndLogsTheSmtpChannelWithoutTheSecret()
    {
        using var temp = new TempDirectory();
        var logs = new CapturingLoggerProvider();
        var options = new PartnerWatchOptions
        {
            Storage = { DataDirectory = temp.Combine("fresh", "data") },
            Smtp = { Host = "smtp.example.org", Port = 587, UserName = "alerts", Password = "s3cret-pa55", To = ["a@example.org"] },
        };
        await using var services = Build(options, logs);

        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        Assert.True(File.Exists(temp.Combine("fresh", "data", DataDirectory.DatabaseFileName)));
        Assert.True(await services.GetRequiredService<IScanStore>().PingAsync(CancellationToken.None));
        Assert.Single(logs.Messages, m => m.Contains("smtp.example.org:587"));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("s3cret-pa55"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task HostStartLogsTheOutboxFolderWhenNoSmtpHostIsSet()
    {
        using var temp = new TempDirectory();
        var logs = new CapturingLoggerProvider();
        var options = new PartnerWatchOptions { Storage = { DataDirectory = temp.Combine("data") } };
        await using var services = Build(options, logs);

        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        Assert.Single(logs.Messages, m => m.Contains(temp.Combine("data", "outbox")));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static ServiceProvider Build(PartnerWatchOptions options, CapturingLoggerProvider logs)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(options);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddStorage();
        services.AddAlerting();
        return services.BuildServiceProvider();
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => _messages.ToArray();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _messages.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
