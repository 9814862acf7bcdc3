using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PartnerWatch.Config;

namespace PartnerWatch.Detect;

/// <summary>Finds the brands a site presents as partners, page by page. Thread-safe; build once (singleton).</summary>
public sealed class ClaimDetector
{
    private readonly PageSignalScanner _scanner;
    private readonly IReadOnlyList<ILogoImageMatcher> _imageMatchers;
    private readonly double _threshold;
    private readonly bool _matchEveryLogo;
    private readonly ILogger<ClaimDetector> _logger;

    public ClaimDetector(PartnerWatchOptions options, IEnumerable<ILogoImageMatcher>? imageMatchers = null, ILogger<ClaimDetector>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scanner = new PageSignalScanner(new BrandMatcher(options.Brands ?? []), new ContextLexicon());
        _imageMatchers = imageMatchers?.ToArray() ?? [];
        var threshold = options.Detection?.ClaimThreshold ?? 0.5;
        _threshold = double.IsFinite(threshold) ? Math.Clamp(threshold, 0.0, 1.0) : 0.5;
        // Unset means "wherever evidence is kept": the one-shot scan that stores nothing sets it false before building this.
        _matchEveryLogo = options.Detection?.MatchEveryLogo ?? true;
        _logger = logger ?? NullLogger<ClaimDetector>.Instance;
    }

    /// <summary>Starts collecting signals for one site; feed it every crawled page, then complete it.</summary>
    /// <param name="recordMentions">
    /// Also count what <see cref="SiteClaimCollector.Mentions"/> reports (the brands seen but not claimed, and why);
    /// off by default, so a scan that does not ask keeps nothing more. Claims are the same either way.
    /// </param>
    public SiteClaimCollector BeginSite(bool recordMentions = false) => new(_scanner, _imageMatchers, _threshold, _logger, _matchEveryLogo, recordMentions);
}
