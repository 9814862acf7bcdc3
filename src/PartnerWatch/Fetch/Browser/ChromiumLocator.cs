namespace PartnerWatch.Fetch.Browser;

/// <summary>Finds a Chromium-family executable: the configured path, else the usual names on <c>PATH</c>.</summary>
public static class ChromiumLocator
{
    /// <summary>Names looked up on PATH, in order of preference.</summary>
    public static readonly IReadOnlyList<string> CandidateNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The full path of the browser to run, or null when none is found.</summary>
    /// <param name="configured">A path or a bare command name; null or empty searches <see cref="CandidateNames"/>.</param>
    public static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var trimmed = configured.Trim();
            return trimmed.Contains(Path.DirectorySeparatorChar) || trimmed.Contains(Path.AltDirectorySeparatorChar)
                ? (IsExecutableFile(trimmed) ? Path.GetFullPath(trimmed) : null)
                : OnPath(trimmed);
        }
        foreach (var name in CandidateNames)
            if (OnPath(name) is { } found) return found;
        return null;
    }

    private static string? OnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate;
            try { candidate = Path.Combine(dir, name); }
            catch (ArgumentException) { continue; } // a malformed PATH entry must not stop the search
            if (IsExecutableFile(candidate)) return candidate;
        }
        return null;
    }

    private static bool IsExecutableFile(string path)
    {
        try
        {
            if (!File.Exists(path)) return false;
            if (OperatingSystem.IsWindows()) return true;
            return (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
