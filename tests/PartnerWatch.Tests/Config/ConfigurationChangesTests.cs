using PartnerWatch.Config;

namespace PartnerWatch.Tests.Config;

/// <summary>What a reload applies now and what it leaves for a restart, key by key.</summary>
public sealed class ConfigurationChangesTests
{
    [Fact]
    public void SitesAndScheduleApplyNowOtherKeysKeepTheirRunningValueAndAreNamedWithoutTheirValues()
    {
        var running = new PartnerWatchOptions { Sites = [new SiteOptions { Id = "a", Url = "https://a.example/" }] };
        running.Smtp.Password = "old-secret";
        var loaded = new PartnerWatchOptions
        {
            Sites = [new SiteOptions { Id = "a", Url = "https://a.example/" }, new SiteOptions { Id = "b", Url = "https://b.example/" }],
        };
        loaded.Schedule.Interval = TimeSpan.FromMinutes(30);
        loaded.Storage.Provider = StorageOptions.Postgres;
        loaded.Smtp.Password = "new-secret";

        var (applied, changes) = ConfigurationChanges.Compare(running, loaded);

        Assert.Equal(["PartnerWatch:Sites", "PartnerWatch:Schedule:Interval"], changes.Live);
        Assert.Equal(["PartnerWatch:Smtp:Password", "PartnerWatch:Storage:Provider"], changes.NeedsRestart.Order());
        Assert.Equal(["a", "b"], applied.Sites.Select(s => s.Id));
        Assert.Equal(TimeSpan.FromMinutes(30), applied.Schedule.Interval);
        Assert.Equal(StorageOptions.Sqlite, applied.Storage.Provider);
        Assert.Equal("old-secret", applied.Smtp.Password);
        Assert.DoesNotContain(changes.Live.Concat(changes.NeedsRestart), key => key.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnchangedConfigurationChangesNothing()
    {
        var (_, changes) = ConfigurationChanges.Compare(new PartnerWatchOptions(), new PartnerWatchOptions());
        Assert.True(changes.None);
    }
}
