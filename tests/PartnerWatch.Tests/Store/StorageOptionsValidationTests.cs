using PartnerWatch.Config;

namespace PartnerWatch.Tests.Store;

public sealed class StorageOptionsValidationTests
{
    [Fact]
    public void SqliteIsTheDefaultAndNeedsNoConnectionString()
    {
        var options = new PartnerWatchOptions();

        Assert.Equal("Sqlite", options.Storage.Provider);
        Assert.Empty(StorageProblems(options));
    }

    [Fact]
    public void PostgresWithoutConnectionStringIsRefusedNamingTheKey()
    {
        var options = new PartnerWatchOptions { Storage = { Provider = "postgres" } };

        var problem = Assert.Single(StorageProblems(options));

        Assert.Equal("PartnerWatch:Storage:ConnectionString", problem.Path);
        Assert.Contains("PartnerWatch__Storage__ConnectionString", problem.Message);
    }

    [Fact]
    public void UnknownProviderIsRefused()
    {
        var options = new PartnerWatchOptions { Storage = { Provider = "Oracle" } };

        var problem = Assert.Single(StorageProblems(options));

        Assert.Equal("PartnerWatch:Storage:Provider", problem.Path);
        Assert.Contains("\"Oracle\"", problem.Message);
    }

    [Theory]
    [InlineData("Host=db;Database=pw;Password=Sup3r-Secret-Pw;Bogus Key=Sup3r-Secret-Pw")]
    [InlineData("Sup3r-Secret-Pw")]
    [InlineData("Host=db;Password=Sup3r-Secret-Pw")]
    public void BadConnectionStringIsRefusedWithoutEchoingIt(string connectionString)
    {
        var options = new PartnerWatchOptions { Storage = { Provider = "Postgres", ConnectionString = connectionString } };

        var problems = StorageProblems(options);

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal("PartnerWatch:Storage:ConnectionString", p.Path));
        Assert.All(problems, p => Assert.DoesNotContain("Sup3r-Secret-Pw", p.ToString()));
    }

    [Fact]
    public void ValidPostgresSettingsPass()
    {
        var options = new PartnerWatchOptions
        {
            Storage = { Provider = "Postgres", ConnectionString = "Host=db.internal;Port=5432;Database=partnerwatch;Username=pw;Password=x" },
        };

        Assert.Empty(StorageProblems(options));
    }

    [Fact]
    public void MisspelledConnectionStringKeyIsReportedWithoutItsValue()
    {
        var loaded = ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["PartnerWatch:Storage:Provider"] = "Postgres",
            ["PartnerWatch:Storage:ConectionString"] = "Host=db;Database=pw;Password=Sup3r-Secret-Pw",
        });

        var unknown = Assert.Single(loaded.Problems, p => p.Path == "PartnerWatch:Storage:ConectionString");
        Assert.Contains("ConnectionString", unknown.Message);
        Assert.DoesNotContain("IsPostgres", unknown.Message);
        Assert.Contains(loaded.Problems, p => p.Path == "PartnerWatch:Storage:ConnectionString");
        Assert.All(loaded.Problems, p => Assert.DoesNotContain("Sup3r-Secret-Pw", p.ToString()));
    }

    private static List<ConfigProblem> StorageProblems(PartnerWatchOptions options) =>
        new PartnerWatchOptionsValidator().Check(options).Where(p => p.Path.Contains(":Storage:", StringComparison.Ordinal)).ToList();
}
