#!/usr/bin/env python3
"""Writes one split (tune or holdout) of the corpus as a corpus folder the shared scorer can run on.

  python3 tests/PartnerWatch.Tests/Corpus/tools/split.py holdout [OUT_DIR]   # prints OUT_DIR

OUT_DIR (default: a new temporary folder) gets corpus.json with only that split's sites, and symlinks to sites/
and refs/ (the scorer serves sites by id, so the other split's folders are simply never requested).
"""
import json, os, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    if len(sys.argv) not in (2, 3) or sys.argv[1] not in ('tune', 'holdout'):
        sys.exit(__doc__.strip())
    split = sys.argv[1]
    out = os.path.abspath(sys.argv[2]) if len(sys.argv) == 3 else tempfile.mkdtemp(prefix=f'pw-corpus-{split}-')
    os.makedirs(out, exist_ok=True)
    corpus = json.load(open(os.path.join(ROOT, 'corpus.json'), encoding='utf-8'))
    corpus['sites'] = [s for s in corpus['sites'] if s.get('split', 'tune') == split]
    corpus['description'] = f'{corpus.get("description", "")} [split: {split}]'.strip()
    with open(os.path.join(out, 'corpus.json'), 'w', encoding='utf-8') as f:
        json.dump(corpus, f, ensure_ascii=False, indent=1)
    for name in ('sites', 'refs'):
        link = os.path.join(out, name)
        if os.path.islink(link):
            os.remove(link)
        if not os.path.exists(link):
            os.symlink(os.path.join(ROOT, name), link)
    print(out)


if __name__ == '__main__':
    main()
