"""The written report: docs/quality.md (tables, targets, why the defaults are what they are)
and out/eval.json."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from briefing.evaluate.baselines import CLUSTER_WORDS
from briefing.evaluate.data import SEED
from briefing.evaluate.results import Report, Row, targets

DEFAULT_JSON = Path("out/eval.json")
DEFAULT_MARKDOWN = Path("docs/quality.md")


_EXPLANATION = """\
## Why these defaults

* **Summarizer: `{default}`.** News puts its essentials first, so position is the strongest single
  signal: of the sumy methods, which ignore it, only TextRank (which favours long, central
  sentences) gets near Lead-k on the CNN Corpus. `newsrank` (briefing/newsrank.py) keeps position as its backbone (a gentle 1/(1 + 0.15 i)
  decay) and adds TextRank-style centrality and sentence quality: informative length (about 44
  words is best on this data; short fragments carry little), quotations and questions (colour, rarely
  the news) and boilerplate lines ("Follow us on", "This story has been updated"). Its weights were
  chosen on the {tune_docs} CNN Corpus articles that are *not* in the evaluation sample above, so the
  table measures it on articles it was not tuned on. It beats Lead-k and every sumy method in the
  same run and is faster per article than any sumy method, so it is the pipeline's default
  (`summarizer` in briefing/settings.py). On BBC News Summary (for information only) TextRank
  scores higher: those references look machine-selected in favour of long central sentences,
  which is why nothing is tuned to them.
* **Cluster summaries (`summarize_cluster`, and the story stage's choice of a story's points).**
  One code path (briefing/storysum.py): each article offers its first 10 summary-length sentences,
  the merger merges duplicates across the articles exactly as in a brief, then each candidate is
  rated by position in its article (`1 / (1 + rank / 3)`), length, closeness to the story's TF-IDF
  centroid, corroboration (share of the other articles that hold a near copy of it) and, chosen
  greedily, coverage: the content-word bigrams it adds that no chosen sentence has yet, each
  weighted by how many further articles contain it (Gillick and Favre's concepts), per 25 words;
  minus a redundancy penalty (cosine to what is chosen); a near copy or a `same_point` duplicate of
  a chosen sentence is never taken. The five weights come from a 72-point grid
  (`storysum.WEIGHT_GRID`), chosen by 4-fold cross-validation above; MMR's lambda is chosen the same
  way, so the comparison is fair. The shipped weights are the grid's choice on all 81 clusters
  (the held-out table is the honest figure). Coverage is what lifts ROUGE-2: without it (the
  previous version: position + centroid + merged corroboration) the held-out figure trailed MMR.
* **Duplicates (`same_point`).** Plain word overlap cannot tell "sanctions will remain" from
  "sanctions will be lifted", and MSRP shows it tops out near 70% accuracy. `same_point` is now a
  logistic model over lexical features of the pair (briefing/samepoint.py: word, n-gram and
  character overlap, what each side has that the other lacks, numbers, names), fitted on the MSRP
  training file, behind hard vetoes: each side has a figure the other lacks ("10,000" / "1,000
  lives", rounding allowed), negation on one side only, opposite words (remain/lift, rise/fall,
  approve/reject, ...) or one name swapped for another. The vetoes cost accuracy on MSRP (its
  annotators call "$770,962 in salary" and "$950,000 in salary" the same), but a brief must not
  merge two different figures. The threshold is tuned for 82% precision on the training side, a
  margin over the 80% target because merging two different facts loses one. The honest figure is the
  cross-validated row (fitting and tuning redone on 3/4, measured on the held-out 1/4); the shipped
  row is measured on the pairs it was fitted on. `Settings.merge_threshold` = `samepoint.DEFAULT_THRESHOLD`
  = {threshold}.
"""


def _table(rows: Sequence[Row], cols: Sequence[tuple[str, str]], time_label: str) -> list[str]:
    head = "| system | " + " | ".join(c[1] for c in cols) + f" | {time_label} |"
    lines = [head, "|" + "---|" * (len(cols) + 2)]
    for r in rows:
        cells = [f"{r.scores[c[0]]:.2f}" if c[0] in r.scores else "" for c in cols]
        t = "" if r.ms_per_item is None else f"{r.ms_per_item:.1f}"
        lines.append(f"| {r.system} | " + " | ".join(cells) + f" | {t} |")
    return lines


def fold_table(folds: Sequence[dict]) -> list[str]:
    """Multi-News, fold by fold: what was chosen on the other three folds, ROUGE-2 held out."""
    lines = [
        "| held-out fold (clusters) | first sentences | LexRank | MMR (lambda chosen) | summarize_cluster (weights chosen) |",
        "|---|---|---|---|---|",
    ]
    for f in folds:
        cell = lambda k: f"{f[k]['rouge2']:.2f}" if k in f else ""  # noqa: E731
        lines.append(
            f"| fold {f['fold']} ({f['clusters']}; chosen on folds {', '.join(map(str, f['train_folds']))}) | "
            f"{cell('first')} | {cell('lexrank')} | {cell('mmr')} (lambda {f.get('mmr_chosen', '')}) | "
            f"{cell('ours')} ({f.get('ours_chosen', '')}) |"
        )
    return ["ROUGE-2 per held-out fold:", "", *lines, ""]


def render_markdown(report: Report) -> str:
    """docs/quality.md: the tables of this run, the targets and why the defaults are what they are."""
    rouge_cols = [("rouge1", "ROUGE-1"), ("rouge2", "ROUGE-2"), ("rougeLsum", "ROUGE-L")]
    out = [
        "# Summary quality, measured",
        "",
        "Generated by `make eval` (`briefing eval`) from `../shared/eval-data`; every row below was",
        f"measured in the same run ({report.seconds:.0f} s on this machine). ROUGE is F1 x 100 from the",
        "`rouge-score` package with stemming on; ROUGE-L is the summary-level variant (`rougeLsum`).",
        "Do not edit by hand: rerun `make eval`.",
        "",
    ]
    if report.cnn:
        out += [
            "## Single articles: CNN Corpus",
            "",
            f"{report.cnn_docs} of the {report.cnn_total} articles, a fixed sample (seed {SEED}) so that `make eval`",
            "stays well under 10 minutes on 2 cores. Reference: the extractive `<gold_standard>`; every",
            "system picks k sentences, k = the number of gold sentences. Every summarizer runs through",
            "`briefing.summarize_article` (the pipeline's cleaning, splitting and `Selector`, which rates",
            "at most the first 150 sentences of an article: that cap also bounds sumy's KL, whose cost",
            "grows steeply with length).",
            "",
            *_table(report.cnn, rouge_cols, "ms / article"),
            "",
        ]
    if report.multinews:
        out += [
            "## Several articles on one story: Multi-News (4-fold cross-validation)",
            "",
            f"All {report.clusters} clusters, {CLUSTER_WORDS}-word summaries against the human summary. Every system",
            "uses whole sentences and passes over one that would overrun the budget. The baselines",
            "work on the same cleaned, split sentences as ours. The clusters are dealt into 4 folds (seeded",
            f"shuffle, seed {SEED}); a system with something to tune (MMR's lambda, `summarize_cluster`'s",
            "weights) has it chosen by mean ROUGE-2 on three folds and is scored on the fourth; every",
            "figure below is pooled over the four held-out folds (each cluster scored once, by a choice",
            "made without it). Redundancy: share of sentence pairs in a system's summaries that",
            "`same_point` calls duplicates. `python -m briefing.evaluate.clustercv` prints the same.",
            "",
            *_table(report.multinews, rouge_cols + [("redundancy", "redundancy %"), ("words", "words")], "ms / cluster"),
            "",
        ]
        if report.multinews_folds:
            out += fold_table(report.multinews_folds)
        if report.multinews_shipped:
            sh, ch = report.multinews_shipped, report.multinews_chosen
            out += [
                f"Shipped weights (`briefing.storysum.DEFAULT_WEIGHTS`: {ch.get('shipped', '')}) on all "
                f"{report.clusters} clusters, for information only (they are the grid's choice on all of them, "
                f"{ch.get('ours', '')}; MMR's choice on all: lambda {ch.get('mmr', '')}): ROUGE-1 "
                f"{sh.get('rouge1', 0):.2f}, ROUGE-2 {sh.get('rouge2', 0):.2f}, ROUGE-L {sh.get('rougeLsum', 0):.2f}.",
                "",
            ]
    if report.stories is not None:
        from briefing.evaluate.stories import markdown as stories_markdown

        out += stories_markdown(report.stories)
    if report.msrp:
        out += [
            "## Duplicate detection: MSRP",
            "",
            f"The {report.msrp_pairs} pairs of the MSRP training file (the only part here; 67.6% are paraphrases,",
            "so always saying \"same\" scores 67.6% accuracy at 67.6% precision). Figures in %.",
            "",
            *_table(report.msrp, [("accuracy", "accuracy"), ("precision", "precision"), ("recall", "recall"), ("f1", "F1")], "ms / pair"),
            "",
        ]
    if report.bbc:
        out += [
            "## For information only: BBC News Summary",
            "",
            f"{report.bbc_docs} of the {report.bbc_total} articles (fixed sample). Its reference summaries look",
            "machine-selected, so nothing is tuned to it.",
            "",
            *_table(report.bbc, rouge_cols, "ms / article"),
            "",
        ]
    if report.routing:
        out += report.routing
    ts = targets(report)
    if ts:
        out += ["## Targets", ""]
        out += [f"- {'met' if t.met else 'NOT met'}: {t.name}: {t.detail}." for t in ts]
        out.append("")
    if report.skipped:
        out += [f"Data sets not found in this run: {', '.join(report.skipped)}.", ""]
    from briefing.samepoint import DEFAULT_THRESHOLD

    out.append(_EXPLANATION.format(
        default=report.default_summarizer,
        tune_docs=(report.cnn_total - report.cnn_docs) if report.cnn_total else "other",
        threshold=DEFAULT_THRESHOLD,
    ))
    return "\n".join(out)


def write_report(report: Report, json_path: str | Path = DEFAULT_JSON, markdown_path: str | Path = DEFAULT_MARKDOWN) -> tuple[Path, Path]:
    """Write out/eval.json and docs/quality.md atomically."""
    from briefing._io import atomic_write_text

    j = atomic_write_text(json_path, json.dumps(report.to_dict(), indent=2) + "\n")
    text = render_markdown(report)
    try:  # sections measured by bench scripts (after KEPT_MARKER) survive a rerun of make eval
        old = Path(markdown_path).read_text(encoding="utf-8")
    except OSError:
        old = ""
    if KEPT_MARKER in old:
        text = text.rstrip("\n") + "\n\n" + old[old.index(KEPT_MARKER):]
    m = atomic_write_text(markdown_path, text)
    return j, m


KEPT_MARKER = "<!-- measured by bench scripts; make eval keeps everything below this line -->"


def summary_lines(report: Report) -> list[str]:
    """The tables as plain text for the terminal."""
    return render_markdown(report).split("## Why these defaults")[0].rstrip().splitlines()
