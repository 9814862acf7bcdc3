namespace PartnerWatch.Detect;

/// <summary>
/// Disclaimers that deny a relation (session 9): "not affiliated with, sponsored or endorsed by X", "must not imply
/// Microsoft sponsorship", "X와 제휴 관계가 없으며 후원을 받지 않았습니다", "不得暗示微软的赞助". They name the vendor
/// beside the very partner words a claim uses, so each phrase runs to the end of its clause: it is a trademark notice
/// (<see cref="CueKind.Trademark"/>) and the partner words inside it are masked (<see cref="ContextLexicon.PartnerSpans"/>),
/// so no agent or statement rule can read "sponsored by X" out of "not sponsored by X".
/// </summary>
internal static class DisclaimerWording
{
    /// <summary>The rest of the clause after a denial: partner words in it are denied too ("not affiliated with, or sponsored by").</summary>
    private const string Clause = @"[^.;!?。；！？\n]{0,120}";

    public static readonly LanguageCues[] Cues =
    [
        new("en", new Dictionary<CueKind, string[]>
        {
            [CueKind.Trademark] =
            [
                @"\b(?:is|are|was|were|be|being)\s+(?:in\s+no\s+way\s+|not\s+(?:in\s+any\s+way\s+)?|neither\s+)(?:officially\s+|directly\s+)?(?:affiliated|associated|endorsed|sponsored|supported|approved|certified|connected|partnered|authori[sz]ed)\b" + Clause,
                @"\bnot\s+(?:officially\s+)?(?:affiliated|associated|endorsed|sponsored|approved|connected)\s+(?:with|by|to)\b" + Clause,
                @"\b(?:unaffiliated|unofficial|non-?affiliated)\b" + Clause,
                @"\b(?:no|without\s+any|without)\s+(?:affiliation|association|endorsement|sponsorship|partnership)\b" + Clause,
                // "must not cause confusion or imply Microsoft sponsorship", "does not imply endorsement".
                @"\b(?:must|shall|should|may|does|do|will|can)(?:\s+not|n['’]t)\b[^.;!?\n]{0,80}?\b(?:impl(?:y|ies|ying)|suggest(?:s|ing)?|indicat(?:e|es|ing))\b" + Clause,
                @"\bwithout\s+(?:implying|suggesting)\b" + Clause,
                @"\b(?:is|are)\s+not\s+(?:an?\s+)?(?:official\s+)?(?:partners?|sponsors?|affiliates?|resellers?)\s+(?:of|with|to)\b" + Clause,
            ],
        }),
        new("de", new Dictionary<CueKind, string[]>
        {
            [CueKind.Trademark] =
            [
                @"\b(?:steht|stehen|stehe)\s+in\s+keiner(?:lei)?\s+(?:Verbindung|Beziehung)\b" + Clause,
                @"\bnicht\s+(?:offiziell\s+)?(?:mit\s+\S+(?:\s+\S+)?\s+)?(?:verbunden|verbündet|affiliiert|assoziiert)\b" + Clause,
                @"\b(?:wird|werden|ist|sind)\s+(?:weder|nicht)\s+(?:\S+\s+){0,3}?(?:gesponsert|unterstützt|gebilligt|autorisiert)\b" + Clause,
                @"\b(?:wird|werden|ist|sind)\s+von\s+\S+(?:\s+\S+)?\s+(?:weder|nicht)\s+(?:gesponsert|unterstützt|gebilligt|autorisiert)\b" + Clause,
                @"\b(?:darf|dürfen|soll|sollen)\b[^.;!?\n]{0,80}?\b(?:implizieren|suggerieren|vortäuschen|andeuten)\b" + Clause,
                @"\b(?:kein|keine)\s+(?:offizielles?|offizielle)\b" + Clause,
            ],
        }),
        new("fr", new Dictionary<CueKind, string[]>
        {
            [CueKind.Trademark] =
            [
                @"\bn['’](?:est|sont|a|ont)\s+(?:en\s+aucun\s+cas\s+|pas\s+|aucunement\s+|ni\s+)(?:officiellement\s+)?(?:affilié|associé|parrainé|sponsorisé|soutenu|approuvé|lié|partenaire|de\s+lien)\w*" + Clause,
                @"\b(?:non\s+affilié|non\s+officiel|sans\s+(?:aucune\s+)?affiliation)\w*" + Clause,
                @"\bne\s+(?:doit|doivent|peut|peuvent|devrait|devraient)\s+pas\b[^.;!?\n]{0,80}?\b(?:impliquer|suggérer|laisser\s+(?:penser|croire|entendre))\b" + Clause,
            ],
        }),
        new("es", new Dictionary<CueKind, string[]>
        {
            [CueKind.Trademark] =
            [
                @"\bno\s+(?:está|están|es|son|tiene|tienen)\s+(?:\w+\s+){0,2}?(?:afiliad|asociad|patrocinad|respaldad|avalad|vinculad|aprobad|relación)\w*" + Clause,
                @"\b(?:sin\s+(?:ninguna\s+)?afiliación|no\s+oficial)\b" + Clause,
                @"\bno\s+(?:debe|deben|puede|pueden|debería|deberían)\b[^.;!?\n]{0,80}?\b(?:implicar|sugerir|insinuar|dar\s+a\s+entender)\b" + Clause,
            ],
        }),
        new("pt", new Dictionary<CueKind, string[]>
        {
            [CueKind.Trademark] =
            [
                @"\bnão\s+(?:está|estão|é|são|tem|têm)\s+(?:\w+\s+){0,2}?(?:afiliad|associad|patrocinad|endossad|vinculad|aprovad|relação)\w*" + Clause,
                @"\b(?:sem\s+(?:qualquer\s+)?afiliação|não\s+oficial)\b" + Clause,
                @"\bnão\s+(?:deve|devem|pode|podem|deveria|deveriam)\b[^.;!?\n]{0,80}?\b(?:implicar|sugerir|insinuar|dar\s+a\s+entender)\b" + Clause,
            ],
        }),
        new("it", new Dictionary<CueKind, string[]>
        {
            [CueKind.Trademark] =
            [
                @"\bnon\s+(?:è|sono)\s+(?:\w+\s+){0,2}?(?:affiliat|associat|sponsorizzat|approvat|collegat)\w*" + Clause,
                @"\bnon\s+(?:deve|devono|può|possono)\b[^.;!?\n]{0,80}?\b(?:implicare|suggerire|lasciare\s+intendere)\b" + Clause,
            ],
        }),
        new("ru", new Dictionary<CueKind, string[]>
        {
            [CueKind.Trademark] =
            [
                @"\bне\s+(?:является|являются)\s+(?:\S+\s+){0,2}?(?:партн[её]р|аффилир|спонсор|официальн|связан|дочерн)\w*" + Clause,
                @"\bне\s+(?:связан|связаны|аффилирован|аффилированы|спонсиру\w*|одобрен\w*)\b" + Clause,
                @"\bнеофициальн\w*" + Clause,
                @"\bне\s+(?:должн\w*|может|могут)\b[^.;!?\n]{0,80}?(?:подразумева|намека|создава)\w*" + Clause,
            ],
        }),
        new("zh", new Dictionary<CueKind, string[]>
        {
            // Simplified only: the lexicon folds traditional text before matching.
            [CueKind.Trademark] =
            [
                "(?:与|和|跟)[^。；！？\n]{0,40}(?:无关|没有(?:任何)?(?:关联|关系|隶属|合作|从属)|无(?:任何)?(?:关联|隶属|合作|从属)|不存在(?:任何)?(?:关联|合作|隶属))[^。；！？\n]{0,40}",
                "(?:不得|不能|不应|不可|禁止|并不|并非)[^。；！？\n]{0,40}(?:暗示|表明|意味着)[^。；！？\n]{0,40}",
                "(?:未|并未|没有|不)(?:获得|受到|得到|经过)[^。；！？\n]{0,20}(?:赞助|认可|授权|支持|背书)[^。；！？\n]{0,20}",
                "(?:非官方|不隶属于|不附属于)[^。；！？\n]{0,40}",
                "(?:不是|并非|并不是)[^。；！？\n]{0,20}(?:合作伙伴|赞助商|官方)[^。；！？\n]{0,20}",
            ],
        }),
        new("ja", new Dictionary<CueKind, string[]>
        {
            [CueKind.Trademark] =
            [
                "(?:と|とは)[^。！？\n]{0,10}(?:一切|何ら|なんら)?(?:の)?(?:提携|関係|関連|協力|資本関係)[^。！？\n]{0,15}(?:ありません|ない|なく|せず|しておらず|していません|しておりません|ございません)",
                "(?:スポンサー|後援|支援|承認|提携|協賛|推奨)[^。！？\n]{0,30}(?:暗示|示唆|ほのめか|受けて(?:いません|おりません|おらず)|されて(?:いません|おりません|おらず))[^。！？\n]{0,20}",
                "(?:非公式|公式(?:な)?(?:もの|製品|プロジェクト|アプリ)ではありません)[^。！？\n]{0,40}",
            ],
        }),
        new("ko", new Dictionary<CueKind, string[]>
        {
            [CueKind.Trademark] =
            [
                "(?:와|과|와는|과는|와의|과의)\\s?(?:아무런\\s?|어떠한\\s?|공식적인\\s?)?(?:제휴|관련|관계|연관|협력)(?:\\s?관계)?(?:가|이|는|을|를|도)?\\s?(?:전혀\\s?)?(?:없|아닙|않|하지\\s?않|되어\\s?있지\\s?않|맺지\\s?않)[^.。!?\\n]{0,60}",
                "(?:후원|스폰서|보증|제휴|승인|파트너|공식 관계)[^.。!?\\n]{0,40}(?:암시|시사|것처럼 보이게|오인|받지 않|받지않)[^.。!?\\n]{0,30}",
                "(?:비공식|공식 (?:\\S+ )?(?:제품|프로젝트|앱|서비스)이 아닙)[^.。!?\\n]{0,40}",
            ],
        }),
        new("tr", new Dictionary<CueKind, string[]>
        {
            [CueKind.Trademark] = [@"\b(?:ile\s+)?(?:bağlantılı|ilişkili|bağlı)\s+değildir\b" + Clause, @"\bresmi\s+değildir\b" + Clause],
        }),
        new("vi", new Dictionary<CueKind, string[]>
        {
            [CueKind.Trademark] = [@"\bkhông\s+(?:liên\s+kết|liên\s+quan|được\s+tài\s+trợ|được\s+bảo\s+trợ)\b" + Clause],
        }),
        new("id", new Dictionary<CueKind, string[]>
        {
            [CueKind.Trademark] = [@"\btidak\s+(?:berafiliasi|terafiliasi|terkait|disponsori|didukung)\b" + Clause],
        }),
    ];
}
