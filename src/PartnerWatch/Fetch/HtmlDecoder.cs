using System.Text;
using System.Text.RegularExpressions;

namespace PartnerWatch.Fetch;

/// <summary>The text of an HTML body and the encoding it was decoded with.</summary>
public sealed record DecodedHtml(string Text, string Charset, string Source);

/// <summary>
/// Turns HTML bytes into text: byte-order mark → HTTP header charset → <c>&lt;meta&gt;</c> declaration → sniffing.
/// Sniffing matters because many Chinese, Japanese and Korean sites declare nothing (or declare UTF-8 wrongly):
/// valid UTF-8 wins, otherwise each legacy CJK encoding is tried and the one producing the most common characters wins.
/// </summary>
public static partial class HtmlDecoder
{
    // Registering the provider is idempotent and thread-safe; doing it here keeps the fetch stage usable on its own.
    static HtmlDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const int PrescanBytes = 4096;
    private const int SniffBytes = 64 * 1024;

    /// <summary>Legacy encodings tried when nothing is declared, in tie-break order.</summary>
    private static readonly string[] SniffCandidates = ["gb18030", "big5", "shift_jis", "euc-jp", "euc-kr"];

    /// <summary>Frequent characters of Chinese (simplified and traditional), Japanese kana excluded, and Korean.</summary>
    private static readonly HashSet<char> CommonCjk = new(
        "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企办伙伴客户们产品服务方案关于我们合作网站首页联系新闻" +
        "這個們來為國說時會對於著過發後裡種經麼學現當沒動還進樣開從實軍與長機無產問頭體間應戰見關點業將兩總電數報結變聽條氣題爾別給記員認處義務幾師門區據計歷車連調標術達處權設夥伴客戶產品服務關於我們網站首頁聯繫新聞" +
        "이의는에가을를다고하한서지로기사자도리으수해대시게적것들과인있어니면국일정보도회를라상업우요스주제품서비스파트너고객회사소개" );

    [GeneratedRegex("""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MetaCharset();

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="headerCharset"/> is the Content-Type charset, if any.</summary>
    public static DecodedHtml Decode(ReadOnlySpan<byte> bytes, string? headerCharset)
    {
        if (DecodeWithBom(bytes) is { } bom) return bom;

        if (Resolve(headerCharset) is { } fromHeader && Plausible(fromHeader, bytes))
            return new DecodedHtml(fromHeader.Encoding.GetString(bytes), fromHeader.Name, "header");

        if (Resolve(PrescanMeta(bytes)) is { } fromMeta && Plausible(fromMeta, bytes))
            return new DecodedHtml(fromMeta.Encoding.GetString(bytes), fromMeta.Name, "meta");

        var sniffed = Sniff(bytes);
        return new DecodedHtml(sniffed.Encoding.GetString(bytes), sniffed.Name, "sniffed");
    }

    private static DecodedHtml? DecodeWithBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new(Encoding.UTF8.GetString(bytes[3..]), "utf-8", "bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return new(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", "bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return new(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", "bom");
        return null;
    }

    /// <summary>
    /// Declarations are often stale after a site moves between UTF-8 and a legacy encoding. A declared UTF-8 on bytes
    /// that are not UTF-8, or a declared legacy encoding on non-ASCII bytes that are all valid UTF-8 (which legacy CJK
    /// text practically never is), is not trusted; sniffing decides instead.
    /// </summary>
    private static bool Plausible(NamedEncoding encoding, ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, SniffBytes)];
        var utf8Errors = CountUtf8Errors(sample);
        if (encoding.Encoding.CodePage == Encoding.UTF8.CodePage) return utf8Errors <= 2;
        return utf8Errors > 0 || CountNonAscii(sample) < 8;
    }

    private static int CountNonAscii(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        foreach (var b in bytes) if (b >= 0x80) count++;
        return count;
    }

    private static string? PrescanMeta(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        try
        {
            var match = MetaCharset().Match(head);
            return match.Success ? match.Groups[1].Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private readonly record struct NamedEncoding(Encoding Encoding, string Name);

    /// <summary>Maps a charset label to an encoding the way browsers do (WHATWG Encoding labels, abridged).</summary>
    private static NamedEncoding? Resolve(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        return name switch
        {
            "utf-8" or "utf8" or "unicode-1-1-utf-8" => new(Encoding.UTF8, "utf-8"),
            // A <meta> or header claiming UTF-16 on bytes that had no BOM is wrong; browsers use UTF-8.
            "utf-16" or "utf-16le" or "utf-16be" => new(Encoding.UTF8, "utf-8"),
            "gb2312" or "gbk" or "gb18030" or "x-gbk" or "chinese" or "csgb2312" or "iso-ir-58" or "gb_2312-80" or "cp936" or "windows-936"
                => Legacy("gb18030", "gb18030"),
            "big5" or "big5-hkscs" or "cn-big5" or "csbig5" or "x-x-big5" or "cp950" => Legacy("big5", "big5"),
            "shift_jis" or "shift-jis" or "sjis" or "ms_kanji" or "x-sjis" or "windows-31j" or "csshiftjis" or "cp932" => Legacy("shift_jis", "shift_jis"),
            "euc-jp" or "x-euc-jp" or "cseucpkdfmtjapanese" => Legacy("euc-jp", "euc-jp"),
            "iso-2022-jp" or "csiso2022jp" => Legacy("iso-2022-jp", "iso-2022-jp"),
            "euc-kr" or "ks_c_5601-1987" or "windows-949" or "cseuckr" or "korean" or "cp949" => Legacy("ks_c_5601-1987", "euc-kr"),
            "iso-8859-1" or "latin1" or "l1" or "ascii" or "us-ascii" or "windows-1252" or "cp1252" => Legacy("windows-1252", "windows-1252"),
            _ => TryGet(name),
        };
    }

    private static NamedEncoding? Legacy(string dotnetName, string reportedName) =>
        TryGet(dotnetName) is { } e ? e with { Name = reportedName } : null;

    private static NamedEncoding? TryGet(string name)
    {
        try
        {
            // Code-page decoders default to '?' or '・' for bad bytes; U+FFFD makes them visible (and countable when sniffing).
            var encoding = Encoding.GetEncoding(name, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
            // A label naming an ASCII-incompatible encoding would turn the markup itself into garbage.
            return encoding.CodePage is 1200 or 1201 or 12000 or 12001 or 65000 ? null : new(encoding, encoding.WebName);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static NamedEncoding Sniff(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, SniffBytes)];
        if (CountUtf8Errors(sample) == 0) return new(Encoding.UTF8, "utf-8");

        NamedEncoding? best = null;
        var bestScore = 0;
        foreach (var candidate in SniffCandidates)
        {
            if (Resolve(candidate) is not { } encoding) continue;
            var score = Score(encoding.Encoding.GetString(sample));
            if (score > bestScore) (best, bestScore) = (encoding, score);
        }
        // No CJK reading makes sense: most likely a Western page in a legacy single-byte encoding.
        return best ?? Resolve("windows-1252")!.Value;
    }

    /// <summary>
    /// How much a decoding looks like real CJK text: common characters count for it, undecodable sequences against.
    /// Zero unless common characters make up a real share of the non-ASCII text, so a few accidental hits in
    /// mis-decoded Latin text do not win.
    /// </summary>
    private static int Score(string text)
    {
        int hits = 0, nonAscii = 0, invalid = 0;
        foreach (var c in text)
        {
            if (c < 0x80) continue;
            nonAscii++;
            if (c == '\uFFFD') invalid++;
            else if (CommonCjk.Contains(c) || c is >= '\u3041' and <= '\u30FF') hits++; // kana: full width only
        }
        if (hits < 2 || hits * 5 < nonAscii) return 0;
        return Math.Max(0, hits * 2 - invalid * 4);
    }

    private static int CountUtf8Errors(ReadOnlySpan<byte> bytes)
    {
        var errors = 0;
        while (!bytes.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            // A sequence cut off by a body cap is not evidence of another encoding.
            if (status == System.Buffers.OperationStatus.NeedMoreData) break;
            if (status == System.Buffers.OperationStatus.InvalidData) errors++;
            bytes = bytes[consumed..];
        }
        return errors;
    }
}
