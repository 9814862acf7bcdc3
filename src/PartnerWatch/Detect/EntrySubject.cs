using System.Text.RegularExpressions;

namespace PartnerWatch.Detect;

/// <summary>
/// The subject of an adopter entry: "ByteDance uses Cilium as their CNI for self-hosted Kubernetes clusters",
/// "Datadog uses Cilium in AWS (self-hosted k8s)", "字节跳动使用 Acme", and the credit entry "Google: support for many Google
/// Summer of Code students" under Acknowledgements. The platform words of the entry describe where the adopter runs or what
/// the credited company gave; they do not make the entry's subject a platform (a cloud named after the verb stays one).
/// </summary>
internal static partial class EntrySubject
{
    /// <summary>
    /// True when a clause of <paramref name="sentence"/> (its start, or after a label's " | ") begins with
    /// <paramref name="mention"/>, optionally with up to two more name words ("Inc.", "Group"), followed by a usage verb or by
    /// the colon or dash of a labelled entry.
    /// </summary>
    public static bool IsAdopter(string sentence, string mention)
    {
        if (string.IsNullOrWhiteSpace(mention) || string.IsNullOrEmpty(sentence))
        {
            return false;
        }

        foreach (var clause in sentence.Split('|'))
        {
            var text = clause.TrimStart(' ', '"', '“', '\'', '*', '-', '•', '·');
            if (!text.StartsWith(mention, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                if (AdopterVerb().IsMatch(text[mention.Length..]))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(?:(?:\s+\p{Lu}[\w.&-]*){0,2}\s+(?:uses|is using|are using|has been using|have been using|relies on|rely on|runs|run|chose|adopted|deploys|operates|leverages|employs|nutzt|verwendet|setzt|betreibt|utilise|usa|utiliza|utilizza|использует|применяет)\b|\s*(?:使用|采用|採用|基于|基於)|\s*[:：]\s|\s+[—–-]\s)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AdopterVerb();
}
