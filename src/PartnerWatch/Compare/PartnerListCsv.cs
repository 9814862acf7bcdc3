using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace PartnerWatch.Compare;

/// <summary>
/// The CSV form of a partner list, read by CsvHelper (RFC 4180: quoted fields may hold commas, quotes and line breaks).
/// The entry is the first field of each row, or, when the first row is a header naming one of <see cref="EntryColumns"/>
/// (<c>Company,Domain</c> as CRM exports write it), that column. Blank lines and lines starting with <c>#</c> are skipped.
/// </summary>
public static class PartnerListCsv
{
    public static readonly IReadOnlyList<string> EntryColumns = ["domain", "site", "id", "entry", "partner"];

    /// <summary>Each entry with where it was found (<c>line 3</c>), for error messages; throws <see cref="FormatException"/> on broken CSV.</summary>
    public static IReadOnlyList<(string Value, string Where)> Entries(string text)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            AllowComments = true,
            Comment = '#',
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            BadDataFound = args => throw new FormatException($"line {args.Context.Parser?.RawRow}: malformed CSV near \"{Shorten(args.RawRecord.Trim())}\""),
        };
        var entries = new List<(string, string)>();
        using var reader = new CsvReader(new StringReader(text), configuration);
        var column = 0;
        var first = true;
        try
        {
            while (reader.Read())
            {
                var row = reader.Parser.Record ?? [];
                if (first)
                {
                    first = false;
                    var header = Array.FindIndex(row, f => EntryColumns.Contains(f.Trim(), StringComparer.OrdinalIgnoreCase));
                    if (header >= 0)
                    {
                        column = header;
                        continue;
                    }
                }
                if (column < row.Length)
                    entries.Add((row[column], $"line {reader.Parser.RawRow}"));
            }
        }
        catch (CsvHelperException ex) when (ex is not BadDataException)
        {
            throw new FormatException($"line {reader.Parser.RawRow}: {ex.Message.Split('\n')[0].Trim()}");
        }
        return entries;
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
