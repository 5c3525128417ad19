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

from collections.abc import Sequence

from briefing.errors import SummarizerError
from briefing.ingest import InputSkipped, article_from_text
from briefing.merge import Merger
from briefing.models import Article, Point, SentenceSpan
from briefing.sentences import split_sentences
from briefing.settings import Settings
from briefing.storysum import StoryPool, StoryWeights
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


def summarize_cluster(
    texts: Sequence[str],
    words: int = 300,
    *,
    method: str | None = None,
    threshold: float | None = None,
    weights: StoryWeights | None = None,
) -> list[str]:
    """One summary of several articles on the same story: the strongest points first, each stated
    once (merged as in a brief), without section routing, at most ``words`` words.

    Each article contributes its first ``CLUSTER_CANDIDATES`` summary-length sentences (rated by
    ``method``, default position: ``lead``); a point stated by several articles is merged into one
    (briefing.merge); the story summarizer (briefing.storysum, the story stage's own) chooses among
    them by position, centrality, corroboration and coverage of the story's shared content, never
    twice the same point. Whole sentences only: one that would overrun the budget is passed over
    for a shorter one.
    """
    if words < 1:
        raise SummarizerError("the word budget must be at least 1")
    pool = cluster_pool(texts, method=method, threshold=threshold)
    if pool is None:
        return []
    return [p.text for p in pool.choose(weights, words=words)]


def cluster_pool(
    texts: Sequence[str], *, method: str | None = None, threshold: float | None = None
) -> StoryPool | None:
    """The merged candidates of several texts on one story, rated for briefing.storysum (what
    ``summarize_cluster`` chooses from; the evaluation chooses from it with each grid weight).
    None when no text is usable."""
    summarizer = get_summarizer(method or CLUSTER_METHOD)
    threshold = float(threshold if threshold is not None else _default("merge_threshold"))  # type: ignore[arg-type]
    articles = [a for a in (_article(t, i) for i, t in enumerate(texts)) if a is not None]
    if not articles:
        return None
    selector = Selector(summarizer, None, sentences=CLUSTER_CANDIDATES, per_section=0)
    spans: dict[str, list[SentenceSpan]] = {}
    points: list[Point] = []
    for article in articles:
        spans[article.id] = split_sentences(article.text)
        points.extend(selector.select(article, spans[article.id]))
    by_id = {a.id: a for a in articles}
    merged = Merger(threshold=threshold).merge(points, by_id, spans)
    return StoryPool.build(
        merged, [(a.id, [(s.index, s.text) for s in spans[a.id]]) for a in articles], threshold
    )


# Within each article, position picks the candidates; the story summarizer (briefing.storysum)
# weighs them across the cluster (weights chosen on Multi-News by cross-validation, docs/quality.md).
CLUSTER_METHOD = "lead"
CLUSTER_CANDIDATES = 10
