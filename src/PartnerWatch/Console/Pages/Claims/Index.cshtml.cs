using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnerWatch.Store;

namespace PartnerWatch.WebConsole.Pages.Claims;

/// <summary>Claims with filters (status, brand, site, lowest confidence, last seen between two dates) and paging.</summary>
public sealed class IndexModel(ClaimReviewStore reviews) : PageModel
{
    public ClaimPage Result { get; private set; } = null!;
    public IReadOnlyList<string> Brands { get; private set; } = [];
    public IReadOnlyList<string> SitesWithClaims { get; private set; } = [];
    public string? Status { get; private set; }
    public string? Brand { get; private set; }
    public string? Site { get; private set; }
    public string? Min { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }

    public static readonly IReadOnlyList<string> Statuses = ["open", "acknowledged", "resolved", "confirmed", "dismissed"];

    public async Task OnGetAsync(string? status, string? brand, string? site, string? min, string? from, string? to, int page = 1, CancellationToken cancellationToken = default)
    {
        (Status, Brand, Site, Min, From, To) = (status, brand, site, min, from, to);
        ClaimLifecycle? lifecycle = Enum.TryParse<ClaimLifecycle>(status, ignoreCase: true, out var parsed) && Statuses.Contains(status!.ToLowerInvariant()) ? parsed : null;
        double? minimum = double.TryParse(min, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m is >= 0 and <= 1 ? m : null;
        var query = new ClaimQuery(lifecycle, brand, site, minimum, Day(from), Day(to)?.AddDays(1), page, 25);
        Result = await reviews.QueryClaimsAsync(query, cancellationToken);
        (Brands, SitesWithClaims) = await reviews.ClaimFacetsAsync(cancellationToken);
    }

    private static DateTimeOffset? Day(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day)
            ? new DateTimeOffset(day, TimeSpan.Zero)
            : null;

    /// <summary>This list's query string with another page number.</summary>
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?> { ["status"] = Status, ["brand"] = Brand, ["site"] = Site, ["min"] = Min, ["from"] = From, ["to"] = To, ["page"] = page.ToString(CultureInfo.InvariantCulture) };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/claims", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
