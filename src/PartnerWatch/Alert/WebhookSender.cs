using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PartnerWatch.Fetch;
using PartnerWatch.Store;

namespace PartnerWatch.Alert;

/// <summary>What became of one POST to a webhook.</summary>
public enum WebhookResult
{
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,
    /// <summary>Worth trying again later: 5xx, 408, 429, timeout, connection failure.</summary>
    Retry,
    /// <summary>Trying again cannot help: 3xx (redirects are not followed), other 4xx, an address the policy refuses, a sink no longer configured.</summary>
    Rejected,
}

/// <param name="RetryAfter">The receiver's <c>Retry-After</c>, when it sent one with a 429/503.</param>
public sealed record WebhookOutcome(WebhookResult Result, string? Error = null, TimeSpan? RetryAfter = null);

/// <summary>
/// POSTs one alert to one configured webhook (<c>PartnerWatch:Webhooks:N</c>). Connections go through the fetch stage's
/// <see cref="GuardedConnector"/>, so a webhook URL that resolves to a private address is refused unless
/// <c>Webhooks:N:AllowPrivateNetwork</c> or <c>Fetch:AllowPrivateNetworks</c> is set; redirects are never followed; proxies
/// are not used. Never throws for a delivery problem: the outcome says whether to retry. Never logs the URL's path or
/// query (Slack and Teams put their secret there) nor the signing secret.
/// </summary>
public sealed partial class WebhookSender(
    PartnerWatchOptions options,
    WebhookPayloads payloads,
    IHttpClientFactory httpClientFactory,
    TimeProvider timeProvider,
    ILogger<WebhookSender> logger)
{
    /// <summary>HttpClient whose connections the address policy guards.</summary>
    public const string GuardedClientName = "PartnerWatch.Webhooks";
    /// <summary>HttpClient for webhooks with <c>AllowPrivateNetwork</c>: same handler, a policy that allows every address.</summary>
    public const string PrivateNetworkClientName = "PartnerWatch.Webhooks.PrivateNetwork";

    public const string DeliveryHeader = "X-PartnerWatch-Delivery";
    public const string EventHeader = "X-PartnerWatch-Event";
    public const string TimestampHeader = "X-PartnerWatch-Timestamp";
    public const string SignatureHeader = "X-PartnerWatch-Signature";

    public async Task<WebhookOutcome> SendAsync(PendingDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (WebhookOf(delivery.Sink) is not { } found)
        {
            return new WebhookOutcome(WebhookResult.Rejected, $"{delivery.Sink} is not configured any more (PartnerWatch:Webhooks)");
        }

        var (index, webhook) = found;
        if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return new WebhookOutcome(WebhookResult.Rejected, $"PartnerWatch:Webhooks:{index}:Url is not an absolute http(s) URL");
        }

        var where = $"{delivery.Sink} ({url.Host})";
        byte[] body;
        try
        {
            body = payloads.Compose(webhook.Format, delivery.Alert, WebhookPayloads.DeliveryId(delivery.Alert));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return new WebhookOutcome(WebhookResult.Rejected, $"{where}: the payload cannot be composed: {ex.Message}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(DeliveryHeader, WebhookPayloads.DeliveryId(delivery.Alert));
        request.Headers.Add(EventHeader, delivery.Alert.Kind.Name());
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.Add(TimestampHeader, timestamp);
        if (!string.IsNullOrEmpty(webhook.Secret))
        {
            request.Headers.Add(SignatureHeader, Sign(webhook.Secret, timestamp, body));
        }

        var client = httpClientFactory.CreateClient(webhook.AllowPrivateNetwork ? PrivateNetworkClientName : GuardedClientName);
        var timeout = webhook.Timeout > TimeSpan.Zero ? webhook.Timeout : TimeSpan.FromSeconds(10);
        client.Timeout = timeout;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return Classify(response, where, index);
        }
        catch (HttpRequestException ex) when (FetchServiceCollectionExtensions.RefusedByPolicy(ex))
        {
            var refusal = Innermost<AddressRefusedException>(ex)?.Message ?? ex.Message;
            LogRefused(delivery.Sink, url.Host);
            return new WebhookOutcome(WebhookResult.Rejected,
                $"{where}: {refusal.Split("; set ", 2)[0]}; set PartnerWatch:Webhooks:{index}:AllowPrivateNetwork=true to allow this webhook");
        }
        catch (HttpRequestException ex)
        {
            // The error kind, not the message: runtime messages may quote the URL, whose path can be the secret.
            return new WebhookOutcome(WebhookResult.Retry, $"{where}: request failed ({ex.HttpRequestError})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookOutcome(WebhookResult.Retry, $"{where}: no response within {timeout}");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            // Whatever else went wrong is treated as transient: the backoff bounds the cost, and nothing is lost.
            return new WebhookOutcome(WebhookResult.Retry, $"{where}: {ex.GetType().Name}");
        }
    }

    /// <summary>
    /// <c>sha256=</c> + lowercase hex HMAC-SHA256, keyed with the UTF-8 secret, of the ASCII timestamp, a dot, and the exact
    /// body bytes. The timestamp in the signed string lets a receiver refuse replays of an old request.
    /// </summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.ASCII.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    private (int Index, WebhookOptions Webhook)? WebhookOf(string sink)
    {
        const string prefix = "webhook:";
        if (!sink.StartsWith(prefix, StringComparison.Ordinal)
            || !int.TryParse(sink.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index >= options.Webhooks.Count
            || options.Webhooks[index] is not { } webhook)
        {
            return null;
        }

        return (index, webhook);
    }

    private WebhookOutcome Classify(HttpResponseMessage response, string where, int index)
    {
        var code = (int)response.StatusCode;
        var status = $"HTTP {code} {response.ReasonPhrase}".TrimEnd();
        if (code is >= 200 and < 300)
        {
            return new WebhookOutcome(WebhookResult.Delivered);
        }

        if (code is >= 300 and < 400)
        {
            return new WebhookOutcome(WebhookResult.Rejected,
                $"{where}: {status}: redirects are not followed; set PartnerWatch:Webhooks:{index}:Url to the final address");
        }

        if (code is 408 or 429 || code >= 500 || code < 200)
        {
            return new WebhookOutcome(WebhookResult.Retry, $"{where}: {status}", RetryAfter(response));
        }

        return new WebhookOutcome(WebhookResult.Rejected, $"{where}: {status}: the receiver refused the alert; it will not be retried");
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        return wait > TimeSpan.Zero ? wait : null;
    }

    private static T? Innermost<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found) return found;
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Sink} to {Host} refused by the address policy")]
    private partial void LogRefused(string sink, string host);
}

/// <summary>For webhooks with <c>AllowPrivateNetwork</c>: the operator has vouched for this one URL.</summary>
internal sealed class AnyAddressPolicy : IAddressPolicy
{
    public string? RefusalReason(IPAddress address) => null;
}
