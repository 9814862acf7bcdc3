using SkiaSharp;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>One logo on a wall: a reference file drawn so that its longer side is at most <paramref name="LongSide"/> px.</summary>
public sealed record WallLogo(string Brand, string Path, int LongSide);

/// <summary>How the cells of a wall are drawn.</summary>
public enum WallStyle
{
    /// <summary>Logos centred in their cells on the page colour.</summary>
    Plain,
    /// <summary>Each logo on a white rounded card with a grey border, cards separated by the page colour.</summary>
    Cards,
    /// <summary>A table: white cells sharing 1 px grey borders, no gutter between them.</summary>
    Table,
}

/// <summary>The layout of a wall: cells of a fixed size in rows of <paramref name="Columns"/>.</summary>
public sealed record WallLayout(int Columns, int CellWidth, int CellHeight, SKColor Page, WallStyle Style = WallStyle.Plain, int Margin = 16);

/// <summary>
/// One row of a large wall: cells of one size, an optional band colour behind the row, logos drawn in their own colours
/// or as one-colour silhouettes (what sites do on dark bands), <paramref name="Gap"/> pixels between cells and each logo
/// filling <paramref name="Fill"/> of its cell (1.0 with no gap: neighbouring logos touch).
/// </summary>
public sealed record WallRow(IReadOnlyList<WallLogo> Logos, int CellWidth, int CellHeight, SKColor? Band = null, SKColor? Silhouette = null, int Gap = 0, double Fill = 0.7);

/// <summary>
/// Composes partner walls — one image with many logos, as partner pages show them — from the fixture references.
/// Shared with the benchmark project (linked source), so the measured recall is on the walls the tests check.
/// </summary>
public static class PartnerWallComposer
{
    public static readonly SKColor White = SKColors.White;
    public static readonly SKColor LightGrey = new(0xf3, 0xf4, 0xf6);
    public static readonly SKColor CardBorder = new(0xd0, 0xd7, 0xde);

    /// <summary>The wall as a bitmap; each logo is centred in its cell and fitted into it with 15 % padding.</summary>
    public static SKBitmap Compose(IReadOnlyList<WallLogo> logos, WallLayout layout)
    {
        var rows = (logos.Count + layout.Columns - 1) / layout.Columns;
        var width = 2 * layout.Margin + layout.Columns * layout.CellWidth;
        var height = 2 * layout.Margin + rows * layout.CellHeight;
        var wall = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(wall);
        canvas.Clear(layout.Page);
        using var fill = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var border = new SKPaint { Color = CardBorder, IsAntialias = layout.Style != WallStyle.Table, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        for (var i = 0; i < logos.Count; i++)
        {
            var cell = SKRect.Create(layout.Margin + i % layout.Columns * layout.CellWidth, layout.Margin + i / layout.Columns * layout.CellHeight, layout.CellWidth, layout.CellHeight);
            switch (layout.Style)
            {
                case WallStyle.Cards:
                    var card = SKRect.Inflate(cell, -8, -8);
                    canvas.DrawRoundRect(card, 8, 8, fill);
                    canvas.DrawRoundRect(card, 8, 8, border);
                    break;
                case WallStyle.Table:
                    canvas.DrawRect(cell, fill);
                    canvas.DrawRect(SKRect.Create(cell.Left + 0.5f, cell.Top + 0.5f, cell.Width, cell.Height), border);
                    break;
            }
            using var logo = Fit(logos[i], (int)(cell.Width * 0.7), (int)(cell.Height * 0.7));
            canvas.DrawBitmap(logo, (int)(cell.MidX - logo.Width / 2f), (int)(cell.MidY - logo.Height / 2f), new SKSamplingOptions(SKFilterMode.Nearest), null);
        }
        return wall;
    }

    /// <summary>The logo drawn as large as its <see cref="WallLogo.LongSide"/> allows within a box.</summary>
    public static SKBitmap Fit(WallLogo logo, int maxWidth, int maxHeight)
    {
        var bitmap = LogoVariants.Render(logo.Path, logo.LongSide);
        var shrink = Math.Min(1.0, Math.Min((double)maxWidth / bitmap.Width, (double)maxHeight / bitmap.Height));
        if (shrink >= 1.0) return bitmap;
        var longSide = Math.Max(8, (int)(logo.LongSide * shrink));
        bitmap.Dispose();
        return LogoVariants.Render(logo.Path, longSide);
    }

    /// <summary>
    /// A large wall of several rows (each centred, with its own band, cell size and spacing) on <paramref name="page"/>,
    /// <paramref name="width"/> pixels wide, <paramref name="rowGap"/> pixels between rows.
    /// </summary>
    public static SKBitmap ComposeRows(IReadOnlyList<WallRow> rows, int width, SKColor page, int rowGap = 24, int margin = 24)
    {
        var height = 2 * margin + rows.Sum(r => r.CellHeight) + rowGap * (rows.Count - 1);
        var wall = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(wall);
        canvas.Clear(page);
        var y = margin;
        foreach (var row in rows)
        {
            if (row.Band is { } band)
            {
                using var fill = new SKPaint { Color = band };
                canvas.DrawRect(0, y - rowGap / 2f, width, row.CellHeight + rowGap, fill);
            }
            var rowWidth = row.Logos.Count * row.CellWidth + (row.Logos.Count - 1) * row.Gap;
            var x = (width - rowWidth) / 2;
            foreach (var logo in row.Logos)
            {
                using var drawn = Fit(logo, (int)(row.CellWidth * row.Fill), (int)(row.CellHeight * row.Fill));
                using var shown = row.Silhouette is { } colour ? LogoVariants.Silhouette(drawn.Copy(), colour) : drawn.Copy();
                canvas.DrawBitmap(shown, x + (row.CellWidth - shown.Width) / 2, y + (row.CellHeight - shown.Height) / 2, new SKSamplingOptions(SKFilterMode.Nearest), null);
                x += row.CellWidth + row.Gap;
            }
            y += row.CellHeight + rowGap;
        }
        return wall;
    }
}
