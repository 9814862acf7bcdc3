using PartnerWatch.Detect;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// Sentences that once made a compiled cue regex throw from inside the .NET regex engine (an IndexOutOfRangeException
/// in the generated matcher of a lazy bounded quantifier inside a lookahead): such an exception escaped the page's
/// detection and failed the whole site's scan.
/// </summary>
public sealed class CuePatternsRunSafelyTests
{
    private static readonly ContextLexicon Lexicon = new();

    [Theory]
    [InlineData("A special thanks to Matt Grantham for design of the original Ember website")]
    [InlineData("A special thanks to Matt Grantham for design of the original Ember website.")]
    public void AThanksSentenceWithoutAGiftIsReadWithoutAnError(string sentence)
    {
        var cue = Lexicon.Classify(sentence);
        Assert.NotEqual(CueKind.Partner, cue?.Kind);
    }

    [Fact]
    public void AThanksSentenceForALicenceIsStillAPartnerCue()
        => Assert.Equal(CueKind.Partner, Lexicon.Classify("Special thanks to JetBrains for the free open-source licences")?.Kind);
}
