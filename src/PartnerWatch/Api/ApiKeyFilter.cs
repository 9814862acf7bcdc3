using System.Security.Cryptography;
using System.Text;
using PartnerWatch.Config;

namespace PartnerWatch.Api;

/// <summary>
/// Guards <c>/api/*</c> with the shared key from <c>PartnerWatch:Api:Key</c> (<c>PartnerWatch__Api__Key</c>), sent as
/// <c>X-Api-Key</c> or <c>Authorization: Bearer</c>. Keys are compared as SHA-256 digests with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, so neither the content nor the length of the key leaks
/// through timing. With no key configured the API does not exist: every <c>/api/*</c> request gets 404.
/// </summary>
internal sealed partial class ApiKeyFilter(PartnerWatchOptions options, ILogger<ApiKeyFilter> logger) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    private readonly byte[]? _expected = string.IsNullOrEmpty(options.Api.Key) ? null : Digest(options.Api.Key);

    public bool Enabled => _expected is not null;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_expected is null)
        {
            return TypedResults.NotFound();
        }

        var presented = PresentedKey(context.HttpContext.Request);
        if (presented is null || !CryptographicOperations.FixedTimeEquals(Digest(presented), _expected))
        {
            LogRefused(context.HttpContext.Request.Path, presented is null ? "no key" : "wrong key", context.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer realm=\"PartnerWatch\"";
            return TypedResults.Problem(
                title: "Unauthorized",
                detail: $"Send the API key in the {HeaderName} header or as Authorization: Bearer <key>.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.Count == 1 && !string.IsNullOrEmpty(header[0]))
        {
            return header[0];
        }

        var authorization = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        return authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) && authorization.Length > Bearer.Length
            ? authorization[Bearer.Length..].Trim()
            : null;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    [LoggerMessage(Level = LogLevel.Warning, Message = "API request to {Path} refused ({Reason}) from {RemoteAddress}")]
    private partial void LogRefused(string path, string reason, string remoteAddress);
}
