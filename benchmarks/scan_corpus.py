"""Deterministic synthetic corpus of company sites for benchmarks/scan_benchmark.py (generated under /tmp, not in git).

Site i (its own loopback port) has:
  /             start page, 50-200 KB: inline CSS and JS, mega-menu, hero photo, sometimes a "trusted by" logo strip,
                footer with social icons;
  /partners/    10-30 images (logos of 40-400 px in PNG/JPEG/SVG/WebP/GIF, icon+wordmark lock-ups of 200-600 px,
                partner badges, sometimes a photo of 800-1600 px or a partner wall), or a text-only list (8 %);
  /about/       0-3 images; /about/news/ (a sub-page of about, so the crawler follows it) 0-3 thumbnails.
Logos come from the repo's CC0 reference logos (RealCorpus/refs, Detect/Logos/Fixtures) and simple-icons@16.37.0;
every logo image is rendered for its site (own size, padding, background, format), so bytes differ across sites;
stock photos come from a pool of 24 shared by all sites. Everything depends only on (seed, site index).
"""
import io, json, os, random, re, subprocess
from PIL import Image, ImageDraw, ImageFilter, ImageFont

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL = os.path.join(REPO, "tests/PartnerWatch.Tests/RealCorpus")
FIXTURES = os.path.join(REPO, "tests/PartnerWatch.Tests/Detect/Logos/Fixtures")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
VERSION = 1
# Words chosen so no menu/link text contains a crawler keyword (partner, client, about, technology, ...).
WORDS = ("industrial automation platform data pipeline warehouse logistics robotics sensor cloud network secure "
         "analytics factory supply chain quality energy efficient monitoring edge compute insight operations team "
         "global scale reliable modern service delivery product roadmap innovation growth market value digital "
         "engineering design support training research mobility storage hybrid workflow process control vision").split()
MENU = ["Products", "Solutions", "Industries", "Pricing", "Resources", "Careers", "Contact", "Blog", "Events", "Docs",
        "Downloads", "Support", "Security", "Status", "Press", "Investors", "Webinars", "Academy", "Community", "Legal"]
FORMATS = [("png", 35), ("jpg", 20), ("svg", 15), ("webp", 15), ("gif", 15)]


def pick(rng, weighted):
    return rng.choices([w[0] for w in weighted], [w[1] for w in weighted])[0]


def sentence(rng, n=None):
    words = [rng.choice(WORDS) for _ in range(n or rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


class Corpus:
    def __init__(self, work, seed, n):
        self.seed, self.n = seed, n
        self.root = os.path.join(work, f"corpus-v{VERSION}-seed{seed}")
        self.shared_dir = os.path.join(self.root, "photos")
        self.site_dirs = [os.path.join(self.root, f"site{i}") for i in range(n)]
        self.render_dir = os.path.join(work, "rendered")
        self.si_dir = os.path.join(work, "simple-icons")
        self._base = {}

    # ------------------------------------------------------------ sources
    def _simple_icons(self):
        pkg = os.path.join(self.si_dir, "package")
        if not os.path.isdir(pkg):
            os.makedirs(self.si_dir, exist_ok=True)
            subprocess.run(["npm", "pack", "simple-icons@16.37.0", "--silent"], cwd=self.si_dir, check=True, stdout=subprocess.DEVNULL)
            subprocess.run(["tar", "xzf", "simple-icons-16.37.0.tgz"], cwd=self.si_dir, check=True)
        with open(os.path.join(pkg, "data/simple-icons.json")) as f:
            return pkg, json.load(f)

    def _real_brands(self):
        with open(os.path.join(REAL, "brands.json")) as f:
            brands = json.load(f)["brands"]
        for b in brands:
            b["files"] = [os.path.join(REAL, "refs", l) for l in b["logos"] if os.path.exists(os.path.join(REAL, "refs", l))]
        return brands

    def _load(self):
        if hasattr(self, "real"):
            return
        self.real = self._real_brands()
        pkg, icons = self._simple_icons()
        taken = {b["id"] for b in self.real} | {b["name"].lower() for b in self.real}
        rng = random.Random(f"{self.seed}-icons")
        icons = [i for i in icons if len(i["title"]) >= 4 and i["slug"] not in taken and i["title"].lower() not in taken]
        rng.shuffle(icons)
        self.icons = icons  # first ones join the large catalogue; all of them are distractors in the 20-brand runs
        os.makedirs(self.render_dir, exist_ok=True)
        self.si_svg = {}
        for icon in icons[:1100]:
            path = os.path.join(self.render_dir, f"si-{icon['slug']}.svg")
            if not os.path.exists(path):
                with open(os.path.join(pkg, "icons", icon["slug"] + ".svg")) as src:
                    svg = src.read().replace("<svg ", f'<svg fill="#{icon["hex"]}" ', 1)
                with open(path, "w") as dst:
                    dst.write(svg)
            self.si_svg[icon["slug"]] = path
        fixture_refs = [os.path.join(dp, f) for dp, _, fs in os.walk(os.path.join(FIXTURES, "refs")) for f in fs if f.endswith(".svg")]
        negatives = [os.path.join(FIXTURES, "negatives", f) for f in sorted(os.listdir(os.path.join(FIXTURES, "negatives"))) if f.endswith(".svg")]
        # (name, domain, svg path): catalogue brands first, then look-alike distractors
        self.marks = [(b["name"], b["domains"][0] if b["domains"] else b["id"] + ".com", f) for b in self.real for f in b["files"]]
        self.marks += [(os.path.basename(os.path.dirname(f)).title(), os.path.basename(os.path.dirname(f)) + ".com", f) for f in sorted(fixture_refs)]
        self.marks += [(os.path.splitext(os.path.basename(f))[0].title(), os.path.splitext(os.path.basename(f))[0] + ".com", f) for f in negatives]
        self.marks += [(i["title"], i["slug"] + ".com", self.si_svg[i["slug"]]) for i in icons[:400]]
        self.top = [m for m in self.marks if any(m[2] in b["files"] for b in self.real[:20])]

    # simple-icons marks PartnerWatch refuses as reference logos (thin rings: "SVG draws nothing visible" since the
    # decoder drops views in which most of a transparent logo vanishes); `scan` would exit 2 on them.
    UNUSABLE = frozenset({"ibeacon", "apacheairflow", "razer"})

    def catalogue(self, size, skip=()):
        """Brands for the PartnerWatch config: the RealCorpus brands in file order, then simple-icons marks."""
        self._load()
        out = [{"Id": b["id"], "Name": b["name"], "Aliases": b["aliases"], "Domains": b["domains"], "Logos": b["files"]}
               for b in self.real[:size]]
        usable = [i for i in self.icons if i["slug"] not in self.UNUSABLE and "si-" + i["slug"] not in skip]
        for icon in usable[:max(0, size - len(out))]:
            out.append({"Id": "si-" + icon["slug"], "Name": icon["title"], "Domains": [icon["slug"] + ".com"],
                        "Logos": [self.si_svg[icon["slug"]]]})
        return out

    def base(self, svg):
        """The mark rendered once at 256 px high (rsvg-convert), trimmed, RGBA."""
        if svg not in self._base:
            png = os.path.join(self.render_dir, os.path.basename(os.path.dirname(svg)) + "-" + os.path.basename(svg) + ".png")
            if not os.path.exists(png):
                subprocess.run(["rsvg-convert", "-h", "256", "-o", png, svg], check=True)
            im = Image.open(png).convert("RGBA")
            box = im.getbbox() or (0, 0, im.width, im.height)
            im = im.crop(box)
            if im.width > 1024:
                im = im.resize((1024, max(1, im.height * 1024 // im.width)), Image.LANCZOS)
            self._base[svg] = im
        return self._base[svg]

    # ------------------------------------------------------------ images
    def logo(self, rng, mark, longest, fmt):
        im = self.base(mark[2])
        pad = rng.choice([0, 0, 0.1, 0.25])
        bg = rng.choice([(255, 255, 255), (255, 255, 255), (245, 246, 248), (20, 24, 38), None])
        scale = longest / max(im.size) / (1 + 2 * pad)
        w, h = max(1, round(im.width * scale)), max(1, round(im.height * scale))
        canvas = Image.new("RGBA", (round(w * (1 + 2 * pad)) or 1, round(h * (1 + 2 * pad)) or 1), bg + (255,) if bg else (0, 0, 0, 0))
        canvas.alpha_composite(im.resize((w, h), Image.LANCZOS), ((canvas.width - w) // 2, (canvas.height - h) // 2))
        return self.encode(rng, canvas, fmt)

    def encode(self, rng, im, fmt):
        buf = io.BytesIO()
        if fmt == "png":
            im.save(buf, "PNG", optimize=False)
        elif fmt == "webp":
            im.save(buf, "WEBP", quality=rng.randint(70, 90))
        else:
            flat = Image.new("RGB", im.size, (255, 255, 255))
            flat.paste(im, mask=im.split()[3] if im.mode == "RGBA" else None)
            if fmt == "jpg":
                flat.save(buf, "JPEG", quality=rng.randint(55, 92))
            else:
                flat.convert("P", palette=Image.ADAPTIVE, colors=rng.choice([32, 64, 256])).save(buf, "GIF")
        return buf.getvalue()

    def lockup(self, rng, mark, width):
        icon = self.base(mark[2])
        h = max(24, width // 5)
        iw = max(1, icon.width * h // icon.height)
        if iw > h * 2:  # a wordmark already: use it as the lock-up's mark at icon height
            iw = h * 2
        font = ImageFont.truetype(FONT, max(10, h * 3 // 5))
        text_w = int(font.getlength(mark[0]))
        im = Image.new("RGBA", (iw + h // 3 + text_w + 8, h + 8), (255, 255, 255, 255 if rng.random() < 0.6 else 0))
        im.alpha_composite(icon.resize((iw, h), Image.LANCZOS), (4, 4))
        ImageDraw.Draw(im).text((iw + h // 3, 4 + h // 6), mark[0], font=font, fill=(40, 40, 40, 255))
        if im.width > width:
            im = im.resize((width, max(1, im.height * width // im.width)), Image.LANCZOS)
        return self.encode(rng, im, pick(rng, [("png", 50), ("jpg", 25), ("webp", 25)]))

    def badge(self, rng, mark):
        w = rng.randint(120, 240)
        im = Image.new("RGBA", (w, w * 2 // 3), (0, 0, 0, 0))
        draw = ImageDraw.Draw(im)
        draw.rounded_rectangle((0, 0, w - 1, w * 2 // 3 - 1), radius=w // 10, fill=rng.choice([(0, 94, 184), (200, 150, 20), (60, 60, 60)]))
        font = ImageFont.truetype(FONT, max(9, w // 10))
        draw.text((w // 12, w // 12), mark[0][:16], font=font, fill="white")
        draw.text((w // 12, w // 3), rng.choice(["GOLD PARTNER", "CERTIFIED", "PREMIER", "SILVER PARTNER"]), font=font, fill="white")
        return self.encode(rng, im, "png")

    def wall(self, rng, marks):
        cols, cell = rng.choice([3, 4]), (180, 90)
        rows = (len(marks) + cols - 1) // cols
        im = Image.new("RGBA", (cols * cell[0], rows * cell[1]), (255, 255, 255, 255))
        for k, m in enumerate(marks):
            logo = Image.open(io.BytesIO(self.logo(rng, m, 120, "png"))).convert("RGBA")
            im.alpha_composite(logo, ((k % cols) * cell[0] + (cell[0] - logo.width) // 2, (k // cols) * cell[1] + (cell[1] - logo.height) // 2))
        return self.encode(rng, im, rng.choice(["png", "jpg"]))

    def photos(self):
        os.makedirs(self.shared_dir, exist_ok=True)
        for k in range(24):
            path = os.path.join(self.shared_dir, f"photo-{k:02d}.jpg")
            if os.path.exists(path):
                continue
            rng = random.Random(f"{self.seed}-photo-{k}")
            w = rng.randint(800, 1600)
            h = w * rng.choice([9, 10, 12]) // 16
            top, bottom = [rng.randint(0, 255) for _ in range(3)], [rng.randint(0, 255) for _ in range(3)]
            im = Image.linear_gradient("L").resize((w, h)).convert("RGB")
            im = Image.merge("RGB", [b.point(lambda v, a=a, c=c: a + (c - a) * v // 255) for b, a, c in zip(im.split(), top, bottom)])
            draw = ImageDraw.Draw(im)
            for _ in range(40):
                x, y, s = rng.randint(0, w), rng.randint(0, h), rng.randint(20, w // 4)
                draw.ellipse((x, y, x + s, y + s * rng.uniform(0.5, 2)), fill=tuple(rng.randint(0, 255) for _ in range(3)))
            im = im.filter(ImageFilter.GaussianBlur(3))
            noise = Image.merge("RGB", [Image.effect_noise((w, h), 24)] * 3)
            Image.blend(im, noise, 0.15).save(path, "JPEG", quality=85)

    # ------------------------------------------------------------ pages
    def company(self, i):
        rng = random.Random(f"{self.seed}-name-{i}")
        return f"{rng.choice(['Nord', 'Aster', 'Vela', 'Kestrel', 'Orion', 'Lumen', 'Tidal', 'Granite'])}" \
               f"{rng.choice(['works', 'soft', 'data', 'logic', 'grid', 'labs'])} {i}"

    def page(self, rng, title, body, images):
        css = "".join(f".c{k}-{rng.choice(WORDS)}{{margin:{rng.randint(0, 40)}px;padding:{rng.randint(0, 20)}px {rng.randint(0, 30)}px;"
                      f"color:#{rng.randrange(16 ** 6):06x};font:{rng.randint(11, 22)}px/1.4 Inter,sans-serif;display:flex}}\n"
                      for k in range(rng.randint(150, 500)))
        js = "".join(f"function t{k}(e){{var d={{id:{k},k:'{rng.choice(WORDS)}',v:{rng.random():.6f}}};"
                     f"if(window.dataLayer){{window.dataLayer.push(d)}}return e&&e.target?e.target.id+d.k:null}}\n"
                     for k in range(rng.randint(150, 600)))
        menu = "".join(f'<li><a href="/{m.lower()}/{rng.choice(WORDS)}-{k}">{m} {rng.choice(WORDS)}</a></li>'
                       for k, m in enumerate(rng.choice(MENU) for _ in range(rng.randint(40, 160))))
        social = "".join(f'<a href="https://www.{s}.com/company/x"><img src="/img/social-{s}.png" alt="{s}" width="24"></a>'
                         for s in ("linkedin", "facebook", "youtube", "instagram"))
        return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title><style>{css}</style>'
                f'<script>{js}</script></head><body><header><nav><a href="/">Home</a> <a href="/partners/">Partners</a> '
                f'<a href="/about/">About us</a> <a href="/news">News</a><ul class="mega">{menu}</ul></nav></header>'
                f'<main>{body}</main><footer><p>{sentence(rng)}</p>{social}<p>© 2026 {title}. All rights reserved. '
                f'Trademarks belong to their owners.</p></footer></body></html>')

    def para(self, rng, k):
        return "".join(f"<p>{' '.join(sentence(rng) for _ in range(rng.randint(3, 8)))}</p>" for _ in range(k))

    def build_site(self, i):
        rng = random.Random(f"{self.seed}-site-{i}")
        d, name = self.site_dirs[i], self.company(i)
        os.makedirs(os.path.join(d, "img"), exist_ok=True)
        files = {}

        def img(stem, fmt, data, mark=None, alt=True):
            files[f"img/{stem}.{fmt}"] = data
            alt_text = mark[0] if mark and alt else ""
            return f'<img src="/img/{stem}.{fmt}" alt="{alt_text}" loading="lazy">'

        def mark_image(stem, mark):
            fmt = pick(rng, FORMATS)
            if fmt == "svg":
                with open(mark[2], "rb") as f:
                    return img(stem, "svg", f.read(), mark, rng.random() < 0.5)
            size = int(rng.choice([rng.uniform(40, 120), rng.uniform(80, 240), rng.uniform(120, 400)]))
            return img(stem, fmt, self.logo(rng, mark, size, fmt), mark, rng.random() < 0.5)

        def any_mark():
            return rng.choice(self.top) if rng.random() < 0.35 else rng.choice(self.marks)

        hero = f'<img src="/img/photo-{rng.randrange(24):02d}.jpg" alt="Our team" class="hero">'
        strip = ""
        if rng.random() < 0.5:
            strip = "<section><h2>Trusted by industry leaders</h2>" + "".join(mark_image(f"t{k}", any_mark()) for k in range(rng.randint(4, 8))) + "</section>"
        files["index.html"] = self.page(rng, name, f"<h1>{name}</h1>{hero}{self.para(rng, rng.randint(10, 40))}{strip}", 0)

        cards = []
        if rng.random() >= 0.08:
            for k in range(rng.randint(10, 30)):
                kind, mark = rng.random(), any_mark()
                if kind < 0.70:
                    tag = mark_image(f"p{k}", mark)
                elif kind < 0.85:
                    tag = img(f"l{k}", "png", b"", mark)  # placeholder, replaced below with the real format
                    data = self.lockup(rng, mark, rng.randint(200, 600))
                    fmt = "png" if data[:4] == b"\x89PNG" else "jpg" if data[:2] == b"\xff\xd8" else "webp"
                    del files[f"img/l{k}.png"]
                    tag = img(f"l{k}", fmt, data, mark)
                elif kind < 0.93:
                    tag = img(f"b{k}", "png", self.badge(rng, mark), mark)
                elif kind < 0.97:
                    tag = f'<img src="/img/photo-{rng.randrange(24):02d}.jpg" alt="Summit">'
                else:
                    tag = img(f"w{k}", "png", b"", None)
                    del files[f"img/w{k}.png"]
                    data = self.wall(rng, [any_mark() for _ in range(rng.randint(4, 8))])
                    tag = img(f"w{k}", "png" if data[:4] == b"\x89PNG" else "jpg", data, None)
                cards.append(f'<li class="card"><a href="https://www.{mark[1]}/">{tag}</a><p>{mark[0]} — {sentence(rng, 8)}</p></li>')
        else:
            cards = [f'<li>{m[0]}: {sentence(rng, 10)}</li>' for m in (any_mark() for _ in range(rng.randint(8, 20)))]
        main_brand = rng.choice(self.top)[0]
        files["partners/index.html"] = self.page(rng, f"Partners — {name}", f"<h1>Our partners</h1><p>We are a {main_brand} Gold "
                                                 f"Partner.</p>{self.para(rng, 3)}<ul class=\"partners\">{''.join(cards)}</ul>", 0)
        about_imgs = "".join(f'<img src="/img/photo-{rng.randrange(24):02d}.jpg" alt="Office">' for _ in range(rng.choice([0, 0, 1, 2, 3])))
        files["about/index.html"] = self.page(rng, f"About — {name}", f"<h1>About us</h1>{about_imgs}{self.para(rng, rng.randint(8, 25))}"
                                              f'<p><a href="/about/news/">Latest news</a></p>', 0)
        news = []
        for k in range(rng.choice([0, 1, 2, 3])):
            photo = Image.open(os.path.join(self.shared_dir, f"photo-{rng.randrange(24):02d}.jpg"))
            thumb = photo.resize((rng.randint(300, 600), rng.randint(200, 340)), Image.BILINEAR)
            news.append(img(f"n{k}", "jpg", self.encode(rng, thumb.convert("RGBA"), "jpg")))
        files["about/news/index.html"] = self.page(rng, f"News — {name}", f"<h1>News</h1>{''.join(news)}<article><p>"
                                                   f"{rng.choice(self.top)[0]} announced results today.</p>{self.para(rng, 6)}</article>", 0)
        for s in ("linkedin", "facebook", "youtube", "instagram"):
            files[f"img/social-{s}.png"] = self.social[s]
        for rel, data in files.items():
            path = os.path.join(d, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data.encode() if isinstance(data, str) else data)
        with open(os.path.join(d, "urls.json"), "w") as f:
            json.dump(sorted(files), f)

    def build(self):
        self._load()
        self.photos()
        pkg = os.path.join(self.si_dir, "package")
        self.social = {}
        for s in ("linkedin", "facebook", "youtube", "instagram"):
            png = os.path.join(self.render_dir, f"social-{s}.png")
            if not os.path.exists(png):
                svg = os.path.join(FIXTURES, "refs/linkedin/linkedin-icon.svg") if s == "linkedin" else os.path.join(pkg, "icons", s + ".svg")
                subprocess.run(["rsvg-convert", "-h", "24", "-o", png, svg], check=True)
            with open(png, "rb") as f:
                self.social[s] = f.read()
        todo = [i for i in range(self.n) if not os.path.exists(os.path.join(self.site_dirs[i], "urls.json"))]
        if todo:
            print(f"generating {len(todo)} sites in {self.root} …", flush=True)
        for i in todo:
            self.build_site(i)

    def urls(self, i):
        """Every distinct page and image path of site i (the stock photos it uses included)."""
        with open(os.path.join(self.site_dirs[i], "urls.json")) as f:
            files = json.load(f)
        out = {"/" + f[:-len("index.html")] if f.endswith("index.html") else "/" + f for f in files}
        for page in self.pages(i):
            with open(os.path.join(self.site_dirs[i], page.lstrip("/"), "index.html")) as f:
                out.update("/img/" + m for m in re.findall(r'src="/img/(photo-\d+\.jpg)"', f.read()))
        return sorted(out)

    def pages(self, i):
        return ["/", "/partners/", "/about/", "/about/news/"]

    def describe(self, n):
        urls = [len(self.urls(i)) for i in range(n)]
        size = sum(os.path.getsize(os.path.join(dp, f)) for i in range(n) for dp, _, fs in os.walk(self.site_dirs[i]) for f in fs)
        return f"{n} sites, {4 * n} pages, {sum(urls)} distinct page+image URLs, {size / 1e6:.0f} MB (+ 24 shared photos)"
