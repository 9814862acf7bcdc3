using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.WebConsole;

/// <summary>
/// A small but real OpenID Connect provider on loopback, for the console's single sign-on tests: discovery document,
/// JWKS with a test RSA key, an authorization endpoint that signs in <see cref="NextUser"/> at once and redirects back
/// with a one-time code, and a token endpoint that checks the client secret, the redirect URI and the PKCE verifier
/// before it returns an RS256-signed ID token carrying the nonce. Nothing here is shared with the code under test.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "partnerwatch-console";
    public const string ClientSecret = "test-secret-for-the-loopback-provider";
    private const string KeyId = "test-key-1";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _problems = new();
    private LoopbackHttpServer _server = null!;
    private int _tokensIssued;

    private TestOidcProvider()
    {
    }

    /// <summary>The issuer and authority: <c>http://127.0.0.1:port</c> (no trailing slash).</summary>
    public string Issuer => _server.BaseUri.AbsoluteUri.TrimEnd('/');

    /// <summary>Who the next authorization request signs in as.</summary>
    public ProviderUser NextUser { get; set; } = new("u-1", "alice", ["pw-analysts"]);

    /// <summary>Sign the ID token with a key the JWKS does not publish (a forged token).</summary>
    public bool SignWithUnpublishedKey { get; set; }

    /// <summary>ID tokens handed out (a code exchange that passed every check).</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Requests the provider refused, and why (a correct client makes none).</summary>
    public IReadOnlyList<string> Problems => _problems.ToArray();

    public static async Task<TestOidcProvider> StartAsync()
    {
        var provider = new TestOidcProvider();
        provider._server = await LoopbackHttpServer.StartAsync(provider.HandleAsync);
        return provider;
    }

    private Task HandleAsync(HttpContext context) => context.Request.Path.Value switch
    {
        "/.well-known/openid-configuration" => Json(context, new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        }),
        "/jwks" => Jwks(context),
        "/authorize" => AuthorizeAsync(context),
        "/token" => TokenAsync(context),
        _ => NotFound(context),
    };

    private Task Jwks(HttpContext context)
    {
        var key = _key.ExportParameters(includePrivateParameters: false);
        return Json(context, new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64Url(key.Modulus!), e = Base64Url(key.Exponent!) } } });
    }

    private Task AuthorizeAsync(HttpContext context)
    {
        var q = context.Request.Query;
        if (q["client_id"] != ClientId) return Refuse(context, "authorize: unknown client_id " + q["client_id"]);
        if (q["response_type"] != "code") return Refuse(context, "authorize: response_type " + q["response_type"]);
        if (q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"])) return Refuse(context, "authorize: no PKCE S256 challenge");
        if (!q["scope"].ToString().Split(' ').Contains("openid")) return Refuse(context, "authorize: scope without openid");
        var redirect = q["redirect_uri"].ToString();
        var code = Base64Url(RandomNumberGenerator.GetBytes(24));
        _codes[code] = new PendingCode(redirect, q["code_challenge"]!, q["nonce"].ToString(), NextUser);
        var back = QueryHelpers.AddQueryString(redirect, new Dictionary<string, string?> { ["code"] = code, ["state"] = q["state"], ["iss"] = Issuer });
        context.Response.Redirect(back);
        return Task.CompletedTask;
    }

    private async Task TokenAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType)
        {
            await Refuse(context, "token: not a form post");
            return;
        }
        var form = await context.Request.ReadFormAsync();
        var (clientId, secret) = ClientCredentials(context, form);
        if (clientId != ClientId || secret != ClientSecret)
        {
            await Refuse(context, "token: bad client credentials", 401, "invalid_client");
            return;
        }
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var pending))
        {
            await Refuse(context, "token: unknown or reused code", 400, "invalid_grant");
            return;
        }
        if (form["redirect_uri"] != pending.RedirectUri)
        {
            await Refuse(context, "token: redirect_uri differs from the authorization request", 400, "invalid_grant");
            return;
        }
        var verifier = form["code_verifier"].ToString();
        if (verifier.Length < 43 || Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != pending.CodeChallenge)
        {
            await Refuse(context, "token: PKCE verifier does not match", 400, "invalid_grant");
            return;
        }

        Interlocked.Increment(ref _tokensIssued);
        await Json(context, new
        {
            access_token = Base64Url(RandomNumberGenerator.GetBytes(24)),
            token_type = "Bearer",
            expires_in = 300,
            id_token = IdToken(pending),
        });
    }

    private string IdToken(PendingCode pending)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new { alg = "RS256", typ = "JWT", kid = KeyId };
        var payload = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["sub"] = pending.User.Subject,
            ["aud"] = ClientId,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 300,
            ["nonce"] = pending.Nonce,
            ["preferred_username"] = pending.User.UserName,
            ["name"] = pending.User.UserName,
            ["roles"] = pending.User.Roles,
        };
        var signingInput = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var key = SignWithUnpublishedKey ? _otherKey : _key;
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    private static (string? Id, string? Secret) ClientCredentials(HttpContext context, IFormCollection form)
    {
        var auth = context.Request.Headers.Authorization.ToString();
        if (auth.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(auth[6..].Trim())).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : null);
        }
        return (form["client_id"], form["client_secret"]);
    }

    private Task Refuse(HttpContext context, string problem, int status = 400, string error = "invalid_request")
    {
        _problems.Enqueue(problem);
        context.Response.StatusCode = status;
        return Json(context, new { error, error_description = problem });
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    private static Task Json(HttpContext context, object value)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(value));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _key.Dispose();
        _otherKey.Dispose();
    }

    private sealed record PendingCode(string RedirectUri, string CodeChallenge, string Nonce, ProviderUser User);
}

/// <summary>A user at the test provider: subject, user name and the values of its <c>roles</c> claim.</summary>
public sealed record ProviderUser(string Subject, string UserName, string[] Roles);
