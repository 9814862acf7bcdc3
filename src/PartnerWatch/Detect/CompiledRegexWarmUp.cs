using System.Text.RegularExpressions;

namespace PartnerWatch.Detect;

internal static class CompiledRegexWarmUp
{
    /// <summary>
    /// A compiled regex is JIT-compiled on its first match, and that time counts against the match timeout: with a
    /// thousand fragments per kind on a busy machine the first sentence of a scan took seconds and timed out — its
    /// keywords silently read as none. One throwaway match per regex here (the detector is a singleton) leaves the
    /// timeout to measure matching only.
    /// </summary>
    public static void Run(IEnumerable<Regex> regexes)
    {
        foreach (var regex in regexes)
        {
            try
            {
                regex.IsMatch("Warm-up: partners 合作伙伴 パートナー 파트너.");
            }
            catch (RegexMatchTimeoutException)
            {
                // Only the compilation mattered.
            }
        }
    }
}
