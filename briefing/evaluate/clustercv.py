"""Multi-News, cross-validated: every tunable system's parameters are chosen on three folds of the
81 clusters and scored on the fourth; the figures reported are pooled over the four held-out folds.

* the folds: a fixed seeded shuffle of the clusters, dealt round-robin (``fold_split``);
* the chooser (``grid_chooser``) sees only the training clusters' scores: for each grid point, the
  mean ROUGE-2 over the clusters it is given; the best (first in grid order on a tie) wins;
* ``summarize_cluster``'s weights come from ``briefing.storysum.WEIGHT_GRID``; MMR's lambda from
  ``MMR_GRID``, so the baseline is tuned exactly as fairly; first sentences and LexRank have
  nothing to tune (their held-out figures are their figures);
* choosing uses ``FastRouge`` (rouge-score's own tokenizer and stemmer, n-gram F1 computed from
  cached sentence tokens: the same numbers, checked in tests/test_storysum.py); the reported
  figures use ``metrics.Rouge`` (rouge-score itself).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from briefing.evaluate.data import SEED

FOLDS = 4
MMR_GRID: tuple[float, ...] = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
# summarize_cluster's sentences per article (briefing.api.CLUSTER_CANDIDATES), chosen with its
# weights on the training folds (added on 2026-12-03, when 10 alone no longer beat MMR by 1 point).
CANDIDATE_GRID: tuple[int, ...] = (10, 15, 20)

P = TypeVar("P", bound=Hashable)


def fold_split(n: int, folds: int = FOLDS, seed: int = SEED) -> list[list[int]]:
    """Item indices 0..n-1 in ``folds`` disjoint folds covering them all (seeded, sizes differ by
    at most one), each fold sorted."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [sorted(order[k::folds]) for k in range(folds)]


def grid_chooser(grid: Sequence[P], score: Callable[[P, int], float]) -> Callable[[Sequence[int]], P]:
    """A chooser: given training items, the grid point with the best mean score over them only."""
    if not grid:
        raise ValueError("an empty grid")

    def choose(train: Sequence[int]) -> P:
        best, best_score = grid[0], float("-inf")
        for p in grid:
            s = sum(score(p, i) for i in train) / max(len(train), 1)
            if s > best_score:
                best, best_score = p, s
        return best

    return choose


@dataclass(frozen=True)
class Fold:
    """One fold held out: the items it was chosen on, the items it is scored on, the choice."""

    k: int
    train: tuple[int, ...]
    test: tuple[int, ...]
    chosen: Any


def crossvalidate(n: int, chooser: Callable[[Sequence[int]], Any], folds: int = FOLDS, seed: int = SEED) -> list[Fold]:
    """For each fold: the chooser's choice made on the other folds' items only."""
    split = fold_split(n, folds, seed)
    out = []
    for k, test in enumerate(split):
        train = tuple(i for j, f in enumerate(split) if j != k for i in f)
        out.append(Fold(k, train, tuple(test), chooser(train)))
    return out


class FastRouge:
    """ROUGE-N F1 (x 100) with rouge-score's tokenizer and Porter stemmer, sentence tokens cached:
    the numbers rouge-score gives for one-sentence-per-line texts, many times faster in a grid."""

    def __init__(self) -> None:
        from rouge_score.tokenizers import DefaultTokenizer  # type: ignore[import-untyped]

        self._tokenizer = DefaultTokenizer(use_stemmer=True)
        self._cache: dict[str, list[str]] = {}

    def tokens(self, sentences: Sequence[str]) -> list[str]:
        out: list[str] = []
        for s in sentences:
            t = self._cache.get(s)
            if t is None:
                t = self._cache[s] = self._tokenizer.tokenize(s)
            out.extend(t)
        return out

    @staticmethod
    def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
        return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))

    def score(self, reference: Sequence[str], candidate: Sequence[str], n: int = 2) -> float:
        ref = self._ngrams(self.tokens(reference), n)
        cand = self._ngrams(self.tokens(candidate), n)
        overlap = sum((ref & cand).values())
        if not overlap:
            return 0.0
        p = overlap / sum(cand.values())
        r = overlap / sum(ref.values())
        return 100.0 * 2 * p * r / (p + r)


@dataclass
class ClusterCV:
    """What the cross-validation measured: rows pooled over the held-out folds, and per fold."""

    rows: list[tuple[str, dict[str, float], float, str]] = field(default_factory=list)  # system, scores, ms, note
    folds: list[dict[str, Any]] = field(default_factory=list)
    shipped: dict[str, float] = field(default_factory=dict)  # summarize_cluster's shipped weights on all
    chosen_on_all: dict[str, Any] = field(default_factory=dict)


def _mean(rows: Sequence[dict[str, float]]) -> dict[str, float]:
    from briefing.evaluate.metrics import mean_scores

    return mean_scores(rows)


def _weights_label(w: Any) -> str:
    if isinstance(w, tuple):  # (sentences per article, weights)
        return f"{w[0]} per article, " + _weights_label(w[1])
    return (f"pos {w.position:g}, len {w.length:g}, centr {w.centrality:g}, corr {w.corroboration:g}, "
            f"cov {w.coverage:g}, red {w.redundancy:g}")


def crossvalidate_clusters(clusters: Sequence[Any], words: int, *, folds: int = FOLDS) -> ClusterCV:
    """The four Multi-News systems under ``folds``-fold cross-validation over the clusters."""
    import time

    from briefing.api import cluster_pool
    from briefing.evaluate.baselines import _n_words, candidate_sentences, first_sentences, mmr, rank_concatenation
    from briefing.evaluate.metrics import Rouge, redundancy
    from briefing.samepoint import same_point
    from briefing.sentences import to_sentences
    from briefing.storysum import DEFAULT_WEIGHTS, WEIGHT_GRID

    rouge, fast = Rouge(), FastRouge()
    n = len(clusters)
    refs = [to_sentences(c.summary) for c in clusters]
    t0 = time.perf_counter()
    prepared = [[candidate_sentences(d) for d in c.documents] for c in clusters]
    prep_ms = 1000 * (time.perf_counter() - t0) / max(n, 1)
    t0 = time.perf_counter()
    from briefing.api import CLUSTER_CANDIDATES

    grid_k = tuple(dict.fromkeys((*CANDIDATE_GRID, CLUSTER_CANDIDATES)))
    pools = {k: [cluster_pool(list(c.documents), candidates=k) for c in clusters] for k in grid_k}
    pool_ms = 1000 * (time.perf_counter() - t0) / max(n * len(grid_k), 1)

    def ours(kw: Any, i: int) -> list[str]:
        k, w = kw
        pool = pools[k][i]
        return [] if pool is None else [p.text for p in pool.choose(w, words=words)]

    memo: dict[tuple[str, Any, int], float] = {}

    def r2(system: str, make: Callable[[Any, int], list[str]]) -> Callable[[Any, int], float]:
        def score(p: Any, i: int) -> float:
            key = (system, p, i)
            if key not in memo:
                memo[key] = fast.score(refs[i], make(p, i))
            return memo[key]
        return score

    mmr_out = lambda lam, i: mmr(prepared[i], words, lam)  # noqa: E731
    systems: list[tuple[str, str, Callable[[Any, int], list[str]], Sequence[Any] | None]] = [
        ("First sentences of each article in turn", "baseline", lambda p, i: first_sentences(prepared[i], words), None),
        ("LexRank on the concatenation", "baseline", lambda p, i: rank_concatenation(prepared[i], words, "lexrank"), None),
        ("MMR (TF-IDF centroid; lambda chosen on the training folds)", "baseline", mmr_out, MMR_GRID),
        ("summarize_cluster (weights chosen on the training folds)", "ours", ours,
         tuple((k, w) for k in CANDIDATE_GRID for w in WEIGHT_GRID)),
    ]
    report = ClusterCV()
    split = fold_split(n, folds)
    fold_rows: list[dict[str, Any]] = [
        {"fold": k, "clusters": len(split[k]), "train_folds": [j for j in range(folds) if j != k]}
        for k in range(folds)
    ]
    for name, note, make, grid in systems:
        if grid is None:
            chosen_by_fold = [None] * folds
        else:
            cv = crossvalidate(n, grid_chooser(grid, r2(name, make)), folds)
            chosen_by_fold = [f.chosen for f in cv]
        outs: list[list[str]] = [[] for _ in range(n)]
        t0 = time.perf_counter()  # one run per cluster (the held-out outputs): the time a user pays
        for k, test in enumerate(split):
            for i in test:
                outs[i] = make(chosen_by_fold[k], i)
        secs = time.perf_counter() - t0
        scores = [rouge.score(refs[i], outs[i]) for i in range(n)]
        pooled = _mean(scores)
        pooled["redundancy"] = redundancy(outs, same_point)
        pooled["words"] = sum(_n_words(" ".join(o)) for o in outs) / max(n, 1)
        per_item = prep_ms if note == "baseline" else pool_ms
        report.rows.append((name, pooled, per_item + 1000 * secs / max(n, 1), note))
        key = "mmr" if name.startswith("MMR") else "ours" if note == "ours" else name.split()[0].lower()
        for k, test in enumerate(split):
            held = _mean([scores[i] for i in test])
            fold_rows[k][key] = {"rouge1": held["rouge1"], "rouge2": held["rouge2"]}
            if grid is not None:
                c = chosen_by_fold[k]
                fold_rows[k][key + "_chosen"] = c if isinstance(c, float) else _weights_label(c)
        if grid is not None:
            best = grid_chooser(grid, r2(name, make))(range(n))
            report.chosen_on_all[key] = best if isinstance(best, float) else _weights_label(best)
    report.folds = fold_rows
    shipped = [ours((CLUSTER_CANDIDATES, DEFAULT_WEIGHTS), i) for i in range(n)]
    report.shipped = _mean([rouge.score(refs[i], shipped[i]) for i in range(n)])
    report.chosen_on_all["shipped"] = _weights_label((CLUSTER_CANDIDATES, DEFAULT_WEIGHTS))
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m briefing.evaluate.clustercv [--data DIR]``: the table and the per-fold table."""
    import argparse

    from briefing.evaluate.baselines import CLUSTER_WORDS
    from briefing.evaluate.data import load_multinews
    from briefing.evaluate.report import fold_table

    parser = argparse.ArgumentParser(description="Multi-News summaries, 4-fold cross-validated")
    parser.add_argument("--data", default="../shared/eval-data")
    args = parser.parse_args(argv)
    from pathlib import Path

    clusters = load_multinews(Path(args.data) / "multi-news" / "clusters.tsv")
    cv = crossvalidate_clusters(clusters, CLUSTER_WORDS)
    print("| system | ROUGE-1 | ROUGE-2 | ROUGE-L | redundancy % | words | ms / cluster |")
    print("|---|---|---|---|---|---|---|")
    for name, s, ms, _ in cv.rows:
        print(f"| {name} | {s['rouge1']:.2f} | {s['rouge2']:.2f} | {s['rougeLsum']:.2f} | "
              f"{s['redundancy']:.2f} | {s['words']:.2f} | {ms:.1f} |")
    print()
    print("\n".join(fold_table(cv.folds)))
    print(f"shipped weights on all clusters: {cv.shipped}; chosen on all: {cv.chosen_on_all}")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main())
