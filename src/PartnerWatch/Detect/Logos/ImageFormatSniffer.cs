using System.Text;

namespace PartnerWatch.Detect.Logos;

public enum SniffedImageFormat { Unknown, Png, Jpeg, Gif, WebP, Bmp, Ico, Svg }

/// <summary>Recognises an image by its magic bytes: servers mislabel images, so Content-Type and file names are ignored.</summary>
public static class ImageFormatSniffer
{
    public static SniffedImageFormat Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return SniffedImageFormat.Png;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return SniffedImageFormat.Jpeg;
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)) return SniffedImageFormat.Gif;
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return SniffedImageFormat.WebP;
        if (bytes.Length >= 26 && bytes.StartsWith("BM"u8)) return SniffedImageFormat.Bmp;
        if (bytes.Length >= 6 && bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 1, 0]) && bytes[4] + bytes[5] > 0) return SniffedImageFormat.Ico;
        return LooksLikeSvg(bytes) ? SniffedImageFormat.Svg : SniffedImageFormat.Unknown;
    }

    // An SVG file is XML whose root is <svg>; prologue, comments and a doctype may come first. Looking for "<svg"
    // in the first 4 KiB after a '<' start is enough to tell it from HTML error pages, which start with <!DOCTYPE html or <html.
    private static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 4096)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        var text = Encoding.UTF8.GetString(head).TrimStart();
        if (!text.StartsWith('<')) return false;
        var svgAt = text.IndexOf("<svg", StringComparison.OrdinalIgnoreCase);
        var htmlAt = text.IndexOf("<html", StringComparison.OrdinalIgnoreCase);
        return svgAt >= 0 && (htmlAt < 0 || svgAt < htmlAt);
    }
}
