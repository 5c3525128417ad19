"""Bullets to read by hand from briefs of CNN Corpus articles (issue 11's reading, on material
its rules were never fitted to).

The Multi-News clusters' ~190 bullets have been read over and over while the context rules were
written (bench/context_review.md), so a fresh draw from them is no longer fresh. This builds
``--days`` briefs of ``--per-day`` CNN Corpus articles each (drawn with ``--seed``; each article a
file credited "CNN" with its date and URL, as bench/distinct.py writes them), with the default
settings and no sections (every story shown), and writes ``--n`` of their bullets, drawn at
random, to a TSV to read: the bullet as shown, whether it leads its story (else the lead above
it), its position in its article, and what briefing.context's detector says.

    .venv/bin/python bench/context_cnn.py --out sample.tsv [--seed 1] [--days 8] [--per-day 10]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import briefing  # noqa: E402
from briefing.context import needs_context  # noqa: E402
from briefing.pipeline import article_results, brief_from_stories, stories_from_results  # noqa: E402
from distinct import EVAL_DATA, cnn_items  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=EVAL_DATA)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--days", type=int, default=8)
    ap.add_argument("--per-day", type=int, default=10)
    ap.add_argument("--n", type=int, default=50)
    args = ap.parse_args(argv)
    folder = args.data / "cnn-corpus"
    if not folder.is_dir():
        print(f"no CNN Corpus at {folder}", file=sys.stderr)
        return 2
    items = list(cnn_items(folder))
    rng = random.Random(args.seed)
    rng.shuffle(items)
    settings = briefing.load_settings()
    rows = []
    work = Path(tempfile.mkdtemp(prefix="context-cnn-"))
    try:
        for day in range(args.days):
            paths = []
            for k, item in enumerate(items[day * args.per_day:(day + 1) * args.per_day]):
                path = work / f"d{day}" / f"{k:02d}.txt"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(item.text(), encoding="utf-8")
                paths.append(path)
            results = [r for r in article_results(paths, settings) if isinstance(r.ref, briefing.SourceRef)]
            stories = stories_from_results(results, settings, sections=())
            brief = brief_from_stories(stories, settings, sources=[r.ref for r in results], sections=())
            for story in brief.stories:
                for j, point in enumerate(story.points):
                    role = "lead" if j == 0 else "under: " + story.lead.display[:80]
                    rows.append((day, point, role))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    picked = random.Random(args.seed).sample(rows, min(args.n, len(rows)))
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write("n\tday\tdetector\tbullet\trole\tposition\tcredit\n")
        for i, (day, point, role) in enumerate(picked, 1):
            reasons = ",".join(needs_context(point.text, point.edits)) or "ok"
            credit = "; ".join(dict.fromkeys(c.credit for c in point.citations))  # as the brief shows it
            fh.write(f"{i}\t{day}\t{reasons}\t{point.display}\t{role}\t{point.citations[0].sentence}\t{credit}\n")
    print(f"{len(rows)} bullets in {args.days} briefs of {args.per_day} CNN articles; wrote {len(picked)} to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
