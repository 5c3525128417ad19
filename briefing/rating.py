"""What a summarizer is: the Summarizer base class (rate every sentence of an article) and the
rank normalization every summarizer's ratings go through. The summarizers themselves, and the
registry of their names, are in briefing.summarize.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar


def _rank_normalize(raw: Sequence[float]) -> list[float]:
    """Map raw ratings to (0, 1] by rank: the best sentence gets 1.0; ties share a value."""
    n = len(raw)
    if n == 0:
        return []
    order = sorted(range(n), key=lambda i: (-raw[i], i))
    out = [0.0] * n
    rank = 0
    for pos, i in enumerate(order):
        if pos and raw[i] != raw[order[pos - 1]]:
            rank = pos
        out[i] = 1.0 - rank / n
    return out


class Summarizer:
    """Rates the sentences of one article; higher is more summary-worthy."""

    name: ClassVar[str] = ""

    def rate(self, sentences: Sequence[str]) -> list[float]:
        """One score per sentence in (0, 1], the best sentence 1.0."""
        raise NotImplementedError
