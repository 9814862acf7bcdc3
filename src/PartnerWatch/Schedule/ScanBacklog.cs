namespace PartnerWatch.Schedule;

/// <summary>
/// Whether the scans that are due now can be cleared within one interval: <paramref name="Concurrency"/> slots,
/// each taking one scan per <paramref name="AverageScanTime"/>, get through
/// <see cref="Capacity"/> = concurrency × interval ÷ scan time scans per interval.
/// </summary>
public sealed record ScanBacklog(int DueScans, TimeSpan AverageScanTime, int Concurrency, TimeSpan Interval)
{
    public int Capacity => AverageScanTime <= TimeSpan.Zero
        ? int.MaxValue
        : (int)Math.Min(int.MaxValue, Math.Floor(Concurrency * (Interval / AverageScanTime)));

    /// <summary>More scans are due than the slots can clear in one interval: some sites will miss their interval.</summary>
    public bool Exceeded => DueScans > Capacity;
}
