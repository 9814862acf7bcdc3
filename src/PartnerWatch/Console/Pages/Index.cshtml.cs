using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnerWatch.Config;
using PartnerWatch.Schedule;
using PartnerWatch.Store;
using Quartz;

namespace PartnerWatch.WebConsole.Pages;

/// <summary>Overview: every site with its last and next scan, open claims by brand, the alert backlog, measured accuracy.</summary>
public sealed class IndexModel(
    IScanStore store, ScanSchedule schedule, PartnerWatchOptions options, AccuracyReport accuracy, ISchedulerFactory schedulers) : PageModel
{
    public IReadOnlyList<SiteRow> Sites { get; private set; } = [];
    public IReadOnlyList<(string Brand, int Open, int Acknowledged)> OpenByBrand { get; private set; } = [];
    public StoreStatus Status { get; private set; } = null!;
    public AccuracyDto Accuracy { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Status = await store.GetStatusAsync(cancellationToken);
        var next = await schedule.NextScansAsync(options.Sites.Select(s => s.Id), cancellationToken);
        var bySite = Status.Sites.ToDictionary(s => s.SiteId, StringComparer.OrdinalIgnoreCase);
        Sites = options.Sites.Select(s => new SiteRow(
            s.Id, string.IsNullOrWhiteSpace(s.Name) ? s.Id : s.Name, s.Url, bySite.GetValueOrDefault(s.Id), next.GetValueOrDefault(s.Id),
            Status.OpenClaims.Count(c => string.Equals(c.SiteId, s.Id, StringComparison.OrdinalIgnoreCase)))).ToList();
        OpenByBrand = Status.OpenClaims.GroupBy(c => c.BrandId, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(c => !c.Acknowledged), g.Count(c => c.Acknowledged)))
            .OrderByDescending(b => b.Item2 + b.Item3).ToList();
        Accuracy = await accuracy.ComputeAsync(cancellationToken);
    }

    /// <summary>"Scan now" (admins: sites are theirs); the job never runs twice at once for a site, so this queues behind a running scan.</summary>
    public async Task<IActionResult> OnPostScanAsync(string site, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(ConsoleRoles.Admin)) return StatusCode(StatusCodes.Status403Forbidden);
        var configured = options.Sites.FirstOrDefault(s => string.Equals(s.Id, site, StringComparison.OrdinalIgnoreCase));
        if (configured is null) return NotFound();
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = SiteScanJob.KeyFor(configured.Id);
        if (!await scheduler.Exists(key, cancellationToken))
        {
            TempData["Notice"] = $"The scan job of {configured.Id} is not scheduled yet; try again in a moment.";
            return RedirectToPage();
        }

        await scheduler.TriggerJob(key, cancellationToken);
        TempData["Notice"] = $"Scan of {configured.Id} queued by {User.Identity?.Name}.";
        return RedirectToPage();
    }

    public sealed record SiteRow(string Id, string Name, string Url, SiteStatus? Last, DateTimeOffset? NextScan, int OpenClaims);
}
