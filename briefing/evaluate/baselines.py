"""The baselines the summarizers are measured against: Lead, first sentences in turn, a
summarizer on the concatenation, MMR; and the word budget every multi-document system follows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

CLUSTER_WORDS = 300


def candidate_sentences(text: str) -> list[str]:
    """A text's sentences as the pipeline sees them: cleaned, split, of summary-worthy length."""
    from briefing.ingest import InputSkipped, article_from_text
    from briefing.sentences import split_sentences
    from briefing.summarize import _eligible

    try:
        article = article_from_text(text)
    except InputSkipped:
        return []
    return [s.text for s in split_sentences(article.text) if _eligible(s, 6, 80)]


def _n_words(text: str) -> int:
    from briefing.sentences import to_words

    return len(to_words(text))


def fill_budget(ranked: Iterable[str], words: int) -> list[str]:
    """Whole sentences in rank order while they fit in the word budget (one that would overrun it
    is passed over for a shorter one): the rule every multi-document system here follows."""
    chosen: list[str] = []
    used = 0
    for s in ranked:
        n = _n_words(s)
        if used + n <= words:
            chosen.append(s)
            used += n
            if words - used < 6:
                break
    return chosen


def first_sentences(documents: Sequence[Sequence[str]], words: int) -> list[str]:
    """The first sentence of each article in turn, then the second of each, ... (Multi-News 'First')."""
    depth = max((len(d) for d in documents), default=0)
    ranked = [d[i] for i in range(depth) for d in documents if i < len(d)]
    return fill_budget(ranked, words)


def rank_concatenation(documents: Sequence[Sequence[str]], words: int, method: str = "lexrank") -> list[str]:
    """A single-document summarizer run on all the articles' sentences at once."""
    from briefing.summarize import get_summarizer

    pool = [s for d in documents for s in d]
    if not pool:
        return []
    ratings = get_summarizer(method).rate(pool)
    ranked = [pool[i] for i in sorted(range(len(pool)), key=lambda i: (-ratings[i], i))]
    return fill_budget(ranked, words)


def _tfidf(sentences: Sequence[str]) -> Any:
    import numpy as np

    from briefing.newsrank import _content

    bags = [_content(s) for s in sentences]
    vocab: dict[str, int] = {}
    for bag in bags:
        for w in bag:
            vocab.setdefault(w, len(vocab))
    m = np.zeros((len(bags), max(1, len(vocab))))
    for i, bag in enumerate(bags):
        for w in bag:
            m[i, vocab[w]] += 1.0
    df = (m > 0).sum(axis=0)
    m *= np.log((1 + len(bags)) / (1 + df)) + 1.0
    norms = np.linalg.norm(m, axis=1)
    norms[norms == 0] = 1.0
    return m / norms[:, None]


def mmr(documents: Sequence[Sequence[str]], words: int, lam: float = 0.7) -> list[str]:
    """Maximal Marginal Relevance (Carbonell and Goldstein 1998): relevance to the cluster's
    TF-IDF centroid, minus similarity to what is already chosen."""
    import numpy as np

    pool = [s for d in documents for s in d]
    if not pool:
        return []
    vectors = _tfidf(pool)
    centroid = vectors.mean(axis=0)
    norm = float(np.linalg.norm(centroid)) or 1.0
    relevance = vectors.dot(centroid / norm)
    sims = vectors.dot(vectors.T)
    chosen: list[int] = []
    used = 0
    left = set(range(len(pool)))
    lengths = [_n_words(s) for s in pool]
    while left and words - used >= 6:
        fits = [i for i in left if used + lengths[i] <= words]
        if not fits:
            break
        def gain(i: int) -> float:
            red = max((sims[i, j] for j in chosen), default=0.0)
            return lam * relevance[i] - (1 - lam) * red
        best = max(fits, key=lambda i: (gain(i), -i))
        chosen.append(best)
        used += lengths[best]
        left.discard(best)
    return [pool[i] for i in chosen]
