"""Bullets to read by hand from a brief of saved web pages (issue 11's "briefs of saved pages").

The pages are not in this repository (they are other people's articles). The ones read for
bench/context_review.md come from public test sets of web-content extractors and crawlers (trafilatura,
the article-extraction benchmark, postlight/parser, mozilla/readability, newspaper, goose, fundus, the
WCXB benchmarks) and from L3S-GN1's Google News pages; each stop's section there lists the sources and
the pages read. This builds one
brief of every .html/.htm page in ``--pages`` with the default settings and no sections (every
story shown), lists the pages skipped and why, and writes every bullet to a TSV to read: the
bullet as shown, whether it leads its story, its position in its article, what
briefing.context's detector says, and the page it came from.

    .venv/bin/python bench/context_pages.py --pages DIR --out sample.tsv
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import briefing  # noqa: E402
from briefing.context import needs_context  # noqa: E402
from briefing.pipeline import article_results, brief_from_stories, stories_from_results  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    paths = sorted(p for p in args.pages.iterdir() if p.suffix.lower() in (".html", ".htm"))
    if not paths:
        print(f"no .html pages in {args.pages}", file=sys.stderr)
        return 2
    settings = briefing.load_settings()
    results = article_results(paths, settings)
    usable = [r for r in results if isinstance(r.ref, briefing.SourceRef)]
    for r in results:
        if not isinstance(r.ref, briefing.SourceRef):
            print(f"skipped {Path(r.ref.input).name}: {r.ref.reason}")
    stories = stories_from_results(usable, settings, sections=())
    brief = brief_from_stories(stories, settings, sources=[r.ref for r in usable], sections=())
    page = {r.ref.id: Path(r.ref.path or "").name for r in usable}
    n = 0
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write("n\tdetector\tbullet\trole\tposition\tpage\tcredit\n")
        for story in brief.stories:
            for j, point in enumerate(story.points):
                n += 1
                role = "lead" if j == 0 else "under: " + story.lead.display[:80]
                reasons = ",".join(needs_context(point.text, point.edits)) or "ok"
                c = point.citations[0]
                credit = "; ".join(dict.fromkeys(x.credit for x in point.citations))  # as the brief shows it
                fh.write(f"{n}\t{reasons}\t{point.display}\t{role}\t{c.sentence}\t{page.get(c.article_id, '')}\t{credit}\n")
    print(f"{len(paths)} pages, {len(usable)} usable, {n} bullets; wrote them to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
