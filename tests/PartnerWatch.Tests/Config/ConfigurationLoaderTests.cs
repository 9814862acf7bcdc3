using PartnerWatch.Config;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Config;

public sealed class ConfigurationLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Write(string json, string name = "partnerwatch.json")
    {
        var path = _dir.Combine(name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void ValidConfigurationBindsEveryContractKey()
    {
        Directory.CreateDirectory(_dir.Combine("logos"));
        File.WriteAllText(_dir.Combine("logos", "microsoft.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
        var path = Write("""
            { "PartnerWatch": {
                "Brands": [ { "Id": "microsoft", "Name": "Microsoft", "Aliases": ["微软"], "Domains": ["microsoft.com"], "Logos": ["logos/microsoft.svg"] } ],
                "ConfirmedPartners": { "microsoft": ["contoso", "fabrikam.com"] },
                "Sites": [ { "Id": "sensenets", "Name": "SenseNets", "Url": "https://sensenets.example/", "Interval": "01:00:00" } ],
                "Fetch": { "AllowPrivateNetworks": true },
                "Schedule": { "Interval": "06:00:00", "RunOnStart": true },
                "Storage": { "DataDirectory": "data" } } }
            """);

        var loaded = ConfigurationLoader.Load(path);

        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        var o = loaded.Options;
        Assert.Equal("微软", Assert.Single(o.Brands).Aliases[0]);
        Assert.Equal(["contoso", "fabrikam.com"], o.ConfirmedPartners["microsoft"]);
        Assert.Equal(TimeSpan.FromHours(1), o.Sites[0].Interval);
        Assert.True(o.Fetch.AllowPrivateNetworks);
        Assert.True(o.Schedule.RunOnStart);
        Assert.Equal(_dir.Path, o.BaseDirectory);
    }

    [Fact]
    public void EveryProblemIsReportedWithItsKeyPath()
    {
        var path = Write("""
            { "PartnerWatch": {
                "Sites": [ { "Id": "a", "Url": "https://a.example/" }, { "Id": "a", "Url": "not a url" }, { "Id": "c", "Url": "https://c.example/", "Interval": "soon" } ],
                "Brands": [ { "Id": "ms", "Name": "Microsoft", "Logos": ["missing.png"] } ],
                "Fetch": { "MaxPagesPerSite": 0 } } }
            """);

        var problems = ConfigurationLoader.Load(path).Problems.Select(p => p.Path).ToList();

        Assert.Contains("PartnerWatch:Sites:1:Id", problems);
        Assert.Contains("PartnerWatch:Sites:1:Url", problems);
        Assert.Contains("PartnerWatch:Sites:2:Interval", problems);
        Assert.Contains("PartnerWatch:Brands:0:Logos:0", problems);
        Assert.Contains("PartnerWatch:Fetch:MaxPagesPerSite", problems);
    }

    [Fact]
    public void EmptyPartnerListIsValidAndConfirmsNobody()
    {
        var path = Write("""{ "PartnerWatch": { "Brands": [ { "Id": "aws", "Name": "AWS" } ], "ConfirmedPartners": { "aws": [] } } }""");

        var loaded = ConfigurationLoader.Load(path);

        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        Assert.Empty(loaded.Options.ConfirmedPartners["aws"]);
    }

    [Fact]
    public void ShippedExampleConfigurationIsValid()
    {
        var example = RepositoryRoot.Combine("config", "partnerwatch.json");

        var loaded = ConfigurationLoader.Load(example);

        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
    }

    [Fact]
    public void MisspelledKeyIsReportedInsteadOfIgnored()
    {
        var path = Write("""{ "PartnerWatch": { "Site": [ { "Id": "a", "Url": "https://a.example/" } ], "Schedule": { "Intervall": "01:00:00" } } }""");

        var problems = ConfigurationLoader.Load(path).Problems;

        Assert.Contains(problems, p => p.Path == "PartnerWatch:Site" && p.Message.Contains("Sites"));
        Assert.Contains(problems, p => p.Path == "PartnerWatch:Schedule:Intervall");
    }

    [Fact]
    public void BrokenJsonNamesTheFileAndLine()
    {
        var path = Write("{\n  \"PartnerWatch\": {\n    \"Sites\": [ }\n}");

        var problem = Assert.Single(ConfigurationLoader.Load(path).Problems);

        Assert.Equal(path, problem.Path);
        Assert.Contains("line 3", problem.Message);
    }

    [Fact]
    public void MissingConfigFileIsAProblemNotACrash()
    {
        var problem = Assert.Single(ConfigurationLoader.Load(_dir.Combine("nope.json")).Problems);
        Assert.Contains("not found", problem.Message);
    }

    [Fact]
    public void LogoPathsResolveAgainstTheConfigFileNotTheWorkingDirectory()
    {
        var sub = Directory.CreateDirectory(_dir.Combine("conf", "logos")).FullName;
        File.WriteAllText(Path.Combine(sub, "x.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
        var path = Write("""{ "PartnerWatch": { "Brands": [ { "Id": "x", "Name": "X", "Logos": ["logos/x.svg"] } ] } }""", Path.Combine("conf", "pw.json"));

        var loaded = ConfigurationLoader.Load(path);

        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
    }

    [Fact]
    public void OverridesWinOverTheFile()
    {
        var path = Write("""{ "PartnerWatch": { "Smtp": { "Host": "file.example", "To": ["a@b.example"] } } }""");

        var loaded = ConfigurationLoader.Load(path, new Dictionary<string, string?> { ["PartnerWatch:Smtp:Host"] = "env.example" });

        Assert.Equal("env.example", loaded.Options.Smtp.Host);
    }

    [Fact]
    public void SmtpNeedsRecipientsOnlyWhenAHostIsSet()
    {
        Assert.True(ConfigurationLoader.Load(Write("""{ "PartnerWatch": { } }""")).IsValid);
        var problems = ConfigurationLoader.Load(Write("""{ "PartnerWatch": { "Smtp": { "Host": "mail.example" } } }""")).Problems;
        Assert.Contains(problems, p => p.Path == "PartnerWatch:Smtp:To");
    }

    public void Dispose() => _dir.Dispose();
}
