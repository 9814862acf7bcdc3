#!/usr/bin/env python3
"""Adds the image-only corpus sites (hash-only claims and image negatives) to corpus.json and sites/.

Run after generate_corpus.py (which rewrites corpus.json and sites/ from scratch):
  python3 tests/PartnerWatch.Tests/Corpus/tools/generate_image_sites.py

Every claim here is named only by pixels: opaque file names, no alt/title, no brand name in text or links, so the
text cues find nothing and the logo matcher alone decides. Images are rendered from refs/ by the benchmark project's `render` mode
(one `dotnet run` for all of them). The negatives show the SAME configured logos as social follow icons, app-store
badges and "Sign in with" buttons, and non-configured marks (Detect/Logos/Fixtures/negatives, CC0) on partner walls.
Holdout sites were written together with the tune sites, before any result was looked at.
"""
import json, os, shutil, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REPO = os.path.abspath(os.path.join(ROOT, '..', '..', '..'))
REFS = os.path.join(ROOT, 'refs')
DISTRACTORS = os.path.join(ROOT, '..', 'Detect', 'Logos', 'Fixtures', 'negatives')

NAV = {
    'en': ('Home', 'About us', 'Contact'), 'de': ('Startseite', 'Über uns', 'Kontakt'),
    'fr': ('Accueil', 'À propos', 'Contact'), 'es': ('Inicio', 'Quiénes somos', 'Contacto'),
    'pt': ('Início', 'Sobre nós', 'Contato'), 'it': ('Home', 'Chi siamo', 'Contatti'),
    'ru': ('Главная', 'О компании', 'Контакты'), 'zh': ('首页', '关于我们', '联系我们'),
    'zh-tw': ('首頁', '關於我們', '聯絡我們'), 'ja': ('ホーム', '会社概要', 'お問い合わせ'),
    'ko': ('홈', '회사소개', '문의'),
}


def ref(brand_file):
    """'nvidia/nvidia-eye.svg' -> path in refs/; 'neg:docker.svg' -> a non-configured mark."""
    if brand_file.startswith('neg:'):
        return os.path.join(DISTRACTORS, brand_file[4:])
    return os.path.join(REFS, brand_file)


def inline_svg(brand_file, width):
    text = open(ref(brand_file), encoding='utf-8').read()
    if text.startswith('<?xml'):
        text = text[text.index('?>') + 2:]
    return text.replace('<svg ', f'<svg class="logo" width="{width}" ', 1).strip()


def page(name, lang, body, footer='', head=''):
    home, about, contact = NAV[lang]
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{name}</title>\n{head}</head>\n<body>\n'
            f'<header><a class="brand" href="index.html">{name}</a>\n<nav><ul><li><a href="index.html">{home}</a></li>'
            f'<li><a href="about.html">{about}</a></li><li><a href="contact.html">{contact}</a></li></ul></nav></header>\n'
            f'<main>\n{body}\n</main>\n<footer>{footer}<p>© 2012–2025 {name}</p></footer>\n</body>\n</html>\n')


SITES = []


def site(id, name, lang, split, truth, categories, note, body, images, pair_tags=None, footer='', head='',
         octet=(), copies=()):
    """images: [(variant, ref, path-in-site)] rendered by the benchmark project's `render` mode; copies: [(ref, path)] copied as is (SVG
    files); octet: paths served as application/octet-stream (sidecar)."""
    SITES.append(dict(id=id, name=name, lang=lang, split=split, truth=sorted(truth), categories=categories, note=note,
                      body=body, images=images, pair_tags=pair_tags or {}, footer=footer, head=head, octet=list(octet),
                      copies=list(copies)))


SOCIAL_FOOTER = ('<div class="follow"><a href="{li}"><img src="{a}" width="24" height="24"></a> '
                 '<a href="{fb}"><img src="{b}" width="24" height="24"></a></div>')

# ---------------------------------------------------------------------------------------------------------------
# TUNE
# ---------------------------------------------------------------------------------------------------------------
site('kestrel-data', 'Kestrel Data Ltd', 'en', 'tune', ['microsoft', 'aws', 'dell'],
     ['hash-only', 'negative', 'neg-social'],
     '"Our technology partners": Microsoft icon as a 64 px PNG, AWS as JPEG q50, Dell in grayscale (opaque names, no alt). '
     'Footer follow icons are the LinkedIn and Meta logos (24 px) linking to the social profiles: not claims.',
     '<section><h2>Data platforms that last</h2><p>We design, build and run analytics platforms for mid-sized firms.</p></section>'
     '<section class="partners"><h2>Our technology partners</h2><div class="logos">'
     '<img src="upload/2019/a8f3c1.png"><img src="upload/2019/5d02e7.jpg"><img src="upload/2021/c41b9a.png"></div></section>',
     [('size:64', 'microsoft/microsoft-icon.svg', 'upload/2019/a8f3c1.png'), ('jpeg:50', 'aws/aws.svg', 'upload/2019/5d02e7.jpg'),
      ('grayscale', 'dell/dell.svg', 'upload/2021/c41b9a.png'),
      ('size:24', 'linkedin/linkedin-icon.svg', 'assets/i/s1.png'), ('size:24', 'meta/meta-icon.svg', 'assets/i/s2.png')],
     pair_tags={'microsoft': ['resized'], 'aws': ['jpeg'], 'dell': ['grayscale']},
     footer=SOCIAL_FOOTER.format(li='https://www.linkedin.com/company/kestrel-data', fb='https://www.facebook.com/kestreldata',
                                 a='assets/i/s1.png', b='assets/i/s2.png'))

site('fjord-analytik', 'Fjord Analytik GmbH', 'de', 'tune', ['cisco', 'sap', 'ibm'], ['hash-only'],
     '"Unsere Partner": Cisco as a white silhouette on a dark band, SAP in a padded card, IBM on a light blue background.',
     '<section><h2>Netzwerke und Datenplattformen</h2><p>Planung und Betrieb aus einer Hand.</p></section>'
     '<section class="partner dark"><h2>Unsere Partner</h2><ul class="logo-wall">'
     '<li><img src="media/2020/11/f7a2.png"></li><li><img src="media/2020/11/0be4.png"></li><li><img src="media/2020/11/93cd.png"></li></ul></section>',
     [('white-on-dark', 'cisco/cisco.svg', 'media/2020/11/f7a2.png'), ('padded-card', 'sap/sap.svg', 'media/2020/11/0be4.png'),
      ('colored-bg', 'ibm/ibm.svg', 'media/2020/11/93cd.png')],
     pair_tags={'cisco': ['white-on-dark'], 'sap': ['padded-card'], 'ibm': ['colored-bg']})

site('maison-logiciel', 'Maison du Logiciel', 'fr', 'tune', ['oracle', 'salesforce', 'nvidia'], ['hash-only'],
     '"Ils nous font confiance": Oracle as a GIF, Salesforce as WebP, the NVIDIA wordmark served as an SVG file.',
     '<section><h2>Éditeur de solutions métier</h2><p>Depuis 2012, au service des PME.</p></section>'
     '<section><h2>Ils nous font confiance</h2><div class="clients">'
     '<img src="wp-content/uploads/2022/03/b3e9f0.gif"><img src="wp-content/uploads/2022/03/6a1d44.webp">'
     '<img src="wp-content/uploads/2022/03/7f3a02.svg"></div></section>',
     [('gif', 'oracle/oracle.svg', 'wp-content/uploads/2022/03/b3e9f0.gif'),
      ('webp', 'salesforce/salesforce.svg', 'wp-content/uploads/2022/03/6a1d44.webp')],
     copies=[('nvidia/nvidia.svg', 'wp-content/uploads/2022/03/7f3a02.svg')],
     pair_tags={'oracle': ['gif'], 'salesforce': ['webp'], 'nvidia': ['svg-file']})

site('hanami-dx', 'はなみDX株式会社', 'ja', 'tune', ['microsoft', 'google', 'redhat'], ['hash-only'],
     '"パートナー企業": Microsoft wordmark via srcset (1x/2x), Google via <picture> (WebP source, PNG fallback), '
     'Red Hat hat lazily loaded from data-src behind a 1x1 placeholder.',
     '<section><h2>業務のデジタル化を支援します</h2><p>中堅企業向けのクラウド導入とシステム開発。</p></section>'
     '<section><h2>パートナー企業</h2><div class="partners">'
     '<img src="img/p/k1.png" srcset="img/p/k1.png 1x, img/p/k1@2x.png 2x" width="120">'
     '<picture><source type="image/webp" srcset="img/p/k2.webp"><img src="img/p/k2.png" width="120"></picture>'
     '<img class="lazy" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-src="img/p/k3.png" width="80">'
     '</div></section>',
     [('size:120', 'microsoft/microsoft.svg', 'img/p/k1.png'), ('size:240', 'microsoft/microsoft.svg', 'img/p/k1@2x.png'),
      ('webp', 'google/google.svg', 'img/p/k2.webp'), ('size:120', 'google/google.svg', 'img/p/k2.png'),
      ('size:80', 'redhat/redhat-icon.svg', 'img/p/k3.png')],
     pair_tags={'microsoft': ['srcset-lazy'], 'google': ['srcset-lazy'], 'redhat': ['srcset-lazy']})

site('rio-sistemas', 'Rio Sistemas Ltda.', 'pt', 'tune', ['aws', 'intel', 'huawei'], ['hash-only'],
     '"Parceiros": AWS as a CSS background in a style attribute, Intel as a background from a <style> rule, Huawei as inline <svg>.',
     '<section><h2>Infraestrutura sob medida</h2><p>Projetos de nuvem e borda para o varejo.</p></section>'
     '<section><h2>Parceiros</h2><div class="parceiros">'
     '<div class="tile" style="background-image:url(\'static/img/e2/91f0.png\');width:160px;height:60px"></div>'
     '<div class="tile p-2"></div>'
     '<span class="tile">' + inline_svg('huawei/huawei.svg', 120) + '</span></div></section>',
     [('size:160', 'aws/aws.svg', 'static/img/e2/91f0.png'), ('size:160', 'intel/intel.png', 'static/img/e2/3c7d.png')],
     head='<style>.parceiros .p-2{background:url(static/img/e2/3c7d.png) no-repeat center/contain;width:160px;height:60px}</style>\n',
     pair_tags={'aws': ['css-background'], 'intel': ['css-background'], 'huawei': ['inline-svg']})

site('donghai-cloud', '东海云数科技有限公司', 'zh', 'tune', ['alibabacloud', 'huawei', 'qualcomm'], ['hash-only', 'lang-zh'],
     '"合作伙伴": Alibaba Cloud PNG and Huawei JPEG served as application/octet-stream (misconfigured server); Qualcomm as a 200 px PNG.',
     '<section><h2>企业上云服务</h2><p>为制造业客户提供云迁移与运维服务。</p></section>'
     '<section><h2>合作伙伴</h2><div class="hzhb"><img src="uploadfile/2023/0612/20230612093811.png">'
     '<img src="uploadfile/2023/0612/20230612093822.jpg"><img src="uploadfile/2023/0612/20230612093840.png"></div></section>',
     [('size:160', 'alibabacloud/alibabacloud.svg', 'uploadfile/2023/0612/20230612093811.png'),
      ('jpeg:50', 'huawei/huawei.svg', 'uploadfile/2023/0612/20230612093822.jpg'),
      ('size:200', 'qualcomm/qualcomm.svg', 'uploadfile/2023/0612/20230612093840.png')],
     octet=['uploadfile/2023/0612/20230612093811.png', 'uploadfile/2023/0612/20230612093822.jpg'],
     pair_tags={'alibabacloud': ['wrong-content-type'], 'huawei': ['wrong-content-type', 'jpeg'], 'qualcomm': ['resized']})

site('nordkap-apps', 'Nordkap Apps AS', 'en', 'tune', [], ['hash-only', 'negative', 'neg-appstore', 'neg-signin'],
     'App maker: App Store / Google Play badges (Apple logo white on dark, Google G) and "Sign in with" icon buttons '
     '(Google G, Microsoft icon, Apple). Not claims.',
     '<section><h2>Habit tracking that sticks</h2><p>Build routines in two minutes a day.</p>'
     '<div class="badges"><a href="/download/ios"><img src="a/b/1e.png" height="40"></a> '
     '<a href="/download/android"><img src="a/b/2e.png" height="40"></a></div></section>'
     '<section class="login"><h2>Already have an account?</h2><p>Sign in with</p>'
     '<button class="sso" data-provider="g"><img src="a/s/01.png" width="20"></button>'
     '<button class="sso" data-provider="m"><img src="a/s/02.png" width="20"></button>'
     '<button class="sso" data-provider="a"><img src="a/s/03.png" width="20"></button></section>',
     [('white-on-dark', 'apple/apple.svg', 'a/b/1e.png'), ('size:40', 'google/google-g.svg', 'a/b/2e.png'),
      ('size:24', 'google/google-g.svg', 'a/s/01.png'), ('size:24', 'microsoft/microsoft-icon.svg', 'a/s/02.png'),
      ('size:24', 'apple/apple.svg', 'a/s/03.png')])

site('seongsu-labs', '성수랩스', 'ko', 'tune', ['salesforce'], ['hash-only', 'negative', 'neg-social'],
     '"파트너": Salesforce in grayscale among non-configured marks (Docker, Ubuntu, HP: distractors, not claims). '
     'Footer follow icons LinkedIn/Meta with opaque redirect links: not claims.',
     '<section><h2>세일즈 자동화 컨설팅</h2><p>CRM 도입부터 운영까지.</p></section>'
     '<section><h2>파트너</h2><div class="wall"><img src="files/p/01.png"><img src="files/p/02.png">'
     '<img src="files/p/03.png"><img src="files/p/04.png"></div></section>',
     [('grayscale', 'salesforce/salesforce.svg', 'files/p/01.png'), ('size:120', 'neg:docker.svg', 'files/p/02.png'),
      ('grayscale', 'neg:ubuntu.svg', 'files/p/03.png'), ('size:120', 'neg:hp.svg', 'files/p/04.png'),
      ('size:24', 'linkedin/linkedin-icon.svg', 'files/s/a.png'), ('size:24', 'meta/meta-icon.svg', 'files/s/b.png')],
     pair_tags={'salesforce': ['grayscale']},
     footer=SOCIAL_FOOTER.format(li='/out?to=1', fb='/out?to=2', a='files/s/a.png', b='files/s/b.png'))

site('volga-integra', 'Волга Интегра', 'ru', 'tune', ['ibm', 'dell', 'redhat'], ['hash-only'],
     '"Наши партнёры": IBM as a GIF, Dell as WebP, the Red Hat hat as inline <svg>.',
     '<section><h2>Системная интеграция</h2><p>Серверы, хранилища и сопровождение.</p></section>'
     '<section><h2>Наши партнёры</h2><div class="partners"><img src="upload/iblock/4f1/4f1c2.gif">'
     '<img src="upload/iblock/a07/a07d9.webp"><i class="ico">' + inline_svg('redhat/redhat-icon.svg', 90) + '</i></div></section>',
     [('gif', 'ibm/ibm.svg', 'upload/iblock/4f1/4f1c2.gif'), ('webp', 'dell/dell.svg', 'upload/iblock/a07/a07d9.webp')],
     pair_tags={'ibm': ['gif'], 'dell': ['webp'], 'redhat': ['inline-svg']})

site('milano-fabbrica', 'Fabbrica Digitale Milano', 'it', 'tune', ['microsoft', 'google', 'oracle'], ['hash-only', 'negative'],
     '"Partner tecnologici": Microsoft wordmark white on a dark band, Google in a padded card, Oracle on a coloured '
     'background; Lenovo and AMD marks on the same wall are not configured brands (distractors).',
     '<section><h2>Software per la manifattura</h2><p>MES e analisi dati per PMI.</p></section>'
     '<section class="band"><h2>Partner tecnologici</h2><div class="loghi"><img src="img/l/1.png"><img src="img/l/2.png">'
     '<img src="img/l/3.png"><img src="img/l/4.png"><img src="img/l/5.png"></div></section>',
     [('white-on-dark', 'microsoft/microsoft.svg', 'img/l/1.png'), ('padded-card', 'google/google.svg', 'img/l/2.png'),
      ('colored-bg', 'oracle/oracle.svg', 'img/l/3.png'), ('padded-card', 'neg:lenovo.svg', 'img/l/4.png'),
      ('white-on-dark', 'neg:amd.svg', 'img/l/5.png')],
     pair_tags={'microsoft': ['white-on-dark'], 'google': ['padded-card'], 'oracle': ['colored-bg']})

site('pagos-faciles', 'Pagos Fáciles S.L.', 'es', 'tune', [], ['hash-only', 'negative', 'neg-appstore', 'neg-signin'],
     'Payments app: "Descarga la app" badges (Apple silhouette, Google G) and "Iniciar sesión con" buttons (Google G, '
     'Apple, Microsoft icon). Not claims.',
     '<section><h2>Cobra en segundos</h2><p>Tu terminal de pago en el móvil.</p><h3>Descarga la app</h3>'
     '<div class="stores"><a href="/ir/ios"><img src="st/x9.png" height="40"></a> <a href="/ir/android"><img src="st/y4.png" height="40"></a></div></section>'
     '<section class="acceso"><h2>Acceso clientes</h2><p>Iniciar sesión con</p><div class="sso">'
     '<a class="btn" href="/auth/g"><img src="st/l1.png" width="20"></a><a class="btn" href="/auth/a"><img src="st/l2.png" width="20"></a>'
     '<a class="btn" href="/auth/m"><img src="st/l3.png" width="20"></a></div></section>',
     [('white-on-dark', 'apple/apple.svg', 'st/x9.png'), ('white-on-dark', 'google/google-g.svg', 'st/y4.png'),
      ('size:24', 'google/google-g.svg', 'st/l1.png'), ('size:24', 'apple/apple.svg', 'st/l2.png'),
      ('size:24', 'microsoft/microsoft-icon.svg', 'st/l3.png')])

# Added with the partner-wall splitter and the small-image detail check (session 2); written after those features, so
# they are tune sites, not a blind measure.
site('quarry-labs', 'Quarry Labs', 'en', 'tune', ['microsoft', 'sap', 'cisco', 'oracle', 'intel', 'dell'],
     ['hash-only'],
     '"Our partners": ONE JPEG image (q75) holding a 3x2 wall of logo cards; opaque file name, no alt, no names in text.',
     '<section><h2>Supply-chain software</h2><p>Planning and tracking for quarries and building-material firms.</p></section>'
     '<section><h2>Our partners</h2><img class="wall" src="assets/uploads/1f9c0e.jpg" width="512"></section>',
     [('wall:3:cards:jpeg75', '|'.join(ref(r) for r in ['microsoft/microsoft.svg', 'sap/sap.svg', 'cisco/cisco.svg',
                                                           'oracle/oracle.svg', 'intel/intel.png', 'dell/dell.svg']),
       'assets/uploads/1f9c0e.jpg')],
     pair_tags={b: ['wall'] for b in ['microsoft', 'sap', 'cisco', 'oracle', 'intel', 'dell']})

site('lumen-atelier', 'Lumen Atelier', 'en', 'tune', [], ['hash-only', 'negative'],
     '"Our clients": one PNG wall of six marks that are not configured brands (CC0 simple-icons): nothing to report.',
     '<section><h2>Brand and web design</h2><p>Identity, web and print for growing companies.</p></section>'
     '<section><h2>Our clients</h2><img src="img/clients-2024.png" width="640"></section>',
     [('wall:3:plain:png', '|'.join(ref('neg:' + n) for n in ['docker.svg', 'github.svg', 'ubuntu.svg', 'paypal.svg', 'amd.svg', 'hp.svg']),
       'img/clients-2024.png')])

site('pixelhaus', 'Pixelhaus GmbH', 'de', 'tune', ['qualcomm', 'nvidia', 'oracle'], ['hash-only'],
     '"Partner": tiny logos in a strip: the Qualcomm wordmark 28 px wide (5 px tall), the NVIDIA logo 28 px, Oracle 48 px.',
     '<section><h2>Edge-KI für die Fertigung</h2><p>Kameras und Auswertung direkt an der Linie.</p></section>'
     '<section class="partner-strip"><h3>Partner</h3><img src="p/01.png" width="28"> <img src="p/02.png" width="28"> '
     '<img src="p/03.png" width="48"></section>',
     [('size:28', 'qualcomm/qualcomm.svg', 'p/01.png'), ('size:28', 'nvidia/nvidia.svg', 'p/02.png'),
      ('size:48', 'oracle/oracle.svg', 'p/03.png')],
     pair_tags={'qualcomm': ['small'], 'nvidia': ['small'], 'oracle': ['small']})

# ---------------------------------------------------------------------------------------------------------------
# HOLDOUT (written with the tune sites, before any result was seen; never used for tuning)
# ---------------------------------------------------------------------------------------------------------------
site('kaunas-cloud', 'Kaunas Cloud UAB', 'en', 'holdout', ['aws', 'intel', 'nvidia'], ['hash-only'],
     '"Certified partners": AWS as a 48 px PNG, Intel as JPEG q50, the NVIDIA eye white on a dark band.',
     '<section><h2>GPU hosting in the Baltics</h2><p>Bare metal and managed Kubernetes.</p></section>'
     '<section class="certs"><h2>Certified partners</h2><div class="row"><img src="cdn/7c/7c21e.png">'
     '<img src="cdn/7c/7c2f0.jpg"><img src="cdn/7c/7c30b.png"></div></section>',
     [('size:48', 'aws/aws.svg', 'cdn/7c/7c21e.png'), ('jpeg:50', 'intel/intel.png', 'cdn/7c/7c2f0.jpg'),
      ('white-on-dark', 'nvidia/nvidia-eye.svg', 'cdn/7c/7c30b.png')],
     pair_tags={'aws': ['resized'], 'intel': ['jpeg'], 'nvidia': ['white-on-dark']})

site('porto-sol', 'Porto Sol Tecnologia', 'pt', 'holdout', ['huawei', 'sap', 'ibm'], ['hash-only'],
     '"Os nossos parceiros": Huawei as an SVG file, SAP as a CSS background from a <style> rule, IBM lazily via data-srcset.',
     '<section><h2>Transformação digital</h2><p>ERP e redes para a indústria.</p></section>'
     '<section><h2>Os nossos parceiros</h2><ul class="parceiros"><li><img src="assets/img/9c2e1d.svg" width="120"></li>'
     '<li><span class="pl pl-b"></span></li>'
     '<li><img class="lazyload" data-srcset="assets/img/3f8a.png 1x, assets/img/3f8a-2x.png 2x" width="120"></li></ul></section>',
     [('size:120', 'ibm/ibm.svg', 'assets/img/3f8a.png'), ('size:240', 'ibm/ibm.svg', 'assets/img/3f8a-2x.png'),
      ('size:160', 'sap/sap.svg', 'assets/img/b51.png')],
     copies=[('huawei/huawei.svg', 'assets/img/9c2e1d.svg')],
     head='<style>ul.parceiros .pl{display:inline-block;width:120px;height:60px}.pl-b{background-image:url("assets/img/b51.png")}</style>\n',
     pair_tags={'huawei': ['svg-file'], 'sap': ['css-background'], 'ibm': ['srcset-lazy']})

site('taoyuan-smart', '桃園智慧科技股份有限公司', 'zh-tw', 'holdout', ['cisco', 'microsoft', 'qualcomm'], ['hash-only', 'lang-zh'],
     '"合作夥伴": Cisco PNG served as application/octet-stream, the Microsoft icon as inline <svg>, Qualcomm as a GIF.',
     '<section><h2>智慧工廠整合服務</h2><p>網路、雲端與邊緣運算。</p></section>'
     '<section><h2>合作夥伴</h2><div class="logo-list"><img src="userfiles/images/p0193.png">'
     '<span>' + inline_svg('microsoft/microsoft-icon.svg', 64) + '</span><img src="userfiles/images/p0207.gif"></div></section>',
     [('size:160', 'cisco/cisco.svg', 'userfiles/images/p0193.png'), ('gif', 'qualcomm/qualcomm.svg', 'userfiles/images/p0207.gif')],
     octet=['userfiles/images/p0193.png'],
     pair_tags={'cisco': ['wrong-content-type'], 'microsoft': ['inline-svg'], 'qualcomm': ['gif']})

site('lyon-robotique', 'Lyon Robotique SAS', 'fr', 'holdout', ['redhat', 'alibabacloud', 'google'],
     ['hash-only', 'negative', 'neg-social'],
     '"Nos partenaires technologiques": Red Hat wordmark in a padded card, Alibaba Cloud on a coloured background, '
     'Google as WebP. Footer follow icons (LinkedIn, Meta) with opaque links: not claims.',
     '<section><h2>Robots collaboratifs</h2><p>Intégration et maintenance en Auvergne-Rhône-Alpes.</p></section>'
     '<section><h2>Nos partenaires technologiques</h2><div class="partenaires"><img src="data/medias/2024/e01.png">'
     '<img src="data/medias/2024/e02.png"><img src="data/medias/2024/e03.webp"></div></section>',
     [('padded-card', 'redhat/redhat.svg', 'data/medias/2024/e01.png'), ('colored-bg', 'alibabacloud/alibabacloud.svg', 'data/medias/2024/e02.png'),
      ('webp', 'google/google.svg', 'data/medias/2024/e03.webp'),
      ('size:32', 'linkedin/linkedin-icon.svg', 'data/ui/f1.png'), ('size:32', 'meta/meta-icon.svg', 'data/ui/f2.png')],
     pair_tags={'redhat': ['padded-card'], 'alibabacloud': ['colored-bg'], 'google': ['webp']},
     footer=SOCIAL_FOOTER.format(li='/r/li', fb='/r/fb', a='data/ui/f1.png', b='data/ui/f2.png'))

site('osaka-denki', '大阪電機サービス株式会社', 'ja', 'holdout', ['oracle'],
     ['hash-only', 'negative', 'neg-appstore', 'neg-signin'],
     '"取引先・パートナー": Oracle as JPEG q50 next to Docker and Ubuntu marks (not configured). The app section has '
     'store badges (Apple silhouette, Google G) and "ログイン" icon buttons (Google G, Apple): not claims.',
     '<section><h2>取引先・パートナー</h2><div class="partner-list"><img src="common/img/ptn_01.jpg">'
     '<img src="common/img/ptn_02.png"><img src="common/img/ptn_03.png"></div></section>'
     '<section><h2>保守アプリ</h2><p>点検記録をスマートフォンで。</p><div class="dl"><a href="/app/ios"><img src="common/img/dl_a.png" height="40"></a>'
     '<a href="/app/android"><img src="common/img/dl_g.png" height="40"></a></div>'
     '<p>次のアカウントでログイン</p><button><img src="common/img/sso_1.png" width="20"></button><button><img src="common/img/sso_2.png" width="20"></button></section>',
     [('jpeg:50', 'oracle/oracle.svg', 'common/img/ptn_01.jpg'), ('size:120', 'neg:docker.svg', 'common/img/ptn_02.png'),
      ('colored-bg', 'neg:ubuntu.svg', 'common/img/ptn_03.png'),
      ('white-on-dark', 'apple/apple.svg', 'common/img/dl_a.png'), ('size:40', 'google/google-g.svg', 'common/img/dl_g.png'),
      ('size:24', 'google/google-g.svg', 'common/img/sso_1.png'), ('size:24', 'apple/apple.svg', 'common/img/sso_2.png')],
     pair_tags={'oracle': ['jpeg']})

site('berlin-kassen', 'Berliner Kassensysteme GmbH', 'de', 'holdout', [], ['hash-only', 'negative'],
     '"Unsere Partner" wall of non-configured marks only (PayPal, Mastercard, GitHub, X, Alipay): no configured brand is claimed.',
     '<section><h2>Kassensysteme für die Gastronomie</h2><p>Miete, Kauf und Service.</p></section>'
     '<section><h2>Unsere Partner</h2><div class="partner"><img src="bilder/p/1a.png"><img src="bilder/p/1b.jpg">'
     '<img src="bilder/p/1c.png"><img src="bilder/p/1d.png"><img src="bilder/p/1e.webp"></div></section>',
     [('size:120', 'neg:paypal.svg', 'bilder/p/1a.png'), ('jpeg:50', 'neg:mastercard.svg', 'bilder/p/1b.jpg'),
      ('grayscale', 'neg:github.svg', 'bilder/p/1c.png'), ('white-on-dark', 'neg:x.svg', 'bilder/p/1d.png'),
      ('webp', 'neg:alipay.svg', 'bilder/p/1e.webp')])


def main():
    render_args = []
    for s in SITES:
        d = os.path.join(ROOT, 'sites', s['id'])
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
        home, about, contact = NAV[s['lang']]
        pages = {'index.html': page(s['name'], s['lang'], s['body'], s['footer'], s['head']),
                 'about.html': page(s['name'], s['lang'], f'<section><h2>{about}</h2><p>{s["name"]}</p></section>'),
                 'contact.html': page(s['name'], s['lang'], f'<section><h2>{contact}</h2><p>info@{s["id"]}.example</p></section>')}
        for name, html in pages.items():
            with open(os.path.join(d, name), 'w', encoding='utf-8') as f:
                f.write(html)
        for variant, brand_file, path in s['images']:
            render_args += [variant, ref(brand_file), os.path.join(d, path)]
        for brand_file, path in s['copies']:
            os.makedirs(os.path.dirname(os.path.join(d, path)), exist_ok=True)
            shutil.copyfile(ref(brand_file), os.path.join(d, path))
    # PARTNERWATCH_RENDER: an already built benchmark program to use instead of `dotnet run` (e.g. while a benchmark runs).
    render = os.environ.get('PARTNERWATCH_RENDER', '').split() or \
        ['dotnet', 'run', '-c', 'Release', '--project', os.path.join(REPO, 'benchmarks', 'PartnerWatch.Benchmarks'), '--']
    subprocess.run(render + ['render'] + render_args, check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    for s in SITES:
        for path in s['octet']:
            with open(os.path.join(ROOT, 'sites', s['id'], path + '.headers'), 'w', encoding='ascii') as f:
                f.write('Content-Type: application/octet-stream\n')

    corpus_path = os.path.join(ROOT, 'corpus.json')
    corpus = json.load(open(corpus_path, encoding='utf-8'))
    ids = {s['id'] for s in SITES}
    corpus['sites'] = [s for s in corpus['sites'] if s['id'] not in ids]
    for s in SITES:
        entry = {'id': s['id'], 'name': s['name'], 'path': s['id'] + '/', 'confirmed': [], 'truth': s['truth'],
                 'categories': s['categories'], 'note': s['note'], 'lang': s['lang'], 'split': s['split'],
                 'claim_pages': ['/' + s['id'] + '/index.html']}
        if s['pair_tags']:
            entry['pair_tags'] = {b: ['hash-only'] + t for b, t in sorted(s['pair_tags'].items())}
        corpus['sites'].append(entry)
    corpus['description'] = ('PartnerWatch detection corpus (own, hand-written); split tune/holdout. Text-cue sites use grey '
                             'placeholder images; the hash-only sites (tools/generate_image_sites.py) name brands only by '
                             'rendered logo pixels, and their negatives show the same logos as social icons, store badges '
                             'and sign-in buttons.')
    with open(corpus_path, 'w', encoding='utf-8') as f:
        json.dump(corpus, f, ensure_ascii=False, indent=1)
    print(f'{len(SITES)} image sites ({sum(1 for s in SITES if s["split"] == "holdout")} holdout); corpus now {len(corpus["sites"])} sites')


if __name__ == '__main__':
    main()
