"""NewsRank: a single-article summarizer for news, built on what news writing does.

News puts its essentials first, so a sentence's position is the strongest single signal (the
Lead-k baseline is hard to beat). NewsRank keeps position as the backbone and adds:

* centrality: a TextRank-style PageRank over the sentence graph (edges weighted by shared stemmed
  content words, normalized by the log of the sentence lengths), so an early sentence that says
  little about the story yields to one that states its core;
* sentence quality: informative length (very short sentences carry little; overlong ones run
  several facts together), quotations (colour, rarely the news), questions, and boilerplate
  ("Follow us on", "Click here", "This story has been updated", "CNN's ... contributed").

The weights were chosen on CNN Corpus articles that are *not* in the evaluation sample of
``briefing eval`` (see docs/quality.md). Everything here is numpy and our own tokenizer: no
download, and about as fast as sumy's TextRank.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import ClassVar

from briefing._nlp import stem, stop_words
from briefing.sentences import words
from briefing.rating import Summarizer, _rank_normalize

_BOILERPLATE = re.compile(
    r"\b(follow (?:us|him|her|them|@\w+)|click here|sign up|subscribe|newsletter|"
    r"read more|watch (?:the )?video|this story (?:has been|was) updated|all rights reserved|"
    r"contributed to this report|editor'?s note|the opinions expressed|photos?:|"
    r"join us on|like us on|copyright)\b",
    re.IGNORECASE,
)
_OPEN_QUOTE = re.compile(r"^[\"“‘']")
_QUOTE_CHARS = re.compile(r"[\"“”]")


@lru_cache(maxsize=131072)
def _content_stem(word: str) -> str:
    """The stem of a content word as written, "" for a stop word, a digit-led or 1-letter token."""
    low = word.lower()
    if low in stop_words() or len(word) < 2 or word[0].isdigit():
        return ""
    return stem(low)


def _content(sentence: str) -> list[str]:
    return [c for c in map(_content_stem, words(sentence)) if c]


def _pagerank(sentences: Sequence[list[str]], damping: float = 0.85, iterations: int = 40) -> list[float]:
    """TextRank centrality (Mihalcea and Tarau 2004) over shared-word sentence similarity.

    The edge between two sentences with at least two distinct content words each is the number of
    words they share over the sum of the logs of their sizes; one sparse incidence product gives
    every pair's shared count at once.
    """
    import numpy as np

    n = len(sentences)
    if n == 1:
        return [1.0]
    distinct = [set(s) for s in sentences]
    sizes = np.array([len(d) for d in distinct], dtype=float)
    # Only words in two or more sentences make edges: the incidence matrix keeps just those.
    df: dict[str, int] = {}
    for d in distinct:
        for t in d:
            df[t] = df.get(t, 0) + 1
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, d in enumerate(distinct):
        for t in d:
            if df[t] > 1:
                rows.append(i)
                cols.append(vocab.setdefault(t, len(vocab)))
    incidence = np.zeros((n, max(len(vocab), 1)), dtype=np.int32)
    incidence[rows, cols] = 1
    shared = (incidence @ incidence.T).astype(float)  # integer product: no BLAS thread start-up
    ok = sizes >= 2
    logs = np.log(np.where(ok, sizes, 2.0))
    valid = np.outer(ok, ok) & (shared > 0)
    np.fill_diagonal(valid, False)
    weights = np.where(valid, shared / np.where(valid, logs[:, None] + logs[None, :], 1.0), 0.0)
    out_degree = weights.sum(axis=1)
    out_degree[out_degree == 0] = 1.0
    transposed = np.ascontiguousarray((weights / out_degree[:, None]).T)
    rank = np.full(n, 1.0 / n)
    # einsum runs numpy's own loop; .dot() calls OpenBLAS, whose threads (one per core, spinning
    # between calls) made forty tiny products per article cost more than the rest of the stage,
    # and a pool of worker processes 2-3x slower than one process (measured: docs/benchmarks.md).
    for _ in range(iterations):
        rank = (1 - damping) / n + damping * np.einsum("ij,j->i", transposed, rank)  # einsum, not BLAS (below)
    top = float(rank.max()) or 1.0
    return [float(r) / top for r in rank]


def _length_quality(n_words: int, ideal: float) -> float:
    """1.0 for a sentence of about the ideal length, less for much shorter or much longer ones."""
    if n_words <= 0:
        return 0.0
    if n_words < ideal:
        return n_words / ideal
    return max(0.0, 1.0 - (n_words - ideal) / (2.5 * ideal))


class NewsRank(Summarizer):
    """Position, centrality and sentence quality, combined linearly."""

    name: ClassVar[str] = "newsrank"

    def __init__(
        self,
        *,
        position: float = 1.0,
        decay: float = 0.15,
        centrality: float = 0.6,
        length: float = 0.6,
        ideal_words: float = 44.0,
        quote_penalty: float = 0.1,
        question_penalty: float = 0.3,
        boilerplate_penalty: float = 1.0,
    ):
        self.position = position
        self.decay = decay
        self.centrality = centrality
        self.length = length
        self.ideal_words = ideal_words
        self.quote_penalty = quote_penalty
        self.question_penalty = question_penalty
        self.boilerplate_penalty = boilerplate_penalty

    def raw_scores(self, sentences: Sequence[str]) -> list[float]:
        """The unnormalized score of every sentence (higher is better)."""
        n = len(sentences)
        if n == 0:
            return []
        content = [_content(s) for s in sentences]
        central = _pagerank(content) if self.centrality else [0.0] * n
        scores = []
        for i, sentence in enumerate(sentences):
            n_words = len(words(sentence))
            score = self.position / (1.0 + self.decay * i)
            score += self.centrality * central[i]
            score += self.length * _length_quality(n_words, self.ideal_words)
            stripped = sentence.strip()
            if _OPEN_QUOTE.match(stripped) or len(_QUOTE_CHARS.findall(stripped)) >= 2:
                score -= self.quote_penalty
            if stripped.endswith("?") or stripped.endswith("?\"") or stripped.endswith("?”"):
                score -= self.question_penalty
            if _BOILERPLATE.search(stripped):
                score -= self.boilerplate_penalty
            scores.append(score)
        return scores

    def rate(self, sentences: Sequence[str]) -> list[float]:
        return _rank_normalize(self.raw_scores(sentences))
