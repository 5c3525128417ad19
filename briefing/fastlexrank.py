"""LexRank, vectorised with numpy: sumy's LexRankSummarizer ranking at a fraction of its cost.

sumy's LexRank (``sumy.summarizers.lex_rank``) compares every pair of sentences in pure Python and
restems every word on every call; on a 40-sentence news article that is most of the pipeline's
time. This module computes the same thing with array operations:

* words: our tokenizer (``briefing.sentences.to_words``), lowercased, sumy's English stop words
  removed, Snowball-stemmed (the same stemmer sumy is given; cached here);
* tf: a term's count in the sentence over the sentence's largest count;
* idf: ``log(N / (1 + n_j))`` with N sentences and n_j of them containing the term (sumy's formula,
  which can be zero or negative; it is squared in the cosine);
* idf-modified cosine between every pair of sentences, one matrix product;
* edges where the cosine exceeds ``threshold`` (0.1), each row divided by its degree;
* sumy's power method with the same stopping rule (``epsilon`` = 0.1), on the same dense matrix with
  the same numpy operations, so the scores, and therefore ties and the order, are the same.

Like sumy, sentences with identical text share one rating (sumy keys its ratings by sentence text);
a degenerate article (no sentence with a scorable word) yields NaN, which the caller ranks last.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from briefing._nlp import stem, stop_words
from briefing.sentences import to_words

THRESHOLD = 0.1
EPSILON = 0.1


@lru_cache(maxsize=1)
def _stops() -> frozenset[str]:
    return frozenset(w.lower() for w in stop_words())


@lru_cache(maxsize=200_000)
def _terms(sentence: str) -> tuple[str, ...]:
    """The stemmed non-stop words of a sentence, in order, repeats kept (sumy's _to_words_set)."""
    stops = _stops()
    lowered = (w.lower() for w in to_words(sentence.strip()))
    return tuple(stem(w) for w in lowered if w not in stops)


def similarity_matrix(sentences: Sequence[str]) -> np.ndarray:
    """The idf-modified cosine of every pair of sentences (sumy's ``cosine_similarity``)."""
    n = len(sentences)
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, s in enumerate(sentences):
        terms = _terms(s)
        rows.extend([i] * len(terms))
        cols.extend([vocab.setdefault(t, len(vocab)) for t in terms])
    v = max(len(vocab), 1)
    flat = np.asarray(rows, dtype=np.intp) * v + np.asarray(cols, dtype=np.intp)
    counts = np.bincount(flat, minlength=n * v).astype(float).reshape(n, v)
    max_tf = counts.max(axis=1)
    max_tf[max_tf == 0] = 1.0
    tf = counts / max_tf[:, None]
    n_j = np.count_nonzero(counts, axis=0)
    idf = np.log(n / (1.0 + n_j))
    weighted = tf * idf  # the cosine's idf squared comes from the product of two such rows
    squares = np.einsum("ij,ij->i", weighted, weighted)
    # Only terms in two or more sentences contribute between sentences: a much narrower product.
    shared = weighted[:, n_j >= 2]
    numerator = shared @ shared.T
    np.fill_diagonal(numerator, squares)
    norms = np.sqrt(squares)
    denominator = np.outer(norms, norms)
    positive = denominator > 0
    return np.where(positive, numerator / np.where(positive, denominator, 1.0), 0.0)


def lexrank_matrix(sentences: Sequence[str], threshold: float = THRESHOLD) -> np.ndarray:
    """The row-normalised LexRank graph: 1/degree where the cosine exceeds threshold, else 0."""
    edges = similarity_matrix(sentences) > threshold
    matrix = edges.astype(float)
    degrees = edges.sum(axis=1).astype(float)
    degrees[degrees == 0] = 1.0
    return matrix / degrees[:, None]


def power_method(matrix: np.ndarray, epsilon: float = EPSILON) -> np.ndarray:
    """sumy's power method, step for step (the same stopping rule and floating-point operations)."""
    transposed = matrix.T
    n = len(matrix)
    p_vector = np.array([1.0 / n] * n)
    lambda_val = 1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        while lambda_val > epsilon:
            next_p = np.dot(transposed, p_vector)
            next_p /= np.linalg.norm(next_p)
            lambda_val = float(np.linalg.norm(np.subtract(next_p, p_vector)))
            p_vector = next_p
    return p_vector


def lexrank_scores(
    sentences: Sequence[str], *, threshold: float = THRESHOLD, epsilon: float = EPSILON
) -> list[float]:
    """LexRank centrality of every sentence, as sumy's LexRankSummarizer rates them."""
    if not sentences:
        return []
    texts = [s.strip() for s in sentences]
    scores = power_method(lexrank_matrix(texts, threshold), epsilon)
    last: dict[str, float] = {}
    for text, score in zip(texts, scores):
        last[text] = float(score)  # sumy's ratings dict: the last of identical sentences wins
    return [last[t] for t in texts]
