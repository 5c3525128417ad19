"""Quick entry points: summarize one text, or several texts on one story, with the pipeline's stages.

    import briefing
    briefing.summarize_article(text, sentences=3)          # -> list[str], in article order
    briefing.summarize_cluster([text_a, text_b], words=300) # -> list[str], strongest first

Thin over the pipeline: both clean the text as ``briefing build`` does (ingest.article_from_text),
run the pipeline's per-article stage on it (pipeline.article_result: split, rate with a summarizer
from summarize.SUMMARIZERS, select) and, for a cluster, the story stage's merge and story
summarizer (stories.story_pool) exactly as in a brief; only the choices differ (no sections, a
word budget). Sentences are copied verbatim, never rewritten. The evaluation harness
(``briefing eval``) measures these two.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.errors import SummarizerError
from briefing.ingest import InputSkipped, article_from_text
from briefing.models import Article
from briefing.pipeline import article_result, story_article
from briefing.settings import Settings
from briefing.stories import story_pool
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
    selector = Selector(summarizer, None, sentences=n, per_section=0)
    return [p.text for p in article_result(article, selector, grouping=False).points]


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
    texts: Sequence[str], *, method: str | None = None, threshold: float | None = None,
    candidates: int | None = None,
) -> StoryPool | None:
    """The merged candidates of several texts on one story, rated for briefing.storysum (what
    ``summarize_cluster`` chooses from; the evaluation chooses from it with each grid weight).
    candidates: summary-length sentences taken from each text (default ``CLUSTER_CANDIDATES``).
    None when no text is usable."""
    summarizer = get_summarizer(method or CLUSTER_METHOD)
    threshold = float(threshold if threshold is not None else _default("merge_threshold"))  # type: ignore[arg-type]
    articles = [a for a in (_article(t, i) for i, t in enumerate(texts)) if a is not None]
    if not articles:
        return None
    selector = Selector(summarizer, None, sentences=candidates or CLUSTER_CANDIDATES, per_section=0)
    members = [story_article(article_result(a, selector, grouping=False)) for a in articles]
    return story_pool([p for m in members for p in m.points], members, threshold)


# Within each article, position picks the candidates; the story summarizer (briefing.storysum)
# weighs them across the cluster (weights chosen on Multi-News by cross-validation, docs/quality.md).
CLUSTER_METHOD = "lead"
# Sentences each article offers: chosen with the weights by cross-validation on Multi-News
# (briefing.evaluate.clustercv.CANDIDATE_GRID; the shipped value is the choice on all clusters).
CLUSTER_CANDIDATES = 15
