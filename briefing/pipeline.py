"""The pipeline, top to bottom: ingest -> sentences -> summarize -> merge -> route -> Brief."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from pathlib import Path

from briefing.errors import NoUsableInputError
from briefing.ingest import load_articles
from briefing.merge import Merger
from briefing.models import Article, Brief, SentenceSpan, SourceRef
from briefing.route import Router
from briefing.sections import SectionMatcher, load_sections
from briefing.sentences import split_sentences
from briefing.settings import Settings, load_settings
from briefing.summarize import Selector, get_summarizer


def build_brief(
    inputs: Iterable[str | Path] | str | Path,
    settings: Settings | None = None,
) -> Brief:
    """Read the articles under inputs and return the finished Brief.

    Inputs that cannot be used are listed in ``Brief.skipped``; NoUsableInputError is raised only
    when none can be used.
    """
    settings = settings or load_settings()
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    inputs = list(inputs)

    loaded = load_articles(inputs, max_bytes=settings.max_article_bytes)
    if not loaded.articles:
        raise NoUsableInputError(_no_usable_message(inputs, loaded.skipped))
    return brief_from_articles(loaded.articles, settings, skipped=loaded.skipped)


def _no_usable_message(inputs: list, skipped: Iterable, show: int = 3) -> str:
    """One line: what was given and why nothing could be used (the first few reasons)."""
    skipped = list(skipped)
    named = ", ".join(str(i) for i in inputs[:show])
    if len(inputs) > show:
        named += f" and {len(inputs) - show} more"
    reasons = "; ".join(f"{s.input}: {s.reason}" for s in skipped[:show])
    if len(skipped) > show:
        reasons += f"; and {len(skipped) - show} more skipped"
    message = f"no usable article in {named}" + (f" ({reasons})" if reasons else " (nothing to read)")
    return " ".join(message.split())


def brief_from_articles(
    articles: Iterable[Article], settings: Settings, *, skipped: Iterable = ()
) -> Brief:
    """Summarize, merge and route already-ingested articles into a Brief."""
    articles = list(articles)
    sections = load_sections(settings.sections_file)
    selector = Selector(
        get_summarizer(settings.summarizer),
        SectionMatcher(sections),
        sentences=settings.sentences,
        per_section=settings.per_section,
    )

    spans: dict[str, list[SentenceSpan]] = {}
    points = []
    for article in articles:
        spans[article.id] = split_sentences(article.text)
        points.extend(selector.select(article, spans[article.id]))

    by_id = {a.id: a for a in articles}
    merged = Merger(threshold=settings.merge_threshold).merge(points, by_id, spans)

    router = Router(
        sections,
        key_points=settings.key_points,
        max_points=settings.max_points_per_section,
    )
    key_points, routed = router.route(merged)

    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)
    return Brief(
        title=settings.title,
        date=settings.date or _dt.date.today(),
        created=now,
        key_points=key_points,
        sections=routed,
        sources=tuple(
            SourceRef(id=a.id, source=a.source, title=a.title, date=a.date, url=a.url, path=a.path)
            for a in articles
        ),
        skipped=tuple(skipped),
        summarizer=settings.summarizer,
        handling=settings.handling,
        author=settings.author,
    )


def write_brief(brief: Brief, settings: Settings, output: str | Path | None = None) -> Path:
    """Save the brief in the format the settings ask for; return the path written."""
    target = Path(output or settings.output)
    if settings.format == "json":
        return brief.save_json(target)
    return brief.save_docx(target, template=settings.template)
