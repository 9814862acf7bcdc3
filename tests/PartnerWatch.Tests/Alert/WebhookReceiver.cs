using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Alert;

/// <summary>A real loopback webhook receiver: records every POST (headers and exact body bytes) and answers with <see cref="Status"/>.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private LoopbackHttpServer _server = null!;

    /// <summary>Status code answered to the next requests (settable while running: "down", then "up").</summary>
    public int Status { get; set; } = 200;

    /// <summary>Extra response headers (e.g. <c>Location</c>, <c>Retry-After</c>).</summary>
    public Dictionary<string, string> ResponseHeaders { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToArray();

    public IReadOnlyList<ReceivedWebhook> Accepted => _received.Where(r => r.AnsweredStatus is >= 200 and < 300).ToArray();

    public IReadOnlyList<string> Requests => _server.Requests;

    public string Url => _server.Url("/hooks/partnerwatch").AbsoluteUri;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        receiver._server = await LoopbackHttpServer.StartAsync(receiver.HandleAsync);
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var status = Status;
        _received.Enqueue(new ReceivedWebhook(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray(),
            status));
        context.Response.StatusCode = status;
        foreach (var (name, value) in ResponseHeaders)
        {
            context.Response.Headers[name] = value;
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

public sealed record ReceivedWebhook(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int AnsweredStatus)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
