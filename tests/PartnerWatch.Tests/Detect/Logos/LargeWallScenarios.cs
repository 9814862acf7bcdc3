using SkiaSharp;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>
/// Large one-image partner walls made of the fixture logos (shared with the benchmark project, linked source): the
/// 2,851 × 1,160 px wall of 30 logos that issue 10 describes (three rows of ten: plain on white, white silhouettes on a
/// dark band, mixed sizes on light grey), the same wall with no gaps between cells, and a row whose logos touch.
/// Every configured brand appears once; the other logos are the fixture negatives, which must match nothing.
/// </summary>
public static class LargeWallScenarios
{
    public const int Width = 2851;
    public static readonly SKColor DarkBand = new(0x0f, 0x17, 0x2a);

    private static WallLogo Ref(string brand, string file, int longSide = 220) => new(brand, LogoFixtures.RefPath(brand, file), longSide);

    private static WallLogo Negative(string name, int longSide = 220) => new("-" + name, Path.Combine(LogoFixtures.Negatives, name + ".svg"), longSide);

    public static IReadOnlyList<WallLogo> FirstRow { get; } =
    [
        Ref("microsoft", "microsoft.svg"), Negative("docker"), Ref("google", "google.svg"), Ref("ibm", "ibm.svg"), Ref("sap", "sap.svg"),
        Ref("oracle", "oracle.svg"), Negative("github"), Ref("cisco", "cisco.svg"), Ref("redhat", "redhat.svg"), Ref("nvidia", "nvidia.svg"),
    ];

    public static IReadOnlyList<WallLogo> DarkRow { get; } =
    [
        Ref("salesforce", "salesforce.svg"), Negative("hp"), Ref("dell", "dell.svg"), Negative("x"), Ref("intel", "intel.png"),
        Ref("huawei", "huawei.svg"), Negative("youtube"), Ref("qualcomm", "qualcomm.svg"), Negative("instagram"), Ref("aws", "aws.svg"),
    ];

    public static IReadOnlyList<WallLogo> MixedRow { get; } =
    [
        Ref("apple", "apple.svg", 90), Negative("paypal", 200), Ref("meta", "meta.svg", 240), Negative("wechat", 110), Ref("linkedin", "linkedin.svg", 150),
        Negative("mastercard", 130), Ref("alibabacloud", "alibabacloud.svg", 200), Negative("lenovo", 160), Negative("alipay", 120), Negative("ubuntu", 180),
    ];

    /// <summary>The 30-logo wall: 10 columns of 270 px with 10 px gaps, rows 340 px high, 40 px apart.</summary>
    public static SKBitmap ThirtyLogos(int gap = 10, double fill = 0.7) => PartnerWallComposer.ComposeRows(
    [
        new WallRow(FirstRow, 270, 340, Gap: gap, Fill: fill),
        new WallRow(DarkRow, 270, 340, Band: DarkBand, Silhouette: SKColors.White, Gap: gap, Fill: fill),
        new WallRow(MixedRow, 270, 340, Band: PartnerWallComposer.LightGrey, Gap: gap, Fill: fill),
    ], Width, PartnerWallComposer.White, rowGap: 40, margin: 34);

    /// <summary>Six wordmarks side by side, each as wide as its cell, no gap: neighbouring logos touch.</summary>
    public static IReadOnlyList<WallLogo> TouchingRow { get; } =
    [
        Ref("ibm", "ibm.svg", 400), Ref("sap", "sap.svg", 400), Ref("oracle", "oracle.svg", 400), Ref("intel", "intel.png", 400),
        Ref("salesforce", "salesforce.svg", 400), Ref("dell", "dell.svg", 400),
    ];

    public static SKBitmap Touching() =>
        PartnerWallComposer.ComposeRows([new WallRow(TouchingRow, 200, 110, Gap: 0, Fill: 1.0)], 6 * 200 + 40, PartnerWallComposer.White, margin: 20);

    /// <summary>The configured brands a wall shows (negatives are named with a leading '-').</summary>
    public static IEnumerable<string> Brands(IEnumerable<WallLogo> logos) => logos.Select(l => l.Brand).Where(b => !b.StartsWith('-'));
}
