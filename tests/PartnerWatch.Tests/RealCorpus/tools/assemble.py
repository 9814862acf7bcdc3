#!/usr/bin/env python3
"""Builds corpus.json (the scorer's format, ../../../shared/eval/detection.md) from brands.json and parts/*.json,
and gives every site its split.

The split is fixed before any tuning and never chosen by hand. Sites are grouped by source repository (several
sites are translations or near-copies of one source, so a copy of a tuned page never lands in the holdout); groups
are ordered by sha256("<SEED>:<repository>") and taken into the holdout in that order until it holds
HOLDOUT_PERCENT of the sites. Once given, a group's split is frozen in splits.json (a tuned-on page can never move
into the holdout); groups added later are placed by the same rule among themselves.

Batches: sites from parts/<batch>*.json belong to a later batch (BATCHES) with its own seed, holdout split name and
holdout share; their groups are ordered by sha256("<batch seed>:<repository>") and placed by the same rule among the
batch's own sites (the first batch's frozen groups are never touched). Batch 2 (parts/batch2*.json) was collected
after the first holdout had been read while tuning, so it goes ENTIRELY (100 %) into a fresh split "holdout2" that
nobody has scored; a later batch with a share below 100 % adds its remaining groups to "tune" by the same rule.
A repository already frozen keeps its split whichever batch its new sites come from. Batch 3 (parts/batch3*.json,
collected in session 5) gives its own seed a share of 50 %: its groups, in sha256 order, go into a fresh split
"holdout3" until it holds half of the batch's sites, the rest into "tune". Batch 4 (parts/batch4*.json, session 6)
does the same with its own seed into a fresh split "holdout4", batch 5 (parts/batch5*.json, session 7) into "holdout5".
Batches 6 and 7 (parts/batch6*.json, non-English pages, and parts/batch7*.json, English pages, both collected in
session 8) share one fresh split "holdout6": each batch orders its own groups by its own seed and takes them into
holdout6 until that holdout holds half of the batch's own sites, the rest into "tune". Batches 8 and 9 (session 9,
parts/batch8*.json English pages, parts/batch9*.json mostly non-English pages) share a fresh split "holdout7" the same
way with a share of 60 % (batch 10, parts/batch10*.json, websites in any language collected later the same session, too),
so the clean judge is larger than holdout6's 23 sites; the family rule (family_of) is in force
from their first placement. Batches 11 (parts/batch11*.json, English websites) and 12 (parts/batch12*.json, websites in
other languages), session 10, share a fresh split "holdout8" with a share of 60 %; their seeds were written here before
the first page of either batch was collected.

  python3 tools/assemble.py                      # writes corpus.json, prints the counts
  python3 tools/assemble.py --view holdout DIR   # DIR/corpus.json with only that split (sites/ and refs/ linked)
  python3 tools/assemble.py --view holdout2 DIR  # the second batch's holdout; --view all DIR for every site
  python3 tools/assemble.py --view holdout3 DIR  # the third batch's holdout (measured by the lead only)
  python3 tools/assemble.py --view holdout4 DIR  # the fourth batch's holdout (measured by the lead only)
  python3 tools/assemble.py --view holdout5 DIR  # the fifth batch's holdout (measured by the lead only)
  python3 tools/assemble.py --view holdout6 DIR  # batches 6 and 7 (session 8): measured by the lead only
  python3 tools/assemble.py --view holdout7 DIR  # batches 8 and 9 (session 9): measured by the lead only
  python3 tools/assemble.py --view holdout8 DIR  # batches 11 and 12 (session 10): measured by the lead only
"""
import glob, hashlib, json, os, re, sys

SEED = "partnerwatch-real-corpus-2026-12-07"
HOLDOUT_PERCENT = 45
# part-file prefix -> (seed, holdout split name, holdout percent of the batch's sites)
BATCHES = {"batch2": ("partnerwatch-real-corpus-batch2-2026-12-07", "holdout2", 100),
           "batch3": ("partnerwatch-real-corpus-batch3-2026-12-07", "holdout3", 50),
           "batch4": ("partnerwatch-real-corpus-batch4-2026-12-07", "holdout4", 50),
           "batch5": ("partnerwatch-real-corpus-batch5-2026-12-07", "holdout5", 50),
           "batch6": ("partnerwatch-real-corpus-batch6-2026-12-07", "holdout6", 50),
           "batch7": ("partnerwatch-real-corpus-batch7-2026-12-07", "holdout6", 50),
           "batch8": ("partnerwatch-real-corpus-batch8-2026-12-07", "holdout7", 60),
           "batch9": ("partnerwatch-real-corpus-batch9-2026-12-07", "holdout7", 60),
           "batch10": ("partnerwatch-real-corpus-batch10-2026-12-07", "holdout7", 60),
           # session 10: written down before collection began; 60 % of each batch's sites into a fresh clean split
           "batch11": ("partnerwatch-real-corpus-batch11-2026-12-07", "holdout8", 60),
           "batch12": ("partnerwatch-real-corpus-batch12-2026-12-07", "holdout8", 60),
           # a precision sweep of non-partner pages collected while tuning (session 9): tune only, never a holdout
           "sweep9": ("partnerwatch-real-corpus-sweep9-2026-12-07", "tune", 0)}
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def group_of(site):
    return (site.get("source", {}).get("repo") or site["id"]).lower()


# Tokens that tell editions of one source apart: a language code (es, zh-hk, pt-br) or a year. Two repositories of one
# owner whose names are equal without them ("reactjs/es.react.dev" and "reactjs/ko.react.dev", "vitejs/docs-fa" and
# "vitejs/docs-ja", "djangocon/2025.djangocon.us" and "djangocon/2023.djangocon.us") are one family: translations and
# yearly editions of one page, so one that was tuned on makes its siblings no test of generalisation.
EDITION_TOKEN = re.compile(r"(?<![a-z0-9])([a-z]{2}(?:-[a-z]{2,4})?|\d{4})(?![a-z0-9])")


def family_of(group):
    owner, _, name = group.partition("/")
    return owner + "/" + re.sub(r"[.\-_]+", ".", EDITION_TOKEN.sub("", name)).strip(".")


def batch_of(part):
    """The batch a part file belongs to (None: the first batch)."""
    name = os.path.basename(part)
    return next((b for b in BATCHES if name.startswith(b)), None)


def place(groups, frozen, seed, holdout_name, percent):
    """Groups not yet frozen, in sha256(seed:repository) order, go into holdout_name until it holds percent % of
    these groups' sites (counting the already-frozen ones of the same holdout_name), the rest into tune. A group whose
    family (family_of) already has a frozen member goes to tune first: it is an edition of a page tuned on."""
    families = {family_of(g) for g in frozen}
    for g in groups:
        if g not in frozen and family_of(g) in families:
            frozen[g] = "tune"
    total = sum(len(m) for m in groups.values())
    held = sum(len(m) for g, m in groups.items() if frozen.get(g) == holdout_name)
    order = sorted((g for g in groups if g not in frozen), key=lambda g: hashlib.sha256(f"{seed}:{g}".encode()).hexdigest())
    for g in order:
        frozen[g] = holdout_name if held * 100 < percent * total else "tune"
        held += len(groups[g]) if frozen[g] == holdout_name else 0


def assign_splits(sites):
    frozen_path = os.path.join(ROOT, "splits.json")
    frozen = json.load(open(frozen_path, encoding="utf-8")) if os.path.exists(frozen_path) else {}
    by_batch = {}
    for site in sites:
        by_batch.setdefault(site.get("_batch"), {}).setdefault(group_of(site), []).append(site)
    # the first batch first, so that a repository shared with a later batch keeps the first batch's split
    place(by_batch.get(None, {}), frozen, SEED, "holdout", HOLDOUT_PERCENT)
    for batch, (seed, holdout_name, percent) in BATCHES.items():
        place(by_batch.get(batch, {}), frozen, seed, holdout_name, percent)
    for groups in by_batch.values():
        for g, members in groups.items():
            for site in members:
                site["split"] = frozen[g]
                site.pop("_batch", None)
    json.dump(dict(sorted(frozen.items())), open(frozen_path, "w", encoding="utf-8"), indent=1)


def assemble():
    brands = json.load(open(os.path.join(ROOT, "brands.json"), encoding="utf-8"))["brands"]
    sites, seen = [], set()
    for part in sorted(glob.glob(os.path.join(ROOT, "parts", "*.json"))):
        for site in json.load(open(part, encoding="utf-8"))["sites"]:
            if site["id"] in seen:
                sys.exit(f"{part}: duplicate site id {site['id']}")
            seen.add(site["id"])
            site["_batch"] = batch_of(part)
            sites.append(site)
    assign_splits(sites)
    return {"brands": brands, "sites": sites}


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def write_provenance(sites):
    """PROVENANCE.md: where every page comes from, under which licence, and why each pair is labelled as it is."""
    lines = ["# Real-page corpus: provenance and labels", "",
             "Generated by `tools/assemble.py` from `parts/*.json`; do not edit by hand. Logos and marks belong to",
             "their owners and are kept here only as test fixtures. Split: sites grouped by source repository, groups in "
             f"sha256(seed:repository) order into the holdout until it holds {HOLDOUT_PERCENT} % (seed `{SEED}`); "
             + "; ".join(f"sites of parts/{b}*.json: {pct} % into `{name}` (seed `{seed}`)" for b, (seed, name, pct) in BATCHES.items())
             + ".", "",
             "| site | lang | split | source (repository @ commit: paths) | licence | truth | why |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for s in sites:
        src = s.get("source", {})
        where = f"{src.get('repo', '?')} @ {src.get('commit', '?')[:12]}: {', '.join(src.get('paths', []))}"
        why = "; ".join(f"{b}: {n}" for b, n in s.get("pair_notes", {}).items()) or s.get("note", "")
        lines.append(f"| {s['id']} | {s.get('lang', 'en')} | {s['split']} | {cell(where)} | {cell(src.get('license', '?'))} | "
                     f"{', '.join(s.get('truth', [])) or '—'} | {cell(why)} |")
    open(os.path.join(ROOT, "PROVENANCE.md"), "w", encoding="utf-8").write("\n".join(lines) + "\n")


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
    write_provenance(corpus["sites"])
    n = len(corpus["sites"])
    splits = {}
    for s in corpus["sites"]:
        splits[s["split"]] = splits.get(s["split"], 0) + 1
    pairs = sum(len(s["truth"]) for s in corpus["sites"])
    neg = sum(not s["truth"] for s in corpus["sites"])
    nonen = sum(s.get("lang", "en") != "en" for s in corpus["sites"])
    print(f"{n} sites ({', '.join(f'{v} {k}' for k, v in sorted(splits.items()))}), {pairs} true pairs, {neg} without a claim, {nonen} non-English")


if __name__ == "__main__":
    main()
