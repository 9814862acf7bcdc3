using System.Text;

namespace PartnerWatch.Detect;

/// <summary>
/// Brings page text and brand aliases to one comparable form: NFKC (full-width ＮＶＩＤＩＡ → NVIDIA, ligatures),
/// invisible characters removed (zero-width space/joiners, BOM, soft hyphen) and whitespace runs collapsed.
/// </summary>
internal static class TextNormalizer
{
    /// <summary>Longest text normalised at once; a hostile page cannot make one block cost more than this.</summary>
    public const int MaxLength = 20_000;

    public static string Normalize(string? text, int maxLength = MaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var source = text.Length > maxLength ? text[..maxLength] : text;
        if (!source.IsNormalized(NormalizationForm.FormKC))
        {
            try
            {
                source = source.Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                // Lone surrogates make Normalize throw; keep the raw text rather than dropping the block.
            }
        }

        var builder = new StringBuilder(source.Length);
        var pendingSpace = false;
        foreach (var c in source)
        {
            if (IsInvisible(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u180E';

    /// <summary>Shortens text around a span to at most <paramref name="maxLength"/> characters for evidence snippets.</summary>
    public static string Snippet(string text, int start, int length, int maxLength = 200)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var room = Math.Max(0, maxLength - length) / 2;
        var from = Math.Max(0, start - room);
        var to = Math.Min(text.Length, from + maxLength);
        from = Math.Max(0, to - maxLength);
        var snippet = text[from..to];
        if (from > 0 && snippet.Length > 1)
        {
            snippet = "…" + snippet[1..];
        }

        if (to < text.Length && snippet.Length > 1)
        {
            snippet = snippet[..^1] + "…";
        }

        return snippet;
    }
}
