using PartnerWatch.Config;

namespace PartnerWatch.Store;

/// <summary>
/// The folder where the database, the alert outbox and (later) evidence files live, resolved once to an absolute path
/// so the service behaves the same whatever the working directory is when it is later changed.
/// </summary>
public sealed class DataDirectory
{
    public const string DatabaseFileName = "partnerwatch.db";

    public DataDirectory(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("PartnerWatch:Storage:DataDirectory is empty; set it to a folder path.", nameof(path));
        }

        try
        {
            Root = Path.GetFullPath(path, Environment.CurrentDirectory);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"PartnerWatch:Storage:DataDirectory '{path}' is not a valid path: {ex.Message}", nameof(path), ex);
        }
    }

    public static DataDirectory FromOptions(PartnerWatchOptions options) => new(options.Storage.DataDirectory);

    /// <summary>Absolute path of the data directory.</summary>
    public string Root { get; }

    public string DatabasePath => Path.Combine(Root, DatabaseFileName);

    /// <summary>Where alert e-mails are written as <c>.eml</c> files when no SMTP server is configured.</summary>
    public string Outbox => Path.Combine(Root, "outbox");

    /// <summary>Reserved for evidence files (page snapshots, images) of claims.</summary>
    public string Evidence => Path.Combine(Root, "evidence");

    /// <summary>Creates <paramref name="folder"/> (the root or one of its subfolders) if missing and returns it.</summary>
    public string EnsureExists(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            return folder;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot create data folder '{folder}' (PartnerWatch:Storage:DataDirectory): {ex.Message}", ex);
        }
    }

    public override string ToString() => Root;
}
