using System.Net;
using System.Net.Http.Headers;
using PartnerWatch.Config;

namespace PartnerWatch.Fetch;

/// <summary>
/// How one site is fetched: its <c>Accept-Language</c> and its proxy (null: direct), resolved from the site and
/// <c>Fetch</c> options. <see cref="FetchScope"/> carries it to every request of the site's scan, images included.
/// </summary>
public sealed record FetchSettings(string AcceptLanguage, Uri? Proxy)
{
    /// <summary>The value of a site's <c>Proxy</c> that means "no proxy for this site" over a global <c>Fetch:Proxy</c>.</summary>
    public const string NoProxy = "none";

    public static FetchSettings Default(FetchOptions fetch) => new(fetch.AcceptLanguage, ParseProxy(fetch.Proxy));

    public static FetchSettings For(SiteOptions site, FetchOptions fetch)
    {
        var proxy = site.Proxy is null ? fetch.Proxy : IsNoProxy(site.Proxy) ? null : site.Proxy;
        return new(string.IsNullOrWhiteSpace(site.AcceptLanguage) ? fetch.AcceptLanguage : site.AcceptLanguage.Trim(), ParseProxy(proxy));
    }

    public static bool IsNoProxy(string value) => string.Equals(value.Trim(), NoProxy, StringComparison.OrdinalIgnoreCase);

    private static Uri? ParseProxy(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new Uri(value.Trim(), UriKind.Absolute);

    /// <summary>Null when <paramref name="value"/> is a valid <c>Accept-Language</c> list, else what is wrong.</summary>
    public static string? AcceptLanguageError(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "must list at least one language (e.g. \"en;q=0.9,*;q=0.5\")";
        if (value.Any(c => c is '\r' or '\n' || char.IsControl(c))) return "must be one line";
        foreach (var part in value.Split(','))
        {
            if (!StringWithQualityHeaderValue.TryParse(part.Trim(), out var parsed))
                return $"\"{part.Trim()}\" is not a language range with an optional ;q= weight";
            if (parsed.Value != "*" && !parsed.Value.Split('-').All(tag => tag.Length is >= 1 and <= 8 && tag.All(char.IsAsciiLetterOrDigit)))
                return $"\"{parsed.Value}\" is not a language tag (e.g. en, zh-CN, *)";
        }
        return null;
    }

    /// <summary>
    /// Null when <paramref name="value"/> is empty or a usable proxy URL, else what is wrong. A proxy given as an IP
    /// literal in a non-public range is refused unless <paramref name="allowPrivate"/>; a name is checked when connecting.
    /// The URL may hold a password, so messages never repeat it.
    /// </summary>
    public static string? ProxyError(string? value, bool allowPrivate)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var proxy) || string.IsNullOrEmpty(proxy.Host))
            return "is not an absolute URL (e.g. http://proxy.example:3128)";
        if (proxy.Scheme != Uri.UriSchemeHttp)
            return $"must be an http:// proxy URL (the scheme was {proxy.Scheme})";
        if (proxy.AbsolutePath != "/" || !string.IsNullOrEmpty(proxy.Query))
            return "must be scheme, host and port only (no path or query)";
        if (!allowPrivate && IPAddress.TryParse(proxy.Host.Trim('[', ']'), out var address) && NonPublicAddressRanges.Describe(address) is { } reason)
            return $"is {reason}; set PartnerWatch:Fetch:AllowPrivateProxy=true to use a proxy on your own network";
        return null;
    }

    /// <summary>The proxy as it may be logged: scheme, host and port, never the credentials.</summary>
    public static string Describe(Uri proxy) => $"{proxy.Scheme}://{proxy.Authority}";
}

/// <summary>
/// The <see cref="FetchSettings"/> of the scan running on this async flow: the site scanner enters it, and every request
/// made for that scan (pages, robots.txt, images fetched by the detect stage) reads it. Outside a scan the
/// <c>Fetch</c> defaults apply.
/// </summary>
public sealed class FetchScope(PartnerWatchOptions options)
{
    private readonly AsyncLocal<FetchSettings?> _current = new();

    public FetchSettings Current => _current.Value ?? FetchSettings.Default(options.Fetch);

    /// <summary>Applies <paramref name="settings"/> to the requests of this async flow until the result is disposed.</summary>
    public IDisposable Enter(FetchSettings settings)
    {
        var previous = _current.Value;
        _current.Value = settings;
        return new Exit(this, previous);
    }

    private sealed class Exit(FetchScope scope, FetchSettings? previous) : IDisposable
    {
        public void Dispose() => scope._current.Value = previous;
    }
}
