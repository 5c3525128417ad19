"""Multi-outlet coverage, story by story (issue 10's opening figures, measured again).

Each Multi-News cluster (../shared/eval-data/multi-news/clusters.tsv: several outlets' articles on
one event) is built into its own brief as a user would build it: every article a file, the default
sections plus "Other news" (``other_news = true``, so every story is shown). Counted over the briefs:

- stories per cluster (one event: ideally 1);
- bullets (distinct points shown), and bullets citing more than one article (a fact two outlets
  gave, merged into one point that cites both);
- restated bullets: a bullet that ``briefing.samepoint.same_point`` finds the same as an earlier
  bullet of its brief (the merge's own test), and, as a looser check, pairs of bullets sharing
  half of their content words (overlap coefficient);
- key points: how many per story (never two for the same story).

    .venv/bin/python bench/story_coverage.py [--data ../shared/eval-data] [--half odd] [--show]
    .venv/bin/python bench/story_coverage.py --restatements   # how SAME_STORY_THRESHOLD was chosen
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import briefing  # noqa: E402
from briefing.evaluate.data import load_multinews  # noqa: E402
from briefing.samepoint import same_point  # noqa: E402
from context_rate import write_cluster  # noqa: E402

DATA = HERE.parent.parent / "shared" / "eval-data"
_WORD = re.compile(r"[a-z0-9']+")
_STOP = frozenset(
    "a an the of to in on at for and or but is are was were be been has have had it its this that "
    "with by from as he she they his her their said says will would not".split()
)


def content(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def restatements() -> int:
    """bench/story_restatements.tsv holds pairs of shown bullets from different articles of one
    story (the 81 Multi-News briefs before folding), each read by hand: do they state the same
    fact? The threshold is chosen on one half of the clusters (the lowest with no false merge) and
    scored on the other half, both ways round."""
    import csv

    from briefing.samepoint import DEFAULT_THRESHOLD, SAME_STORY_THRESHOLD, same_point

    with open(HERE / "story_restatements.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    grid = [t / 100 for t in range(10, 36)]

    def score(rs, t):
        merged = [r for r in rs if same_point(r["a"], r["b"], t)]
        right = sum(r["same_fact"] == "yes" for r in merged)
        return right, len(merged) - right, sum(r["same_fact"] == "yes" for r in rs)

    print(f"{len(rows)} pairs, {sum(r['same_fact'] == 'yes' for r in rows)} the same fact (read by hand)")
    for tune, test in ((0, 1), (1, 0)):
        a = [r for r in rows if int(r["cluster"]) % 2 == tune]
        b = [r for r in rows if int(r["cluster"]) % 2 == test]
        t = min(t for t in grid if score(a, t)[1] == 0)
        ok, wrong, pos = score(b, t)
        names = ("even", "odd")
        print(f"- chosen on {names[tune]} clusters: {t:.2f}; on {names[test]}: {ok} of {pos} restatements merged, {wrong} wrong")
    for t in (SAME_STORY_THRESHOLD, DEFAULT_THRESHOLD):
        ok, wrong, pos = score(rows, t)
        print(f"- at {t:.2f} on all pairs: {ok} of {pos} merged, {wrong} wrong")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--half", choices=("all", "odd", "even"), default="all")
    ap.add_argument("--show", action="store_true", help="print each pair of restated bullets")
    ap.add_argument("--restatements", action="store_true",
                    help="choose samepoint.SAME_STORY_THRESHOLD on bench/story_restatements.tsv (two folds)")
    args = ap.parse_args(argv)
    if args.restatements:
        return restatements()
    path = args.data / "multi-news" / "clusters.tsv"
    if not path.is_file():
        print(f"no Multi-News clusters at {path}", file=sys.stderr)
        return 2
    clusters = [
        c for c in load_multinews(path)
        if args.half == "all" or int(c.id) % 2 == (1 if args.half == "odd" else 0)
    ]
    settings = briefing.load_settings(date="2017-01-01", other_news=True)
    counts: Counter = Counter()
    work = Path(tempfile.mkdtemp(prefix="story-coverage-"))
    try:
        for cluster in clusters:
            brief = briefing.build_brief(write_cluster(cluster, work), settings)
            counts["clusters"] += 1
            counts["articles"] += len(brief.sources)
            counts["stories"] += len(brief.stories)
            counts["one story"] += len(brief.stories) == 1
            bullets: list[briefing.Point] = []
            seen: set[str] = set()
            for story in brief.stories:
                for point in (story.lead, *story.supporting):
                    if point.text not in seen:
                        seen.add(point.text)
                        bullets.append(point)
            counts["bullets"] += len(bullets)
            counts["multi"] += sum(1 for p in bullets if len({c.article_id for c in p.citations}) > 1)
            words = [content(p.text) for p in bullets]
            for j, point in enumerate(bullets):
                if any(same_point(bullets[i].text, point.text) for i in range(j)):
                    counts["restated (same_point)"] += 1
                twins = [i for i in range(j) if overlap(words[i], words[j]) >= 0.5]
                if twins:
                    counts["restated (half the words)"] += 1
                    if args.show:
                        print(f"c{cluster.id}\n  A {bullets[twins[0]].text[:200]}\n  B {point.text[:200]}")
            per_story = Counter()
            for kp in brief.key_points:
                for story in brief.stories:
                    if kp.text == story.lead.text or any(kp.text == s.text for s in story.supporting):
                        per_story[story.id] += 1
                        break
            counts["key points"] += len(brief.key_points)
            counts["stories with 2+ key points"] += sum(1 for v in per_story.values() if v > 1)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    n = counts["bullets"]
    print(f"{counts['clusters']} Multi-News clusters ({args.half}), {counts['articles']} articles used, one brief each")
    print(f"- stories: {counts['stories']} ({counts['one story']} clusters as exactly one story)")
    print(f"- bullets: {n}; citing more than one article: {counts['multi']} ({100 * counts['multi'] / max(n, 1):.1f}%)")
    for key in ("restated (same_point)", "restated (half the words)"):
        print(f"- {key}: {counts[key]} ({100 * counts[key] / max(n, 1):.1f}%)")
    print(f"- key points: {counts['key points']}; stories with two or more: {counts['stories with 2+ key points']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
