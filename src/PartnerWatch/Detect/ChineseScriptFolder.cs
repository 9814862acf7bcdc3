using System.Collections.Frozen;

namespace PartnerWatch.Detect;

/// <summary>
/// Folds traditional Chinese characters to simplified ones, one character for one, so offsets stay valid:
/// 微軟 → 微软, 華為 → 华为, 合作夥伴 → 合作伙伴, 客戶 → 客户. Only matching uses the folded text; evidence shows the page's own
/// characters. The table is deliberately small: the characters of common brand names and of partner-context words
/// (a full conversion table is megabytes and would still not turn 輝達 into 英伟达 — different names need aliases).
/// </summary>
internal static class ChineseScriptFolder
{
    private const string Traditional =
        "軟華為爾達偉雲騰訊飛聯電國際東內網絡車資夥戶們與體術業產數據億蘋愛紅亞馬遜歐創發開關係協會員證認標準戰應廠貨極點鏈區塊動機詢諮語聲視頻線無雙單邊領導團鳴謝單務態機構質實踐統規範類時間買賣貿"
        + "惠譽專廣傳訓練營銷購處理應對話題設計計劃層級優勢門戶臺灣雙語衛氣齊龍鳳蘇嶺寶貴黃羅劉張陳楊趙孫錢鄭鐘興漢與億萬";

    private const string Simplified =
        "软华为尔达伟云腾讯飞联电国际东内网络车资伙户们与体术业产数据亿苹爱红亚马逊欧创发开关系协会员证认标准战应厂货极点链区块动机询咨语声视频线无双单边领导团鸣谢单务态机构质实践统规范类时间买卖贸"
        + "惠誉专广传训练营销购处理应对话题设计计划层级优势门户台湾双语卫气齐龙凤苏岭宝贵黄罗刘张陈杨赵孙钱郑钟兴汉与亿万";

    private static readonly FrozenDictionary<char, char> Map = BuildMap();

    /// <summary>The text with the known traditional characters replaced by their simplified forms (same length).</summary>
    public static string Fold(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        char[]? folded = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] >= '\u3400' && Map.TryGetValue(text[i], out var simple))
            {
                folded ??= text.ToCharArray();
                folded[i] = simple;
            }
        }

        return folded is null ? text : new string(folded);
    }

    private static FrozenDictionary<char, char> BuildMap()
    {
        if (Traditional.Length != Simplified.Length)
        {
            throw new InvalidOperationException("traditional/simplified tables differ in length");
        }

        var map = new Dictionary<char, char>();
        for (var i = 0; i < Traditional.Length; i++)
        {
            if (Traditional[i] != Simplified[i])
            {
                map.TryAdd(Traditional[i], Simplified[i]);
            }
        }

        return map.ToFrozenDictionary();
    }
}
