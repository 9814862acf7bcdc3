using System.Text.Encodings.Web;
using System.Text.Json;

namespace PartnerWatch.Cli;

public static class JsonOutput
{
    /// <summary>camelCase, indented, CJK and other scripts left readable (the output is never embedded in HTML).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
