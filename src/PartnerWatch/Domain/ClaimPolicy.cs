namespace PartnerWatch.Domain;

/// <summary>Where a stored claim is; <c>Acknowledged</c> is an open claim someone took (a flag, not a state).</summary>
public enum ClaimState { Open, Resolved, Confirmed, Dismissed }

/// <summary>The message a claim change owes to whoever is told about claims.</summary>
public enum ClaimNotice
{
    None,
    /// <summary>A new open period began: a new-claim alert now, or a line in the next daily digest.</summary>
    NewPeriod,
    /// <summary>An alerted claim disappeared from the site ("withdrawn").</summary>
    Withdrawn,
    /// <summary>An alerted claim closed because the brand now confirms the site.</summary>
    ClosedConfirmed,
}

/// <summary>What a sighting does to the stored claim (the store picks its statement from this).</summary>
public enum SightingChange
{
    /// <summary>First sighting ever: the claim is created in <see cref="SightingOutcome.State"/>.</summary>
    Created,
    /// <summary>Seen again in the same state: last sighting, evidence and confidence updated, absences reset.</summary>
    Refreshed,
    /// <summary>A closed claim seen unverified again: a new open period (new first-seen, not alerted, not acknowledged).</summary>
    Reopened,
    /// <summary>Seen as confirmed by the partner lists: the claim closes (or stays) confirmed.</summary>
    ClosedConfirmed,
}

/// <param name="CountsAsConfirmed">An open claim closed by this sighting (reported in the scan's figures).</param>
public readonly record struct SightingOutcome(SightingChange Change, ClaimState State, ClaimNotice Notice, bool CountsAsConfirmed = false);

/// <param name="MissedScans">The claim's absence count after this scan.</param>
public readonly record struct AbsenceOutcome(bool Changed, ClaimState State, int MissedScans, ClaimNotice Notice);

/// <summary>What to do with open claims whose new-claim notice was not queued yet.</summary>
public enum UnalertedAction { Wait, AlertEach, Digest }

/// <summary>Outcome of a person acknowledging a claim.</summary>
public enum AcknowledgeDecision { Acknowledge, AlreadyAcknowledged, NotOpen }

/// <summary>
/// The claim lifecycle and alert policy (docs/alerts.md), as plain decisions over a claim's state: no database, no
/// clock of its own. The store reads the current state, asks here what happens, and writes the answer together with
/// the alerts it owes in one transaction.
/// <code>
///            unverified sighting                 absent for N successful scans
///   (none) ─────────────────────▶ Open ─────────────────────────────────────▶ Resolved
///                                  │ ▲ (acknowledge: flag, no reminders)          │
///   confirmed sighting / list      │ └──────────── unverified sighting ───────────┘ (new period)
///   ──────────────────────▶ Confirmed ◀── confirmed sighting (from any state)
///   analyst: not a claim  ──▶ Dismissed (kept while seen, no alerts) ── analyst: reopen ──▶ Open
/// </code>
/// </summary>
public static class ClaimPolicy
{
    /// <summary>The claim was seen by a scan; <paramref name="current"/> is null when it was never seen before.</summary>
    public static SightingOutcome OnSighting(ClaimState? current, bool alerted, bool unverified) => (current, unverified) switch
    {
        (null, true) => new(SightingChange.Created, ClaimState.Open, ClaimNotice.NewPeriod),
        (null, false) => new(SightingChange.Created, ClaimState.Confirmed, ClaimNotice.None),
        (ClaimState.Open, true) => new(SightingChange.Refreshed, ClaimState.Open, ClaimNotice.None),
        // The partner list now confirms the site: the case closes, and whoever was told about it hears so.
        (ClaimState.Open, false) => new(SightingChange.ClosedConfirmed, ClaimState.Confirmed, alerted ? ClaimNotice.ClosedConfirmed : ClaimNotice.None, CountsAsConfirmed: true),
        // An analyst said this is not a claim: keep the sighting current, but no new period and no alert.
        (ClaimState.Dismissed, true) => new(SightingChange.Refreshed, ClaimState.Dismissed, ClaimNotice.None),
        (_, true) => new(SightingChange.Reopened, ClaimState.Open, ClaimNotice.NewPeriod),
        (_, false) => new(SightingChange.ClosedConfirmed, ClaimState.Confirmed, ClaimNotice.None),
    };

    /// <summary>
    /// An open claim a successful scan did not see. A claim whose evidence page failed to load in that scan was not
    /// looked for, so that is no absence; otherwise it resolves at <paramref name="resolveAfterScans"/> absences.
    /// </summary>
    public static AbsenceOutcome OnAbsence(ClaimState current, int missedScans, bool alerted, bool evidencePageFailed, int resolveAfterScans)
    {
        if (current != ClaimState.Open || evidencePageFailed)
        {
            return new(false, current, missedScans, ClaimNotice.None);
        }

        var missed = missedScans + 1;
        return missed < Math.Max(1, resolveAfterScans)
            ? new(true, ClaimState.Open, missed, ClaimNotice.None)
            : new(true, ClaimState.Resolved, missed, alerted ? ClaimNotice.Withdrawn : ClaimNotice.None);
    }

    /// <summary>
    /// A reminder is due for an open, alerted claim nobody acknowledged, once <paramref name="interval"/> has passed since
    /// the alert or the last reminder; a zero interval switches reminders off.
    /// </summary>
    public static bool ReminderDue(ClaimState state, bool acknowledged, DateTimeOffset? alertedAt, DateTimeOffset? lastRemindedAt, DateTimeOffset now, TimeSpan interval) =>
        interval > TimeSpan.Zero && state == ClaimState.Open && !acknowledged && (lastRemindedAt ?? alertedAt) is { } since && since <= now - interval;

    /// <summary>
    /// Open claims not alerted yet: each gets its alert at once when the digest is off; with the digest on they wait for
    /// the day's digest time (UTC) and go out together. Only one digest a UTC day (see <see cref="DigestKey"/>).
    /// </summary>
    public static UnalertedAction OnUnalerted(int unalertedClaims, bool digest, DateTimeOffset now, TimeSpan digestTime) =>
        unalertedClaims == 0 ? UnalertedAction.Wait
        : !digest ? UnalertedAction.AlertEach
        : now.UtcDateTime.TimeOfDay >= digestTime ? UnalertedAction.Digest
        : UnalertedAction.Wait;

    /// <summary>One digest per UTC day: a second one the same day is refused by this key, so later claims wait for tomorrow's.</summary>
    public static string DigestKey(DateTimeOffset now) =>
        "digest:" + now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A new open period is alerted at once unless the digest collects it.</summary>
    public static bool AlertsNewPeriodAtOnce(bool digest) => !digest;

    public static AcknowledgeDecision OnAcknowledge(ClaimState state, bool acknowledged) =>
        state != ClaimState.Open ? AcknowledgeDecision.NotOpen
        : acknowledged ? AcknowledgeDecision.AlreadyAcknowledged
        : AcknowledgeDecision.Acknowledge;

    /// <summary>The brand's lists now confirm the site: only an open claim closes; an alerted one owes its notice.</summary>
    public static ClaimNotice? OnListConfirms(ClaimState state, bool alerted) =>
        state != ClaimState.Open ? null : alerted ? ClaimNotice.ClosedConfirmed : ClaimNotice.None;

    /// <summary>"Not a claim": any claim not already dismissed may be dismissed.</summary>
    public static bool CanDismiss(ClaimState state) => state != ClaimState.Dismissed;

    /// <summary>An analyst may reopen a closed claim (dismissed, confirmed or resolved); an open one is already open.</summary>
    public static bool CanReopen(ClaimState state) => state != ClaimState.Open;

    /// <summary>Marking the site a confirmed partner closes a resolved or dismissed claim here; an open one closes through <see cref="OnListConfirms"/>.</summary>
    public static bool ConfirmCloses(ClaimState state) => state is ClaimState.Resolved or ClaimState.Dismissed;
}
