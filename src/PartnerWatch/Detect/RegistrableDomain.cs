namespace PartnerWatch.Detect;

/// <summary>
/// The part of a host name an organisation registers: <c>www.netlify.com</c> → <c>netlify.com</c>,
/// <c>example.co.uk</c> → <c>example.co.uk</c>. No public-suffix list: a short second-level label under a two-letter
/// country code (<c>co.uk</c>, <c>com.cn</c>) is taken as part of the suffix, which is what the vendor hosts need.
/// </summary>
internal static class RegistrableDomain
{
    /// <summary>The registrable domain of <paramref name="host"/>, or the host itself when it has a single label.</summary>
    public static string Of(string host)
    {
        var labels = host.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (labels.Length < 2)
        {
            return host;
        }

        var take = labels.Length >= 3 && labels[^1].Length == 2 && labels[^2].Length <= 3 ? 3 : 2;
        return string.Join('.', labels[^take..]);
    }
}
