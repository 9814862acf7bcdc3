using PartnerWatch.Compare;
using PartnerWatch.Store;

namespace PartnerWatch.WebConsole;

/// <summary>
/// Keeps the partners confirmed in the console (database) in the confirmed lists the comparer reads: loaded at start,
/// updated when an analyst marks a site as a confirmed partner or reopens such a claim.
/// </summary>
public sealed class ConsolePartnerList(ClaimReviewStore reviews, ConfirmedPartnerLists lists) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var entries = await reviews.GetConfirmedPartnersAsync(cancellationToken);
        lists.SetStoredEntries(entries.Select(e => KeyValuePair.Create(e.BrandId, e.Entry)));
    }
}
