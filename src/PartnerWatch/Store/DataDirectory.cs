namespace PartnerWatch.Store;
// placeholder: replaced by the store stage
public sealed class DataDirectory { public string Root => ""; public string Outbox => ""; }
