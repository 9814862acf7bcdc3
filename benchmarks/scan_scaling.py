#!/usr/bin/env python3
"""Scan throughput and peak memory against the number of sites.

Generates N synthetic company sites (start page, a partners page with a logo wall and a partner statement, an about
page), serves them on 127.0.0.1 with a threaded HTTP server, runs `PartnerWatch scan --json` on them and records wall
time and peak RSS (from /proc, sampled every 20 ms). Only loopback traffic; every run is bounded.

    python3 benchmarks/scan_scaling.py                  # N = 10, 100, 400 with the Release build
    python3 benchmarks/scan_scaling.py --sites 10 50    # other sizes
"""
import argparse, http.server, json, os, subprocess, sys, tempfile, threading, time

BRANDS = [("microsoft", "Microsoft", "microsoft.com"), ("google", "Google", "google.com"), ("aws", "AWS", "aws.amazon.com"),
          ("cisco", "Cisco", "cisco.com"), ("oracle", "Oracle", "oracle.com"), ("ibm", "IBM", "ibm.com"),
          ("intel", "Intel", "intel.com"), ("sap", "SAP", "sap.com"), ("dell", "Dell", "dell.com"), ("nvidia", "NVIDIA", "nvidia.com")]
FILLER = "<p>" + "We build industrial software for factories, warehouses and logistics networks. " * 40 + "</p>"


def make_sites(root, n, logo=None):
    for i in range(n):
        d = os.path.join(root, f"site{i}")
        os.makedirs(d, exist_ok=True)
        picks = [BRANDS[(i + k) % len(BRANDS)] for k in range(3)]
        wall = "".join(f'<li><a href="https://www.{dom}/"><img src="img/p{k}.png" alt="{name}"></a></li>' for k, (_, name, dom) in enumerate(picks))
        if logo:
            # An opaque, unlabelled logo image: only the pixel matcher can name it (downloaded and fingerprinted).
            os.makedirs(os.path.join(d, "img"), exist_ok=True)
            with open(logo, "rb") as src, open(os.path.join(d, "img", f"u{i}.svg"), "wb") as dst:
                dst.write(src.read())
            wall += f'<li><img src="img/u{i}.svg"></li>'
        with open(os.path.join(d, "index.html"), "w") as f:
            f.write(f'<html><head><meta charset="utf-8"><title>Site {i}</title></head><body><nav><a href="partners.html">Partners</a> '
                    f'<a href="about.html">About us</a> <a href="news.html">News</a></nav><h1>Company {i}</h1>{FILLER}</body></html>')
        with open(os.path.join(d, "partners.html"), "w") as f:
            f.write(f'<html><head><meta charset="utf-8"></head><body><h1>Our partners</h1><ul class="partners">{wall}</ul>'
                    f'<p>We are a {picks[0][1]} Gold Partner.</p>{FILLER}</body></html>')
        with open(os.path.join(d, "about.html"), "w") as f:
            f.write(f'<html><body><h1>About us</h1>{FILLER}</body></html>')
        with open(os.path.join(d, "news.html"), "w") as f:
            f.write(f'<html><body><article><h1>News</h1><p>{picks[1][1]} announced results today.</p></article></body></html>')


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def peak_rss_kb(pid, stop, out):
    peak = 0
    while not stop.is_set():
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]))
        except OSError:
            break
        time.sleep(0.02)
    out.append(peak)


def run(dll, n, concurrency, logo=None):
    with tempfile.TemporaryDirectory() as tmp:
        sites = os.path.join(tmp, "sites")
        make_sites(sites, n, logo)
        handler = lambda *a, **k: Quiet(*a, directory=sites, **k)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        origin = f"http://127.0.0.1:{server.server_address[1]}/"
        config = {"PartnerWatch": {
            "Brands": [{"Id": b, "Name": name, "Domains": [dom], "Logos": [logo] if logo and b == "microsoft" else []} for b, name, dom in BRANDS],
            "ConfirmedPartners": {"microsoft": ["site0"]},
            "Sites": [{"Id": f"site{i}", "Url": f"{origin}site{i}/"} for i in range(n)],
            "Fetch": {"AllowPrivateNetworks": True, "MaxConcurrentSites": concurrency},
            "Logging": {"Level": "Warning"}}}
        path = os.path.join(tmp, "config.json")
        with open(path, "w") as f:
            json.dump(config, f)
        start = time.monotonic()
        proc = subprocess.Popen(["dotnet", dll, "scan", "--config", path, "--json"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        stop, peak = threading.Event(), []
        sampler = threading.Thread(target=peak_rss_kb, args=(proc.pid, stop, peak))
        sampler.start()
        try:
            out, _ = proc.communicate(timeout=1800)
        finally:
            stop.set(); sampler.join(); server.shutdown()
        elapsed = time.monotonic() - start
        report = json.loads(out)
        pages = sum(s["pagesScanned"] for s in report["sites"])
        claims = sum(len(s["claims"]) for s in report["sites"])
        return elapsed, pages, claims, peak[0] if peak else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sites", type=int, nargs="+", default=[10, 100, 400])
    ap.add_argument("--concurrency", type=int, default=2)
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--logos", action="store_true", help="also put an unlabelled logo image on every partner page and configure its reference")
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if not args.no_build:
        subprocess.run(["dotnet", "build", "-c", "Release", os.path.join(root, "src/PartnerWatch"), "-v", "q", "-nologo"], check=True, stdout=subprocess.DEVNULL)
    dll = os.path.join(root, "src/PartnerWatch/bin/Release/net10.0/linux-x64/PartnerWatch.dll")
    logo = os.path.join(root, "src/PartnerWatch/Demo/logos/microsoft.svg") if args.logos else None
    print(f"| sites | pages | claims | wall time | pages/s | peak RSS |")
    print(f"| ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in args.sites:
        elapsed, pages, claims, rss = run(dll, n, args.concurrency, logo)
        print(f"| {n} | {pages} | {claims} | {elapsed:.1f} s | {pages / elapsed:.0f} | {rss / 1024:.0f} MB |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
