namespace PartnerWatch.Config;

/// <summary>One thing wrong with the configuration, named by its key path (<c>PartnerWatch:Sites:2:Url</c>) or file.</summary>
public sealed record ConfigProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Thrown when the configuration cannot be used; carries every problem found, not just the first.</summary>
public sealed class InvalidConfigurationException(IReadOnlyList<ConfigProblem> problems)
    : Exception("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<ConfigProblem> Problems { get; } = problems;
}
