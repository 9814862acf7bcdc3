#!/usr/bin/env python3
"""Builds corpus.json (the scorer's format, ../../../shared/eval/detection.md) from brands.json and parts/*.json,
and gives every site its split.

The split is fixed before any tuning and never chosen by hand: a site is in the holdout when
sha256("<SEED>:<site id>") mod 100 < HOLDOUT_PERCENT. Sites added later fall where the hash puts them.

  python3 tools/assemble.py                      # writes corpus.json, prints the counts
  python3 tools/assemble.py --view holdout DIR   # DIR/corpus.json with only that split (sites/ and refs/ linked)
"""
import glob, hashlib, json, os, sys

SEED = "partnerwatch-real-corpus-2026-12-07"
HOLDOUT_PERCENT = 45
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def split_of(site_id):
    h = int(hashlib.sha256(f"{SEED}:{site_id}".encode()).hexdigest(), 16)
    return "holdout" if h % 100 < HOLDOUT_PERCENT else "tune"


def assemble():
    brands = json.load(open(os.path.join(ROOT, "brands.json"), encoding="utf-8"))["brands"]
    sites, seen = [], set()
    for part in sorted(glob.glob(os.path.join(ROOT, "parts", "*.json"))):
        for site in json.load(open(part, encoding="utf-8"))["sites"]:
            if site["id"] in seen:
                sys.exit(f"{part}: duplicate site id {site['id']}")
            seen.add(site["id"])
            site["split"] = split_of(site["id"])
            sites.append(site)
    return {"brands": brands, "sites": sites}


def main():
    corpus = assemble()
    if len(sys.argv) == 4 and sys.argv[1] == "--view":
        split, out = sys.argv[2], os.path.abspath(sys.argv[3])
        os.makedirs(out, exist_ok=True)
        view = {"brands": corpus["brands"], "sites": [s for s in corpus["sites"] if split in ("all", s["split"])]}
        json.dump(view, open(os.path.join(out, "corpus.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
        for d in ("sites", "refs"):
            link = os.path.join(out, d)
            if not os.path.lexists(link):
                os.symlink(os.path.join(ROOT, d), link)
        print(f"{out}: {len(view['sites'])} {split} sites")
        return
    json.dump(corpus, open(os.path.join(ROOT, "corpus.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    n = len(corpus["sites"])
    hold = sum(s["split"] == "holdout" for s in corpus["sites"])
    pairs = sum(len(s["truth"]) for s in corpus["sites"])
    neg = sum(not s["truth"] for s in corpus["sites"])
    nonen = sum(s.get("lang", "en") != "en" for s in corpus["sites"])
    print(f"{n} sites ({hold} holdout, {n - hold} tune), {pairs} true pairs, {neg} without a claim, {nonen} non-English")


if __name__ == "__main__":
    main()
