"""Metrics: ROUGE (Google's ``rouge-score``, stemming on), classification figures, redundancy."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from briefing.errors import EvaluationError

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")


class Rouge:
    """ROUGE-1/2/L F1 (``rouge-score``, Porter stemming on), averaged over documents, in points."""

    def __init__(self) -> None:
        try:
            from rouge_score import rouge_scorer
        except ImportError as exc:  # pragma: no cover - the eval extra
            raise EvaluationError("the rouge-score package is not installed: pip install 'briefing[eval]' (make eval installs it)") from exc
        self._scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)

    def score(self, reference: Sequence[str], candidate: Sequence[str]) -> dict[str, float]:
        """F1 of one candidate summary (a list of sentences) against one reference, 0..100."""
        ref = "\n".join(s.strip() for s in reference)
        cand = "\n".join(s.strip() for s in candidate)
        scores = self._scorer.score(ref, cand)
        return {k: 100.0 * scores[k].fmeasure for k in ROUGE_TYPES}


def mean_scores(rows: Iterable[dict[str, float]]) -> dict[str, float]:
    """Average of per-document score dicts (empty input gives zeros)."""
    rows = list(rows)
    if not rows:
        return {k: 0.0 for k in ROUGE_TYPES}
    return {k: sum(r[k] for r in rows) / len(rows) for k in rows[0]}


def classification(pairs: Sequence[tuple[bool, bool]]) -> dict[str, float]:
    """Accuracy, precision, recall, F1 (in %) of (gold, predicted) pairs."""
    tp = sum(1 for g, p in pairs if g and p)
    fp = sum(1 for g, p in pairs if not g and p)
    fn = sum(1 for g, p in pairs if g and not p)
    tn = sum(1 for g, p in pairs if not g and not p)
    n = tp + fp + fn + tn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "accuracy": 100.0 * (tp + tn) / n if n else 0.0,
        "precision": 100.0 * precision,
        "recall": 100.0 * recall,
        "f1": 100.0 * f1,
        "n": n,
    }


def redundancy(summaries: Iterable[Sequence[str]], same: Callable[[str, str], bool]) -> float:
    """Share (in %) of sentence pairs within summaries that ``same`` calls duplicates."""
    dup = total = 0
    for summary in summaries:
        for i in range(len(summary)):
            for j in range(i + 1, len(summary)):
                total += 1
                dup += bool(same(summary[i], summary[j]))
    return 100.0 * dup / total if total else 0.0
