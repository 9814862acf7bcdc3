using System.Buffers.Binary;
using System.Text;
using Microsoft.AspNetCore.Http;
using PartnerWatch.Detect.Logos;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Detect.Logos;

public sealed class LogoImageDecoderTests
{
    private readonly LogoImageDecoder decoder = LogoFixtures.Decoder();

    [Fact]
    public void PixelCapIsEnforcedFromTheHeaderBeforeDecoding()
    {
        var bomb = PngWithHeader(60_000, 60_000); // 3.6 gigapixels declared in a 60-byte file

        var fingerprint = decoder.TryFingerprint(bomb, out var reason);

        Assert.Null(fingerprint);
        Assert.Contains("MP cap", reason);
    }

    [Fact]
    public void ByteCapIsEnforced()
    {
        var png = LogoVariants.Make(LogoFixtures.RefPath("ibm", "ibm.svg"), LogoTransformation.Size400);
        var small = new LogoImageDecoder(new LogoDecodeLimits(MaxBytes: png.Length - 1));

        Assert.Null(small.TryFingerprint(png, out var reason));
        Assert.Contains("larger than", reason);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>404 Not Found</body></html>")]
    [InlineData("not an image at all")]
    [InlineData("")]
    public void NonImagesAreRejectedWithAReason(string content)
    {
        Assert.Null(decoder.TryFingerprint(Encoding.UTF8.GetBytes(content), out var reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Fact]
    public void RandomAndTruncatedBytesNeverThrow()
    {
        var random = new Random(7);
        var png = LogoVariants.Make(LogoFixtures.RefPath("cisco", "cisco.svg"), LogoTransformation.Size120);
        var jpeg = LogoVariants.Make(LogoFixtures.RefPath("cisco", "cisco.svg"), LogoTransformation.Jpeg60);
        for (var i = 0; i < 50; i++)
        {
            var noise = new byte[random.Next(1, 4096)];
            random.NextBytes(noise);
            if (i % 3 == 0) "\x89PNG\r\n\x1a\n"u8.ToArray().Select(b => (byte)b).ToArray().CopyTo(noise, 0);
            _ = decoder.TryFingerprint(noise, out _);
            _ = decoder.TryFingerprint(png.AsSpan(0, random.Next(1, png.Length)), out _);
            _ = decoder.TryFingerprint(jpeg.AsSpan(0, random.Next(1, jpeg.Length)), out _);
        }
    }

    [Fact]
    public void ContentDecidesTheFormatNotTheName()
    {
        Assert.Equal(SniffedImageFormat.Png, ImageFormatSniffer.Sniff(LogoVariants.Make(LogoFixtures.RefPath("sap", "sap.svg"), LogoTransformation.Size48)));
        Assert.Equal(SniffedImageFormat.Jpeg, ImageFormatSniffer.Sniff(LogoVariants.Make(LogoFixtures.RefPath("sap", "sap.svg"), LogoTransformation.Jpeg60)));
        Assert.Equal(SniffedImageFormat.Gif, ImageFormatSniffer.Sniff(LogoVariants.Make(LogoFixtures.RefPath("sap", "sap.svg"), LogoTransformation.Gif)));
        Assert.Equal(SniffedImageFormat.WebP, ImageFormatSniffer.Sniff(LogoVariants.Make(LogoFixtures.RefPath("sap", "sap.svg"), LogoTransformation.WebP)));
        Assert.Equal(SniffedImageFormat.Svg, ImageFormatSniffer.Sniff("\uFEFF<?xml version=\"1.0\"?>\n<!-- logo -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray()));
        Assert.Equal(SniffedImageFormat.Unknown, ImageFormatSniffer.Sniff("<html><body><svg></svg></body></html>"u8.ToArray()));
    }

    [Fact]
    public async Task SvgNeverFetchesExternalEntitiesImagesOrStylesheets()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => context.Response.WriteAsync("<!ENTITY x 'pwned'>"));
        var origin = server.BaseUri.ToString().TrimEnd('/');
        var svg = $"""
            <?xml version="1.0"?>
            <!DOCTYPE svg [ <!ENTITY xxe SYSTEM "{origin}/entity"> ]>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="50">
              <style>@import url("{origin}/style.css"); rect {"{"} fill: url({origin}/paint.svg#p) {"}"}</style>
              <rect width="100" height="20" fill="#c00"/>
              <image href="{origin}/image.png" width="100" height="50"/>
              <use xlink:href="{origin}/sprite.svg#logo"/>
              <script>fetch("{origin}/script")</script>
              <text y="40">&xxe;</text>
            </svg>
            """;

        _ = decoder.TryFingerprintSvgMarkup(svg, out _);
        _ = decoder.TryFingerprint(Encoding.UTF8.GetBytes(svg), out _);
        _ = decoder.TryFingerprintSvgMarkup(svg.Replace("&xxe;", ""), out _);

        Assert.Empty(server.Requests);
    }

    [Fact]
    public void SvgWithTooManyElementsIsRefused()
    {
        var svg = "<svg xmlns='http://www.w3.org/2000/svg'>" + string.Concat(Enumerable.Repeat("<g/>", 25_000)) + "</svg>";

        Assert.Null(decoder.TryFingerprintSvgMarkup(svg, out var reason));
        Assert.Contains("elements", reason);
    }

    [Fact]
    public void TransparentReferenceYieldsVariantsForLightAndDarkPages()
    {
        var fingerprint = decoder.TryFingerprint(File.ReadAllBytes(LogoFixtures.RefPath("apple", "apple.svg")), out var reason);

        Assert.True(fingerprint is not null, reason);
        Assert.InRange(fingerprint.Variants.Count, 1, 12);
        Assert.Equal("Svg", fingerprint.Format);
    }

    private static byte[] PngWithHeader(int width, int height)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 6; // RGBA
        WriteChunk(stream, "IHDR", ihdr);
        WriteChunk(stream, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        WriteChunk(stream, "IEND", []);
        return stream.ToArray();
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
