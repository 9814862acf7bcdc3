using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace PartnerWatch.Config;

/// <summary>
/// Builds the configuration the contract describes: built-in <c>appsettings.json</c> next to the program, then the
/// <c>--config</c> file, then environment variables (<c>PartnerWatch__Smtp__Host</c>), then in-memory overrides.
/// </summary>
public static class ConfigurationLoader
{
    public static IConfigurationRoot Build(string? configFile, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (configFile is not null)
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        builder.AddEnvironmentVariables();
        if (overrides is not null)
            builder.AddInMemoryCollection(overrides);
        return builder.Build();
    }

    /// <summary>
    /// Loads and binds the options, collecting every problem (missing file, bad JSON, values of the wrong type, rule
    /// violations) instead of stopping at the first. Never throws for bad input.
    /// </summary>
    public static LoadedConfiguration Load(string? configFile, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var problems = new List<ConfigProblem>();
        var fullPath = configFile is null ? null : Path.GetFullPath(configFile);
        if (fullPath is not null)
        {
            if (!File.Exists(fullPath))
                return LoadedConfiguration.Failed(fullPath, new ConfigProblem(fullPath, "config file not found"));
            if (CheckJson(fullPath) is { } jsonProblem)
                return LoadedConfiguration.Failed(fullPath, jsonProblem);
        }

        IConfigurationRoot configuration;
        try
        {
            configuration = Build(fullPath, overrides);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException)
        {
            return LoadedConfiguration.Failed(fullPath, new ConfigProblem(fullPath ?? "appsettings.json", ex.Message));
        }

        var options = new PartnerWatchOptions();
        var section = configuration.GetSection(PartnerWatchOptions.SectionName);
        OptionsBinder.Bind(section, options, problems);
        options.BaseDirectory = fullPath is null ? AppContext.BaseDirectory : Path.GetDirectoryName(fullPath)!;
        problems.AddRange(new PartnerWatchOptionsValidator().Check(options));
        return new LoadedConfiguration(configuration, options, fullPath, problems) { Overrides = overrides };
    }

    private static ConfigProblem? CheckJson(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
                MaxDepth = 64,
            });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return new ConfigProblem(path, "the file must hold a JSON object");
            return null;
        }
        catch (JsonException ex)
        {
            return new ConfigProblem(path, $"invalid JSON at line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}: {FirstSentence(ex.Message)}");
        }
        catch (IOException ex)
        {
            return new ConfigProblem(path, ex.Message);
        }
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends the position again ("LineNumber: … | BytePositionInLine: …"); it is already given.
        foreach (var marker in new[] { " LineNumber:", " Path:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
        }
        return message.TrimEnd();
    }
}

/// <summary>The bound options plus the raw configuration they came from and every problem found.</summary>
public sealed record LoadedConfiguration(
    IConfigurationRoot? Configuration,
    PartnerWatchOptions Options,
    string? ConfigFile,
    IReadOnlyList<ConfigProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>The in-memory overrides the file was loaded with; a configuration reload applies them again.</summary>
    public IReadOnlyDictionary<string, string?>? Overrides { get; init; }

    public static LoadedConfiguration Failed(string? file, ConfigProblem problem) =>
        new(null, new PartnerWatchOptions(), file, [problem]);

    public LoadedConfiguration ThrowIfInvalid() =>
        IsValid ? this : throw new InvalidConfigurationException(Problems);
}
