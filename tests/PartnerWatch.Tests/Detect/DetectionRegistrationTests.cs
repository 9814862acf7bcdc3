using Microsoft.Extensions.DependencyInjection;
using PartnerWatch.Config;
using PartnerWatch.Detect;

namespace PartnerWatch.Tests.Detect;

public sealed class DetectionRegistrationTests
{
    [Fact]
    public void AddDetectionRegistersOneSharedDetectorBuiltFromConfiguredBrands()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new PartnerWatchOptions { Brands = DetectionHarness.Brands });
        services.AddDetection();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var first = provider.GetRequiredService<ClaimDetector>();
        Assert.Same(first, provider.GetRequiredService<ClaimDetector>());
        Assert.NotNull(first.BeginSite());
    }

    [Fact]
    public async Task RegisteredImageMatcherIsUsedByTheDetector()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new PartnerWatchOptions { Brands = DetectionHarness.Brands });
        services.AddSingleton<ILogoImageMatcher, EverythingIsIntel>();
        services.AddDetection();
        using var provider = services.BuildServiceProvider();

        var collector = provider.GetRequiredService<ClaimDetector>().BeginSite();
        var html = "<html><body><h2>Partners</h2><img src=\"a1.png\"></body></html>";
        await collector.AddPageAsync(await DetectionHarness.ParseAsync(new Uri("http://site.test/"), System.Text.Encoding.UTF8.GetBytes(html), "utf-8"), CancellationToken.None);
        Assert.Equal("intel", Assert.Single(collector.Complete()).BrandId);
    }

    private sealed class EverythingIsIntel : ILogoImageMatcher
    {
        public ValueTask<IReadOnlyList<LogoImageMatch>> MatchAsync(IReadOnlyList<LogoImageCandidate> images, CancellationToken cancellationToken)
            => ValueTask.FromResult<IReadOnlyList<LogoImageMatch>>(images.Select(i => new LogoImageMatch("intel", i.ImageUrl, "test")).ToList());
    }
}
