"""What one run measured (Row, Report) and the issue's targets judged on it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from briefing.evaluate.baselines import CLUSTER_WORDS


@dataclass
class Row:
    """One line of a table: a system and its figures."""

    system: str
    scores: dict[str, float]
    ms_per_item: float | None = None
    note: str = ""


@dataclass
class Report:
    """Everything one ``briefing eval`` run measured."""

    data_dir: str
    default_summarizer: str
    cnn: list[Row] = field(default_factory=list)
    cnn_docs: int = 0
    cnn_total: int = 0
    bbc: list[Row] = field(default_factory=list)
    bbc_docs: int = 0
    bbc_total: int = 0
    multinews: list[Row] = field(default_factory=list)
    clusters: int = 0
    multinews_folds: list[dict[str, Any]] = field(default_factory=list)  # per held-out fold
    multinews_shipped: dict[str, float] = field(default_factory=dict)  # shipped weights, all clusters
    multinews_chosen: dict[str, Any] = field(default_factory=dict)  # the grid choice on all clusters
    stories: Any = None  # briefing.evaluate.stories.StoryReport
    msrp: list[Row] = field(default_factory=list)
    msrp_pairs: int = 0
    shipped_threshold: float = 0.0
    refit: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    skipped: list[str] = field(default_factory=list)
    routing: list[str] = field(default_factory=list)  # markdown lines (briefing.evaluate.routing)

    def to_dict(self) -> dict[str, Any]:
        def rows(rs: list[Row]) -> list[dict[str, Any]]:
            return [
                {"system": r.system, **{k: round(v, 2) for k, v in r.scores.items()},
                 "ms_per_item": None if r.ms_per_item is None else round(r.ms_per_item, 1), "note": r.note}
                for r in rs
            ]

        return {
            "data_dir": self.data_dir,
            "default_summarizer": self.default_summarizer,
            "cnn": {"documents": self.cnn_docs, "of": self.cnn_total, "rows": rows(self.cnn)},
            "bbc": {"documents": self.bbc_docs, "of": self.bbc_total, "rows": rows(self.bbc)},
            "multinews": {"clusters": self.clusters, "words": CLUSTER_WORDS, "rows": rows(self.multinews),
                          "folds": self.multinews_folds, "shipped": self.multinews_shipped,
                          "chosen_on_all": self.multinews_chosen},
            "stories": None if self.stories is None else self.stories.to_dict(),
            "msrp": {"pairs": self.msrp_pairs, "shipped_threshold": self.shipped_threshold,
                     "rows": rows(self.msrp), "refit": self.refit},
            "targets": [t.__dict__ for t in targets(self)],
            "routing": self.routing,
            "seconds": round(self.seconds, 1),
            "skipped": self.skipped,
        }


@dataclass
class Target:
    name: str
    met: bool
    detail: str


def _row(rows: Sequence[Row], note_prefix: str) -> Row | None:
    return next((r for r in rows if r.note.startswith(note_prefix)), None)


def targets(report: Report) -> list[Target]:
    """The issue's targets, judged on this run's figures."""
    out = []
    if report.cnn:
        ours = _row(report.cnn, "ours")
        leads = [r for r in report.cnn if r.system.startswith("Lead-k") or r.system.startswith("lead")]
        if ours and leads:
            m1 = ours.scores["rouge1"] - max(r.scores["rouge1"] for r in leads)
            m2 = ours.scores["rouge2"] - max(r.scores["rouge2"] for r in leads)
            out.append(Target("Single article: our default beats Lead-k (ROUGE-1 and ROUGE-2, CNN Corpus)",
                              m1 > 0 and m2 > 0, f"by {m1:+.2f} ROUGE-1 and {m2:+.2f} ROUGE-2 points over the better Lead-k row"))
            others = [r for r in report.cnn if r is not ours]
            best = max(others, key=lambda r: r.scores["rouge1"] + r.scores["rouge2"])
            b1 = ours.scores["rouge1"] - best.scores["rouge1"]
            b2 = ours.scores["rouge2"] - best.scores["rouge2"]
            out.append(Target("Single article: the default is the measured best (every other row)",
                              b1 > 0 and b2 > 0, f"next best is {best.system}: {b1:+.2f} ROUGE-1, {b2:+.2f} ROUGE-2"))
    if report.multinews:
        ours = _row(report.multinews, "ours")
        base = [r for r in report.multinews if r.note == "baseline"]
        mmr = next((r for r in base if r.system.startswith("MMR")), None)
        if ours and mmr:
            m2 = ours.scores["rouge2"] - mmr.scores["rouge2"]
            out.append(Target("Multi-article: summarize_cluster beats MMR by >= 1 ROUGE-2 (held-out, 4-fold cv over the clusters)",
                              m2 >= 1.0, f"{ours.scores['rouge2']:.2f} against {mmr.scores['rouge2']:.2f}: {m2:+.2f} ROUGE-2"))
        if ours and base:
            m1 = ours.scores["rouge1"] - max(r.scores["rouge1"] for r in base)
            m2 = ours.scores["rouge2"] - max(r.scores["rouge2"] for r in base)
            out.append(Target("Multi-article: summarize_cluster beats first sentences, LexRank and MMR (ROUGE-1 and -2, held-out)",
                              m1 > 0 and m2 > 0, f"by {m1:+.2f} ROUGE-1 and {m2:+.2f} ROUGE-2 points over the best baseline in each"))
            red = ours.scores["redundancy"]
            out.append(Target("Multi-article: redundancy near zero", red <= 1.0,
                              f"{red:.2f}% of sentence pairs in our summaries are same_point duplicates"))
    if report.stories is not None and report.stories.heldout:
        f1 = 100 * report.stories.heldout["f1"]
        out.append(Target("Story grouping: B-cubed F1 >= 0.90 (held-out, 4-fold cv)", f1 >= 90.0,
                          f"F1 {f1:.2f}% ({f1 - 90:+.2f})"))
    if report.msrp:
        cv = _row(report.msrp, "ours: honest")
        if cv:
            a, p = cv.scores["accuracy"], cv.scores["precision"]
            out.append(Target("Duplicates: accuracy >= 75% with precision >= 80% on MSRP (cross-validated)",
                              a >= 75 and p >= 80, f"accuracy {a:.2f}% ({a - 75:+.2f}), precision {p:.2f}% ({p - 80:+.2f})"))
    return out
