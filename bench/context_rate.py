"""How many of a brief's bullets need context they do not carry (issue 11), before and after.

Each of the Multi-News clusters in ../shared/eval-data/multi-news/clusters.tsv (81 clusters, 251
articles) is built into its own brief, as a user would build one day's articles: every article a
file, the default summarizer, no sections (every story under "Stories"). A bullet is any distinct
point of the brief (key points and section bullets). It "needs context" when briefing.context's
detector still finds something it leans on once its bracketed edits are applied
(``needs_context(point.text, point.edits)``): an opening pronoun or possessive, a definite
reference back ("The comments"), an opening connective, an unnamed speaker ("he said", "the
officials said"), a cut list; and, with its article, a definite phrase whose noun an earlier
sentence introduced (``back_references``).

"before" builds with ``self_contained = false`` and ``opening_bullets = 0`` (the selector as it was:
no penalty, no brackets, bullets from anywhere in an article);
"after" with the default (``self_contained = true``). The detector also steers the "after"
selection, so its own count there flatters it: bench/context_review.md holds a reading of 50
"after" bullets by hand, the independent check.

    .venv/bin/python bench/context_rate.py [--data DIR] [--sample out.tsv] [--seed N] [--half odd]

--half odd draws the sample from the held-out odd-numbered clusters only; the sample's last column
says whether a bullet leads its story or which lead is printed above it.
"""

from __future__ import annotations

import argparse
import random
import sys
import shutil
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import briefing  # noqa: E402
from briefing.context import Resolver, anchored, anywhere_reasons, lowercase_words, back_references, bare_names, needs_context, strict_reasons  # noqa: E402
from briefing.evaluate.data import load_multinews  # noqa: E402
from briefing.quotes import QuoteFinder  # noqa: E402
from briefing.pipeline import article_results, brief_from_stories, stories_from_results  # noqa: E402

DATA = HERE.parent.parent / "shared" / "eval-data"


ARTICLE_SENTENCES: dict[str, list[str]] = {}  # article id -> its sentences (the last brief_of)


def write_cluster(cluster, workdir: Path) -> list[Path]:
    """The cluster's documents as files under workdir/c<id>, one article a file (Multi-News marks
    paragraph breaks " \\n \\n ")."""
    folder = workdir / f"c{cluster.id}"
    folder.mkdir()
    paths = []
    for i, doc in enumerate(cluster.documents):
        path = folder / f"{i:02d}.txt"
        path.write_text(doc.replace(" \n \n ", "\n\n") + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def brief_of(cluster, settings, workdir: Path) -> briefing.Brief:
    paths = write_cluster(cluster, workdir)
    results = [r for r in article_results(paths, settings) if isinstance(r.ref, briefing.SourceRef)]
    for r in results:
        ARTICLE_SENTENCES[r.ref.id] = [t for _, _, _, t in r.sentences]
    stories = stories_from_results(results, settings, sections=())
    quotes = QuoteFinder(max_quotes=settings.quotes)
    for r in results:
        quotes.add(r.ref, r.sentences)
    return brief_from_stories(
        stories, settings, sources=[r.ref for r in results], sections=(), quotes=quotes
    )


QUOTES: list = []  # (cluster id, Quote) of the last measure()
OPENING = [briefing.Settings.model_fields["opening_bullets"].default]  # --max-position N: N + 1; -1: anywhere


def measure(clusters, self_contained: bool) -> tuple[list[tuple[str, briefing.Point, tuple[str, ...]]], int]:
    # "before": the selector as it was (no penalty, no brackets, bullets from anywhere in an article)
    opening = OPENING[0] if self_contained else 0
    settings = briefing.load_settings(self_contained=self_contained, date="2017-01-01", opening_bullets=opening)
    rows = []
    QUOTES.clear()
    # a fixed folder: an article's id hashes its path, and ties are broken by id
    work = HERE.parent / "out" / "context-rate"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        for cluster in clusters:
            brief = brief_of(cluster, settings, work)
            QUOTES.extend((cluster.id, q) for q in brief.quotes)
            leads = {story.lead.text: story for story in brief.stories}
            for point in brief.points:
                rows.append((cluster.id, point, reasons_of(point), role_of(point, brief, leads)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows, len(clusters)


def reasons_of(point: briefing.Point) -> tuple[str, ...]:
    """needs_context after the point's edits, and a definite reference back to a noun an earlier
    sentence of its article introduced (briefing.context.back_references)."""
    reasons = needs_context(point.text, point.edits)
    c = point.citations[0]
    spans = ARTICLE_SENTENCES.get(c.article_id, [])
    if c.sentence < len(spans) and spans[c.sentence] == point.text:
        reasons = tuple(dict.fromkeys((*reasons, *back_references(spans, c.sentence))))
        # past the article's opening the stricter test, at the opening what counts anywhere
        more = strict_reasons(point.text, point.edits) if c.sentence >= 1 else anywhere_reasons(point.text)
        if c.sentence >= 1 and not anchored(point.text, lowercase_words(spans)):
            more = (*more, "anchor")
        reasons = tuple(dict.fromkeys((*reasons, *more)))
        # a person by one name only: "Angela was knocked unconscious"
        reasons = tuple(dict.fromkeys((*reasons, *bare_names(Resolver(spans), c.sentence, point.edits))))
    return reasons


def role_of(point: briefing.Point, brief: briefing.Brief, leads: dict) -> str:
    """"lead" for a story's lead; for a supporting point, the lead printed above it."""
    for story in brief.stories:
        if story.lead.text == point.text:
            return "lead"
        if any(p.text == point.text for p in story.supporting):
            return "under: " + story.lead.text[:100]
    return "-"


def table(label: str, rows) -> str:
    n = len(rows)
    bad = [r for r in rows if r[2]]
    reasons = Counter(x for r in bad for x in r[2])
    edited = sum(1 for r in rows if r[1].edits)
    parts = ", ".join(f"{k} {v}" for k, v in sorted(reasons.items(), key=lambda kv: -kv[1]))
    return (
        f"| {label} | {n} | {len(bad)} | {100 * len(bad) / max(n, 1):.1f}% | {edited} | {parts or '-'} |"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--sample", type=Path, default=None, help="write 50 'after' bullets (TSV) to read by hand")
    ap.add_argument("--sample-before", type=Path, default=None, help="the same for 50 'before' bullets")
    ap.add_argument("--seed", type=int, default=11, help="which 50 bullets --sample draws")
    ap.add_argument("--sample-size", type=int, default=50, help="how many bullets --sample draws (0: every bullet, in order)")
    ap.add_argument("--tune", action="store_true", help="try penalties on the even-numbered clusters only")
    ap.add_argument("--half", choices=("all", "odd", "even"), default="all",
                    help="draw the --sample bullets from these clusters only (odd: the held-out ones)")
    ap.add_argument("--max-position", type=int, default=None,
                    help="general bullets only from an article's sentences up to this position (-1: anywhere; "
                         "default: the settings' opening_bullets - 1)")
    args = ap.parse_args(argv)
    if args.max_position is not None:
        OPENING[0] = args.max_position + 1 if args.max_position >= 0 else 0
    path = args.data / "multi-news" / "clusters.tsv"
    if not path.is_file():
        print(f"no Multi-News clusters at {path}", file=sys.stderr)
        return 2
    clusters = load_multinews(path)
    if args.tune:
        import briefing.context as context

        even = [c for c in clusters if int(c.id) % 2 == 0]
        print("| unresolved penalty | clusters | bullets | need context | share | bracketed | by reason |")
        for value in (0.7, 0.5, 0.35, 0.25, 0.15):
            context.UNRESOLVED_PENALTY = value
            rows, _ = measure(even, True)
            print(table(f"{value} | even ({len(even)})", rows))
        return 0
    before, n = measure(clusters, False)
    after, _ = measure(clusters, True)
    quotes = [q for _, q in QUOTES]
    short = sum(1 for q in quotes if len(q.speaker.split()) == 1)
    print(f"key quotes (after): {len(quotes)}, with a role {sum(1 for q in quotes if q.role)}, "
          f"speaker by one name only {short}")
    print(f"{n} Multi-News clusters, one brief each\n")
    print("| selector | bullets | need context (detector) | share | bracketed | by reason |")
    print("|---|---:|---:|---:|---:|---|")
    print(table("before (self_contained = false)", before))
    print(table("after (default)", after))
    for half in (0, 1):
        sub_b = [r for r in before if int(r[0]) % 2 == half]
        sub_a = [r for r in after if int(r[0]) % 2 == half]
        print(table(f"before, {'even' if half == 0 else 'odd'} row ids", sub_b))
        print(table(f"after, {'even' if half == 0 else 'odd'} row ids", sub_a))
    for target, rows in ((args.sample, after), (args.sample_before, before)):
        if not target:
            continue
        rng = random.Random(args.seed)
        pool = [r for r in rows if args.half == "all" or int(r[0]) % 2 == (1 if args.half == "odd" else 0)]
        picked = pool if args.sample_size <= 0 else rng.sample(pool, min(args.sample_size, len(pool)))
        with open(target, "w", encoding="utf-8") as fh:
            fh.write("n\tcluster\tdetector\tbullet\trole\tposition\n")
            for i, (cid, point, reasons, role) in enumerate(picked, 1):
                fh.write(f"{i}\t{cid}\t{','.join(reasons) or 'ok'}\t{point.display}\t{role}\t{point.citations[0].sentence}\n")
        print(f"\nwrote {len(picked)} bullets to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
