using System.Text;
using System.Text.RegularExpressions;
using AngleSharp;
using PartnerWatch.Config;
using PartnerWatch.Detect;
using PartnerWatch.Fetch;

namespace PartnerWatch.Tests.Detect;

/// <summary>Parses HTML in-process (no HTTP) into <see cref="CrawledPage"/>s and runs the detector over them.</summary>
internal static partial class DetectionHarness
{
    public static readonly List<BrandOptions> Brands =
    [
        Brand("microsoft", "Microsoft", ["微软", "Microsoft Azure", "Microsoft Corporation"], ["microsoft.com", "azure.com"]),
        Brand("aws", "Amazon Web Services", ["AWS", "亚马逊云科技"], ["aws.amazon.com", "amazonaws.com"]),
        Brand("google", "Google", ["Google Cloud", "谷歌", "谷歌云"], ["google.com", "cloud.google.com"]),
        Brand("nvidia", "NVIDIA", ["英伟达"], ["nvidia.com"]),
        Brand("intel", "Intel", ["英特尔", "Intel Corporation"], ["intel.com"]),
        Brand("ibm", "IBM", ["International Business Machines"], ["ibm.com"]),
        Brand("oracle", "Oracle", ["甲骨文", "Oracle Corporation"], ["oracle.com"]),
        Brand("huawei", "Huawei", ["华为", "华为云", "Huawei Cloud"], ["huawei.com", "huaweicloud.com"]),
        Brand("alibabacloud", "Alibaba Cloud", ["阿里云", "Aliyun"], ["alibabacloud.com", "aliyun.com"]),
        Brand("cisco", "Cisco", ["思科", "Cisco Systems"], ["cisco.com"]),
        Brand("dell", "Dell Technologies", ["Dell", "戴尔"], ["dell.com"]),
        Brand("sap", "SAP", ["SAP SE"], ["sap.com"]),
        Brand("qualcomm", "Qualcomm", ["高通"], ["qualcomm.com"]),
        Brand("apple", "Apple", ["Apple Inc.", "苹果公司"], ["apple.com"]),
        Brand("meta", "Meta", ["Meta Platforms", "Facebook"], ["meta.com", "facebook.com"]),
        Brand("linkedin", "LinkedIn", ["领英"], ["linkedin.com"]),
        Brand("salesforce", "Salesforce", [], ["salesforce.com"]),
        Brand("redhat", "Red Hat", ["红帽"], ["redhat.com"]),
        Brand("softbank", "SoftBank", ["ソフトバンク"], ["softbank.jp"]),
        Brand("samsung", "Samsung", ["삼성"], ["samsung.com"]),
    ];

    static DetectionHarness() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static BrandOptions Brand(string id, string name, List<string> aliases, List<string> domains)
        => new() { Id = id, Name = name, Aliases = aliases, Domains = domains };

    // Compiling the matchers is the expensive part; tests share one detector as the service does (singleton).
    private static readonly Lazy<ClaimDetector> Shared = new(() => new ClaimDetector(new PartnerWatchOptions { Brands = Brands }));

    public static ClaimDetector Detector(IEnumerable<BrandOptions>? brands = null, IEnumerable<ILogoImageMatcher>? imageMatchers = null)
        => brands is null && imageMatchers is null ? Shared.Value : new(new PartnerWatchOptions { Brands = (brands ?? Brands).ToList() }, imageMatchers);

    /// <summary>Detects claims in one or more HTML bodies given as pages of a site at http://site.test/.</summary>
    public static async Task<IReadOnlyList<DetectedClaim>> DetectAsync(params string[] bodies)
    {
        var collector = Detector().BeginSite();
        for (var i = 0; i < bodies.Length; i++)
        {
            var html = bodies[i].Contains("<html", StringComparison.OrdinalIgnoreCase) ? bodies[i] : $"<!DOCTYPE html><html><head><title>Acme</title></head><body>{bodies[i]}</body></html>";
            var page = await ParseAsync(new Uri($"http://site.test/page{i}.html"), Encoding.UTF8.GetBytes(html), "utf-8");
            await collector.AddPageAsync(page, CancellationToken.None);
        }

        return collector.Complete();
    }

    public static async Task<string[]> BrandsClaimedAsync(params string[] bodies)
        => (await DetectAsync(bodies)).Select(c => c.BrandId).Order(StringComparer.Ordinal).ToArray();

    public static async Task<CrawledPage> ParseAsync(Uri url, byte[] bytes, string charset)
    {
        // Bytes plus the charset in Content-Type, as the fetch stage receives them: a string would be re-decoded
        // by AngleSharp when a <meta charset="gbk"> disagrees with the UTF-8 it was turned into.
        var encoding = EncodingFor(charset);
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(request => request
            .Content(new MemoryStream(bytes, writable: false))
            .Header("Content-Type", $"text/html; charset={encoding.WebName}")
            .Address(url));
        return new CrawledPage(url, 200, DateTimeOffset.UnixEpoch, document, bytes, encoding.WebName);
    }

    /// <summary>Parses a body as the crawler does: <see cref="HtmlDecoder"/> picks the encoding (BOM, header, meta, sniffing).</summary>
    public static async Task<CrawledPage> ParseDecodedAsync(Uri url, byte[] bytes, string? headerCharset)
    {
        var decoded = HtmlDecoder.Decode(bytes, headerCharset);
        var context = BrowsingContext.New(Configuration.Default);
        // Declared UTF-8 as the crawler does, so AngleSharp does not re-interpret the decoded text after a <meta charset>.
        var document = await context.OpenAsync(request => request.Content(decoded.Text).Address(url).Header("Content-Type", "text/html; charset=utf-8"));
        return new CrawledPage(url, 200, DateTimeOffset.UnixEpoch, document, bytes, decoded.Charset);
    }

    /// <summary>The charset of the sidecar <c>FILE.headers</c> Content-Type, if any (what the HTTP header would say).</summary>
    public static string? HeaderCharsetOf(string file)
    {
        var sidecar = file + ".headers";
        if (!File.Exists(sidecar))
        {
            return null;
        }

        return File.ReadAllLines(sidecar)
            .Where(line => line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))
            .Select(line => CharsetParam().Match(line))
            .FirstOrDefault(m => m.Success)?.Groups[1].Value;
    }

    /// <summary>Charset of a page on disk: the sidecar <c>FILE.headers</c> Content-Type wins, then a <c>&lt;meta&gt;</c> prescan, else UTF-8.</summary>
    public static string CharsetOf(string file, byte[] bytes)
    {
        var sidecar = file + ".headers";
        if (File.Exists(sidecar))
        {
            foreach (var line in File.ReadAllLines(sidecar))
            {
                if (line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase) && CharsetParam().Match(line) is { Success: true } m)
                {
                    return m.Groups[1].Value;
                }
            }
        }

        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
        return MetaCharset().Match(head) is { Success: true } meta ? meta.Groups[1].Value : "utf-8";
    }

    private static Encoding EncodingFor(string charset)
    {
        try
        {
            // WHATWG treats gbk and gb2312 as GB18030's subset; .NET's code-page provider knows code page 936 by number.
            var name = charset.Trim().ToLowerInvariant();
            return name is "gbk" or "gb2312" or "x-gbk" ? Encoding.GetEncoding(936) : Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    [GeneratedRegex(@"charset=([\w-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParam();

    [GeneratedRegex(@"<meta[^>]+charset=[""']?([\w-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
