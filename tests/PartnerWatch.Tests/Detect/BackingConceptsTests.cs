using System.Text;
using PartnerWatch.Config;
using PartnerWatch.Detect;
using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// Session 10: the backing concepts of the reference table (<see cref="PartnerConcepts"/>) — a vendor thanked for free
/// licences or hosting, a sponsor, a backer, a funder — as a native writer of each catalogue language puts it, with the
/// brand first and the verb last where the language does so. Each row was missed before the table. The near misses
/// are the same vendors as platforms, sign-in accounts and tools, in the same languages.
/// </summary>
public sealed class BackingConceptsTests
{
    [Theory]
    [InlineData("<p>Thanks to JetBrains for the free open-source licences.</p>")]
    [InlineData("<p>Vielen Dank an JetBrains für die kostenlosen Open-Source-Lizenzen.</p>")]
    [InlineData("<p>Wir danken JetBrains für die Unterstützung mit kostenlosen Lizenzen.</p>")]
    [InlineData("<p>Merci à JetBrains pour les licences open source gratuites.</p>")]
    [InlineData("<p>Gracias a JetBrains por las licencias gratuitas de código abierto.</p>")]
    [InlineData("<p>Agradecemos à JetBrains pelas licenças gratuitas de código aberto.</p>")]
    [InlineData("<p>Grazie a JetBrains per le licenze open source gratuite.</p>")]
    [InlineData("<p>Спасибо JetBrains за бесплатные лицензии для открытых проектов.</p>")]
    [InlineData("<p>JetBrains 社から無償のオープンソースライセンスの提供を受けています。</p>")]
    [InlineData("<p>本プロジェクトは JetBrains 社のご支援をいただいております。</p>")]
    [InlineData("<p>JetBrains에서 오픈소스 라이선스를 무료로 제공받고 있습니다.</p>")]
    [InlineData("<p>JetBrains'e ücretsiz açık kaynak lisansları için teşekkür ederiz.</p>")]
    [InlineData("<p>Cảm ơn JetBrains đã hỗ trợ giấy phép mã nguồn mở miễn phí.</p>")]
    [InlineData("<p>Dự án được phát triển với sự hỗ trợ của JetBrains.</p>")]
    [InlineData("<p>Terima kasih kepada JetBrains atas lisensi open source gratis.</p>")]
    public async Task AVendorThankedForWhatItGivesIsClaimed(string body)
        => Assert.Equal(["jetbrains"], await ClaimedAsync(body));

    [Theory]
    [InlineData("<p>Dieses Projekt wird von DigitalOcean gefördert.</p>")]
    [InlineData("<p>Proyecto patrocinado por DigitalOcean.</p>")]
    [InlineData("<p>DigitalOcean の協賛により運営しています。</p>")]
    [InlineData("<p>DigitalOcean sponsorluğunda geliştirilmektedir.</p>")]
    [InlineData("<p>Proyek ini didanai oleh DigitalOcean.</p>")]
    public async Task AVendorThatSponsorsOrFundsTheProjectIsClaimed(string body)
        => Assert.Equal(["digitalocean"], await ClaimedAsync(body));

    [Theory]
    [InlineData("<p>Kompatibel mit Microsoft Windows und Linux.</p>")]
    [InlineData("<p>Microsoft Windows と互換性があります。</p>")]
    [InlineData("<p>Microsoft Windows를 지원합니다.</p>")]
    [InlineData("<p>Microsoft Windows ile uyumludur.</p>")]
    [InlineData("<p>Hỗ trợ Microsoft Windows và Linux.</p>")]
    [InlineData("<p>GitHub でログインしてください。</p>")]
    [InlineData("<p>GitHub ile giriş yapın.</p>")]
    [InlineData("<p>DigitalOcean にデプロイする方法を説明します。</p>")]
    [InlineData("<p>Uygulamanızı DigitalOcean üzerine dağıtın.</p>")]
    [InlineData("<p>Triển khai ứng dụng lên DigitalOcean.</p>")]
    [InlineData("<p>Gracias a Microsoft Azure, escalamos sin problemas.</p>")]
    [InlineData("<p>Microsoft の Visual Studio Code を利用して開発しています。チームに感謝します。</p>")]
    [InlineData("<p>JetBrains IDE kullanarak geliştirdik ve topluluğa teşekkür ederiz.</p>")]
    [InlineData("<p>我们由于 Microsoft Windows 不支持该功能而放弃。</p>")]
    public async Task TheSameVendorsAsPlatformsAccountsOrToolsStayMentions(string body)
        => Assert.Empty(await ClaimedAsync(body));

    /// <summary>The harness brands plus two vendors that README credits name most (licences, hosting).</summary>
    private static readonly Lazy<ClaimDetector> WithCreditVendors = new(() => new ClaimDetector(new PartnerWatchOptions
    {
        Brands = [.. Brands, Brand("jetbrains", "JetBrains", [], ["jetbrains.com"]), Brand("digitalocean", "DigitalOcean", ["Digital Ocean"], ["digitalocean.com"]),
            Brand("github", "GitHub", [], ["github.com"])],
    }));

    internal static async Task<string[]> ClaimedAsync(string body)
    {
        var html = $"<!DOCTYPE html><html><head><title>Acme</title></head><body>{body}</body></html>";
        var collector = WithCreditVendors.Value.BeginSite();
        await collector.AddPageAsync(await ParseAsync(new Uri("http://site.test/"), Encoding.UTF8.GetBytes(html), "utf-8"), CancellationToken.None);
        return collector.Complete().Select(c => c.BrandId).Order(StringComparer.Ordinal).ToArray();
    }
}
