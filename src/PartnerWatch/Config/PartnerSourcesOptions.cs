using System.Text;
using System.Text.Json;

namespace PartnerWatch.Config;

/// <summary>
/// A brand's confirmed partner list kept outside the configuration (<c>PartnerWatch:ConfirmedPartnerSources:N</c>): a file
/// or an http(s) URL, re-read every <see cref="Refresh"/>. Its entries are merged with the inline
/// <see cref="PartnerWatchOptions.ConfirmedPartners"/> of the same brand.
/// </summary>
public sealed class ConfirmedPartnerSourceOptions
{
    /// <summary>The brand id the list belongs to.</summary>
    public string Brand { get; set; } = "";

    /// <summary>CSV (one entry per line, first column; <c>#</c> comments) or a JSON array of strings; relative to the config file.</summary>
    public string? File { get; set; }

    /// <summary>http(s) URL of such a list, fetched through the guarded fetcher (private addresses need <c>Fetch:AllowPrivateNetworks</c>).</summary>
    public string? Url { get; set; }

    /// <summary>How often the list is re-read (default 6 hours, at least 1 minute).</summary>
    public TimeSpan Refresh { get; set; } = TimeSpan.FromHours(6);
}

/// <summary>Rules for <see cref="ConfirmedPartnerSourceOptions"/>, each problem named by its key; files are read and parsed.</summary>
public static class PartnerSourcesValidator
{
    private const string Root = PartnerWatchOptions.SectionName;

    public static IEnumerable<ConfigProblem> Check(PartnerWatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var brandIds = options.Brands.Select(b => b.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.ConfirmedPartnerSources.Count; i++)
        {
            var source = options.ConfirmedPartnerSources[i];
            var at = $"ConfirmedPartnerSources:{i}";
            if (source is null) continue;
            if (string.IsNullOrWhiteSpace(source.Brand))
                yield return Problem($"{at}:Brand", "is required");
            else if (!brandIds.Contains(source.Brand))
                yield return Problem($"{at}:Brand", $"no brand has the id \"{source.Brand}\"");

            var hasFile = !string.IsNullOrWhiteSpace(source.File);
            var hasUrl = !string.IsNullOrWhiteSpace(source.Url);
            if (hasFile == hasUrl)
                yield return Problem(at, "needs exactly one of File or Url");
            if (hasUrl && !(Uri.TryCreate(source.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
                yield return Problem($"{at}:Url", "is not an absolute http(s) URL (value not shown: list URLs may contain access tokens)");
            if (hasFile && FileProblem(PartnerListFormat.ResolvePath(options, source.File!)) is { } fileProblem)
                yield return Problem($"{at}:File", fileProblem);
            if (source.Refresh < TimeSpan.FromMinutes(1))
                yield return Problem($"{at}:Refresh", $"must be at least 00:01:00, was {source.Refresh}");
        }
    }

    private static string? FileProblem(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return $"file not found: {path}";
            if (info.Length > PartnerListFormat.MaxBytes) return $"{path} is larger than {PartnerListFormat.MaxBytes / (1024 * 1024)} MiB";
            PartnerListFormat.Parse(System.IO.File.ReadAllBytes(path));
            return null;
        }
        catch (FormatException ex)
        {
            return $"{path}: {ex.Message}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot read {path}: {ex.Message}";
        }
    }

    private static ConfigProblem Problem(string path, string message) => new($"{Root}:{path}", message);
}

/// <summary>
/// The partner-list file format: a JSON array of strings when the content starts with <c>[</c>, else CSV with one entry per
/// row (see <see cref="Compare.PartnerListCsv"/>: the first field or a Domain/Site column; <c>#</c> lines skipped).
/// An entry is a site id or a domain, as in the inline <c>ConfirmedPartners</c>.
/// </summary>
public static class PartnerListFormat
{
    /// <summary>Largest list read, from a file or a URL.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxEntries = 100_000;
    private const int MaxEntryLength = 253;

    public static string ResolvePath(PartnerWatchOptions options, string file)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Path.GetFullPath(Path.Combine(options.BaseDirectory, file));
    }

    /// <summary>The entries, trimmed, lower-cased and without duplicates; throws <see cref="FormatException"/> naming the line or element.</summary>
    public static IReadOnlyList<string> Parse(ReadOnlySpan<byte> content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException("is not UTF-8 text");
        }

        var entries = new List<string>();
        if (text.TrimStart().StartsWith('['))
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 4, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException ex)
            {
                throw new FormatException($"is not a valid JSON array: {ex.Message}");
            }

            using (document)
            {
                var index = 0;
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    if (element.ValueKind != JsonValueKind.String)
                        throw new FormatException($"element {index} is not a string");
                    Add(element.GetString()!, $"element {index}");
                    index++;
                }
            }
        }
        else
        {
            foreach (var (value, where) in Compare.PartnerListCsv.Entries(text))
                Add(value, where);
        }

        return entries.Distinct(StringComparer.Ordinal).ToList();

        void Add(string value, string where)
        {
            var entry = value.Trim().TrimEnd('.').ToLowerInvariant();
            if (entry.Length == 0) return;
            if (entry.Length > MaxEntryLength || !entry.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.'))
                throw new FormatException($"{where}: \"{Shorten(value)}\" is not a site id or a domain");
            if (entries.Count >= MaxEntries)
                throw new FormatException($"has more than {MaxEntries} entries");
            entries.Add(entry);
        }
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
