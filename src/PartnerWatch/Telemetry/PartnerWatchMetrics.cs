using System.Diagnostics.Metrics;
using System.Net.Http;
using PartnerWatch.Fetch;
using PartnerWatch.Domain;
using Polly.Timeout;

namespace PartnerWatch.Telemetry;

/// <summary>
/// The service's own instruments (System.Diagnostics.Metrics), exported at <c>/metrics</c> in the Prometheus text
/// format by OpenTelemetry. Stages call one method at the point where the thing happens; the names below become
/// <c>partnerwatch_scans_total</c>, <c>partnerwatch_scan_duration_seconds</c>, … (see README "Metrics").
/// The meter comes from <see cref="IMeterFactory"/>, so each host (and each test) has its own.
/// </summary>
public sealed class PartnerWatchMetrics
{
    public const string MeterName = "PartnerWatch";

    private readonly Counter<long> _scans;
    private readonly Histogram<double> _scanDuration;
    private readonly Counter<long> _pages;
    private readonly Counter<long> _images;
    private readonly Counter<long> _fetchErrors;
    private readonly Counter<long> _renders;
    private readonly Counter<long> _alerts;

    public PartnerWatchMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        _scans = Meter.CreateCounter<long>("partnerwatch.scans", "{scan}", "Site scans finished, by outcome (clean, unverified, partial, failed).");
        _scanDuration = Meter.CreateHistogram<double>("partnerwatch.scan.duration", "s", "Time one site scan took (crawl, detect, compare).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600] });
        _pages = Meter.CreateCounter<long>("partnerwatch.pages.fetched", "{page}", "HTML pages fetched.");
        _images = Meter.CreateCounter<long>("partnerwatch.images.fetched", "{image}", "Images fetched for logo matching.");
        _fetchErrors = Meter.CreateCounter<long>("partnerwatch.fetch.errors", "{error}", "Fetches that failed, by kind (dns, connection, timeout, http_status, refused, too_large, redirect, other).");
        _renders = Meter.CreateCounter<long>("partnerwatch.browser.renders", "{render}", "Pages rendered in the headless browser.");
        _alerts = Meter.CreateCounter<long>("partnerwatch.alerts", "{alert}", "Alerts by event: queued (new unverified claim), sent, failed (attempt failed, retried later).");
    }

    /// <summary>The meter the instruments belong to (a listener tells this host's meter from another host's by it).</summary>
    public Meter Meter { get; }

    public void ScanFinished(SiteScanResult result, TimeSpan elapsed)
    {
        var outcome = result.Failed ? "failed"
            : result.Claims.Any(c => c.Status == ClaimStatus.Unverified) ? "unverified"
            : result.Errors.Count > 0 ? "partial"
            : "clean";
        _scans.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        _scanDuration.Record(elapsed.TotalSeconds);
    }

    /// <summary>A response body was read: counted as a page or an image by its content type.</summary>
    public void Fetched(FetchedResource resource)
    {
        if (resource.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true)
            _images.Add(1);
        else if (resource.ContentType is "text/html" or "application/xhtml+xml" or null)
            _pages.Add(1);
    }

    public void FetchFailed(FetchFailedException failure) =>
        _fetchErrors.Add(1, new KeyValuePair<string, object?>("kind", KindOf(failure)));

    public void BrowserRendered() => _renders.Add(1);

    public void AlertsQueued(int count)
    {
        if (count > 0) _alerts.Add(count, new KeyValuePair<string, object?>("event", "queued"));
    }

    public void AlertsDispatched(int sent, int failed)
    {
        if (sent > 0) _alerts.Add(sent, new KeyValuePair<string, object?>("event", "sent"));
        if (failed > 0) _alerts.Add(failed, new KeyValuePair<string, object?>("event", "failed"));
    }

    /// <summary>A small fixed set of kinds (label values must not grow with URLs or messages).</summary>
    internal static string KindOf(FetchFailedException failure)
    {
        for (Exception? e = failure.InnerException; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AddressRefusedException: return "refused";
                case TimeoutRejectedException or TimeoutException: return "timeout";
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }: return "dns";
                case HttpRequestException or IOException or System.Net.Sockets.SocketException: return "connection";
            }
        }
        var message = failure.Message;
        if (message.StartsWith("HTTP ", StringComparison.Ordinal)) return "http_status";
        if (message.StartsWith("timed out", StringComparison.Ordinal)) return "timeout";
        if (message.StartsWith("host not found", StringComparison.Ordinal)) return "dns";
        if (message.StartsWith("body larger", StringComparison.Ordinal)) return "too_large";
        if (message.Contains("redirect", StringComparison.Ordinal)) return "redirect";
        if (message.StartsWith("connection", StringComparison.Ordinal)) return "connection";
        return "other";
    }
}
