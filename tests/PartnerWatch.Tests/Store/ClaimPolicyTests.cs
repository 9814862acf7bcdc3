using PartnerWatch.Domain;

namespace PartnerWatch.Tests.Store;

/// <summary>
/// The claim lifecycle and alert policy on their own: no database, no host, no clock but the times given. The DB-backed
/// <see cref="ClaimLifecycleTests"/> check the store carries these decisions out.
/// </summary>
public sealed class ClaimPolicyTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FirstUnverifiedSightingOpensAPeriodThatIsAlerted()
    {
        var outcome = ClaimPolicy.OnSighting(null, alerted: false, unverified: true);
        Assert.Equal((SightingChange.Created, ClaimState.Open, ClaimNotice.NewPeriod), (outcome.Change, outcome.State, outcome.Notice));
    }

    [Fact]
    public void FirstConfirmedSightingIsStoredClosedAndNeverAlerted()
    {
        var outcome = ClaimPolicy.OnSighting(null, alerted: false, unverified: false);
        Assert.Equal((ClaimState.Confirmed, ClaimNotice.None, false), (outcome.State, outcome.Notice, outcome.CountsAsConfirmed));
    }

    [Fact]
    public void OpenClaimSeenAgainIsRefreshedWithoutANewAlert()
    {
        var outcome = ClaimPolicy.OnSighting(ClaimState.Open, alerted: true, unverified: true);
        Assert.Equal((SightingChange.Refreshed, ClaimState.Open, ClaimNotice.None), (outcome.Change, outcome.State, outcome.Notice));
    }

    [Theory]
    [InlineData(true, ClaimNotice.ClosedConfirmed)]
    [InlineData(false, ClaimNotice.None)]
    public void OpenClaimTheListsNowConfirmClosesAndOnlyAnAlertedOneTellsSomebody(bool alerted, ClaimNotice notice)
    {
        var outcome = ClaimPolicy.OnSighting(ClaimState.Open, alerted, unverified: false);
        Assert.Equal((SightingChange.ClosedConfirmed, ClaimState.Confirmed, notice, true), (outcome.Change, outcome.State, outcome.Notice, outcome.CountsAsConfirmed));
    }

    [Theory]
    [InlineData(ClaimState.Resolved)]
    [InlineData(ClaimState.Confirmed)]
    public void ClosedClaimSeenUnverifiedAgainStartsANewAlertedPeriod(ClaimState closed)
    {
        var outcome = ClaimPolicy.OnSighting(closed, alerted: true, unverified: true);
        Assert.Equal((SightingChange.Reopened, ClaimState.Open, ClaimNotice.NewPeriod), (outcome.Change, outcome.State, outcome.Notice));
    }

    [Fact]
    public void DismissedClaimSeenAgainStaysDismissedAndSilent()
    {
        var outcome = ClaimPolicy.OnSighting(ClaimState.Dismissed, alerted: true, unverified: true);
        Assert.Equal((SightingChange.Refreshed, ClaimState.Dismissed, ClaimNotice.None), (outcome.Change, outcome.State, outcome.Notice));
    }

    [Theory]
    [InlineData(ClaimState.Resolved)]
    [InlineData(ClaimState.Dismissed)]
    [InlineData(ClaimState.Confirmed)]
    public void ClosedClaimSeenConfirmedClosesAsConfirmedQuietly(ClaimState closed)
    {
        var outcome = ClaimPolicy.OnSighting(closed, alerted: true, unverified: false);
        Assert.Equal((ClaimState.Confirmed, ClaimNotice.None, false), (outcome.State, outcome.Notice, outcome.CountsAsConfirmed));
    }

    [Fact]
    public void AbsenceCountsUpAndResolvesAtTheThresholdWithAWithdrawnNoticeWhenAlerted()
    {
        var first = ClaimPolicy.OnAbsence(ClaimState.Open, 0, alerted: true, evidencePageFailed: false, resolveAfterScans: 3);
        var second = ClaimPolicy.OnAbsence(ClaimState.Open, first.MissedScans, alerted: true, evidencePageFailed: false, resolveAfterScans: 3);
        var third = ClaimPolicy.OnAbsence(ClaimState.Open, second.MissedScans, alerted: true, evidencePageFailed: false, resolveAfterScans: 3);

        Assert.Equal((ClaimState.Open, 1, ClaimNotice.None), (first.State, first.MissedScans, first.Notice));
        Assert.Equal((ClaimState.Open, 2), (second.State, second.MissedScans));
        Assert.Equal((ClaimState.Resolved, 3, ClaimNotice.Withdrawn), (third.State, third.MissedScans, third.Notice));
        Assert.Equal(ClaimNotice.None, ClaimPolicy.OnAbsence(ClaimState.Open, 2, alerted: false, false, 3).Notice);
    }

    [Fact]
    public void AbsenceWhileTheEvidencePageFailedIsNoAbsence()
    {
        var outcome = ClaimPolicy.OnAbsence(ClaimState.Open, 2, alerted: true, evidencePageFailed: true, resolveAfterScans: 3);
        Assert.Equal((false, ClaimState.Open, 2), (outcome.Changed, outcome.State, outcome.MissedScans));
    }

    [Fact]
    public void AThresholdBelowOneResolvesOnTheFirstAbsence()
    {
        Assert.Equal(ClaimState.Resolved, ClaimPolicy.OnAbsence(ClaimState.Open, 0, alerted: false, false, resolveAfterScans: 0).State);
    }

    [Fact]
    public void ReminderIsDueAnIntervalAfterTheAlertThenAnIntervalAfterTheLastReminder()
    {
        var day = TimeSpan.FromDays(1);
        Assert.False(ClaimPolicy.ReminderDue(ClaimState.Open, false, Noon, null, Noon + day - TimeSpan.FromMinutes(1), day));
        Assert.True(ClaimPolicy.ReminderDue(ClaimState.Open, false, Noon, null, Noon + day, day));
        Assert.False(ClaimPolicy.ReminderDue(ClaimState.Open, false, Noon, Noon + day, Noon + day + TimeSpan.FromHours(23), day));
        Assert.True(ClaimPolicy.ReminderDue(ClaimState.Open, false, Noon, Noon + day, Noon + 2 * day, day));
    }

    [Fact]
    public void NoReminderForAnAcknowledgedUnalertedOrClosedClaimOrWithRemindersOff()
    {
        var later = Noon + TimeSpan.FromDays(30);
        Assert.False(ClaimPolicy.ReminderDue(ClaimState.Open, acknowledged: true, Noon, null, later, TimeSpan.FromDays(1)));
        Assert.False(ClaimPolicy.ReminderDue(ClaimState.Open, false, alertedAt: null, null, later, TimeSpan.FromDays(1)));
        Assert.False(ClaimPolicy.ReminderDue(ClaimState.Resolved, false, Noon, null, later, TimeSpan.FromDays(1)));
        Assert.False(ClaimPolicy.ReminderDue(ClaimState.Open, false, Noon, null, later, TimeSpan.Zero));
    }

    [Fact]
    public void UnalertedClaimsAreAlertedAtOnceWithoutDigestAndWaitForTheDigestTimeWithIt()
    {
        var eight = TimeSpan.FromHours(8);
        Assert.Equal(UnalertedAction.Wait, ClaimPolicy.OnUnalerted(0, digest: false, Noon, eight));
        Assert.Equal(UnalertedAction.AlertEach, ClaimPolicy.OnUnalerted(3, digest: false, Noon, eight));
        Assert.Equal(UnalertedAction.Wait, ClaimPolicy.OnUnalerted(3, digest: true, Noon.Date.AddHours(7), eight));
        Assert.Equal(UnalertedAction.Digest, ClaimPolicy.OnUnalerted(3, digest: true, Noon, eight));
        Assert.False(ClaimPolicy.AlertsNewPeriodAtOnce(digest: true));
    }

    [Fact]
    public void OneDigestKeyPerUtcDay()
    {
        Assert.Equal(ClaimPolicy.DigestKey(Noon), ClaimPolicy.DigestKey(Noon.AddHours(11)));
        Assert.NotEqual(ClaimPolicy.DigestKey(Noon), ClaimPolicy.DigestKey(Noon.AddHours(12)));
        Assert.Equal("digest:2026-11-26", ClaimPolicy.DigestKey(new DateTimeOffset(2026, 11, 27, 0, 30, 0, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void OnlyAnOpenUnacknowledgedClaimCanBeAcknowledged()
    {
        Assert.Equal(AcknowledgeDecision.Acknowledge, ClaimPolicy.OnAcknowledge(ClaimState.Open, acknowledged: false));
        Assert.Equal(AcknowledgeDecision.AlreadyAcknowledged, ClaimPolicy.OnAcknowledge(ClaimState.Open, acknowledged: true));
        Assert.All([ClaimState.Resolved, ClaimState.Confirmed, ClaimState.Dismissed],
            state => Assert.Equal(AcknowledgeDecision.NotOpen, ClaimPolicy.OnAcknowledge(state, acknowledged: false)));
    }

    [Fact]
    public void ListConfirmationClosesOnlyOpenClaimsAndTellsOnlyWhenAlerted()
    {
        Assert.Equal(ClaimNotice.ClosedConfirmed, ClaimPolicy.OnListConfirms(ClaimState.Open, alerted: true));
        Assert.Equal(ClaimNotice.None, ClaimPolicy.OnListConfirms(ClaimState.Open, alerted: false));
        Assert.Null(ClaimPolicy.OnListConfirms(ClaimState.Resolved, alerted: true));
        Assert.Null(ClaimPolicy.OnListConfirms(ClaimState.Dismissed, alerted: true));
    }

    [Fact]
    public void AnalystActionsFollowTheState()
    {
        Assert.True(ClaimPolicy.CanDismiss(ClaimState.Open));
        Assert.False(ClaimPolicy.CanDismiss(ClaimState.Dismissed));
        Assert.False(ClaimPolicy.CanReopen(ClaimState.Open));
        Assert.True(ClaimPolicy.CanReopen(ClaimState.Dismissed));
        Assert.True(ClaimPolicy.ConfirmCloses(ClaimState.Resolved));
        Assert.False(ClaimPolicy.ConfirmCloses(ClaimState.Open));
    }

    [Fact]
    public void AClaimWalksItsWholeLifeThroughThePolicy()
    {
        // seen → alerted → gone twice → resolved (withdrawn) → back (new period) → list confirms it (closed notice).
        var state = ClaimPolicy.OnSighting(null, false, true).State;
        var notices = new List<ClaimNotice> { ClaimNotice.NewPeriod };
        var missed = 0;
        for (var i = 0; i < 2; i++)
        {
            var absence = ClaimPolicy.OnAbsence(state, missed, alerted: true, false, resolveAfterScans: 2);
            (state, missed) = (absence.State, absence.MissedScans);
            if (absence.Notice != ClaimNotice.None) notices.Add(absence.Notice);
        }

        var back = ClaimPolicy.OnSighting(state, alerted: true, unverified: true);
        notices.Add(back.Notice);
        var confirmed = ClaimPolicy.OnSighting(back.State, alerted: true, unverified: false);
        notices.Add(confirmed.Notice);

        Assert.Equal([ClaimNotice.NewPeriod, ClaimNotice.Withdrawn, ClaimNotice.NewPeriod, ClaimNotice.ClosedConfirmed], notices);
        Assert.Equal(ClaimState.Confirmed, confirmed.State);
    }
}
