"""Evaluation: measure the summarizers and the merger on public data, every row in the same run.

``run_eval(data_dir)`` reads ``../shared/eval-data`` (see its README) and measures

* CNN Corpus, single articles: ROUGE-1/2/L F1 against the extractive ``<gold_standard>``, k = the
  number of gold sentences, for Lead-k, every summarizer in SUMMARIZERS and our default;
* Multi-News clusters, 300-word budget, 4-fold cross-validation over the clusters (``clustercv``:
  MMR's lambda and ``summarize_cluster``'s weights chosen on three folds, scored on the fourth):
  first sentences of each article in turn, LexRank on the concatenation, MMR and
  ``summarize_cluster``, plus the redundancy of every system's summaries (share of sentence pairs
  that ``same_point`` calls duplicates);
* story grouping (``stories``): Multi-News documents among CNN Corpus articles, B-cubed precision,
  recall and F1, split and merged stories, threshold chosen on three folds, scored on the fourth;
* MSRP pairs: accuracy, precision, recall and F1 of ``same_point``, threshold tuned on one part of
  the training file and measured on the rest;
* BBC News Summary, for information only (its references look machine-selected).

ROUGE is Google's ``rouge-score`` package with stemming on; ROUGE-L is the summary-level variant
(``rougeLsum``, one sentence per line). The loaders here are tolerant of the quirks listed in the
data's README (double escaping, glued rows, bad bytes).

The package, one job per module: ``data`` (the loaders), ``metrics`` (ROUGE, classification,
redundancy), ``baselines`` (Lead, first sentences, concatenation, MMR), ``clustercv`` (the
Multi-News cross-validation), ``stories`` (story grouping), ``duplicates`` (the MSRP fitting and
cross-validation), ``results`` (Row, Report, targets), ``run`` (``run_eval``) and
``report`` (docs/quality.md and out/eval.json). Every name is re-exported here.
"""

from __future__ import annotations

from pathlib import Path

from briefing.evaluate.baselines import (
    CLUSTER_WORDS,
    candidate_sentences,
    fill_budget,
    first_sentences,
    mmr,
    rank_concatenation,
)
from briefing.evaluate.clustercv import FOLDS, MMR_GRID, FastRouge, crossvalidate, crossvalidate_clusters, fold_split, grid_chooser
from briefing.evaluate.data import (
    BBC_SAMPLE,
    CNN_SAMPLE,
    DEFAULT_DATA_DIR,
    SEED,
    Cluster,
    Pair,
    SingleDoc,
    load_bbc,
    load_cnn,
    load_msrp,
    load_multinews,
)
from briefing.evaluate.duplicates import (
    MSRP_FOLDS,
    PRECISION_TARGET,
    PairTable,
    crossvalidate_same_point,
    crossvalidate_threshold,
    fit_same_point,
    tfidf_cosine_scores,
    tune_same_point,
)
from briefing.evaluate.metrics import ROUGE_TYPES, Rouge, classification, mean_scores, redundancy
from briefing.evaluate.report import (
    DEFAULT_JSON,
    DEFAULT_MARKDOWN,
    render_markdown,
    summary_lines,
    write_report,
)
from briefing.evaluate.results import Report, Row, Target, targets
from briefing.evaluate.run import eval_clusters, eval_pairs, eval_single, eval_stories, run_eval

__all__ = [
    "FOLDS", "MMR_GRID", "FastRouge", "crossvalidate", "crossvalidate_clusters", "eval_stories",
    "fold_split", "grid_chooser",
    "BBC_SAMPLE", "CLUSTER_WORDS", "CNN_SAMPLE", "DEFAULT_DATA_DIR", "DEFAULT_JSON", "DEFAULT_MARKDOWN",
    "MSRP_FOLDS", "PRECISION_TARGET", "ROUGE_TYPES", "SEED", "Cluster", "Pair", "PairTable", "Report",
    "Rouge", "Row", "SingleDoc", "Target", "candidate_sentences", "classification",
    "crossvalidate_same_point", "crossvalidate_threshold", "eval_clusters", "eval_pairs", "eval_single",
    "evaluate", "fill_budget", "first_sentences", "fit_same_point", "load_bbc", "load_cnn", "load_msrp",
    "load_multinews", "mean_scores", "mmr", "rank_concatenation", "redundancy", "render_markdown",
    "run_eval", "summary_lines", "targets", "tfidf_cosine_scores", "tune_same_point", "write_report",
]

def evaluate(
    data_dir: str | Path = DEFAULT_DATA_DIR,
    json_path: str | Path = DEFAULT_JSON,
    markdown_path: str | Path = DEFAULT_MARKDOWN,
) -> Report:
    """Run the whole evaluation and write its JSON and Markdown reports (``briefing eval``)."""
    report = run_eval(data_dir)
    write_report(report, json_path, markdown_path)
    return report
