#!/usr/bin/env python3
"""Why detection misses: aggregate reasons for missed true pairs and false claims on a corpus view.

Usage:
  python3 miss_reasons.py --corpus VIEW --cmd "dotnet BUILD/PartnerWatch.dll" [--save-json F] [--per-pair] [--json-out F]
  python3 miss_reasons.py --corpus VIEW --scan-json F [--per-pair]

With --cmd it does what score_detection.py does (serves VIEW/sites on loopback, writes the same config) and runs
`COMMAND scan --config FILE --json --mentions`; with --scan-json it reads such a document saved earlier (--save-json).
The document's `mentions` (the brands a site showed but did not claim, and the context that decided each signal)
are joined with VIEW/corpus.json's truth and it prints AGGREGATE counts only:
  - missed true pairs: how many had no signal at all (with --cmd: split by whether the corpus's claim page was fetched,
    a crawl miss, or fetched and still silent: e.g. a logo only its pixels name, which the one-shot scan skips when no
    match of it could change a claim), and for the others which context rejected the strongest signal,
    grouped by the context's strength and first words ("none: prose under heading", "negative: <footer>",
    "negative: compatibility statement"), the kind of that signal, how close the confidence came, and the reasons
    signals were dropped before aggregation;
  - false claims: the evidence kinds and the context of the best evidence, grouped the same way.
--per-pair also lists each pair (site, brand, confidence, context, evidence); refused when the view holds a site of a
clean split (holdout6, holdout7, holdout8): those are judged by headline only.
Standard library only; run from anywhere.
"""
import argparse
import collections
import json
import os
import re
import shlex
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_detection as sd  # noqa: E402  (the scorer's server, config and output parsing, reused as they are)

CLEAN_SPLITS = {'holdout6', 'holdout7', 'holdout8'}
MENTION_CAP = 50  # SiteClaimCollector.MaxMentionsPerSite


def reason_group(context):
    """'negative: compatibility statement (heading "X")' -> 'negative: compatibility statement';
    'strong: heading "Partners"' -> 'strong: heading'; 'none: prose under heading "Partners"' -> 'none: prose under heading'."""
    if not context:
        return '(no context)'
    strength, _, rest = context.partition(': ')
    words = re.split(r' \(| "|"', rest, maxsplit=1)[0].strip()
    return f'{strength}: {words or rest[:40]}'


def run_scan(corpus, cdir, cmd, timeout):
    server = sd.Server(os.path.join(cdir, 'sites'))
    server.start()
    tmp = tempfile.mkdtemp(prefix='pw-miss-')
    try:
        cfg = sd.write_config(corpus, cdir, server.origin, tmp)
        argv = shlex.split(cmd) + ['scan', '--config', cfg, '--json', '--mentions']
        print('running: ' + shlex.join(argv), file=sys.stderr, flush=True)
        rc, out, err, dur = sd.run_command(argv, timeout)
        print(f'exit code {rc} after {dur:.1f} s', file=sys.stderr, flush=True)
        if rc not in (0, 1, 4):
            raise sd.MeasurementError(f'scan failed (exit {rc}):\n' + err.decode('utf-8', 'replace')[-3000:])
        with server.lock:
            fetched = sorted({path for path, status in server.log if status == 200})
        doc = sd.parse_output(out, [])
        # The pages the scan fetched, to tell a crawl miss from a detection miss; kept with a saved document.
        doc['_fetchedPaths'] = fetched
        return doc
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def analyse(corpus, doc):
    by_site = {e.get('site'): e for e in doc.get('sites', []) if isinstance(e, dict)}
    if by_site and not any('mentions' in e for e in by_site.values()):
        raise SystemExit('error: the scan document has no "mentions": was it made with scan --json --mentions?')
    fn_pairs, fp_pairs = [], []
    tp = 0
    norm = lambda p: p[:-len('index.html')] if p.endswith('/index.html') else p  # noqa: E731  (as the scorer does)
    fetched = {norm(p) for p in doc['_fetchedPaths']} if '_fetchedPaths' in doc else None
    for s in corpus['sites']:
        if sd.EXCLUDED_FROM_HEADLINE in s.get('categories', []):
            continue
        e = by_site.get(s['id']) or {}
        claims = {c['brand']: c for c in e.get('claims') or []}
        mentions = {m['brand']: m for m in e.get('mentions') or []}
        truth = set(s.get('truth', []))
        capped = len(mentions) >= MENTION_CAP
        failed = not e or not e.get('pagesScanned')
        pages = s.get('claim_pages', [])
        page_fetched = None if fetched is None or not pages else any(norm(p) in fetched for p in pages)
        for b in sorted(truth - set(claims)):
            fn_pairs.append({'site': s['id'], 'brand': b, 'mention': mentions.get(b), 'capped': capped, 'failed': failed,
                             'page_fetched': page_fetched})
        for b in sorted(set(claims) - truth):
            fp_pairs.append({'site': s['id'], 'brand': b, 'claim': claims[b]})
        tp += len(truth & set(claims))
    return tp, fn_pairs, fp_pairs


def near(conf):
    return '>= 0.40' if conf >= 0.40 else '0.25-0.39' if conf >= 0.25 else '0.01-0.24' if conf > 0 else '0 (every signal dropped)'


def aggregate(fn_pairs, fp_pairs):
    fn = collections.OrderedDict()
    fn['total'] = len(fn_pairs)
    fn['site not scanned'] = sum(p['failed'] for p in fn_pairs)
    silent = [p for p in fn_pairs if not p['failed'] and p['mention'] is None and not p['capped']]
    fn['no signal at all'] = len(silent)
    fn['  of which: claim page not fetched'] = sum(1 for p in silent if p['page_fetched'] is False)
    fn['  of which: claim page fetched'] = sum(1 for p in silent if p['page_fetched'] is True)
    fn['  of which: unknown (no claim_pages or --scan-json without fetch log)'] = sum(1 for p in silent if p['page_fetched'] is None)
    fn['not listed (site at the mention cap)'] = sum(1 for p in fn_pairs if not p['failed'] and p['mention'] is None and p['capped'])
    seen = [p['mention'] for p in fn_pairs if p['mention'] is not None]
    fn['seen, not claimed'] = len(seen)
    best = lambda m: (m.get('strongest') or [{}])[0]  # noqa: E731
    fp_best = lambda c: (c.get('evidence') or [{}])[0]  # noqa: E731
    return {
        'missed': fn,
        'missed_by_context': collections.Counter(reason_group(best(m).get('context')) for m in seen).most_common(),
        'missed_by_strength': collections.Counter(reason_group(best(m).get('context')).split(':')[0] for m in seen).most_common(),
        'missed_by_kind': collections.Counter(best(m).get('kind', '?') for m in seen).most_common(),
        'missed_by_confidence': collections.Counter(near(m.get('confidence', 0)) for m in seen).most_common(),
        'missed_dropped_reasons': sum((collections.Counter(m.get('dropped') or {}) for m in seen), collections.Counter()).most_common(15),
        'false_claims': len(fp_pairs),
        'false_by_kinds': collections.Counter('+'.join(sorted({ev.get('kind', '?') for ev in p['claim'].get('evidence') or []}))
                                              for p in fp_pairs).most_common(),
        'false_by_best_kind': collections.Counter(fp_best(p['claim']).get('kind', '?') for p in fp_pairs).most_common(),
        'false_by_context': collections.Counter(reason_group('claim: ' + (fp_best(p['claim']).get('context') or ''))[7:]
                                                for p in fp_pairs).most_common(),
    }


def print_aggregate(tp, agg):
    print(f'true pairs claimed: {tp}')
    print('missed true pairs:')
    for k, v in agg['missed'].items():
        print(f'  {k:70} {v:5}')
    for title, key in (('  seen, not claimed, by context of the strongest signal:', 'missed_by_context'),
                       ('  ... by its strength:', 'missed_by_strength'),
                       ('  ... by its kind:', 'missed_by_kind'),
                       ('  ... by confidence reached:', 'missed_by_confidence'),
                       ('  signals dropped before aggregation, by reason (all signals of the missed pairs):', 'missed_dropped_reasons')):
        print(title)
        for k, v in agg[key]:
            print(f'    {v:5}  {k}')
    print(f'false claims: {agg["false_claims"]}')
    for title, key in (('  by evidence kinds present:', 'false_by_kinds'), ('  by kind of the best evidence:', 'false_by_best_kind'),
                       ('  by context of the best evidence:', 'false_by_context')):
        print(title)
        for k, v in agg[key]:
            print(f'    {v:5}  {k}')


def print_pairs(fn_pairs, fp_pairs):
    print('\nmissed pairs:')
    for p in fn_pairs:
        m = p['mention']
        if m is None:
            why = 'site not scanned' if p['failed'] else 'not listed (mention cap)' if p['capped'] else 'no signal'
            if p['page_fetched'] is not None and not p['failed']:
                why += ', claim page ' + ('fetched' if p['page_fetched'] else 'NOT fetched')
            print(f'  FN {p["site"]} / {p["brand"]}: {why}')
            continue
        print(f'  FN {p["site"]} / {p["brand"]}: confidence {m.get("confidence")}, {m.get("signals")} signals, dropped {m.get("dropped") or {}}')
        for c in m.get('strongest') or []:
            print(f'       {c.get("kind")}: {c.get("context")} | {c.get("evidence")} @ {c.get("page")}')
    print('\nfalse claims:')
    for p in fp_pairs:
        c = p['claim']
        print(f'  FP {p["site"]} / {p["brand"]}: confidence {c.get("confidence")}')
        for ev in (c.get('evidence') or [])[:3]:
            print(f'       {ev.get("kind")}: {ev.get("context")} | {ev.get("detail")} @ {ev.get("pageUrl")}')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--corpus', required=True, help='corpus view folder (assemble.py --view SPLIT DIR)')
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument('--cmd', help='command that runs PartnerWatch; "scan --config FILE --json --mentions" is appended')
    src.add_argument('--scan-json', help='a saved `scan --json --mentions` document of this view')
    ap.add_argument('--save-json', help='with --cmd: also write the scan document here')
    ap.add_argument('--json-out', help='write the aggregate as JSON')
    ap.add_argument('--per-pair', action='store_true', help='also list each pair (open splits only)')
    ap.add_argument('--timeout', type=int, default=900)
    a = ap.parse_args()

    cdir = os.path.abspath(a.corpus)
    corpus = sd.load_corpus(cdir)
    clean = {s.get('split') for s in corpus['sites']} & CLEAN_SPLITS
    if a.per_pair and clean:
        raise SystemExit(f'error: --per-pair refused: the view holds sites of {", ".join(sorted(clean))} (clean splits: aggregate only)')
    if a.scan_json:
        doc = json.load(open(a.scan_json, encoding='utf-8'))
    else:
        try:
            doc = run_scan(corpus, cdir, a.cmd, a.timeout)
        except sd.MeasurementError as e:
            print(f'MEASUREMENT FAILED: {e}')
            return 1
        if a.save_json:
            with open(a.save_json, 'w', encoding='utf-8') as f:
                json.dump(doc, f, ensure_ascii=False, indent=1)
    tp, fn_pairs, fp_pairs = analyse(corpus, doc)
    agg = aggregate(fn_pairs, fp_pairs)
    print_aggregate(tp, agg)
    if a.json_out:
        with open(a.json_out, 'w', encoding='utf-8') as f:
            json.dump({'true_pairs_claimed': tp, **agg}, f, ensure_ascii=False, indent=1)
    if a.per_pair:
        print_pairs(fn_pairs, fp_pairs)
    return 0


if __name__ == '__main__':
    sys.exit(main())
