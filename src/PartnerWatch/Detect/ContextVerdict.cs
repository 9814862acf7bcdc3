namespace PartnerWatch.Detect;

/// <summary>How strongly the surroundings of a brand mention present it as a partner.</summary>
internal enum ContextStrength
{
    /// <summary>Incidental: news, trademark notice, compatibility, job advert, comparison, cookie, social, store badge, sign-in/payment.</summary>
    Negative,
    /// <summary>No partner wording anywhere near.</summary>
    None,
    /// <summary>Only the page as a whole (title, first heading, URL) is about partners.</summary>
    Page,
    /// <summary>A logo strip (class "logos", "brands") without partner wording.</summary>
    LogoWall,
    /// <summary>A heading, caption, list, class/id/aria-label or the sentence itself presents partners.</summary>
    Strong,
}

/// <summary>The context found for one mention; <see cref="Description"/> tells an analyst what decided it.</summary>
internal sealed record ContextVerdict(ContextStrength Strength, string Description)
{
    public static ContextVerdict None { get; } = new(ContextStrength.None, "no partner context");

    /// <summary>Multiplier applied to a signal's weight; see docs/detection.md "Confidence".</summary>
    public double Weight => Strength switch
    {
        ContextStrength.Strong => 1.0,
        ContextStrength.LogoWall => 0.65,
        ContextStrength.Page => 0.6,
        ContextStrength.None => 0.3,
        _ => 0.0,
    };
}
