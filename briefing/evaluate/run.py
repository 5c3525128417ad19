"""The run: every data set found under the data folder, every system, in one pass."""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from briefing.errors import EvaluationError
from briefing.evaluate.baselines import CLUSTER_WORDS
from briefing.evaluate.data import (
    BBC_SAMPLE,
    CNN_SAMPLE,
    DEFAULT_DATA_DIR,
    Cluster,
    Pair,
    SingleDoc,
    load_bbc,
    load_cnn,
    load_msrp,
    load_multinews,
)
from briefing.evaluate.duplicates import (
    PairTable,
    crossvalidate_same_point,
    crossvalidate_threshold,
    fit_same_point,
    tfidf_cosine_scores,
)
from briefing.evaluate.metrics import Rouge, classification, mean_scores
from briefing.evaluate.results import Report, Row


def _summaries(docs: Sequence[Any], method: str) -> list[list[str]]:
    """Every document's summary by one method, as long as its reference."""
    from briefing.api import summarize_article

    return [summarize_article(d.text, len(d.reference), method) for d in docs]


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def _progress(message: str) -> None:
    print(f"briefing eval: {message}", file=sys.stderr, flush=True)


def eval_single(docs: Sequence[SingleDoc], methods: Sequence[str], default: str) -> list[Row]:
    """Lead-k and each summarizer on single articles; k = number of reference sentences."""

    rouge = Rouge()
    rows = []
    out, secs = _timed(lambda: [list(d.sentences[: len(d.reference)]) for d in docs])
    rows.append(Row("Lead-k (first k sentences of the corpus's own split)",
                    mean_scores(rouge.score(d.reference, o) for d, o in zip(docs, out)),
                    1000 * secs / max(1, len(docs)), "baseline"))
    for m in methods:
        out, secs = _timed(functools.partial(_summaries, docs, m))
        label = m + (" (our default)" if m == default else "")
        note = "baseline" if m != default else "ours"
        if m == "lead":
            note = "baseline: Lead-k after the pipeline's cleaning and length filter"
        rows.append(Row(label, mean_scores(rouge.score(d.reference, o) for d, o in zip(docs, out)),
                        1000 * secs / max(1, len(docs)), note))
    return rows


def eval_clusters(clusters: Sequence[Cluster], report: Report | None = None) -> list[Row]:
    """Multi-News under 4-fold cross-validation over the clusters (briefing.evaluate.clustercv):
    the baselines and summarize_cluster at CLUSTER_WORDS words, held-out figures pooled over the
    folds, with redundancy; per-fold figures and the choices go to report when given."""
    from briefing.evaluate.clustercv import crossvalidate_clusters

    cv = crossvalidate_clusters(clusters, CLUSTER_WORDS)
    if report is not None:
        report.multinews_folds = cv.folds
        report.multinews_shipped = cv.shipped
        report.multinews_chosen = cv.chosen_on_all
    return [Row(name, scores, ms, note) for name, scores, ms, note in cv.rows]


def eval_stories(data_dir: str | Path) -> Any:
    """Story grouping, B-cubed on Multi-News + CNN Corpus (briefing.evaluate.stories)."""
    from briefing.evaluate.stories import crossvalidate, load_day

    return crossvalidate(load_day(data_dir))


def eval_pairs(pairs: Sequence[Pair]) -> tuple[list[Row], dict[str, Any]]:
    """MSRP: TF-IDF cosine and the old word-overlap rule (both cross-validated), same_point as
    shipped, and same_point's whole fitting procedure cross-validated."""
    from briefing import samepoint
    from briefing.samepoint import DEFAULT_THRESHOLD, same_point

    labels = [p.label for p in pairs]
    rows = []
    cos, secs = _timed(lambda: tfidf_cosine_scores(pairs))
    rows.append(Row("TF-IDF cosine, threshold tuned for accuracy (4-fold cross-validation)",
                    crossvalidate_threshold(labels, cos), 1000 * secs / len(pairs), "baseline"))

    def old_rule(p: Pair) -> float:
        a, b = samepoint.sentence_info(p.a).content, samepoint.sentence_info(p.b).content
        if not a or not b:
            return 0.0
        shared = len(a & b)
        return (2 * shared / (len(a) + len(b)) + shared / min(len(a), len(b))) / 2

    old, secs = _timed(lambda: [old_rule(p) for p in pairs])
    rows.append(Row("Content-word overlap (the merger's rule before), tuned (4-fold cv)",
                    crossvalidate_threshold(labels, old), 1000 * secs / len(pairs), "baseline"))
    table, _ = _timed(lambda: PairTable.build(pairs))
    rows.append(Row("same_point: fitting and tuning redone on 3/4, measured on the held-out 1/4 (4-fold cv)",
                    crossvalidate_same_point(table), None, "ours: honest estimate"))
    decided, secs = _timed(lambda: [same_point(p.a, p.b) for p in pairs])
    rows.append(Row(f"same_point as shipped (threshold {DEFAULT_THRESHOLD}; fitted on these same pairs)",
                    classification(list(zip(labels, decided))), 1000 * secs / len(pairs), "ours: optimistic"))
    refit = fit_same_point(table)
    refit = {"threshold": refit["threshold"], "min_probability": refit["min_probability"],
             "bias": round(refit["bias"], 6), "weights": [round(w, 6) for w in refit["weights"]]}
    return rows, refit


def run_eval(
    data_dir: str | Path = DEFAULT_DATA_DIR,
    *,
    cnn_sample: int | None = CNN_SAMPLE,
    bbc_sample: int | None = BBC_SAMPLE,
    methods: Sequence[str] | None = None,
) -> Report:
    """Measure everything on the data under data_dir; a data set that is missing is skipped (and
    listed in Report.skipped); EvaluationError when there is none at all."""
    from briefing.settings import Settings
    from briefing.summarize import SUMMARIZERS

    data = Path(data_dir)
    if not data.is_dir():
        raise EvaluationError(f"no evaluation data at {data} (expected the folders of ../shared/eval-data)")
    default = str(Settings.model_fields["summarizer"].default)
    methods = list(methods) if methods is not None else sorted(SUMMARIZERS)
    # Baselines first (Lead-k after the pipeline's cleaning, then the rest by name), ours last.
    methods = sorted(set(methods) - {default}, key=lambda m: (m != "lead", m)) + [default]
    report = Report(data_dir=str(data), default_summarizer=default)
    start = time.perf_counter()

    if (data / "cnn-corpus").is_dir():
        _progress("CNN Corpus ...")
        report.cnn_total = len(list((data / "cnn-corpus").glob("*.xml")))
        docs = load_cnn(data / "cnn-corpus", cnn_sample)
        report.cnn_docs = len(docs)
        report.cnn = eval_single(docs, methods, default)
    else:
        report.skipped.append("cnn-corpus")
    if (data / "multi-news" / "clusters.tsv").is_file():
        _progress("Multi-News ...")
        clusters = load_multinews(data / "multi-news" / "clusters.tsv")
        report.clusters = len(clusters)
        report.multinews = eval_clusters(clusters, report)
        if (data / "cnn-corpus").is_dir():
            _progress("Story grouping (Multi-News + CNN Corpus) ...")
            report.stories = eval_stories(data)
    else:
        report.skipped.append("multi-news")
    if (data / "msrp" / "msr_paraphrase_train.txt").is_file():
        _progress("MSRP ...")
        from briefing.samepoint import DEFAULT_THRESHOLD

        pairs = load_msrp(data / "msrp" / "msr_paraphrase_train.txt")
        report.msrp_pairs = len(pairs)
        report.shipped_threshold = DEFAULT_THRESHOLD
        report.msrp, report.refit = eval_pairs(pairs)
    else:
        report.skipped.append("msrp")
    if (data / "bbc" / "articles").is_dir():
        _progress("BBC News Summary (for information) ...")
        report.bbc_total = len(list((data / "bbc" / "articles").glob("*/*.txt")))
        docs = load_bbc(data / "bbc", bbc_sample)
        report.bbc_docs = len(docs)
        bbc_methods = [m for m in ("lead", "lexrank", "textrank") if m in SUMMARIZERS and m != default]
        report.bbc = eval_single(docs, bbc_methods + [default], default)
    else:
        report.skipped.append("bbc")
    from briefing.evaluate import routing

    _progress("routing (labelled sentences, mixed day) ...")
    report.routing = routing.report(data, routing.SEEDS)
    if len(report.skipped) == 4:
        raise EvaluationError(f"no evaluation data set found under {data}")
    report.seconds = time.perf_counter() - start
    return report
