namespace PartnerWatch.Store;

/// <summary>
/// Names the alert stage uses (<c>Alert/*.cs</c> call these); they now live on <see cref="RelationalScanStore"/>, which
/// serves both engines. Lead: switch those callers to <c>RelationalScanStore</c> and delete this file.
/// </summary>
internal static class SqliteScanStore
{
    internal static string KindName(AlertKind kind) => RelationalScanStore.KindName(kind);

    public static string WebhookSink(int index) => RelationalScanStore.WebhookSink(index);
}
