using System.Buffers;
using System.Text;
using System.Text.Json;
using PartnerWatch.Detect;
using PartnerWatch.Domain;
using PartnerWatch.Scan;

namespace PartnerWatch.Cli;

/// <summary>
/// Writes the <c>scan --json</c> document (<see cref="ScanReport"/>, interface.md "scan --json output") incrementally:
/// the opening at once, each site as it finishes, the closing at the end. The bytes are those the whole document
/// serialised at once would have (sites in the order they finished), but no site has to wait in memory for the others,
/// and a reader of a long scan sees results as they come.
/// </summary>
public sealed class ScanJsonWriter : IDisposable
{
    private readonly TextWriter _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _json;
    private bool _ended;

    public ScanJsonWriter(TextWriter output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions
        {
            // The writer, not the serializer options, decides layout and escaping of what goes through it.
            Indented = JsonOutput.Options.WriteIndented,
            Encoder = JsonOutput.Options.Encoder,
        });
    }

    /// <summary>The document's opening, up to the start of the sites array.</summary>
    public void Begin(DateTimeOffset scannedAt)
    {
        _json.WriteStartObject();
        _json.WritePropertyName(Name(nameof(ScanReport.ScannedAt)));
        JsonSerializer.Serialize(_json, scannedAt, JsonOutput.Options);
        _json.WritePropertyName(Name(nameof(ScanReport.Sites)));
        _json.WriteStartArray();
        FlushToOutput();
    }

    /// <summary>One element of <c>sites</c>, written and flushed to the output before this returns.</summary>
    /// <param name="mentions">
    /// With <c>scan --mentions</c>: the site's brands seen but not claimed, written as the site's last property
    /// <c>mentions</c>. Null (the default) writes the site exactly as the contract has it, with no <c>mentions</c> key.
    /// </param>
    public void WriteSite(SiteScanResult site, IReadOnlyList<SiteMention>? mentions = null)
    {
        if (mentions is null)
        {
            JsonSerializer.Serialize(_json, site, JsonOutput.Options);
        }
        else
        {
            // The site's own properties as the contract writes them, then one more: the document stays what it was plus a key.
            using var written = JsonSerializer.SerializeToDocument(site, JsonOutput.Options);
            _json.WriteStartObject();
            foreach (var property in written.RootElement.EnumerateObject())
                property.WriteTo(_json);
            _json.WritePropertyName(MentionsName);
            JsonSerializer.Serialize(_json, mentions, JsonOutput.Options);
            _json.WriteEndObject();
        }
        FlushToOutput();
    }

    private const string MentionsName = "mentions";

    /// <summary>
    /// Closes the sites array and the document (with <see cref="ScanReport.HasUnverifiedClaims"/>, which the whole
    /// document always carried after the sites), and the final newline.
    /// </summary>
    public void End(bool hasUnverifiedClaims)
    {
        if (_ended)
            return;
        _ended = true;
        _json.WriteEndArray();
        _json.WriteBoolean(Name(nameof(ScanReport.HasUnverifiedClaims)), hasUnverifiedClaims);
        _json.WriteEndObject();
        FlushToOutput();
        _output.WriteLine();
        _output.Flush();
    }

    private void FlushToOutput()
    {
        _json.Flush();
        _output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _output.Flush();
        // Safe between flushes: the writer asks the buffer for fresh memory on its next write.
        _buffer.ResetWrittenCount();
    }

    private static string Name(string property) => JsonOutput.Options.PropertyNamingPolicy?.ConvertName(property) ?? property;

    public void Dispose() => _json.Dispose();
}
