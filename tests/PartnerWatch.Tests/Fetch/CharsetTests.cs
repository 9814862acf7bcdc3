using System.Text;
using PartnerWatch.Fetch;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Fetch;

public sealed class CharsetTests
{
    static CharsetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Chinese = "我们的合作伙伴包括很多知名的技术公司。我们为客户提供产品和服务，欢迎联系我们。";
    private const string Traditional = "我們的合作夥伴包括很多知名的技術公司。我們為客戶提供產品和服務，歡迎聯繫我們。";
    private const string Japanese = "パートナー企業のご紹介です。私たちは多くのお客様と一緒に新しいサービスを作っています。";
    private const string Korean = "파트너 회사를 소개합니다. 우리는 많은 고객과 함께 새로운 서비스를 만들고 있습니다.";

    private static string Html(string text, string head = "") =>
        $"<!DOCTYPE html><html><head>{head}<title>t</title></head><body><h1>{text}</h1><p>{text}</p></body></html>";

    public static TheoryData<string, string, string, string, string> Fixtures => new()
    {
        // encoding of the bytes, Content-Type header, head markup, expected charset, text
        { "gbk", "text/html; charset=gbk", "", "gb18030", Chinese },
        { "gbk", "text/html", "<meta charset=\"gb2312\">", "gb18030", Chinese },
        { "gbk", "text/html", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">", "gb18030", Chinese },
        { "gbk", "text/html", "", "gb18030", Chinese },
        { "gbk", "text/html; charset=utf-8", "", "gb18030", Chinese },
        { "big5", "text/html; charset=big5", "", "big5", Traditional },
        { "big5", "text/html", "", "big5", Traditional },
        { "shift_jis", "text/html", "<meta charset=\"Shift_JIS\">", "shift_jis", Japanese },
        { "shift_jis", "text/html", "", "shift_jis", Japanese },
        { "euc-kr", "text/html; charset=euc-kr", "", "euc-kr", Korean },
        { "euc-kr", "text/html", "", "euc-kr", Korean },
        { "utf-8", "text/html", "", "utf-8", Chinese + Japanese + Korean },
        { "utf-8", "text/html", "<meta charset=\"gbk\">", "utf-8", Chinese },
        { "windows-1252", "text/html", "", "windows-1252", "Über uns – Références clientes" },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task PageIsDecodedWithTheRightCharset(string encoding, string contentType, string head, string expectedCharset, string text)
    {
        var bytes = Encoding.GetEncoding(encoding).GetBytes(Html(text, head));
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = new(200, contentType, bytes),
        });
        await using var provider = FetchTestHost.Create();

        var page = Assert.Single((await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog())).Pages());

        Assert.Equal(expectedCharset, page.Charset);
        Assert.Equal(text, page.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal(bytes, page.Html);
    }

    [Fact]
    public async Task Utf8ByteOrderMarkWinsOverAWrongMeta()
    {
        var html = Html(Chinese, "<meta charset=\"big5\">");
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(html)];
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = new(200, "text/html", bytes),
        });
        await using var provider = FetchTestHost.Create();

        var page = Assert.Single((await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog())).Pages());

        Assert.Equal("utf-8", page.Charset);
        Assert.Equal(Chinese, page.Document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void UnknownDeclaredCharsetFallsBackToSniffing()
    {
        var bytes = Encoding.GetEncoding("gbk").GetBytes(Html(Chinese, "<meta charset=\"no-such-charset\">"));

        var decoded = HtmlDecoder.Decode(bytes, "x-bogus");

        Assert.Equal("gb18030", decoded.Charset);
        Assert.Contains(Chinese, decoded.Text);
    }

    [Fact]
    public void UndeclaredUtf8CutMidCharacterIsStillUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Html(Chinese));
        var cut = bytes.AsSpan(0, bytes.Length - 60);
        // Make sure the cut really lands inside a multi-byte character.
        while ((cut[^1] & 0xC0) != 0x80 && (cut[^1] & 0xC0) != 0xC0) cut = cut[..^1];

        Assert.Equal("utf-8", HtmlDecoder.Decode(cut, null).Charset);
    }
}
