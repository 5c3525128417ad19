"""Routing quality: does a sentence land in the right section, and only on enough evidence?

``python -m briefing.evaluate.routing`` scores the section matcher against the labelled sentences
in ``tests/data/routing_labels.jsonl`` (built by hand from ../shared/eval-data: CNN Corpus, BBC,
Reuters-21578, Multi-News; each sentence labelled with the default section it belongs to, or
"none"). The rarity parameters are chosen on the ``tune`` half and precision and recall reported
on the ``test`` half (split by source article, so no article is on both sides). It also builds a
"mixed day" (the seeds plus three unrelated articles) and checks that every key point is on topic.

``--build-table`` rebuilds the packaged background frequency table from the eval data (leaving out
every article the labelled set draws from).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.evaluate.data import DEFAULT_DATA_DIR

LABELS = Path(__file__).resolve().parents[2] / "tests" / "data" / "routing_labels.jsonl"
SEEDS = LABELS.parents[2] / "seeds"
# The default sections as they were before rarity, the evidence rule and exclusions (issue 11).
BEFORE = LABELS.parent / "sections_before_issue11.toml"
NONE = "none"


@dataclass(frozen=True)
class Labelled:
    source: str
    text: str
    label: str
    also: tuple[str, ...]
    split: str

    @property
    def accepted(self) -> set[str]:
        return {self.label, *self.also} - {NONE}


def load_labelled(path: str | Path = LABELS) -> list[Labelled]:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            rows.append(Labelled(d["source"], d["text"], d["label"], tuple(d.get("also", ())), d["split"]))
    return rows


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f(self) -> float:
        """F0.5: precision counts twice as much as recall (a wrong bullet costs the reader more
        than a missing one, which other sentences of the story usually cover)."""
        p, r = self.precision, self.recall
        return 1.25 * p * r / (0.25 * p + r) if p + r else 0.0


def route_one(matcher, text: str) -> str:
    """The section a sentence goes to (its best topic), or "none"."""
    topics = matcher.topics(text)
    return topics[0][0] if topics else NONE


def score(rows: Sequence[Labelled], matcher) -> dict[str, Scores]:
    """Per section and overall ("all"): a routed sentence is right when its section is one of
    the sentence's labels; a labelled sentence routed nowhere (or elsewhere) is a miss."""
    keys = [s.key for s in matcher.sections]
    out = {k: Scores() for k in [*keys, "all"]}
    for r in rows:
        got = route_one(matcher, r.text)
        if got != NONE:
            ok = got in r.accepted
            for k in (got, "all"):
                if ok:
                    out[k].tp += 1
                else:
                    out[k].fp += 1
        if r.label != NONE and got not in r.accepted:
            out[r.label].fn += 1
            out["all"].fn += 1
    return out


GRID = {
    "RARE_SHARE": (0.003, 0.01, 0.03),
    "FLOOR": (0.0, 0.2, 0.5),
    "SOLO": (1.0, 1.25, 1.5, 2.0),
}


def _matcher(sections, rare_share: float, floor: float, solo: float):
    from briefing import sections as mod

    saved = mod.RARE_SHARE, mod.FLOOR
    mod.RARE_SHARE, mod.FLOOR = rare_share, floor
    try:
        return mod.SectionMatcher(sections, solo=solo)
    finally:
        mod.RARE_SHARE, mod.FLOOR = saved


def tune(rows: Sequence[Labelled], sections) -> list[tuple[float, dict[str, float]]]:
    """Every grid point scored (overall F0.5) on rows, best first."""
    results = []
    for rs, fl, so in itertools.product(GRID["RARE_SHARE"], GRID["FLOOR"], GRID["SOLO"]):
        m = _matcher(sections, rs, fl, so)
        results.append((score(rows, m)["all"].f, {"RARE_SHARE": rs, "FLOOR": fl, "SOLO": so}))
    return sorted(results, key=lambda t: -t[0])


def old_matcher(sections):
    """The matching before issue 11 (stems, raw weights, no evidence rule, no exclusions), to
    compare against."""
    from briefing._nlp import stem
    from briefing.sections import _phrase_pattern
    from briefing.sentences import to_words

    class Old:
        def __init__(self, specs):
            self.sections = tuple(specs)

        def topics(self, text):
            stems = {stem(w.lower()) for w in to_words(text)}
            low = text.lower()
            hits = []
            for s in self.sections:
                sc = sum(w for t, w in s.terms.items() if stem(t.lower()) in stems)
                sc += sum(w for p, w in s.phrases.items() if _phrase_pattern(p).search(low))
                if sc >= s.min_score:
                    hits.append((s.key, sc))
            return tuple(sorted(hits, key=lambda kv: -kv[1]))

    return Old(sections)


# ---- the mixed day -------------------------------------------------------------------------

MIXED_OFFTOPIC = (
    # (file in ../shared/eval-data/cnn-corpus or bbc/articles, what it is about)
    ("cnn-corpus/business - Forget the wine, South Africans thirsty for craft beers.xml", "a craft-beer business story"),
    ("cnn-corpus/health - Lawyer Brain-dead teen Jahi McMath stabilizing after hospital move.xml", "a hospital case"),
    ("bbc/articles/politics/005.txt", "a tax-and-spending plan"),
)


def mixed_day_inputs(data: Path, seeds: Path, out: Path) -> list[Path]:
    """Write the mixed day's articles as text files under out; return the paths."""
    from briefing.evaluate.data import _unescape
    import xml.etree.ElementTree as ET

    out.mkdir(parents=True, exist_ok=True)
    paths = sorted(p for p in seeds.glob("*.txt"))
    for i, (rel, _) in enumerate(MIXED_OFFTOPIC):
        src = data / rel
        if src.suffix == ".xml":
            root = ET.parse(src).getroot()
            title = _unescape(root.findtext("title") or "")
            paras = [
                " ".join(_unescape(c.text or "") for c in p.iter("content"))
                for p in root.findall("./article/paragraph")
            ]
            text = title + "\n\n" + "\n\n".join(p for p in paras if p)
        else:
            from briefing.ingest import decode

            text = decode(src.read_bytes())
        dest = out / f"offtopic_{i}.txt"
        dest.write_text(text, encoding="utf-8")
        paths.append(dest)
    return paths


def mixed_day(data: Path, seeds: Path, work: Path, *, other_news: bool = False):
    """The brief of the mixed day and, for each key point, whether it comes from a seed."""
    import briefing

    paths = mixed_day_inputs(data, seeds, work)
    settings = briefing.load_settings(other_news=other_news)
    brief = briefing.build_brief([str(p) for p in paths], settings)
    seed_ids = {s.id for s in brief.sources if not Path(str(s.path or s.title)).name.startswith("offtopic_")}
    return brief, [(p.text, all(c.article_id in seed_ids for c in p.citations)) for p in brief.key_points]


def _offtopic_in_sections(brief) -> bool:
    off = {s.id for s in brief.sources if Path(str(s.path or s.title)).name.startswith("offtopic_")}
    return any(c.article_id in off for sec in brief.sections for p in sec.points for c in p.citations)


# ---- the background table ------------------------------------------------------------------

def _documents(data: Path) -> Iterable[tuple[str, str]]:
    from briefing.evaluate.data import load_bbc, load_cnn, load_multinews

    for line in (data / "reuters-21578" / "articles.jsonl").open(encoding="utf-8"):
        a = json.loads(line)
        yield f"reuters:{a['id']}", a.get("title", "") + "\n" + "\n".join(a["paragraphs"])
    for d in load_cnn(data / "cnn-corpus"):
        yield f"cnn:{d.id}", d.title + "\n" + d.text
    for d in load_bbc(data / "bbc"):
        yield f"bbc:{d.id}", d.title + "\n" + d.text
    for c in load_multinews(data / "multi-news" / "clusters.tsv"):
        for i, doc in enumerate(c.documents):
            yield f"multinews:{c.id}/{i}", doc


def build_table(data: Path, dest: Path, leave_out: set[str], min_df: int = 2) -> tuple[int, int]:
    """Document frequencies of term keys over the eval data's articles (minus leave_out)."""
    from collections import Counter

    from briefing.sections import _keys_of

    df: Counter[str] = Counter()
    total = 0
    for doc_id, text in _documents(data):
        if doc_id in leave_out:
            continue
        total += 1
        df.update(k for k in _keys_of(text) if not k.isdigit())
    rows = sorted((k, n) for k, n in df.items() if n >= min_df)
    with gzip.open(dest, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(f"#documents\t{total}\n")
        fh.writelines(f"{k}\t{n}\n" for k, n in rows)
    return total, len(rows)


# ---- report --------------------------------------------------------------------------------

def _table(results: dict[str, Scores], rows: Sequence[Labelled], titles: dict[str, str]) -> list[str]:
    out = ["| section | labelled | routed | precision % | recall % |", "|---|---:|---:|---:|---:|"]
    for key, s in results.items():
        n = sum(1 for r in rows if (r.label != NONE) and (key == "all" or r.label == key))
        out.append(
            f"| {titles.get(key, 'all sections')} | {n} | {s.tp + s.fp} | {100 * s.precision:.1f} | {100 * s.recall:.1f} |"
        )
    return out


def report(data: Path | None = None, seeds: Path | None = None, labels: Path = LABELS) -> list[str]:
    """The "Routing" part of docs/quality.md, as markdown lines."""
    import tempfile

    from briefing import sections as mod
    from briefing.sections import load_sections

    if not Path(labels).is_file():  # an installed package without the repository's tests/
        return []
    specs = load_sections()
    titles = {s.key: s.title for s in specs}
    rows = load_labelled(labels)
    tune_rows = [r for r in rows if r.split == "tune"]
    test_rows = [r for r in rows if r.split == "test"]
    ranked = tune(tune_rows, specs)
    best_f, best = ranked[0]
    shipped = {"RARE_SHARE": mod.RARE_SHARE, "FLOOR": mod.FLOOR, "SOLO": mod.SOLO}
    now = score(test_rows, mod.SectionMatcher(specs))
    before = score(test_rows, old_matcher(load_sections(BEFORE) if BEFORE.is_file() else specs))
    neg = sum(1 for r in test_rows if r.label == NONE)
    shipped_f = next(f for f, params in ranked if params == shipped) if shipped in [p for _, p in ranked] else None
    out = [
        "## Routing: sentences into sections",
        "",
        f"{len(rows)} sentences from ../shared/eval-data (CNN Corpus, BBC, Reuters-21578, Multi-News), each",
        "labelled by hand, reading the sentence alone, with the default section it belongs to or \"none\"",
        "(`tests/data/routing_labels.jsonl`). Ukraine means the conflict in and over Ukraine (not its",
        "2005 privatisations); Sanctions, sanctions by states on a state (any target; not a sports body's",
        "or a court's); NATO burden sharing, allies' defence spending and contributions; Election",
        "interference, foreign meddling, hacking and the probes into them (not ordinary campaigns). Hard",
        "negatives on purpose: \"contributed\", childcare and pension contributions, pledges, \"reviewers\",",
        "election campaigns, domestic budgets. Split by source article into two halves: the weights in",
        "`templates/sections.toml` and the parameters below were chosen looking only at the tune half",
        f"({len(tune_rows)} sentences); the figures are on the other ({len(test_rows)}, of which {neg} \"none\").",
        "A sentence goes to its best section; right when that is one of its labels.",
        "",
        "Held out, as shipped (" + ", ".join(f"{k} = {v}" for k, v in shipped.items()) + "):",
        "",
        *_table(now, test_rows, titles),
        "",
        "Held out, before (stems, raw weights, any single term reaching min_score; the sections file",
        "as it was, `tests/data/sections_before_issue11.toml`):",
        "",
        *_table(before, test_rows, titles),
        "",
        f"Tune half, F0.5 (precision weighs double): best {100 * best_f:.1f} at "
        + ", ".join(f"{k} = {v}" for k, v in best.items())
        + (f"; shipped {100 * shipped_f:.1f}." if shipped_f is not None else "."),
        "What does the work: the evidence rule (a phrase or two distinct terms; one term only at",
        "SOLO x min_score), inflection-only matching, terms listed by two sections (Russia, Moscow)",
        "never deciding alone, and the weights. Rarity changes little here (FLOOR makes no",
        "difference): most section words are used by fewer than 1% of the ~20,000 background",
        "articles. NATO burden sharing has almost no positive sentences in this data (the topic is",
        "later than most of it): its row measures mainly that spending, budget and contribution",
        "sentences stay out. Election interference misses sentences that name no election word",
        "(\"Russia's goal was to help Trump get elected\"): recall is the price of the evidence rule.",
        "",
    ]
    if (
        data is not None and seeds is not None and seeds.is_dir()
        and all((data / rel).is_file() for rel, _ in MIXED_OFFTOPIC)
    ):
        with tempfile.TemporaryDirectory() as tmp:
            brief, kps = mixed_day(data, seeds, Path(tmp))
        on = sum(ok for _, ok in kps)
        out += [
            "Mixed day: the two seed articles plus "
            + ", ".join(what for _, what in MIXED_OFFTOPIC)
            + f" (CNN, BBC): {on} of {len(kps)} key points on topic, and no sentence of the three in a",
            "section" + ("" if not _offtopic_in_sections(brief) else " (NOT MET: some are)") + ". Before"
            " this change the same day gave 2 of 3 (a tax-plan sentence was a key point and four of its",
            "sentences sat under NATO burden sharing).",
            "",
        ]
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m briefing.evaluate.routing", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR)
    ap.add_argument("--seeds", type=Path, default=SEEDS)
    ap.add_argument("--build-table", action="store_true", help="rebuild the packaged background table")
    ap.add_argument("--grid", action="store_true", help="print every grid point's tune-half score")
    args = ap.parse_args(argv)
    if args.build_table:
        from briefing.sections import BACKGROUND_FILE

        dest = Path(__file__).resolve().parents[2] / "templates" / BACKGROUND_FILE
        leave_out = {r.source for r in load_labelled()}
        total, n = build_table(args.data, dest, leave_out)
        print(f"wrote {dest}: {n} keys over {total} documents")
        return 0
    if args.grid:
        from briefing.sections import load_sections

        rows = [r for r in load_labelled() if r.split == "tune"]
        for f, params in tune(rows, load_sections()):
            print(f"{100 * f:5.1f}  {params}")
        return 0
    print("\n".join(report(args.data, args.seeds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
