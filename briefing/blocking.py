"""Candidate blocking for the merger: which sentences are worth asking ``same_point`` about.

Comparing every point with every sentence of every article grows with the square of the number of
articles. The merger asks this index instead. It is lossless for the merger's rule: two sentences
can be ``same_point`` only if their overlap coefficient on stemmed content words (shared stems over
the smaller sentence's stems) reaches the threshold, because ``point_similarity`` is the mean of
that coefficient and the Dice coefficient, which never exceeds it. So a pair whose smaller side has
``a`` stems shares at least ``need(a) = ceil(threshold * a)`` of them, and by pigeonhole at least one
of the ``a - need(a) + 1`` rarest stems of the smaller side (prefix filtering, Chaudhuri et al.
2006). The index keeps

* the full postings (stem -> texts containing it), probed with the query's rarest stems, which
  finds every partner at least as long as the query; and
* the prefix postings (stem -> texts whose own rarest-stems prefix holds it), probed with all the
  query's stems, which finds every shorter partner;

then keeps the candidates that share enough stems. Texts are stored once however many articles
repeat them (syndicated copies), with the places they occur. Sentences with identical normalised
words (``same_point``'s first test) are found through a separate key, whatever their content.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Hashable

import numpy as np

Features = Callable[[str], object]  # text -> object with .content (frozenset) and .normalized


def need(size: int, threshold: float) -> int:
    """The fewest stems a sentence of size stems shares with any sentence it can be merged with."""
    return max(1, math.ceil(threshold * size - 1e-9))


class TextIndex:
    """Distinct sentence texts, each with the places it occurs, searchable by shared stems."""

    def __init__(self, features: Features, threshold: float):
        self.features = features
        self.threshold = threshold
        self.texts: list[str] = []
        self.places: list[list[Hashable]] = []
        self._ids: dict[str, int] = {}
        self._vocab: dict[str, int] = {}
        self._indptr: list[int] = [0]  # text t's stem ids: _stem_ids[_indptr[t]:_indptr[t + 1]]
        self._stem_ids: list[int] = []
        self._by_normalized: dict[str, list[int]] = defaultdict(list)
        self._built: tuple | None = None

    def __len__(self) -> int:
        return len(self.texts)

    def add(self, text: str, place: Hashable = None) -> int:
        """Record that text occurs at place (e.g. an article and sentence); return its id."""
        tid = self._ids.get(text)
        if tid is None:
            tid = len(self.texts)
            self._ids[text] = tid
            self.texts.append(text)
            self.places.append([])
            f = self.features(text)
            vocab = self._vocab
            self._stem_ids.extend(vocab.setdefault(s, len(vocab)) for s in f.content)
            self._indptr.append(len(self._stem_ids))
            self._by_normalized[f.normalized].append(tid)
            self._built = None  # rebuilt on the next search
        if place is not None:
            self.places[tid].append(place)
        return tid

    def _build(self) -> tuple:
        indptr = np.asarray(self._indptr, dtype=np.int64)
        stem_ids = np.asarray(self._stem_ids, dtype=np.int64)
        sizes = np.diff(indptr)
        owner = np.repeat(np.arange(len(self.texts), dtype=np.int64), sizes)
        n_vocab = len(self._vocab)
        df = np.bincount(stem_ids, minlength=n_vocab)
        # Full postings: text ids grouped by stem (a CSR matrix, stems by texts).
        order = np.argsort(stem_ids, kind="stable")
        post_ptr = np.concatenate(([0], np.cumsum(df)))
        post_ids = owner[order]
        # Prefix postings: each text's a - need(a) + 1 rarest stems (ties by stem id).
        max_size = int(sizes.max()) if len(sizes) else 0
        needs = np.array([need(b, self.threshold) for b in range(max_size + 1)], dtype=np.int64)
        rank_order = np.lexsort((stem_ids, df[stem_ids], owner))  # by text, then rarity, then id
        rank_in_text = np.arange(len(stem_ids)) - np.repeat(indptr[:-1], sizes)
        prefix_len = np.maximum(sizes - needs[sizes] + 1, 0)
        keep = rank_in_text < np.repeat(prefix_len, sizes)
        p_stems = stem_ids[rank_order][keep]
        p_owner = owner[rank_order][keep]
        p_order = np.argsort(p_stems, kind="stable")
        p_ptr = np.concatenate(([0], np.cumsum(np.bincount(p_stems, minlength=n_vocab))))
        p_ids = p_owner[p_order]
        mask = np.zeros(max(n_vocab, 1), dtype=bool)
        self._built = (indptr, stem_ids, sizes, df, post_ptr, post_ids, p_ptr, p_ids, needs, mask)
        return self._built

    def candidates(self, text: str) -> list[int]:
        """Ids of the texts that share enough stems with text to be the same point, ascending."""
        if self.threshold <= 0:
            return list(range(len(self.texts)))
        built = self._built or self._build()
        indptr, stem_ids, sizes, df, post_ptr, post_ids, p_ptr, p_ids, needs, mask = built
        f = self.features(text)
        found = set(self._by_normalized.get(f.normalized, ()))
        a = len(f.content)
        if a == 0 or not len(stem_ids):
            return sorted(found)
        vocab = self._vocab
        known = sorted((int(df[vocab[s]]), vocab[s]) for s in f.content if s in vocab)
        if not known:
            return sorted(found)
        q_ids = np.array([i for _, i in known], dtype=np.int64)
        # Stems the index has never seen count towards the prefix but have no postings.
        n_prefix = a - need(a, self.threshold) + 1 - (a - len(known))
        pieces = [post_ids[post_ptr[i] : post_ptr[i + 1]] for i in q_ids[: max(n_prefix, 0)]]
        pieces += [p_ids[p_ptr[i] : p_ptr[i + 1]] for i in q_ids]
        pool = np.unique(np.concatenate(pieces))
        if len(pool):
            starts, lens = indptr[pool], sizes[pool]
            offsets = np.cumsum(lens) - lens
            positions = np.arange(int(lens.sum())) - np.repeat(offsets - starts, lens)
            mask[q_ids] = True
            shared = np.add.reduceat(mask[stem_ids[positions]].astype(np.int64), offsets)
            mask[q_ids] = False
            limit = needs[np.minimum(lens, a)]
            found.update(pool[shared >= limit].tolist())
        return sorted(found)


# --- verifying candidate pairs in parallel ------------------------------------------------------

MIN_PARALLEL_PAIRS = 2_000  # fewer pairs than this are decided here: forking costs more
_SHARED: dict[str, object] = {}


def _decide_chunk(chunk: list[tuple[str, list[int]]]) -> list[list[bool]]:
    texts, decide = _SHARED["texts"], _SHARED["decide"]
    return [[decide(query, texts[tid]) for tid in tids] for query, tids in chunk]  # type: ignore[index,operator]


def decide_pairs(
    queries: list[tuple[str, list[int]]],
    texts: list[str],
    decide: Callable[[str, str], bool],
    workers: int,
) -> list[list[bool]]:
    """``decide(query, texts[tid])`` for every tid of every (query, tids), in order.

    With workers > 1 and enough pairs, the pairs are shared out to forked worker processes, which
    inherit texts, decide and their caches without pickling (POSIX only; else decided here).
    """
    import multiprocessing

    total = sum(len(tids) for _, tids in queries)
    if workers <= 1 or total < MIN_PARALLEL_PAIRS or "fork" not in multiprocessing.get_all_start_methods():
        return [[decide(query, texts[tid]) for tid in tids] for query, tids in queries]
    from concurrent.futures import ProcessPoolExecutor

    # One part per worker, cut from the queries ordered by their first candidate: the copies of one
    # story ask about the same sentences, so each worker meets (and caches) mostly its own texts.
    order = sorted(range(len(queries)), key=lambda q: (queries[q][1][0] if queries[q][1] else -1, q))
    per_part = total / workers
    parts: list[list[int]] = [[]]
    size = 0
    for q in order:
        if size >= per_part * len(parts) and len(parts) < workers:
            parts.append([])
        parts[-1].append(q)
        size += len(queries[q][1])
    chunks = [[queries[q] for q in part] for part in parts if part]
    import gc

    _SHARED.update(texts=texts, decide=decide)
    # Keep the collector's hands off the inherited objects, so the workers do not copy their pages.
    gc.collect()
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            out: list[list[bool]] = [[] for _ in queries]
            for part, result in zip((p for p in parts if p), pool.map(_decide_chunk, chunks)):
                for q, verdicts in zip(part, result):
                    out[q] = verdicts
    finally:
        gc.unfreeze()
        _SHARED.clear()
    return out
