using AngleSharp.Dom;

namespace PartnerWatch.Detect;

/// <summary>
/// A feature or support table: rows whose other cells are yes/no marks ("AWS | No | Yes | Yes", "Red Hat ✓ ✗").
/// Vendors listed that way are compared or declared compatible, never presented as partners.
/// </summary>
internal static class FeatureMatrix
{
    private static readonly HashSet<string> Marks = new(StringComparer.OrdinalIgnoreCase)
    {
        "yes", "no", "y", "n", "✓", "✔", "✔️", "✗", "✘", "×", "✅", "❌", "☑", "☐", "—", "–", "-", "n/a", "partial", "planned",
        "ja", "nein", "oui", "non", "sí", "si", "sim", "não", "nao", "да", "нет", "是", "否", "有", "无", "無", "支持", "不支持",
        "はい", "いいえ", "○", "예", "아니요",
    };

    /// <summary>True when at least two cells of the row hold nothing but a yes/no mark.</summary>
    public static bool IsMatrixRow(IElement row)
    {
        var marks = 0;
        var cells = 0;
        foreach (var cell in row.Children)
        {
            if (cell.LocalName is not ("td" or "th") || ++cells > 30)
            {
                continue;
            }

            var text = TextNormalizer.Normalize(cell.TextContent, 40);
            if (text.Length > 0 && Marks.Contains(text) && ++marks >= 2)
            {
                return true;
            }
        }

        return false;
    }
}
