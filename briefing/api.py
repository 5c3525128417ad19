"""Quick entry points: summarize one text, or several texts on one story, with the pipeline's stages.

    import briefing
    briefing.summarize_article(text, sentences=3)          # -> list[str], in article order
    briefing.summarize_cluster([text_a, text_b], words=300) # -> list[str], strongest first

Both clean the text as ``briefing build`` does (ingest.article_from_text), split it with the
built-in splitter, rate sentences with a registered summarizer (summarize.Selector) and, for a
cluster, merge duplicates across articles (merge.Merger) exactly as in a brief. Sentences are
copied verbatim, never rewritten. The evaluation harness (``briefing eval``) measures these two.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from briefing.errors import SummarizerError
from briefing.ingest import InputSkipped, article_from_text
from briefing.merge import Merger
from briefing.samepoint import same_point
from briefing.models import Article, Point, SentenceSpan
from briefing.sentences import split_sentences, to_words
from briefing.settings import Settings
from briefing.summarize import Selector, get_summarizer


def _default(name: str) -> object:
    return Settings.model_fields[name].default


def _article(text: str, index: int = 0) -> Article | None:
    try:
        return article_from_text(text, path=f"<text {index}>")
    except InputSkipped:
        return None


def summarize_article(text: str, sentences: int | None = None, method: str | None = None) -> list[str]:
    """The ``sentences`` best sentences of one article, in article order, cleaned as the pipeline
    cleans (default: the pipeline's default count and summarizer).

    An empty or all-boilerplate text gives an empty list; an unknown method raises SummarizerError.
    """
    n = int(sentences if sentences is not None else _default("sentences"))  # type: ignore[call-overload]
    summarizer = get_summarizer(method or str(_default("summarizer")))
    article = _article(text)
    if article is None:
        return []
    spans = split_sentences(article.text)
    selector = Selector(summarizer, None, sentences=n, per_section=0)
    return [p.text for p in selector.select(article, spans)]


def _words(text: str) -> int:
    return len(to_words(text))


def summarize_cluster(
    texts: Sequence[str],
    words: int = 300,
    *,
    method: str | None = None,
    threshold: float | None = None,
) -> list[str]:
    """One summary of several articles on the same story: the strongest points first, each stated
    once (merged as in a brief), without section routing, at most ``words`` words.

    Each article contributes its best sentences (by ``method``, default position: ``lead``); a
    point stated by several articles is merged into one; points rank by their rating in their
    article, their closeness to the whole cluster's vocabulary and the number of articles that
    state them. Whole sentences only: a sentence that would overrun the budget is passed over for a
    shorter one.
    """
    if words < 1:
        raise SummarizerError("the word budget must be at least 1")
    summarizer = get_summarizer(method or CLUSTER_METHOD)
    threshold = float(threshold if threshold is not None else _default("merge_threshold"))  # type: ignore[arg-type]
    articles = [a for a in (_article(t, i) for i, t in enumerate(texts)) if a is not None]
    if not articles:
        return []
    # Enough sentences from each article to fill the budget twice over, at ~25 words a sentence.
    per_article = max(3, math.ceil(2 * words / 25 / len(articles)))
    selector = Selector(summarizer, None, sentences=per_article, per_section=0)
    spans: dict[str, list[SentenceSpan]] = {}
    points: list[Point] = []
    for article in articles:
        spans[article.id] = split_sentences(article.text)
        points.extend(selector.select(article, spans[article.id]))
    by_id = {a.id: a for a in articles}
    merged = Merger(threshold=threshold).merge(points, by_id, spans)
    centrality = _centroid_similarity(
        [p.text for p in merged], [s.text for ss in spans.values() for s in ss]
    )
    ranked = [
        p
        for _, p in sorted(
            zip(centrality, merged),
            key=lambda cp: (-cluster_score(cp[1], len(articles), cp[0]), cp[1].text),
        )
    ]

    chosen: list[str] = []
    used = 0
    for p in ranked:
        n = _words(p.text)
        if used + n > words:
            continue
        if any(same_point(p.text, c, threshold) for c in chosen):
            continue
        chosen.append(p.text)
        used += n
        if words - used < 6:
            break
    return chosen


def _centroid_similarity(texts: Sequence[str], pool: Sequence[str]) -> list[float]:
    """Cosine of each text to the TF-IDF centroid of all the cluster's sentences (pool), 0..1."""
    from briefing.newsrank import _content

    bags = [_content(s) for s in pool]
    df: dict[str, int] = {}
    for bag in bags:
        for w in set(bag):
            df[w] = df.get(w, 0) + 1
    n = len(bags) or 1
    idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}

    def vector(bag: Sequence[str]) -> dict[str, float]:
        v: dict[str, float] = {}
        for w in bag:
            v[w] = v.get(w, 0.0) + idf.get(w, math.log(1 + n) + 1.0)
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {w: x / norm for w, x in v.items()}

    centroid: dict[str, float] = {}
    for bag in bags:
        for w, x in vector(bag).items():
            centroid[w] = centroid.get(w, 0.0) + x
    cnorm = math.sqrt(sum(x * x for x in centroid.values())) or 1.0
    sims = []
    for t in texts:
        v = vector(_content(t))
        sims.append(sum(x * centroid.get(w, 0.0) for w, x in v.items()) / cnorm)
    top = max(sims, default=0.0) or 1.0
    return [s / top for s in sims]


def cluster_score(point: Point, n_articles: int, centrality: float = 0.0) -> float:
    """A merged point's rank in a cluster summary: its rating within its article, its closeness to
    the whole cluster's vocabulary, and every other article that states it (corroboration)."""
    n_cited = len({c.article_id for c in point.citations})
    corroboration = (n_cited - 1) / (n_articles - 1) if n_articles > 1 else 0.0
    return (
        point.score
        + CENTRALITY_WEIGHT * centrality
        + CORROBORATION_WEIGHT * corroboration
    )


CENTRALITY_WEIGHT = 0.5
CORROBORATION_WEIGHT = 1.0
# Within each article, position rates the sentences; centrality and corroboration are measured
# across the cluster (chosen on Multi-News, see docs/quality.md).
CLUSTER_METHOD = "lead"
