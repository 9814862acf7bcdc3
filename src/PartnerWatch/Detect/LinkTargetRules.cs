namespace PartnerWatch.Detect;

/// <summary>
/// What a link's target says before any text is read: store badges, sign-in/OAuth and payment URLs, share intents,
/// social profiles and donation platforms are never a partnership; a link into a vendor's storage/hosting product or
/// its documentation names a service the site uses, not a partner.
/// </summary>
internal static class LinkTargetRules
{
    private static readonly HashSet<string> SocialHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "linkedin.com", "facebook.com", "fb.com", "twitter.com", "x.com", "instagram.com", "youtube.com", "weibo.com",
        "tiktok.com", "xing.com", "vk.com", "t.me", "pinterest.com", "github.com", "medium.com", "mastodon.social", "discord.gg",
        "discord.com", "reddit.com", "bsky.app", "threads.net", "youtu.be", "zhihu.com", "bilibili.com", "douyin.com",
        "telegram.me", "twitch.tv", "tumblr.com", "flickr.com", "slideshare.net", "pf.kakao.com", "open.kakao.com", "band.us",
    };

    /// <summary>
    /// The networks' short-link hosts. A "Facebook" link to <c>fb.me/acme</c> is the site's own follow link like
    /// <c>facebook.com/acme</c> (event sites and newsletters write the short form); the short host is not the network's
    /// catalogue domain, so the link is a follow link whatever brand its text names — nobody credits a sponsor through a
    /// short link to its profile.
    /// </summary>
    private static readonly HashSet<string> ShortSocialHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "fb.me", "m.me", "instagr.am", "lnkd.in", "wa.me", "line.me", "t.co",
    };

    /// <summary>Subdomains that serve the same profile as the bare host (<c>m.facebook.com/acme</c>).</summary>
    private static readonly string[] MirrorHostPrefixes = ["www.", "m.", "mobile.", "web."];

    /// <summary>
    /// First path segments of a vendor's storage, hosting and product catalogue pages (<c>aws.amazon.com/s3</c>,
    /// <c>aliyun.com/product/oss</c>, <c>cloud.google.com/storage</c>): a site linking there names a backend it runs on
    /// or supports — a compatibility statement, not a partnership.
    /// </summary>
    private static readonly HashSet<string> ProductPathSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "s3", "ec2", "lambda", "storage", "product", "products", "services", "service", "oss", "cos", "obs", "blob", "blobs",
        "marketplace", "pricing", "download", "downloads",
    };

    /// <summary>Hosts that serve a vendor's documentation (<c>docs.microsoft.com</c>, <c>help.aliyun.com</c>).</summary>
    private static readonly string[] DocumentationHostPrefixes = ["docs.", "doc.", "help.", "developer.", "developers.", "learn.", "support."];

    /// <summary>The cue that makes every brand cue inside this link incidental, or null.</summary>
    public static Cue? Negative(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        var path = url.AbsolutePath.ToLowerInvariant();
        if (host.StartsWith("apps.", StringComparison.Ordinal) || host.StartsWith("play.", StringComparison.Ordinal) ||
            host.StartsWith("itunes.", StringComparison.Ordinal) || host.StartsWith("appgallery.", StringComparison.Ordinal))
        {
            return new Cue(CueKind.AppStore, host);
        }

        if (host.StartsWith("accounts.", StringComparison.Ordinal) || host.StartsWith("login.", StringComparison.Ordinal) ||
            host.StartsWith("signin.", StringComparison.Ordinal) || host.StartsWith("pay.", StringComparison.Ordinal) ||
            path.Contains("oauth", StringComparison.Ordinal) || path.Contains("/login", StringComparison.Ordinal) || path.Contains("/signin", StringComparison.Ordinal))
        {
            return new Cue(CueKind.SignIn, host + path);
        }

        if (path.Contains("share", StringComparison.Ordinal) || path.Contains("intent/tweet", StringComparison.Ordinal))
        {
            return new Cue(CueKind.Social, host + path);
        }

        if (IsSharedDocument(host, path))
        {
            return new Cue(CueKind.Compatibility, host + path);
        }

        var bare = BareHost(host);
        // "Sponsor us on GitHub" / Open Collective: a donation button, not the platform presented as a sponsor.
        if (bare == "github.com" && path.StartsWith("/sponsors", StringComparison.Ordinal))
        {
            return new Cue(CueKind.SignIn, bare + path);
        }

        if ((SocialHosts.Contains(bare) || ShortSocialHosts.Contains(bare)) && path.Trim('/').Length > 0 && !IsNetworkOwnAccount(bare, path))
        {
            return new Cue(CueKind.Social, bare + path);
        }

        if (ProductPathSegments.Contains(FirstSegment(path)))
        {
            return new Cue(CueKind.Compatibility, bare + path);
        }

        return null;
    }

    /// <summary>
    /// Hosts that serve a file or form someone shared (<c>drive.google.com</c>, <c>forms.gle</c>, <c>1drv.ms</c>): the
    /// vendor there is the tool the site keeps its prospectus or sign-up form in, not a sponsor, whatever heading the
    /// "Download the sponsorship prospectus" link sits under.
    /// </summary>
    private static readonly string[] SharedDocumentHosts =
        ["drive.google.com", "docs.google.com", "forms.gle", "forms.office.com", "1drv.ms", "onedrive.live.com", "dl.dropboxusercontent.com"];

    /// <summary>Path shapes of a shared file, folder or form on a vendor's host (<c>/file/d/…</c>, <c>/forms/d/…</c>, <c>dropbox.com/s/…</c>).</summary>
    private static readonly string[] SharedDocumentPaths =
        ["/file/d/", "/forms/", "/document/d/", "/spreadsheets/d/", "/presentation/d/", "/drive/folders/"];

    private static bool IsSharedDocument(string host, string path)
        => SharedDocumentHosts.Any(h => host == h) ||
           SharedDocumentPaths.Any(p => path.Contains(p, StringComparison.Ordinal)) ||
           (host is "dropbox.com" or "www.dropbox.com" && (path.StartsWith("/s/", StringComparison.Ordinal) || path.StartsWith("/scl/", StringComparison.Ordinal)));

    /// <summary>
    /// True when <paramref name="cue"/> is the product-page veto of <see cref="Negative"/> for a product catalogue page
    /// (<c>mongodb.com/products/compass</c>, <c>huaweicloud.com/product/ief.html</c>): an app showcase or a supporter wall
    /// links each organisation to its product page too, so the resolver may let the section above speak. A storage or
    /// hosting service's page (<c>aliyun.com/product/oss</c>, <c>aws.amazon.com/s3</c>) and pricing, download or
    /// marketplace pages keep the veto: they name where the site's data or builds live, whatever the section.
    /// </summary>
    public static bool IsProductCatalogueCue(Cue cue)
    {
        if (cue.Kind != CueKind.Compatibility)
        {
            return false;
        }

        var slash = cue.Keyword.IndexOf('/');
        if (slash <= 0 || IsSharedDocument(cue.Keyword[..slash], cue.Keyword[slash..]))
        {
            return false;
        }

        var segments = cue.Keyword[(slash + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || segments[0] is not ("product" or "products"))
        {
            return false;
        }

        var slug = segments[1];
        var dot = slug.IndexOf('.');
        slug = dot > 0 ? slug[..dot] : slug;
        return !ProductPathSegments.Contains(slug) && !BackendProductSlugs.Contains(slug);
    }

    /// <summary>Product slugs of storage, compute and delivery services, besides those in <see cref="ProductPathSegments"/>.</summary>
    private static readonly HashSet<string> BackendProductSlugs = new(StringComparer.OrdinalIgnoreCase)
    {
        "ecs", "cvm", "compute", "cdn", "hosting", "object-storage", "cloud-storage", "database", "databases", "kubernetes", "vps", "servers",
    };

    /// <summary>A profile or repository on a social network or code host (not a share intent).</summary>
    public static bool IsSocialProfile(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        var bare = BareHost(host);
        var path = url.AbsolutePath.ToLowerInvariant();
        return SocialHosts.Contains(bare) && path.Trim('/').Length > 0 && !path.Contains("share", StringComparison.Ordinal) &&
               !path.StartsWith("/sponsors", StringComparison.Ordinal) && !IsNetworkOwnAccount(bare, path);
    }

    /// <summary>
    /// The network's own account on itself (<c>github.com/github</c>, <c>linkedin.com/linkedin</c>): a sponsor list that
    /// links every sponsor to its profile links GitHub the company there, not the site's own profile to follow.
    /// </summary>
    private static bool IsNetworkOwnAccount(string bareHost, string path)
    {
        var segment = path.Trim('/');
        var dot = bareHost.IndexOf('.');
        return dot > 0 && segment.Equals(bareHost[..dot], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A link into a vendor's documentation (<c>docs.datadoghq.com/opentelemetry</c>) or blog
    /// (<c>blog.jetbrains.com/kotlin/…case-study…</c>) points at a text, not at the vendor: it does not present the vendor
    /// as a partner by itself. Applies to the link cue only; a logo or name inside the link is judged on its own.
    /// </summary>
    public static Cue? ContentLink(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        var path = url.AbsolutePath.ToLowerInvariant();
        if (host.StartsWith("blog.", StringComparison.Ordinal) || path.StartsWith("/blog/", StringComparison.Ordinal))
        {
            return new Cue(CueKind.News, host + path);
        }

        return DocumentationHostPrefixes.Any(p => host.StartsWith(p, StringComparison.Ordinal)) ||
               path.StartsWith("/docs/", StringComparison.Ordinal) || path.StartsWith("/documentation/", StringComparison.Ordinal)
            ? new Cue(CueKind.Compatibility, host + path)
            : null;
    }

    private static string BareHost(string host)
    {
        foreach (var prefix in MirrorHostPrefixes)
        {
            if (host.StartsWith(prefix, StringComparison.Ordinal) && SocialHosts.Contains(host[prefix.Length..]))
            {
                return host[prefix.Length..];
            }
        }

        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    private static string FirstSegment(string path)
    {
        var trimmed = path.TrimStart('/');
        var slash = trimmed.IndexOf('/');
        return slash < 0 ? trimmed : trimmed[..slash];
    }
}
