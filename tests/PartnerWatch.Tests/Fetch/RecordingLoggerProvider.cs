using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PartnerWatch.Tests.Fetch;

/// <summary>Keeps every log event (level, category, original template and properties) for assertions.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    public sealed record Entry(LogLevel Level, string Category, string? Template, IReadOnlyDictionary<string, object?> Properties);

    private readonly ConcurrentQueue<Entry> _entries = new();
    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void Dispose() { }

    private sealed class Logger(RecordingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = (state as IEnumerable<KeyValuePair<string, object?>>)?.ToDictionary(p => p.Key, p => p.Value) ?? [];
            owner._entries.Enqueue(new Entry(logLevel, category, properties.GetValueOrDefault("{OriginalFormat}") as string, properties));
        }
    }
}
