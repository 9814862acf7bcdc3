using PartnerWatch.Detect;
using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// Session 10: the standing-relation concepts of the reference table — collaboration, membership, adopters — in the
/// catalogue languages, and the table itself: every concept is written for every catalogue language, and an event verb
/// in a headline ("蚂蚁集团携手英特尔…") does not turn the article below it into a partner section.
/// </summary>
public sealed class RelationConceptsTests
{
    [Theory]
    [InlineData("<p>Wir arbeiten in Zusammenarbeit mit Microsoft an neuen Lösungen.</p>", "microsoft")]
    [InlineData("<p>Nous sommes membres du programme Microsoft for Startups.</p>", "microsoft")]
    [InlineData("<p>当社は Microsoft に加盟しています。</p>", "microsoft")]
    [InlineData("<p>Microsoft ile iş birliği içinde geliştirildi.</p>", "microsoft")]
    [InlineData("<p>Kami bermitra dengan Microsoft.</p>", "microsoft")]
    [InlineData("<p>Projet réalisé avec le soutien de Red Hat.</p>", "redhat")]
    [InlineData("<p>Progetto realizzato in collaborazione con Red Hat.</p>", "redhat")]
    [InlineData("<p>Dự án được tài trợ bởi Oracle.</p>", "oracle")]
    public async Task ARelationWrittenAsTheLanguageWritesItIsClaimed(string body, string brand)
        => Assert.Equal([brand], await BrandsClaimedAsync(body));

    [Fact]
    public async Task AHeadlineAboutWorkingTogetherDoesNotMakeTheArticleAPartnerSection()
        => Assert.Empty(await BrandsClaimedAsync(
            "<h1>蚂蚁集团携手英特尔打造可信隐私计算方案</h1><h2>测试配置</h2><p>系统配置：2 节点，Red Hat Enterprise Linux 8，Oracle JDK 11。</p>"));

    [Fact]
    public async Task AWhoUsesItPageInGermanIsAPartnerPage()
        => Assert.Equal(["cisco"], await BrandsClaimedAsync(
            "<!DOCTYPE html><html><head><title>Wer benutzt Acme?</title></head><body><ul><li><img src=\"a.png\" alt=\"Cisco\"></li></ul></body></html>"));

    [Fact]
    public void EveryConceptIsWrittenForEveryCatalogueLanguage()
    {
        foreach (var concept in PartnerConcepts.Table)
        {
            var missing = PartnerConcepts.CatalogueLanguages.Where(language => !concept.Wordings.TryGetValue(language, out var w) || w.Length == 0).ToList();
            Assert.True(missing.Count == 0, $"{concept.Id} lacks {string.Join(", ", missing)}");
        }

        Assert.True(PartnerConcepts.Table.Count(c => c.Kind == CueKind.Partner) >= 12);
    }
}
