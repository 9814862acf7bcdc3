#!/usr/bin/env python3
"""Writes the detection corpus (corpus.json, sites/, refs/) next to this folder.

Holdout sites were written first, before the detector was tuned; keep them untouched when tuning.
Reference logos are copied from the shared sample (CC0). Re-run: python3 tools/generate_corpus.py SAMPLE_DIR
"""
import json, os, shutil, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SAMPLE = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/eval/detection-sample'

NAV_LABELS = {
    'en': ('Home', 'About us', 'Contact'), 'de': ('Startseite', 'Über uns', 'Kontakt'),
    'fr': ('Accueil', 'À propos', 'Contact'), 'es': ('Inicio', 'Quiénes somos', 'Contacto'),
    'pt': ('Início', 'Sobre nós', 'Contato'), 'it': ('Home', 'Chi siamo', 'Contatti'),
    'ru': ('Главная', 'О компании', 'Контакты'), 'zh': ('首页', '关于我们', '联系我们'),
    'zh-tw': ('首頁', '關於我們', '聯絡我們'), 'ja': ('ホーム', '会社概要', 'お問い合わせ'),
    'ko': ('홈', '회사소개', '문의'),
}
ABOUT = {
    'en': 'We are a small, independent team founded by engineers.', 'de': 'Wir sind ein inhabergeführtes Unternehmen.',
    'fr': 'Nous sommes une équipe indépendante.', 'es': 'Somos un equipo independiente.',
    'pt': 'Somos uma equipe independente.', 'it': 'Siamo un team indipendente.', 'ru': 'Мы независимая команда инженеров.',
    'zh': '公司成立于2010年，专注于行业信息化。', 'zh-tw': '本公司成立於2010年，專注於資訊服務。',
    'ja': '当社は2010年に設立されました。', 'ko': '저희는 2010년에 설립되었습니다.',
}

def page(site, lang, title, body, extra_nav=(), charset='utf-8', meta=True, footer='', head=''):
    home, about, contact = NAV_LABELS[lang]
    nav = [('index.html', home), ('about.html', about)] + list(extra_nav) + [('contact.html', contact)]
    navhtml = ''.join(f'<li><a href="{h}">{t}</a></li>' for h, t in nav)
    metatag = f'<meta charset="{charset}">\n' if meta else ''
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n{metatag}<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{title}</title>\n{head}<link rel="stylesheet" href="css/site.css">\n</head>\n<body>\n'
            f'<header><a class="brand" href="index.html">{site}</a>\n<nav><ul>{navhtml}</ul></nav></header>\n<main>\n{body}\n</main>\n'
            f'<footer>{footer}<p>{copyright_line(charset, site)}</p></footer>\n</body>\n</html>\n')

def copyright_line(charset, site):
    if charset == 'utf-8':
        return f'© 2010–2025 {site}.'
    return f'Copyright 2010-2025 {site} ' + ('版權所有' if charset == 'big5' else '版权所有')

SITES = []

def site(id, name, lang, split, truth, categories, note, pages, confirmed=(), extra_nav=(), charset='utf-8',
         meta=True, sidecar=None, footer='', claim_pages=(), images=(), bom=False, raw=None, start='', head=''):
    """pages: body fragments wrapped in the site template; raw: {path: (text, headers-or-None)} written as is
    (redirect stubs, pages with their own <head>); start: start path inside the site folder; head: extra <head> markup."""
    SITES.append(dict(id=id, name=name, lang=lang, split=split, truth=sorted(truth), categories=categories, note=note,
                      pages=pages, confirmed=list(confirmed), extra_nav=list(extra_nav), charset=charset, meta=meta,
                      sidecar=sidecar, footer=footer, claim_pages=list(claim_pages), images=list(images), bom=bom,
                      raw=dict(raw or {}), start=start, head=head))

# ----------------------------------------------------------------------------------------------------------------
# HOLDOUT (written first, never used for tuning)
# ----------------------------------------------------------------------------------------------------------------
site('harbor-cloud', 'Harbor Cloud Services', 'en', 'holdout', ['aws', 'salesforce'], ['alt-text', 'confirmed', 'negative', 'neg-news'],
     'Home "Our partners" logos with alt "AWS" and "Salesforce logo"; news page reports on Google (not a claim). AWS confirmed.',
     {'index.html': '<section><h2>Cloud migration made simple</h2><p>We move workloads and teams.</p></section>'
                    '<section class="partners"><h2>Our partners</h2><div class="grid"><img src="img/p/01.png" alt="AWS"><img src="img/p/02.png" alt="Salesforce logo"></div></section>',
      'news.html': '<section><h1>News</h1><article><h3>Google announces new data centre region</h3><time datetime="2024-03-02">2 March 2024</time>'
                   '<p>Google said on Monday it would open a new region. Analysts expect lower latency.</p></article></section>'},
     confirmed=['aws'], extra_nav=[('news.html', 'News')], claim_pages=['index.html'], images=['img/p/01.png', 'img/p/02.png'])

site('shenzhen-xinda', '深圳信达智能科技有限公司', 'zh', 'holdout', ['huawei', 'alibabacloud', 'nvidia'], ['encoding', 'text-only', 'lang-zh', 'powered-by'],
     'GBK page (<meta charset="gbk">): "合作客户：华为、阿里云" and "技术支持：英伟达".',
     {'index.html': '<table width="960"><tr><td class="title">公司简介</td></tr><tr><td>信达智能专注于智慧园区解决方案。</td></tr>'
                    '<tr><td class="title">合作客户</td></tr><tr><td>华为、阿里云</td></tr>'
                    '<tr><td class="title">技术支持</td></tr><tr><td>本平台算力由英伟达提供技术支持。</td></tr></table>'},
     charset='gbk', claim_pages=['index.html'])

site('biogene-lab', '博基因生物科技', 'zh', 'holdout', ['intel'], ['alt-text', 'lang-zh', 'negative', 'neg-substring'],
     '高通量测序 is not 高通 (Qualcomm); 合作伙伴 shows alt "英特尔".',
     {'index.html': '<section><h2>核心业务</h2><p>我们提供高通量测序、基因组组装与生物信息分析服务。</p></section>'
                    '<section><h2>合作伙伴</h2><ul class="logos"><li><img src="img/hz/1.png" alt="英特尔"></li><li><img src="img/hz/2.png" alt="复旦大学"></li></ul></section>'},
     claim_pages=['index.html'], images=['img/hz/1.png', 'img/hz/2.png'])

site('mueller-systemhaus', 'Müller Systemhaus GmbH', 'de', 'holdout', ['sap', 'ibm'], ['crawl', 'file-name', 'negative', 'neg-jobs'],
     'Home links "Referenzen" -> referenzen.html: Kunden logos named /img/logos/sap-logo.png and ibm_logo.svg (no alt). Jobs page asks for SAP skills.',
     {'index.html': '<section><h2>Leistungen</h2><p>IT-Betreuung für den Mittelstand.</p></section>',
      'referenzen.html': '<section><h1>Referenzen</h1><h2>Unsere Kunden</h2><div class="kunden"><img src="img/logos/sap-logo.png"><img src="img/logos/ibm_logo.svg"></div></section>',
      'karriere.html': '<section><h1>Karriere</h1><h2>Stellenangebot: SAP-Berater (m/w/d)</h2><p>Ihr Profil: mehrjährige Erfahrung mit SAP ERP und Kenntnisse in IBM Db2.</p></section>'},
     extra_nav=[('referenzen.html', 'Referenzen'), ('karriere.html', 'Karriere')], claim_pages=['referenzen.html'],
     images=['img/logos/sap-logo.png', 'img/logos/ibm_logo.svg'])

site('lumiere-conseil', 'Lumière Conseil', 'fr', 'holdout', ['oracle', 'cisco'], ['title-aria', 'negative', 'neg-trademark'],
     '"Ils nous font confiance": img title="Oracle", a aria-label="Cisco"; footer trademark notice about Apple.',
     {'index.html': '<section><h2>Notre métier</h2><p>Conseil en infrastructures.</p></section>'
                    '<section><h2>Ils nous font confiance</h2><div class="references"><img src="img/r/a1.png" title="Oracle"> <a href="#" aria-label="Cisco"><img src="img/r/a2.png"></a></div></section>'},
     footer='<p>Apple et le logo Apple sont des marques déposées d\'Apple Inc.</p>', claim_pages=['index.html'], images=['img/r/a1.png', 'img/r/a2.png'])

site('nexo-pagos', 'Nexo Pagos', 'es', 'holdout', ['redhat'], ['link', 'negative', 'neg-signin'],
     '"Aliados": text link to redhat.com; "Iniciar sesión con Microsoft" and "Pagar con Google Pay" buttons are not claims.',
     {'index.html': '<section><h2>Pagos para comercios</h2><p><button class="login">Iniciar sesión con Microsoft</button> <button class="pay">Pagar con Google Pay</button></p></section>'
                    '<section><h2>Aliados</h2><p><a href="https://www.redhat.com/es">Nuestra plataforma corre sobre tecnología abierta</a></p></section>'},
     claim_pages=['index.html'])

site('sorano-tokyo', '株式会社ソラノ', 'ja', 'holdout', ['nvidia'], ['alt-text', 'negative', 'neg-compat'],
     '導入企業・パートナー: alt "NVIDIA"; 動作環境 names Microsoft Windows (compatibility).',
     {'index.html': '<section><h2>パートナー</h2><div class="logo-list"><img src="img/pt/n.png" alt="NVIDIA"></div></section>'
                    '<section><h2>動作環境</h2><p>Microsoft Windows 11 に対応しています。</p></section>'},
     claim_pages=['index.html'], images=['img/pt/n.png'])

site('hangang-soft', '한강소프트', 'ko', 'holdout', ['microsoft', 'google'], ['text-only', 'negative', 'neg-social'],
     '파트너 section lists "Microsoft, Google Cloud"; footer LinkedIn follow icon.',
     {'index.html': '<section><h2>파트너</h2><p>Microsoft, Google Cloud</p></section>'},
     footer='<div class="sns"><a href="https://www.linkedin.com/company/hangang" title="LinkedIn"><img src="img/sns/in.png" alt="LinkedIn"></a></div>',
     claim_pages=['index.html'], images=['img/sns/in.png'])

site('pixelforge-apps', 'Pixelforge Apps', 'en', 'holdout', [], ['negative', 'neg-appstore', 'neg-signin', 'neg-comparison', 'neg-cookie'],
     'Negatives only: store badges, "Sign in with Apple", "Unlike Google Sheets", cookie banner naming Meta Pixel.',
     {'index.html': '<section class="hero"><h1>Sheets for teams</h1><p><a href="https://apps.apple.com/app/id1"><img src="img/badge-appstore.png" alt="Download on the App Store"></a>'
                    '<a href="https://play.google.com/store/apps/details?id=x"><img src="img/badge-play.png" alt="Get it on Google Play"></a></p>'
                    '<p><button>Sign in with Apple</button></p></section>'
                    '<section><h2>Why Pixelforge</h2><p>Unlike Google Sheets, every cell keeps its full history.</p></section>'
                    '<div id="cookie-banner">We use cookies, Google Analytics and the Meta Pixel to measure campaigns. <button>OK</button></div>'},
     images=['img/badge-appstore.png', 'img/badge-play.png'])

site('orchard-cider', 'Old Orchard Cider Co.', 'en', 'holdout', [], ['negative', 'neg-substring', 'neg-social'],
     'Apple cider, "sales force" (lowercase), footer Facebook follow link: no claim.',
     {'index.html': '<section><h2>Our cider</h2><p>Pressed from heritage apple varieties, our apple cider is aged for six months.</p>'
                    '<p>Our sales force visits farmers markets every weekend.</p></section>'
                    '<section><h2>Our customers</h2><p>Restaurants and farm shops across Vermont.</p></section>'},
     footer='<div class="follow">Follow us: <a href="https://www.facebook.com/oldorchard">Facebook</a></div>')

site('jiaguwen-institute', '殷墟甲骨文研究院', 'zh', 'holdout', ['alibabacloud'], ['lang-zh', 'powered-by', 'text-only', 'negative', 'neg-substring'],
     'Oracle-bone-script project: 甲骨文 is not Oracle, 慧思科技 is not 思科; "技术支持：阿里云" is a powered-by claim.',
     {'index.html': '<section><h2>项目介绍</h2><p>甲骨文数字化工程收录殷墟出土甲骨拓片三万余片。</p></section>'
                    '<section><h2>合作单位</h2><p>安阳殷墟博物馆、慧思科技有限公司、甲骨文研究中心</p></section>',
      'about.html': '<section><h2>关于</h2><p>本网站由阿里云提供技术支持。</p></section>'},
     claim_pages=['about.html'])

site('vista-analytics', 'Vista Analytics', 'pt', 'holdout', ['google'], ['text-only', 'negative', 'neg-compat', 'neg-comparison'],
     '"Parceiros": "Parceiro certificado Google Cloud"; "Compatível com Microsoft Excel" and "Ao contrário da Oracle" are not claims.',
     {'index.html': '<section><h2>Parceiros</h2><p>Somos parceiro certificado Google Cloud.</p></section>'
                    '<section><h2>Produto</h2><p>Compatível com Microsoft Excel e CSV.</p><p>Ao contrário da Oracle, nosso licenciamento é por usuário.</p></section>'},
     claim_pages=['index.html'])

site('nordlicht-ai', 'Nordlicht AI', 'de', 'holdout', ['microsoft'], ['powered-by', 'confirmed', 'negative', 'neg-news'],
     'Footer "Powered by Microsoft Azure" (confirmed); blog reports on Apple.',
     {'index.html': '<section><h2>KI für Stadtwerke</h2><p>Prognosen für Netzlast und Verbrauch.</p></section>',
      'blog.html': '<section class="blog"><h1>Blog</h1><article><h2>Apple stellt neue Chips vor</h2><p class="date">12.09.2024</p><p>Apple hat am Dienstag neue Prozessoren vorgestellt.</p></article></section>'},
     footer='<p class="powered">Powered by Microsoft Azure</p>', confirmed=['microsoft'], extra_nav=[('blog.html', 'Blog')], claim_pages=['index.html'])

site('milano-digitale', 'Milano Digitale', 'it', 'holdout', ['dell', 'qualcomm'], ['link', 'text-only'],
     '"I nostri partner": opaque logo linked to dell.com; text "Partner tecnologico: Qualcomm".',
     {'index.html': '<section><h2>I nostri partner</h2><a href="https://www.dell.com/it-it"><img src="img/x91.png"></a><p>Partner tecnologico: Qualcomm</p></section>'},
     claim_pages=['index.html'], images=['img/x91.png'])

site('jiangnan-zhizao', '江南智造科技有限公司', 'zh', 'holdout', ['microsoft', 'dell'], ['encoding', 'crawl', 'lang-zh', 'text-only', 'hard'],
     'GB2312 declared only by a header sidecar (no <meta>); claim on hezuo.html: 合作伙伴 微软、戴尔.',
     {'index.html': '<div class="box"><div class="tit">公司简介</div><p>江南智造专注于工业互联网平台。</p></div>',
      'hezuo.html': '<div class="box"><div class="tit">合作伙伴</div><p>微软　戴尔</p></div>'},
     charset='gb2312', meta=False, sidecar='text/html; charset=gb2312', extra_nav=[('hezuo.html', '合作伙伴')], claim_pages=['hezuo.html'])

# ---- second holdout batch: written before the claims work (issue 4) changed any detector code ----

site('kyoto-seimitsu', '京都精密システム株式会社', 'ja', 'holdout', ['microsoft', 'cisco'], ['text-only', 'negative', 'neg-jobs'],
     '主要取引先 list names マイクロソフト and Cisco Systems; 採用情報 asks for Oracle Database experience (job advert).',
     {'index.html': '<section><h2>事業内容</h2><p>製造業向けのネットワーク構築と保守を行っています。</p></section>'
                    '<section id="torihiki"><h2>主要取引先</h2><ul><li>日本マイクロソフト株式会社</li><li>Cisco Systems合同会社</li><li>京都府立大学</li></ul></section>',
      'recruit.html': '<section><h1>採用情報</h1><h2>インフラエンジニア募集</h2><p>応募資格：Oracle Database の構築経験3年以上。AWS の知識があれば尚可。</p></section>'},
     extra_nav=[('recruit.html', '採用情報')], claim_pages=['index.html'])

site('busan-logistics', '부산로지스', 'ko', 'holdout', ['aws', 'oracle'], ['alt-text', 'negative', 'neg-social'],
     '고객사 swiper carousel: alt "AWS", alt "Oracle"; footer SNS icons Facebook and LinkedIn are follow links.',
     {'index.html': '<section class="main-client"><h2>고객사</h2><div class="swiper-container"><div class="swiper-wrapper">'
                    '<div class="swiper-slide"><img src="img/client/c01.png" alt="AWS"></div>'
                    '<div class="swiper-slide"><img src="img/client/c02.png" alt="Oracle"></div>'
                    '<div class="swiper-slide"><img src="img/client/c03.png" alt="부산항만공사"></div></div></div></section>'},
     footer='<ul class="sns"><li><a href="https://www.facebook.com/busanlogis"><img src="img/sns/fb.png" alt="Facebook"></a></li>'
            '<li><a href="https://www.linkedin.com/company/busanlogis"><img src="img/sns/in.png" alt="LinkedIn"></a></li></ul>',
     claim_pages=['index.html'], images=['img/client/c01.png', 'img/client/c02.png', 'img/client/c03.png', 'img/sns/fb.png', 'img/sns/in.png'])

site('lisboa-cloud', 'Lisboa Cloud', 'pt', 'holdout', ['ibm', 'huawei'], ['link', 'text-only', 'negative', 'neg-news'],
     '"Clientes que confiam em nós" slick carousel: opaque logo linked to ibm.com, figure caption "Huawei"; blog article on Apple.',
     {'index.html': '<section><h2>Clientes que confiam em nós</h2><div class="slick-slider"><div class="slick-track">'
                    '<div class="slick-slide"><a href="https://www.ibm.com/pt-pt"><img src="img/c/7f2a.png" alt=""></a></div>'
                    '<div class="slick-slide"><figure><img src="img/c/9b1c.png" alt=""><figcaption>Huawei</figcaption></figure></div>'
                    '</div></div></section>',
      'blog.html': '<section><h1>Blog</h1><article class="post"><h2>Apple anuncia novos MacBook</h2><span class="date">15/10/2024</span>'
                   '<p>A Apple apresentou ontem a nova linha de portáteis.</p></article></section>'},
     extra_nav=[('blog.html', 'Blog')], claim_pages=['index.html'], images=['img/c/7f2a.png', 'img/c/9b1c.png'])

site('torino-automazione', 'Torino Automazione', 'it', 'holdout', ['salesforce'], ['text-only', 'negative', 'neg-jobs', 'neg-comparison'],
     'Certificazioni: figure with figcaption "Salesforce Consulting Partner"; "Lavora con noi" wants SAP and Microsoft Dynamics skills; "A differenza di Oracle" comparison.',
     {'index.html': '<section><h2>Certificazioni</h2><figure class="cert"><img src="img/cert/a.png" alt=""><figcaption>Salesforce Consulting Partner</figcaption></figure></section>'
                    '<section><h2>Perché noi</h2><p>A differenza di Oracle, il nostro canone è mensile e senza vincoli.</p></section>',
      'lavora.html': '<section><h1>Lavora con noi</h1><h2>Cerchiamo: consulente CRM</h2><p>Requisiti: conoscenza di SAP e Microsoft Dynamics.</p></section>'},
     extra_nav=[('lavora.html', 'Lavora con noi')], claim_pages=['index.html'], images=['img/cert/a.png'])

site('piter-soft', 'Питер Софт', 'ru', 'holdout', ['intel', 'dell'], ['alt-text', 'negative', 'neg-trademark', 'neg-compat'],
     '"Наши партнёры": alt "Intel", alt "Dell"; trademark notice about Microsoft; compatibility "Совместимо с Microsoft Windows".',
     {'index.html': '<section><h2>Наши партнёры</h2><div class="partners-grid"><img src="img/p1.png" alt="Intel"><img src="img/p2.png" alt="Dell"></div></section>'
                    '<section><h2>Системные требования</h2><p>Совместимо с Microsoft Windows 10 и новее.</p></section>'},
     footer='<p class="legal">Windows является зарегистрированным товарным знаком корпорации Microsoft.</p>',
     claim_pages=['index.html'], images=['img/p1.png', 'img/p2.png'])

site('taipei-zhihui', '台北智慧資訊股份有限公司', 'zh-tw', 'holdout', ['microsoft', 'huawei'], ['text-only', 'lang-zh'],
     'Traditional Chinese 合作夥伴 names 微軟 and 華為 (configured aliases are simplified 微软/华为).',
     {'index.html': '<section><h2>服務項目</h2><p>提供企業雲端遷移與資訊安全顧問。</p></section>'
                    '<section><h2>合作夥伴</h2><ul class="partner-list"><li>微軟</li><li>華為</li><li>國立臺灣大學</li></ul></section>'},
     claim_pages=['index.html'])

site('guangzhou-suanli', '广州算力科技', 'zh', 'holdout', ['intel', 'qualcomm'], ['encoding', 'text-only', 'lang-zh', 'negative', 'neg-substring'],
     'GBK page with NO declaration (no header charset, no <meta>): the fetch stage must sniff. 合作伙伴：英特尔、高通; 高通量计算 is not Qualcomm.',
     {'index.html': '<div class="box"><div class="tit">公司简介</div><p>广州算力科技提供高通量计算平台与数据服务。</p></div>'
                    '<div class="box"><div class="tit">合作伙伴</div><p>英特尔、高通</p></div>'},
     charset='gbk', meta=False, claim_pages=['index.html'])

site('hangzhou-yunqi', '杭州云栖数科', 'zh', 'holdout', ['alibabacloud', 'huawei'], ['encoding', 'alt-text', 'file-name', 'lang-zh', 'negative', 'neg-appstore'],
     'UTF-8 with BOM and no <meta>: 生态伙伴 alt "阿里云" and file huawei-cloud.png; App download badges (App Store, 应用市场) are not claims.',
     {'index.html': '<section><h2>生态伙伴</h2><div class="logo-wall"><img src="img/eco/01.png" alt="阿里云"><img src="img/eco/huawei-cloud.png"></div></section>'
                    '<section><h2>下载App</h2><a href="https://apps.apple.com/cn/app/id12345"><img src="img/dl/appstore.png" alt="App Store 下载"></a>'
                    '<a href="https://appgallery.huawei.com/app/C1234"><img src="img/dl/appgallery.png" alt="华为应用市场"></a></section>'},
     meta=False, bom=True, claim_pages=['index.html'],
     images=['img/eco/01.png', 'img/eco/huawei-cloud.png', 'img/dl/appstore.png', 'img/dl/appgallery.png'])

site('taichung-jingmi', '台中精密機械', 'zh-tw', 'holdout', ['cisco', 'oracle'], ['encoding', 'text-only', 'lang-zh', 'negative', 'neg-compat'],
     'Big5 declared only in the HTTP header: 合作夥伴：思科、甲骨文; 支援 Microsoft Edge 瀏覽器 is compatibility.',
     {'index.html': '<div class="box"><h3>合作夥伴</h3><p>思科、甲骨文</p></div>'
                    '<div class="box"><h3>系統需求</h3><p>本系統支援 Microsoft Edge 瀏覽器。</p></div>'},
     charset='big5', meta=False, sidecar='text/html; charset=big5', claim_pages=['index.html'])

site('austin-analytics', 'Austin Analytics', 'en', 'holdout', ['salesforce', 'google'], ['redirect', 'alt-text', 'title-aria', 'negative', 'neg-signin'],
     'Start URL start.html redirects (301) to home/; "Trusted by" alt "Salesforce", aria-label "Google Cloud"; Sign in with Google / Apple Pay buttons are not claims.',
     {'home/index.html': '<section><h1>Dashboards your CFO reads</h1><p><a class="btn-google" href="https://accounts.google.com/o/oauth2/auth?client_id=1">Sign in with Google</a></p>'
                         '<p><button class="apple-pay">Pay with Apple Pay</button></p></section>'
                         '<section><h2>Trusted by</h2><div class="logos"><img src="../img/l/1.png" alt="Salesforce"><span role="img" aria-label="Google Cloud" class="logo"></span></div></section>'},
     raw={'start.html': ('', 'Status: 301\nLocation: __ORIGIN__/austin-analytics/home/\n')},
     start='start.html', claim_pages=['home/index.html'], images=['img/l/1.png'])

site('lyon-data', 'Lyon Data', 'fr', 'holdout', ['redhat', 'nvidia'], ['base-href', 'crawl', 'alt-text', 'negative', 'neg-cookie'],
     '<base href="/lyon-data/v2/">: the link "partenaires.html" resolves to v2/partenaires.html (alt "Red Hat", "NVIDIA"); cookie banner names Google Analytics.',
     {'index.html': '<section><h2>Données et IA</h2><p>Plateformes de données pour l\'industrie. <a href="partenaires.html">Nos partenaires</a></p></section>'
                    '<div class="cookie-consent">Ce site utilise des cookies et Google Analytics pour mesurer l\'audience. <button>Accepter</button></div>',
      'v2/partenaires.html': '<section><h1>Nos partenaires technologiques</h1><div class="logos"><img src="/lyon-data/img/rh.png" alt="Red Hat"><img src="/lyon-data/img/nv.png" alt="NVIDIA"></div></section>'},
     head='<base href="/lyon-data/v2/">\n', claim_pages=['v2/partenaires.html'], images=['img/rh.png', 'img/nv.png'])

site('bergen-energy', 'Bergen Energy Software', 'en', 'holdout', ['aws', 'google'], ['text-only', 'powered-by', 'negative', 'neg-social'],
     'Statement "Bergen Energy is an AWS Advanced Consulting Partner"; footer "Powered by Google Cloud"; running text naming Microsoft Teams and Oracle is not a claim; footer LinkedIn/Facebook icons.',
     {'index.html': '<section><h2>About Bergen Energy</h2><p>Bergen Energy is an AWS Advanced Consulting Partner.</p>'
                    '<p>We partner with hospitals using Microsoft Teams to schedule maintenance crews.</p>'
                    '<p>Many utilities still run Oracle databases from the 1990s, which makes migration slow.</p></section>'},
     footer='<p>Powered by Google Cloud</p><div class="social"><a href="https://www.linkedin.com/company/bergen-energy"><img src="img/s/li.png" alt="LinkedIn"></a>'
            '<a href="https://www.facebook.com/bergenenergy"><img src="img/s/fb.png" alt="Facebook"></a></div>',
     claim_pages=['index.html'], images=['img/s/li.png', 'img/s/fb.png'])

site('frankfurt-secure', 'Frankfurt Secure GmbH', 'de', 'holdout', ['sap', 'dell', 'microsoft'], ['text-only', 'negative', 'neg-news'],
     '"Unsere Kunden": SAP SE, Dell Technologies; "Wir sind <b>Micro</b>soft Solutions Partner" (name split by an inline tag); press release about IBM is news.',
     {'index.html': '<section><h2>Unsere Kunden</h2><ul class="kunden-liste"><li>Deutsche Bahn</li><li>SAP SE</li><li>Dell Technologies</li></ul></section>'
                    '<section><h2>Zertifizierungen</h2><p>Wir sind <b>Micro</b>soft Solutions Partner für Security.</p></section>',
      'presse.html': '<section><h1>Presse</h1><article><h2>IBM übernimmt Sicherheitsanbieter</h2><time datetime="2024-05-02">02.05.2024</time><p>IBM hat die Übernahme angekündigt.</p></article></section>'},
     extra_nav=[('presse.html', 'Presse')], claim_pages=['index.html'])

site('madrid-fintech', 'Madrid Fintech Lab', 'es', 'holdout', ['ibm', 'meta'], ['title-aria', 'alt-text', 'negative', 'neg-substring', 'neg-social'],
     '"Confían en nosotros": img title "IBM", alt "Meta"; "respondemos ASAP" is not SAP; "Síguenos en Facebook" is social.',
     {'index.html': '<section><h2>Confían en nosotros</h2><div class="clientes"><img src="img/cl/1.png" title="IBM"><img src="img/cl/2.png" alt="Meta"></div></section>'
                    '<section><h2>Soporte</h2><p>Escríbenos y respondemos ASAP, también en metadatos y APIs.</p></section>'},
     footer='<p class="follow">Síguenos en <a href="https://www.facebook.com/madridfintech">Facebook</a></p>',
     claim_pages=['index.html'], images=['img/cl/1.png', 'img/cl/2.png'])

site('seoul-ai-lab', '서울AI랩', 'ko', 'holdout', ['nvidia', 'google'], ['text-only', 'negative', 'neg-appstore', 'neg-signin'],
     '협력사: 엔비디아, 구글 클라우드; "Google Play에서 다운로드" badge and "구글로 로그인" are not claims.',
     {'index.html': '<section><h2>협력사</h2><p>엔비디아, 구글 클라우드, 서울대학교</p></section>'
                    '<section><h2>앱 다운로드</h2><a href="https://play.google.com/store/apps/details?id=kr.seoulai"><img src="img/gp.png" alt="Google Play에서 다운로드"></a>'
                    '<p><button class="login-google">구글로 로그인</button></p></section>'},
     claim_pages=['index.html'], images=['img/gp.png'])

site('nagoya-robotics', '名古屋ロボティクス', 'ja', 'holdout', ['cisco', 'redhat', 'ibm'], ['crawl', 'file-name', 'text-only', 'negative', 'neg-cookie'],
     'Nav label パートナー -> partner.html: シスコ認定パートナー and logos named redhat.png / ibm.png; Googleアナリティクス in the cookie notice is not a claim.',
     {'index.html': '<section><h2>産業用ロボットの導入支援</h2><p>工場の自動化を支援します。</p></section>'
                    '<div id="cookie-notice">当サイトではCookieおよびGoogleアナリティクスを使用しています。</div>',
      'partner.html': '<section><h1>パートナー</h1><p>当社はシスコ認定パートナーです。</p><ul class="partner-logos"><li><img src="img/partner/redhat.png"></li><li><img src="img/partner/ibm.png"></li></ul></section>'},
     extra_nav=[('partner.html', 'パートナー')], claim_pages=['partner.html'], images=['img/partner/redhat.png', 'img/partner/ibm.png'])

site('prism-foods', 'Prism Foods Research', 'en', 'holdout', ['microsoft', 'oracle'], ['text-only', 'negative', 'neg-substring'],
     '"Our partners" list: "Micro\\u200bsoft" (zero-width space) and full-width "Ｏｒａｃｌｅ"; apple pie, sales force and Meta-analysis are not brands.',
     {'index.html': '<section><h2>Research</h2><p>Our Meta-analysis of 40 apple pie recipes was led by our sales force in Ohio.</p></section>'
                    '<section><h2>Our partners</h2><ul><li>Micro\u200bsoft</li><li>Ｏｒａｃｌｅ</li><li>Ohio State University</li></ul></section>'},
     claim_pages=['index.html'])

site('wuhan-ganzhi', '武汉感知科技', 'zh', 'holdout', ['nvidia', 'cisco'], ['text-only', 'lang-zh', 'negative', 'neg-substring'],
     '合作伙伴：英伟达、思科; "以振兴中华为己任" contains 华为 and "高通道数采集卡" contains 高通 — neither is a brand.',
     {'index.html': '<section><h2>企业使命</h2><p>公司以振兴中华为己任，研发高通道数采集卡与传感器。</p></section>'
                    '<section><h2>合作伙伴</h2><p>英伟达、思科、武汉大学</p></section>'},
     claim_pages=['index.html'])

site('quill-crm', 'Quill CRM', 'en', 'holdout', ['aws'], ['text-only', 'powered-by', 'negative', 'neg-comparison', 'neg-cookie', 'neg-compat'],
     'Footer "Built on AWS"; "Quill vs Salesforce" comparison, cookie banner naming Google Analytics and LinkedIn Insight Tag, "Integrates with Microsoft Outlook" are not claims.',
     {'index.html': '<section><h1>The CRM for small agencies</h1><p>Integrates with Microsoft Outlook and Gmail.</p></section>'
                    '<section><h2>Quill vs Salesforce</h2><p>Salesforce is powerful, but Quill is set up in ten minutes.</p></section>'
                    '<div class="cookie-banner">We use cookies, Google Analytics and the LinkedIn Insight Tag. <a href="privacy.html">Privacy</a></div>'},
     footer='<p class="built">Built on AWS</p>', claim_pages=['index.html'])

# ----------------------------------------------------------------------------------------------------------------
# TUNE
# ----------------------------------------------------------------------------------------------------------------
site('contoso-it', 'Contoso IT', 'en', 'tune', ['microsoft', 'cisco'], ['alt-text', 'confirmed'],
     '"Technology partners": alt "Microsoft Gold Partner" (confirmed) and "Cisco".',
     {'index.html': '<section><h2>Technology partners</h2><div class="logos"><img src="img/t1.png" alt="Microsoft Gold Partner"><img src="img/t2.png" alt="Cisco"></div></section>'},
     confirmed=['microsoft'], claim_pages=['index.html'], images=['img/t1.png', 'img/t2.png'])

site('greenfield-logistics', 'Greenfield Logistics', 'en', 'tune', ['ibm', 'dell'], ['text-only', 'negative', 'neg-comparison'],
     '"Trusted by" list: IBM, Dell Technologies; "Unlike Oracle" comparison is not a claim.',
     {'index.html': '<section><h2>Trusted by</h2><ul class="customers"><li>IBM</li><li>Dell Technologies</li></ul></section>'
                    '<section><h2>Why us</h2><p>Unlike Oracle, we price per shipment.</p></section>'},
     claim_pages=['index.html'])

site('huaxin-tech', '华信科技有限公司', 'zh', 'tune', ['huawei'], ['encoding', 'alt-text', 'lang-zh', 'negative', 'neg-news'],
     'GBK meta page: 合作伙伴 alt "华为"; news page reports on 英特尔.',
     {'index.html': '<div class="mod"><h3>合作伙伴</h3><img src="images/hb01.jpg" alt="华为"></div>',
      'news.html': '<div class="mod"><h3>新闻中心</h3><ul><li><a href="#">英特尔发布第十四代酷睿处理器</a> <span>2023-10-17</span></li></ul></div>'},
     charset='gbk', extra_nav=[('news.html', '新闻中心')], claim_pages=['index.html'], images=['images/hb01.jpg'])

site('zhongke-data', '中科数据', 'zh', 'tune', ['alibabacloud', 'huawei', 'redhat'], ['text-only', 'lang-zh', 'negative', 'neg-jobs'],
     '生态伙伴: 阿里云、华为云、红帽; 招聘 page asks for Oracle experience.',
     {'index.html': '<section><h2>生态伙伴</h2><p>阿里云、华为云、红帽</p></section>',
      'jobs.html': '<section><h2>招聘信息</h2><p>任职要求：熟悉 Oracle 数据库，有 Microsoft SQL Server 经验者优先。</p></section>'},
     extra_nav=[('jobs.html', '加入我们')], claim_pages=['index.html'])

site('kranich-software', 'Kranich Software GmbH', 'de', 'tune', ['microsoft', 'redhat'], ['crawl', 'file-name', 'negative', 'neg-compat'],
     'partner.html: logos named logo-microsoft.svg and redhat.png; product page "läuft auf Microsoft Windows 10" (compat).',
     {'index.html': '<section><h2>Produkte</h2><p>Software für Zeiterfassung.</p><p>Systemvoraussetzungen: läuft auf Microsoft Windows 10 und neuer.</p></section>',
      'partner.html': '<section><h1>Partner</h1><div class="partner-logos"><img src="img/partner/logo-microsoft.svg"><img src="img/partner/redhat.png"></div></section>'},
     extra_nav=[('partner.html', 'Partner')], claim_pages=['partner.html'], images=['img/partner/logo-microsoft.svg', 'img/partner/redhat.png'])

site('studio-lumen', 'Studio Lumen', 'fr', 'tune', ['aws', 'sap'], ['link', 'negative', 'neg-cookie'],
     '"Nos partenaires" text links to aws.amazon.com and sap.com; cookie banner naming Google Analytics.',
     {'index.html': '<section><h2>Nos partenaires</h2><ul><li><a href="https://aws.amazon.com/fr/">Cloud</a></li><li><a href="https://www.sap.com/france/">ERP</a></li></ul></section>'
                    '<div class="cookie-consent">Ce site utilise des cookies et Google Analytics. <button>Accepter</button></div>'},
     claim_pages=['index.html'])

site('datos-andinos', 'Datos Andinos', 'es', 'tune', ['google', 'salesforce'], ['title-aria', 'negative', 'neg-signin'],
     '"Socios": aria-label "Google Cloud", title "Salesforce"; "Iniciar sesión con Google" button.',
     {'index.html': '<section><h2>Socios</h2><a href="#" aria-label="Google Cloud"><img src="img/s1.png"></a><img src="img/s2.png" title="Salesforce"></section>'
                    '<div class="login"><a href="https://accounts.google.com/o/oauth2">Iniciar sesión con Google</a></div>'},
     claim_pages=['index.html'], images=['img/s1.png', 'img/s2.png'])

site('sakura-systems', 'サクラシステムズ', 'ja', 'tune', ['cisco', 'dell'], ['alt-text', 'negative', 'neg-jobs'],
     '取引先: alt "Cisco Systems", "Dell"; 採用情報 asks for Oracle experience.',
     {'index.html': '<section><h2>主要取引先</h2><img src="img/c1.png" alt="Cisco Systems"><img src="img/c2.png" alt="Dell"></section>',
      'recruit.html': '<section><h2>採用情報</h2><p>応募資格：Oracle データベースの実務経験3年以上</p></section>'},
     extra_nav=[('recruit.html', '採用情報')], claim_pages=['index.html'], images=['img/c1.png', 'img/c2.png'])

site('seoul-bridge', '서울브릿지', 'ko', 'tune', ['qualcomm', 'intel'], ['file-name'],
     '고객사 logos named /img/clients/qualcomm.png and intel-logo.png, no alt.',
     {'index.html': '<section><h2>고객사</h2><div class="clients"><img src="img/clients/qualcomm.png"><img src="img/clients/intel-logo.png"></div></section>'},
     claim_pages=['index.html'], images=['img/clients/qualcomm.png', 'img/clients/intel-logo.png'])

site('moskva-integrator', 'Москва Интегратор', 'ru', 'tune', ['microsoft', 'ibm', 'cisco'], ['text-only', 'negative', 'neg-trademark'],
     'Партнёры: Microsoft, IBM, Cisco; trademark notice about Windows/Microsoft in the footer.',
     {'index.html': '<section><h2>Наши партнёры</h2><p>Microsoft, IBM, Cisco</p></section>'},
     footer='<p>Windows является товарным знаком корпорации Microsoft.</p>', claim_pages=['index.html'])

site('applebee-farm', 'Applebee Farm', 'en', 'tune', [], ['negative', 'neg-substring', 'neg-social', 'neg-signin'],
     'Apple trees and apple pie; Facebook follow; "Pay with Apple Pay" button: no claim.',
     {'index.html': '<section><h2>The farm</h2><p>Apple trees line the lane. Try our apple pie!</p><p><button>Pay with Apple Pay</button></p></section>'},
     footer='<div class="social">Follow us on <a href="https://facebook.com/applebeefarm">Facebook</a></div>')

site('fintrack-app', 'Fintrack', 'en', 'tune', [], ['negative', 'neg-appstore', 'neg-social', 'neg-compat', 'neg-trademark'],
     'Store badges, LinkedIn share button, "Compatible with Windows and macOS", Android trademark notice.',
     {'index.html': '<section><h1>Fintrack</h1><p><img src="img/app-store-badge.png" alt="Download on the App Store"> <img src="img/google-play-badge.png" alt="Get it on Google Play"></p>'
                    '<p>Compatible with Microsoft Windows and Apple macOS.</p>'
                    '<p class="share"><a href="https://www.linkedin.com/shareArticle?url=x">Share on LinkedIn</a></p></section>'},
     footer='<p>Android is a trademark of Google LLC.</p>', images=['img/app-store-badge.png', 'img/google-play-badge.png'])

site('bluewave-consulting', 'Bluewave Consulting', 'en', 'tune', ['salesforce', 'oracle'], ['crawl', 'text-only', 'negative', 'neg-news'],
     'clients.html lists Salesforce and Oracle under "Our clients"; home blog teaser about AWS.',
     {'index.html': '<section class="blog-teaser"><h2>From the blog</h2><p><a href="#">What the AWS outage taught us</a> <time>2024-01-05</time></p></section>',
      'clients.html': '<section><h1>Our clients</h1><ul><li>Salesforce</li><li>Oracle</li></ul></section>'},
     extra_nav=[('clients.html', 'Clients')], claim_pages=['clients.html'])

site('northstar-security', 'Northstar Security', 'en', 'tune', ['aws', 'cisco'], ['powered-by', 'text-only', 'crawl'],
     'Footer "Powered by AWS"; about page "We are a Cisco Premier Partner".',
     {'index.html': '<section><h2>Managed detection</h2><p>24/7 monitoring.</p></section>',
      'about.html': '<section><h2>About</h2><p>Founded in 2012. We are a Cisco Premier Partner.</p></section>'},
     footer='<p>Powered by AWS</p>', claim_pages=['index.html', 'about.html'])

site('yunfan-tech', '云帆科技', 'zh', 'tune', ['qualcomm', 'nvidia'], ['encoding', 'lang-zh', 'text-only', 'negative', 'neg-substring', 'hard'],
     'GB18030 via header sidecar only: 战略合作伙伴：高通、英伟达; 高通滤波器 elsewhere is not Qualcomm.',
     {'index.html': '<div><p class="t">产品</p><p>高通滤波器与射频模块。</p></div><div><p class="t">合作</p><p>战略合作伙伴：高通、英伟达</p></div>'},
     charset='gb18030', meta=False, sidecar='text/html; charset=GB18030', claim_pages=['index.html'])

site('huisi-keji', '慧思科技有限公司', 'zh', 'tune', ['dell'], ['alt-text', 'lang-zh', 'negative', 'neg-substring'],
     'Company 慧思科技 contains 思科 but is not Cisco; 合作伙伴 alt 戴尔.',
     {'index.html': '<section><h2>慧思科技简介</h2><p>慧思科技成立于2015年。</p></section><section><h2>合作伙伴</h2><img src="img/p.png" alt="戴尔"></section>'},
     claim_pages=['index.html'], images=['img/p.png'])

site('taiwan-yunduan', '台灣雲端整合', 'zh-tw', 'tune', ['microsoft', 'google'], ['alt-text', 'lang-zh', 'powered-by'],
     '合作夥伴 alt "Microsoft"; "技術支援：Google Cloud".',
     {'index.html': '<section><h2>合作夥伴</h2><img src="img/m.png" alt="Microsoft"></section><section><p>技術支援：Google Cloud</p></section>'},
     claim_pages=['index.html'], images=['img/m.png'])

site('porto-digital', 'Porto Digital', 'pt', 'tune', ['ibm', 'redhat'], ['title-aria', 'negative', 'neg-social'],
     'Parceiros grid with title "IBM" and "Red Hat"; "Siga-nos" LinkedIn link.',
     {'index.html': '<section><h2>Parceiros</h2><img src="img/a.png" title="IBM"><img src="img/b.png" title="Red Hat"></section>'},
     footer='<p>Siga-nos: <a href="https://www.linkedin.com/company/porto">LinkedIn</a></p>', claim_pages=['index.html'], images=['img/a.png', 'img/b.png'])

site('roma-tech', 'Roma Tech', 'it', 'tune', ['intel', 'sap'], ['title-aria'],
     'I nostri clienti: inline SVG with <title>Intel</title> and one with aria-label "SAP".',
     {'index.html': '<section><h2>I nostri clienti</h2><svg viewBox="0 0 10 10"><title>Intel</title><rect width="10" height="10"/></svg><svg aria-label="SAP" viewBox="0 0 10 10"><circle r="4" cx="5" cy="5"/></svg></section>'},
     claim_pages=['index.html'])

site('edu-compare', 'EduCompare', 'en', 'tune', [], ['negative', 'neg-comparison', 'neg-jobs'],
     'Comparisons ("Unlike Google Classroom", "Compared to Microsoft Teams") and a job advert asking for AWS experience.',
     {'index.html': '<section><h2>How we compare</h2><p>Unlike Google Classroom, grading is offline-first.</p><p>Compared to Microsoft Teams, setup takes minutes.</p></section>',
      'careers.html': '<section><h2>Careers</h2><h3>Backend engineer</h3><p>Requirements: 3+ years of experience with AWS and Salesforce APIs.</p></section>'},
     extra_nav=[('careers.html', 'Careers')])

site('widechar-labs', 'Widechar Labs', 'en', 'tune', ['nvidia', 'microsoft'], ['text-only', 'negative', 'neg-substring'],
     'Partners list written "ＮＶＩＤＩＡ" (full-width) and "Micro&#8203;soft" (zero-width space); "meta tags" lowercase is not Meta.',
     {'index.html': '<section><h2>Partners</h2><ul><li>ＮＶＩＤＩＡ</li><li>Micro&#8203;soft</li></ul></section><section><h2>SEO</h2><p>We write good meta tags.</p></section>'},
     claim_pages=['index.html'])

site('atlas-systems', 'Atlas Systems', 'en', 'tune', ['huawei', 'qualcomm'], ['crawl', 'alt-text', 'link', 'confirmed'],
     'Ecosystem page: alt "Huawei Cloud" (confirmed) and an opaque logo linked to qualcomm.com.',
     {'index.html': '<section><h2>Edge platforms</h2><p>From device to cloud.</p></section>',
      'ecosystem.html': '<section><h1>Ecosystem</h1><div class="grid"><img src="img/e/9f2c.png" alt="Huawei Cloud"><a href="https://www.qualcomm.com/"><img src="img/e/77ab.png"></a></div></section>'},
     confirmed=['huawei'], extra_nav=[('ecosystem.html', 'Ecosystem')], claim_pages=['ecosystem.html'], images=['img/e/9f2c.png', 'img/e/77ab.png'])

site('helsing-robotics', 'Helsing Robotics', 'de', 'tune', ['nvidia', 'dell'], ['alt-text', 'file-name'],
     '"Technologiepartner" alt NVIDIA; "Kunden" logo file dell-technologies.png.',
     {'index.html': '<section><h2>Technologiepartner</h2><img src="img/n.png" alt="NVIDIA"></section><section><h2>Kunden</h2><img src="img/kunden/dell-technologies.png"></section>'},
     claim_pages=['index.html'], images=['img/n.png', 'img/kunden/dell-technologies.png'])

site('cloudnine-saas', 'Cloudnine', 'en', 'tune', [], ['negative', 'neg-cookie', 'neg-signin', 'neg-appstore'],
     'Cookie consent naming Google Analytics, Meta Pixel, LinkedIn Insight Tag; "Sign in with Google/Microsoft"; store badges.',
     {'index.html': '<section><h1>Cloudnine</h1><p><a class="btn" href="https://accounts.google.com/">Sign in with Google</a> <a class="btn" href="https://login.microsoftonline.com/">Sign in with Microsoft</a></p>'
                    '<p class="badges"><img src="img/appstore.png" alt="Download on the App Store"></p></section>'
                    '<div class="consent"><p>We use cookies: Google Analytics, Meta Pixel and the LinkedIn Insight Tag.</p></div>'},
     images=['img/appstore.png'])

site('ruiqi-shanghai', '上海瑞奇信息', 'zh', 'tune', ['cisco'], ['alt-text', 'lang-zh', 'negative', 'neg-news'],
     '合作伙伴 alt 思科; 新闻 page reports on 华为 and 苹果公司.',
     {'index.html': '<section><h2>合作伙伴</h2><img src="img/1.png" alt="思科"></section>',
      'news.html': '<section><h1>新闻动态</h1><article><h3>华为与苹果公司发布新款手机</h3><time>2024-09-10</time><p>行业资讯。</p></article></section>'},
     extra_nav=[('news.html', '新闻动态')], claim_pages=['index.html'], images=['img/1.png'])

site('lyon-industrie', 'Lyon Industrie', 'fr', 'tune', ['dell'], ['text-only', 'negative', 'neg-trademark', 'neg-compat'],
     '"Nos partenaires : Dell Technologies"; Intel trademark notice and "compatible avec les processeurs Intel".',
     {'index.html': '<section><h2>Nos partenaires</h2><p>Dell Technologies</p></section><section><h2>Produits</h2><p>Compatible avec les processeurs Intel.</p></section>'},
     footer='<p>Intel et le logo Intel sont des marques d\'Intel Corporation.</p>', claim_pages=['index.html'])

site('berlin-hosting', 'Berlin Hosting', 'de', 'tune', ['sap'], ['text-only', 'negative', 'neg-comparison'],
     'Zertifizierungen: "SAP Silver Partner"; "Im Gegensatz zu AWS" comparison.',
     {'index.html': '<section><h2>Zertifizierungen</h2><p>SAP Silver Partner</p></section><section><h2>Warum wir</h2><p>Im Gegensatz zu AWS rechnen wir in Euro ab.</p></section>'},
     claim_pages=['index.html'])

site('madrid-retail', 'Madrid Retail', 'es', 'tune', [], ['negative', 'neg-appstore', 'neg-social'],
     'Store badges (App Store, Google Play), "Síguenos en Facebook y LinkedIn", Apple Pay payment.',
     {'index.html': '<section><h1>Tu tienda</h1><p><img src="img/apple-app-store.png" alt="Descárgala en la App Store"> <img src="img/google-play.png" alt="Disponible en Google Play"></p><p>Pagar con Apple Pay</p></section>'},
     footer='<p class="redes">Síguenos en <a href="https://facebook.com/madridretail">Facebook</a> y <a href="https://linkedin.com/company/madridretail">LinkedIn</a></p>',
     images=['img/apple-app-store.png', 'img/google-play.png'])

site('hongmao-crawl', '宏茂信息技术', 'zh', 'tune', ['redhat', 'ibm'], ['crawl', 'encoding', 'alt-text', 'lang-zh'],
     'GBK meta; home links hezuo.html: 合作伙伴 alt 红帽 and IBM.',
     {'index.html': '<div class="mod"><h3>公司简介</h3><p>宏茂信息技术成立于2008年。</p></div>',
      'hezuo.html': '<div class="mod"><h3>合作伙伴</h3><img src="img/h1.gif" alt="红帽"><img src="img/h2.gif" alt="IBM"></div>'},
     charset='gbk', extra_nav=[('hezuo.html', '合作伙伴')], claim_pages=['hezuo.html'], images=['img/h1.gif', 'img/h2.gif'])

site('sydney-devshop', 'Sydney Devshop', 'en', 'tune', ['google', 'apple'], ['text-only', 'link'],
     '"Certifications": "Google Cloud Partner", and an "Apple Developer Enterprise" member link to apple.com in "Memberships".',
     {'index.html': '<section><h2>Certifications &amp; memberships</h2><p>Google Cloud Partner since 2019.</p><p><a href="https://developer.apple.com/programs/enterprise/">Apple Developer Enterprise Program member</a></p></section>'},
     claim_pages=['index.html'])

site('krakow-soft', 'Krakow Soft', 'en', 'tune', ['meta', 'linkedin'], ['alt-text'],
     '"Our clients" wall with alt "Meta" and "LinkedIn" (customers, not social icons).',
     {'index.html': '<section id="clients"><h2>Our clients</h2><div class="wall"><img src="img/w/1.png" alt="Meta"><img src="img/w/2.png" alt="LinkedIn"></div></section>'},
     footer='<p>Contact: hello@krakowsoft.example</p>', claim_pages=['index.html'], images=['img/w/1.png', 'img/w/2.png'])

site('newsroom-only', 'Tech Daily Review', 'en', 'tune', [], ['negative', 'neg-news'],
     'A news site: articles about Microsoft, NVIDIA and Intel.',
     {'index.html': '<section class="news"><h1>Latest news</h1><article><h2>NVIDIA beats estimates</h2><time>2024-05-22</time><p>NVIDIA reported record revenue; Intel and Microsoft shares rose.</p></article></section>'})

site('valencia-ia', 'Valencia IA', 'es', 'tune', ['nvidia', 'microsoft'], ['file-name', 'powered-by'],
     '"Tecnología": logo file nvidia-logo.svg under "Impulsado por"; footer statement "Socio de Microsoft".',
     {'index.html': '<section><h2>Impulsado por</h2><img src="assets/nvidia-logo.svg"></section>'},
     footer='<p>Socio de Microsoft</p>', claim_pages=['index.html'], images=['assets/nvidia-logo.svg'])

# ---- tune additions (issue 4): written after the holdout batch, may be used for tuning ----

site('wien-netzwerk', 'Wien Netzwerk GmbH', 'de', 'tune', ['cisco'], ['crawl', 'text-only', 'negative', 'neg-jobs', 'neg-trademark'],
     'Nav label "Partner" -> partner.html: "Zertifizierter Cisco Partner"; job advert wants Red Hat skills; trademark notice about Microsoft.',
     {'index.html': '<section><h2>Netzwerke für Wien</h2><p>Planung und Betrieb von Unternehmensnetzen.</p></section>',
      'partner.html': '<section><h1>Partner</h1><p>Wir sind Zertifizierter Cisco Partner seit 2012.</p></section>',
      'jobs.html': '<section><h1>Karriere</h1><h2>Linux-Administrator (m/w/d)</h2><p>Ihr Profil: Kenntnisse in Red Hat Enterprise Linux.</p></section>'},
     footer='<p class="legal">Windows ist eine eingetragene Marke der Microsoft Corporation.</p>',
     extra_nav=[('partner.html', 'Partner'), ('jobs.html', 'Karriere')], claim_pages=['partner.html'])

site('osaka-cloud', '大阪クラウド株式会社', 'ja', 'tune', ['aws', 'oracle'], ['alt-text', 'file-name', 'negative', 'neg-social', 'neg-appstore'],
     '導入企業 swiper: alt "AWS", file logo_oracle.png; "Facebookでシェア" and App Store badge are not claims.',
     {'index.html': '<section><h2>導入企業</h2><div class="swiper"><div class="swiper-wrapper"><div class="swiper-slide"><img src="img/k/01.png" alt="AWS"></div>'
                    '<div class="swiper-slide"><img src="img/k/logo_oracle.png"></div></div></div></section>'
                    '<section><h2>アプリ</h2><a href="https://apps.apple.com/jp/app/id9"><img src="img/dl.png" alt="App Storeからダウンロード"></a>'
                    '<p><a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebookでシェア</a></p></section>'},
     claim_pages=['index.html'], images=['img/k/01.png', 'img/k/logo_oracle.png', 'img/dl.png'])

site('incheon-mobility', '인천모빌리티', 'ko', 'tune', ['microsoft'], ['text-only', 'negative', 'neg-news'],
     '주요 고객사: 마이크로소프트; press item about 구글 with a date is news.',
     {'index.html': '<section><h2>주요 고객사</h2><ul><li>마이크로소프트</li><li>인천국제공항공사</li></ul></section>',
      'news.html': '<section><h1>보도자료</h1><ul class="board"><li><a href="#">구글, 새 AI 모델 발표</a> <span>2024.05.01</span></li></ul></section>'},
     extra_nav=[('news.html', '보도자료')], claim_pages=['index.html'])

site('novosibirsk-data', 'Новосибирск Дата', 'ru', 'tune', ['huawei', 'microsoft'], ['title-aria', 'text-only', 'negative', 'neg-cookie', 'neg-comparison'],
     '"Нам доверяют": aria-label "Huawei", text Майкрософт; cookie notice names Google Analytics; "В отличие от Oracle" comparison.',
     {'index.html': '<section><h2>Нам доверяют</h2><div class="logos"><a href="#" aria-label="Huawei"><img src="img/h.png" alt=""></a><span>Майкрософт</span></div></section>'
                    '<section><h2>Почему мы</h2><p>В отличие от Oracle, мы не берём плату за ядро.</p></section>'
                    '<div class="cookie">Мы используем куки и Google Analytics.</div>'},
     claim_pages=['index.html'], images=['img/h.png'])

site('bologna-web', 'Bologna Web', 'it', 'tune', ['google'], ['text-only', 'negative', 'neg-signin'],
     '"Siamo Partner Google Cloud certificati"; "Accedi con Google" and "Paga con Apple Pay" are buttons, not claims.',
     {'index.html': '<section><h2>Chi siamo</h2><p>Siamo Partner Google Cloud certificati dal 2019.</p></section>'
                    '<section><h2>Area clienti</h2><p><button class="btn">Accedi con Google</button> <button class="btn">Paga con Apple Pay</button></p></section>'},
     claim_pages=['index.html'])

site('xian-hezuo', '西安数智科技', 'zh', 'tune', ['aws', 'oracle'], ['encoding', 'crawl', 'text-only', 'lang-zh'],
     'GB18030 page without any declaration, one link from the start page: 合作伙伴 亚马逊云科技、甲骨文 (a software company: 甲骨文 is Oracle here).',
     {'index.html': '<div class="box"><div class="tit">公司简介</div><p>西安数智科技专注于数据库运维服务。</p></div>',
      'hezuo.html': '<div class="box"><div class="tit">合作伙伴</div><p>亚马逊云科技、甲骨文</p></div>'},
     charset='gb18030', meta=False, extra_nav=[('hezuo.html', '合作伙伴')], claim_pages=['hezuo.html'])

site('curitiba-agro', 'Curitiba Agro Tech', 'pt', 'tune', ['dell', 'redhat'], ['text-only', 'negative', 'neg-trademark'],
     'Clientes: figure/figcaption "Dell Technologies"; "Parceiro Red Hat"; footer trademark notice naming Apple.',
     {'index.html': '<section><h2>Clientes</h2><div class="grid"><figure><img src="img/c1.png" alt=""><figcaption>Dell Technologies</figcaption></figure></div></section>'
                    '<section><h2>Certificações</h2><p>Parceiro Red Hat desde 2020.</p></section>'},
     footer='<p>Apple é marca registrada da Apple Inc.</p>', claim_pages=['index.html'], images=['img/c1.png'])

site('sevilla-logistica', 'Sevilla Logística', 'es', 'tune', ['sap'], ['link', 'negative', 'neg-compat', 'neg-jobs'],
     '"Confían en nosotros": opaque logo linked to sap.com; "Compatible con Microsoft Excel"; job advert wants Oracle experience.',
     {'index.html': '<section><h2>Confían en nosotros</h2><div class="slick-track"><div class="slick-slide"><a href="https://www.sap.com/spain"><img src="img/s/1.png" alt=""></a></div></div></section>'
                    '<section><h2>Producto</h2><p>Compatible con Microsoft Excel y CSV.</p></section>',
      'empleo.html': '<section><h1>Trabaja con nosotros</h1><p>Buscamos analista con experiencia en Oracle.</p></section>'},
     extra_nav=[('empleo.html', 'Empleo')], claim_pages=['index.html'], images=['img/s/1.png'])

site('lille-biotech', 'Lille Biotech', 'fr', 'tune', [], ['negative', 'neg-news', 'neg-social', 'neg-trademark', 'neg-compat'],
     'Negatives only: news about NVIDIA, "Suivez-nous sur LinkedIn", NVIDIA trademark notice, "Configuration requise : processeur Intel".',
     {'index.html': '<section><h2>Actualités</h2><article><h3>NVIDIA présente une nouvelle puce</h3><time datetime="2024-03-18">18 mars 2024</time><p>NVIDIA a dévoilé lundi un processeur graphique.</p></article></section>'
                    '<section><h2>Logiciel</h2><p>Configuration requise : processeur Intel Core i5 ou équivalent.</p></section>'},
     footer='<p>Suivez-nous sur <a href="https://www.linkedin.com/company/lille-biotech">LinkedIn</a></p><p>NVIDIA est une marque déposée de NVIDIA Corporation.</p>')

def placeholder_png():
    """A 16x16 grey PNG (~80 bytes): opaque pixels that match no reference logo, so names stay the only cue
    (a copy of a real logo would turn every placeholder into a claim once logo-pixel matching lands)."""
    import struct, zlib
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    raw = b''.join(b'\x00' + bytes([0xb0]) * 16 for _ in range(16))
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 16, 16, 8, 0, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))

# Aliases this corpus adds to the shared sample's brands (Japanese, Korean, Russian names used by the sites).
EXTRA_ALIASES = {
    'microsoft': ['マイクロソフト', '마이크로소프트', 'Майкрософт'],
    'google': ['グーグル', '구글'],
    'nvidia': ['엔비디아'],
    'cisco': ['シスコ'],
    'oracle': ['オラクル', '오라클'],
}

def main():
    sample = json.load(open(os.path.join(SAMPLE, 'corpus.json'), encoding='utf-8'))
    sites_dir = os.path.join(ROOT, 'sites')
    if os.path.isdir(sites_dir):
        shutil.rmtree(sites_dir)
    refs_dir = os.path.join(ROOT, 'refs')
    if os.path.isdir(refs_dir):
        shutil.rmtree(refs_dir)
    shutil.copytree(os.path.join(SAMPLE, 'refs'), refs_dir)
    png = placeholder_png()
    brands = [dict(b, aliases=b.get('aliases', []) + EXTRA_ALIASES.get(b['id'], [])) for b in sample['brands']]
    out_sites = []
    for s in SITES:
        d = os.path.join(sites_dir, s['id'])
        pages = dict(s['pages'])
        pages.setdefault('about.html', f'<section><h2>{NAV_LABELS[s["lang"]][1]}</h2><p>{ABOUT[s["lang"]]}</p></section>')
        pages.setdefault('contact.html', f'<section><h2>{NAV_LABELS[s["lang"]][2]}</h2><p>info@{s["id"]}.example</p></section>')
        for name, body in pages.items():
            html = page(s['name'], s['lang'], s['name'], body, s['extra_nav'], s['charset'], s['meta'], s['footer'], s['head'])
            path = os.path.join(d, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'wb') as f:
                f.write((b'\xef\xbb\xbf' if s['bom'] else b'') + html.encode(s['charset']))
            if s['sidecar']:
                with open(path + '.headers', 'w', encoding='ascii') as f:
                    f.write(f'Content-Type: {s["sidecar"]}\n')
        for name, (text, headers) in s['raw'].items():
            path = os.path.join(d, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'wb') as f:
                f.write(text.encode(s['charset']))
            if headers:
                with open(path + '.headers', 'w', encoding='ascii') as f:
                    f.write(headers)
        for img in s['images']:
            p = os.path.join(d, img)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, 'wb') as f:
                f.write(png)
        entry = {'id': s['id'], 'name': s['name'], 'path': s['id'] + '/' + s['start'], 'confirmed': s['confirmed'], 'truth': s['truth'],
                 'categories': s['categories'], 'note': s['note'], 'lang': s['lang'], 'split': s['split'],
                 'claim_pages': ['/' + s['id'] + '/' + p for p in s['claim_pages']]}
        out_sites.append(entry)
    corpus = {'description': 'PartnerWatch detection corpus (own, hand-written); split tune/holdout. Images are placeholders: '
                             'only text cues (alt, title, aria, file names, text, links) name brands; hash-only cases are not included.',
              'brands': brands, 'sites': out_sites}
    with open(os.path.join(ROOT, 'corpus.json'), 'w', encoding='utf-8') as f:
        json.dump(corpus, f, ensure_ascii=False, indent=1)
    print(f'{len(out_sites)} sites: {sum(1 for s in out_sites if s["split"] == "holdout")} holdout')

main()
