using PartnerWatch.Fetch.Robots;

namespace PartnerWatch.Tests.Fetch.Polite;

/// <summary>RFC 9309 matching, as a site owner writes robots.txt and expects it to be read.</summary>
public sealed class RobotsRulesTests
{
    private static bool Allowed(string robots, string path, string token = "PartnerWatch") =>
        RobotsRules.Parse(robots, token, "test").Allows(new Uri("https://example.com" + path));

    [Theory]
    [InlineData("/partners/", false)]
    [InlineData("/partners/public/", true)] // the longer allow wins
    [InlineData("/partners/public", false)] // "/partners/public/" does not match without the slash
    [InlineData("/about", true)]
    public void LongestMatchWins(string path, bool allowed) =>
        Assert.Equal(allowed, Allowed("""
            User-agent: *
            Disallow: /partners/
            Allow: /partners/public/
            """, path));

    [Fact]
    public void AllowWinsATieOfEqualLength() =>
        Assert.True(Allowed("User-agent: *\nDisallow: /page\nAllow: /page\n", "/page"));

    [Theory]
    [InlineData("/docs/a.pdf", false)]
    [InlineData("/docs/a.pdf?x=1", true)] // '$' anchors the end: the query makes it longer
    [InlineData("/img/partners/logo.png", false)]
    [InlineData("/img/logo.png", true)]
    public void WildcardAndEndAnchor(string path, bool allowed) =>
        Assert.Equal(allowed, Allowed("""
            User-agent: *
            Disallow: /*.pdf$
            Disallow: /img/*/logo
            """, path));

    [Fact]
    public void OurGroupWinsOverTheStarGroupAndNamesAreCaseInsensitive()
    {
        const string robots = """
            User-agent: *
            Disallow: /

            User-agent: partnerwatch/2.0
            Disallow: /private
            """;
        Assert.True(Allowed(robots, "/partners"));
        Assert.False(Allowed(robots, "/private/x"));
        Assert.False(Allowed(robots, "/partners", token: "OtherBot"));
    }

    [Fact]
    public void GroupsNamingUsAreMergedAndOneGroupMayNameSeveralAgents()
    {
        const string robots = """
            User-agent: Googlebot
            User-agent: PartnerWatch
            Disallow: /a
            # a comment line
            User-agent: PartnerWatch
            Disallow: /b   # trailing comment
            """;
        Assert.False(Allowed(robots, "/a"));
        Assert.False(Allowed(robots, "/b"));
        Assert.True(Allowed(robots, "/c"));
    }

    [Fact]
    public void AnEmptyDisallowAndRulesOutsideAnyGroupAllowEverything()
    {
        Assert.True(Allowed("Disallow: /\nUser-agent: *\nDisallow:\n", "/partners"));
        Assert.True(Allowed("", "/partners"));
    }

    [Fact]
    public void NonAsciiPatternsMatchTheEncodedUrl() =>
        Assert.False(Allowed("User-agent: *\nDisallow: /合作伙伴/\n", "/%E5%90%88%E4%BD%9C%E4%BC%99%E4%BC%B4/index.html"));

    [Fact]
    public void RobotsTxtItselfIsAlwaysAllowed() =>
        Assert.True(Allowed("User-agent: *\nDisallow: /\n", "/robots.txt"));
}
