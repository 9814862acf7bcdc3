using PartnerWatch.Cli;

namespace PartnerWatch.Tests.Cli;

public sealed class CliArgumentsTests
{
    [Fact]
    public void NoCommandMeansServe()
    {
        var (args, error) = CliArguments.Parse(["--config", "x.json"]);
        Assert.Null(error);
        Assert.Equal("serve", args!.Command);
        Assert.Equal("x.json", args.ConfigFile);
    }

    [Fact]
    public void ScanTakesRepeatedSitesAndJson()
    {
        var (args, _) = CliArguments.Parse(["scan", "--site", "a", "--site", "b", "--json"]);
        Assert.Equal(["a", "b"], args!.Sites);
        Assert.True(args.Json);
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
}
