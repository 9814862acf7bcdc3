using PartnerWatch.Domain;

namespace PartnerWatch.Detect;

/// <summary>A brand the site presents as partner (customer, supplier, certification, "powered by"), before comparison.</summary>
public sealed record DetectedClaim(string BrandId, double Confidence, IReadOnlyList<Evidence> Evidence);
