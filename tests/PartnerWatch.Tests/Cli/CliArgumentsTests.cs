using System.CommandLine;
using PartnerWatch.Cli;

namespace PartnerWatch.Tests.Cli;

/// <summary>The command line as System.CommandLine parses it: commands, options, help per command, version, typos.</summary>
public sealed class CliArgumentsTests
{
    private static (int Exit, string Output) Invoke(params string[] argv)
    {
        var output = new StringWriter();
        var exit = PartnerWatchCommandLine.Parse(argv).Invoke(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    [Fact]
    public void NoCommandMeansServe()
    {
        var (args, error) = CliArguments.Parse(["--config", "x.json"]);
        Assert.Null(error);
        Assert.Equal("serve", args!.Command);
        Assert.Equal("x.json", args.ConfigFile);
    }

    [Fact]
    public void ScanTakesRepeatedSitesJsonAndVerbose()
    {
        var (args, _) = CliArguments.Parse(["scan", "--site", "a", "--site", "b", "--json", "--verbose"]);
        Assert.Equal("scan", args!.Command);
        Assert.Equal(["a", "b"], args.Sites);
        Assert.True(args.Json);
        Assert.True(args.Verbose);
        Assert.False(args.Store);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("scan", "--nope")]
    [InlineData("scan", "--config")]
    [InlineData("validate", "--json")]
    [InlineData("scan", "--urls", "http://127.0.0.1:1")]
    public void BadUsageIsRejectedWithAReason(params string[] argv)
    {
        var (args, error) = CliArguments.Parse(argv);
        Assert.Null(args);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("scan", "--help")]
    [InlineData("scan", "-h")]
    [InlineData("help", "scan")]
    public void ScanHasItsOwnHelpWithItsOptionsAndExitCodes(params string[] argv)
    {
        var (exit, output) = Invoke(argv);

        Assert.Equal(0, exit);
        Assert.Contains("scan [options]", output);
        Assert.Contains("--site", output);
        Assert.Contains("--verbose", output);
        Assert.Contains("4 no unverified claim, but at least one site could not be scanned", output);
        Assert.DoesNotContain("--urls", output); // serve's option, not scan's
    }

    [Fact]
    public void HelpIsNotMistakenForACommandToRun()
    {
        Assert.Null(CliArguments.From(PartnerWatchCommandLine.Parse(["validate", "--help"])));
        Assert.Null(CliArguments.From(PartnerWatchCommandLine.Parse(["--version"])));
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("version")]
    public void VersionPrintsTheProgramVersion(string word)
    {
        var (exit, output) = Invoke(word);

        Assert.Equal(0, exit);
        Assert.StartsWith(PartnerWatchCommandLine.Version, output.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    [Theory]
    [InlineData("scna", "scan")]
    [InlineData("valdate", "validate")]
    public void ATypoOfACommandSuggestsTheCommand(string typo, string suggested)
    {
        var parsed = PartnerWatchCommandLine.Parse([typo]);
        Assert.NotEmpty(parsed.Errors);

        var (_, output) = Invoke(typo);

        Assert.Contains("Did you mean", output);
        Assert.Contains(suggested, output);
    }

    [Fact]
    public void ATypoOfAnOptionSuggestsTheOption()
    {
        var (_, output) = Invoke("scan", "--jsno");
        Assert.Contains("Did you mean", output);
        Assert.Contains("--json", output);
    }
}
