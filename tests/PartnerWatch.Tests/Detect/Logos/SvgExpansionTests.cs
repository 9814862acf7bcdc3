using System.Text;
using PartnerWatch.Detect.Logos;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>Hostile SVGs that are small on the wire but explode when rendered are refused before rendering.</summary>
public sealed class SvgExpansionTests
{
    private static readonly LogoImageDecoder Decoder = new(new LogoDecodeLimits(MaxBytes: 2 * 1024 * 1024));

    private static string UseBomb(int levels, int fanOut)
    {
        var svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' viewBox='0 0 100 100'><defs>");
        svg.Append("<g id='l0'><rect width='1' height='1' fill='red'/></g>");
        for (var level = 1; level <= levels; level++)
        {
            svg.Append($"<g id='l{level}'>");
            for (var i = 0; i < fanOut; i++) svg.Append($"<use xlink:href='#l{level - 1}'/>");
            svg.Append("</g>");
        }
        svg.Append($"</defs><use xlink:href='#l{levels}'/></svg>");
        return svg.ToString();
    }

    [Fact]
    public void NestedUseBombIsRefusedWithAReason()
    {
        var markup = UseBomb(levels: 12, fanOut: 10);
        Assert.True(markup.Length < 4000);

        var fromFile = Decoder.TryFingerprint(Encoding.UTF8.GetBytes(markup), out var fileReason);
        var inline = Decoder.TryFingerprintSvgMarkup(markup, out var inlineReason);

        Assert.Null(fromFile);
        Assert.Null(inline);
        Assert.Contains("<use>", fileReason);
        Assert.Contains("<use>", inlineReason);
    }

    [Fact]
    public void DeeplyNestedSvgIsRefused()
    {
        var markup = "<svg xmlns='http://www.w3.org/2000/svg'>" + string.Concat(Enumerable.Repeat("<g>", 5000)) + "<rect width='1' height='1'/>"
                     + string.Concat(Enumerable.Repeat("</g>", 5000)) + "</svg>";

        Assert.Null(Decoder.TryFingerprintSvgMarkup(markup, out var reason));
        Assert.Contains("nest", reason);
    }

    [Fact]
    public void OrdinaryUseOfASymbolStillRenders()
    {
        const string markup = "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' viewBox='0 0 40 20'>"
            + "<defs><g id='tile'><rect width='8' height='8' fill='#f25022'/></g></defs>"
            + "<use xlink:href='#tile' x='0'/><use xlink:href='#tile' x='10'/><use xlink:href='#tile' x='20'/></svg>";

        Assert.NotNull(Decoder.TryFingerprintSvgMarkup(markup, out var reason));
        Assert.Null(reason);
    }
}
