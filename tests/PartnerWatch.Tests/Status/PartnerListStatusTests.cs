using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PartnerWatch.Cli;
using PartnerWatch.Config;
using PartnerWatch.Demo;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Status;

/// <summary>An operator sees on /status which partner lists were read and which fail, without their secret URLs.</summary>
public sealed class PartnerListStatusTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task StatusShowsLoadedAndFailingPartnerLists()
    {
        await using var listServer = await LoopbackHttpServer.StartAsync(ctx => { ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable; return Task.CompletedTask; });
        File.WriteAllText(_data.Combine("ms.csv"), "contoso-systems\nfabrikam.example\n");
        await using var sites = await DemoSiteServer.StartAsync(CancellationToken.None);
        var loaded = DemoCommand.LoadDemoConfiguration(sites.Origin, _data.Path);
        loaded.Options.Schedule.RunOnStart = false;
        loaded.Options.Fetch.MaxRetries = 0;
        loaded.Options.ConfirmedPartnerSources =
        [
            new ConfirmedPartnerSourceOptions { Brand = "microsoft", File = _data.Combine("ms.csv") },
            new ConfirmedPartnerSourceOptions { Brand = "google", Url = listServer.Url("/lists/google.json?token=s3cr3t").ToString() },
        ];

        await using var service = await ServiceHost.StartAsync(loaded);
        var lists = (await service.GetStatusAsync()).GetProperty("partnerLists").EnumerateArray().ToList();

        Assert.Equal(2, lists.Count);
        Assert.Equal("ms.csv", lists[0].GetProperty("source").GetString());
        Assert.Equal(2, lists[0].GetProperty("entries").GetInt32());
        Assert.Equal(JsonValueKind.String, lists[0].GetProperty("loadedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, lists[0].GetProperty("error").ValueKind);
        Assert.Equal("could not be fetched", lists[1].GetProperty("error").GetString());
        Assert.DoesNotContain("s3cr3t", lists[1].ToString());
    }

    public void Dispose() => _data.Dispose();
}
