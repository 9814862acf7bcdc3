using System.Globalization;
using MimeKit;
using PartnerWatch.Store;

namespace PartnerWatch.Alert;

/// <summary>
/// Without an SMTP server, alerts are written as <c>.eml</c> files to <c>&lt;DataDirectory&gt;/outbox</c>, named
/// <c>&lt;yyyyMMddTHHmmssZ&gt;-alert-&lt;id&gt;.eml</c>. A file appears complete or not at all (temp file, then move),
/// and an alert already written is not written twice.
/// </summary>
internal sealed class OutboxFolderSender(DataDirectory dataDirectory) : IAlertSender
{
    public string Folder => dataDirectory.Outbox;

    public async Task SendAsync(long alertId, MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var folder = dataDirectory.EnsureExists(dataDirectory.Outbox);
        var suffix = $"-alert-{alertId.ToString(CultureInfo.InvariantCulture)}.eml";
        if (Directory.EnumerateFiles(folder, "*" + suffix).Any())
        {
            return;
        }

        var stamp = message.Date.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var target = Path.Combine(folder, stamp + suffix);
        // Dot-prefixed so tools watching the folder for *.eml never pick up a half-written file.
        var temp = Path.Combine(folder, $".alert-{alertId.ToString(CultureInfo.InvariantCulture)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, FileOptions.Asynchronous))
            {
                await message.WriteToAsync(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Another writer delivered the same alert first; that is the outcome we wanted.
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A stray temp file is harmless and ignored by readers of *.eml.
        }
    }
}
