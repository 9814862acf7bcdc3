using PartnerWatch.Detect.Logos;

namespace PartnerWatch.Tests.Detect.Logos;

public sealed class ForegroundMapTests
{
    // A reference drawn large: an "L" in a 40×40 box, 8 units thick.
    private static ForegroundMap LargeL()
    {
        var values = new byte[40 * 40];
        for (var y = 0; y < 40; y++)
        {
            for (var x = 0; x < 40; x++) values[y * 40 + x] = (byte)(x < 8 || y >= 32 ? 255 : 0);
        }
        return new ForegroundMap(values, 40, 40);
    }

    // The same "L" as a 10 px image would show it: 2 px strokes, exactly on the pixel grid.
    private static ForegroundMap SmallL(bool mirrored = false)
    {
        var values = new byte[10 * 10];
        for (var y = 0; y < 10; y++)
        {
            for (var x = 0; x < 10; x++)
            {
                var column = mirrored ? 9 - x : x;
                values[y * 10 + x] = (byte)(column < 2 || y >= 8 ? 255 : 0);
            }
        }
        return new ForegroundMap(values, 10, 10);
    }

    [Fact]
    public void LogoDrawnAtTheImagesOwnSizeCorrelatesAlmostPerfectly()
    {
        Assert.InRange(SmallL().SimilarityTo(LargeL()), 0.97, 1.0);
    }

    [Fact]
    public void MirroredShapeOfTheSameInkCorrelatesPoorly()
    {
        Assert.True(SmallL(mirrored: true).SimilarityTo(LargeL()) < 0.5);
    }

    [Fact]
    public void HalfPixelShiftedImageStillCorrelatesHighly()
    {
        // The L drawn half a pixel to the right: its edge columns are half covered.
        var values = new byte[10 * 10];
        for (var y = 0; y < 10; y++)
        {
            for (var x = 0; x < 10; x++)
            {
                double coverage = y >= 8 ? (x == 0 ? 0.5 : 1) : x == 0 || x == 2 ? 0.5 : x == 1 ? 1 : 0;
                values[y * 10 + x] = (byte)Math.Round(255 * coverage);
            }
        }
        var shifted = new ForegroundMap(values, 10, 10);

        Assert.InRange(shifted.SimilarityTo(LargeL()), 0.95, 1.0);
    }

    [Fact]
    public void MapOfTheWrongSizeIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForegroundMap(new byte[10], 4, 4));
    }
}
