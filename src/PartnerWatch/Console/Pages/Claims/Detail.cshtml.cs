using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnerWatch.Config;
using PartnerWatch.Domain;
using PartnerWatch.Store;

namespace PartnerWatch.WebConsole.Pages.Claims;

/// <summary>One claim: screenshot, matched images beside the reference logos, evidence, hashes, history, and the actions.</summary>
public sealed class DetailModel(IScanStore store, ClaimReviewStore reviews, ConsolePartnerList partnerList, PartnerWatchOptions options) : PageModel
{
    private const int MaxTextLength = ClaimReviewStore.MaxTextLength;

    public ClaimRecord Claim { get; private set; } = null!;
    public IReadOnlyList<EvidenceManifestRecord> Manifests { get; private set; } = [];
    public IReadOnlyList<ClaimHistoryEntry> History { get; private set; } = [];
    public ClaimVerdict? Verdict { get; private set; }
    public BrandOptions? Brand { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Screenshots of the latest manifest (taken or not, with the reason).</summary>
    public IReadOnlyList<EvidenceItem> Screenshots => Manifests.FirstOrDefault()?.Items.Where(i => i.Kind == "screenshot").ToList() ?? [];

    public bool CanAct => ConsoleRoles.CanAct(User);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcknowledgeAsync(long id, string? note, CancellationToken cancellationToken) =>
        ActAsync(id, note, required: false, (actor, text) => reviews.AcknowledgeAsync(id, actor, text, cancellationToken), "Acknowledged.", cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(long id, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, reason, required: true, (actor, text) => reviews.DismissAsync(id, actor, text!, cancellationToken), "Dismissed as not a claim.", cancellationToken);

    public Task<IActionResult> OnPostNoteAsync(long id, string? note, CancellationToken cancellationToken) =>
        ActAsync(id, note, required: true, (actor, text) => reviews.AddNoteAsync(id, actor, text!, cancellationToken), "Note added.", cancellationToken);

    public Task<IActionResult> OnPostConfirmAsync(long id, string? note, CancellationToken cancellationToken) =>
        ActAsync(id, note, required: false, async (actor, text) =>
        {
            var (outcome, _) = await reviews.ConfirmPartnerAsync(id, actor, text, cancellationToken);
            if (outcome == ReviewOutcome.Done) await partnerList.ReloadAsync(cancellationToken);
            return outcome;
        }, "Marked as a confirmed partner: the site is on the brand's confirmed list and the claim is closed.", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(long id, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, reason, required: false, async (actor, text) =>
        {
            var (outcome, removed) = await reviews.ReopenAsync(id, actor, text, cancellationToken);
            if (removed is not null) await partnerList.ReloadAsync(cancellationToken);
            return outcome;
        }, "Reopened.", cancellationToken);

    private async Task<IActionResult> ActAsync(
        long id, string? text, bool required, Func<string, string?, Task<ReviewOutcome>> action, string done, CancellationToken cancellationToken)
    {
        // Viewers read; the button is hidden for them, and a crafted post is refused here too.
        if (!CanAct) return StatusCode(StatusCodes.Status403Forbidden);
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (required && text is null || text?.Length > MaxTextLength)
        {
            Error = text is null ? "Please give a reason." : $"At most {MaxTextLength} characters, please.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var outcome = await action(User.Identity?.Name ?? "unknown", text);
        if (outcome == ReviewOutcome.NotFound) return NotFound();
        TempData["Notice"] = outcome == ReviewOutcome.Done ? done : "That action does not apply to the claim in its current state.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.GetClaimAsync(id, cancellationToken) is not { } claim) return false;
        Claim = claim;
        Manifests = await store.GetEvidenceManifestsAsync(id, cancellationToken);
        History = await reviews.GetHistoryAsync(id, cancellationToken);
        Verdict = await reviews.GetVerdictAsync(id, cancellationToken);
        Brand = options.Brands.FirstOrDefault(b => string.Equals(b.Id, claim.BrandId, StringComparison.OrdinalIgnoreCase));
        return true;
    }

    /// <summary>The stored copy of an evidence image (matched logo), when the manifest has its bytes.</summary>
    public EvidenceItem? StoredImage(Evidence evidence) =>
        evidence.ImageUrl is null
            ? null
            : Manifests.FirstOrDefault()?.Items.FirstOrDefault(i => i.Kind == "image" && i.Stored
                && (i.Url == evidence.ImageUrl || (evidence.ImageSha256 is not null && i.Sha256 == evidence.ImageSha256)));

    public string EvidenceUrl(string file) => $"/console/claims/{Claim.Id}/evidence/{Uri.EscapeDataString(file)}";

    public static string Status(ClaimLifecycle status) => status.ToString().ToLowerInvariant();
}
