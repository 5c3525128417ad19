"""briefing: turn a day's news articles into a Word policy brief.

    import briefing
    brief = briefing.build_brief(["seeds/"])
    brief.save_docx("out/brief.docx")   # or briefing.save_brief(brief, "out/brief.md")

Everything public is importable from here; the modules behind it are private.
"""

from typing import TYPE_CHECKING, Any

from briefing.errors import (
    BriefingError,
    ConfigError,
    InputError,
    NoUsableInputError,
    OutputError,
    SummarizerError,
    TemplateError,
    ArchiveError,
    DeliveryError,
    FetchError,
    RunLockedError,
    WorkerError,
)

if TYPE_CHECKING:
    # What mypy and pyright see: the same names as _LAZY below, with their real types. At run time
    # they are imported on first use instead (tests/test_typing.py checks that the two agree).
    from briefing.api import (
        summarize_article as summarize_article,
        summarize_cluster as summarize_cluster,
    )
    from briefing.archive import Archive as Archive
    from briefing.daily import run_daily as run_daily, RunLock as RunLock
    from briefing.delivery import send_brief as send_brief
    from briefing.feeds import (
        collect_feeds as collect_feeds,
        FeedSpec as FeedSpec,
        Fetcher as Fetcher,
        load_feeds as load_feeds,
    )
    from briefing.html import article_from_html as article_from_html
    from briefing.ingest import load_articles as load_articles, LoadResult as LoadResult
    from briefing.markdown import render_markdown as render_markdown
    from briefing.merge import Merger as Merger
    from briefing.storysum import StoryWeights as StoryWeights
    from briefing.samepoint import (
        point_similarity as point_similarity,
        same_point as same_point,
    )
    from briefing.models import (
        Article as Article,
        Brief as Brief,
        Citation as Citation,
        Edit as Edit,
        Point as Point,
        Quote as Quote,
        Section as Section,
        SectionSpec as SectionSpec,
        SentenceSpan as SentenceSpan,
        Skipped as Skipped,
        SourceRef as SourceRef,
        Text as Text,
    )
    from briefing.pdf import docx_to_pdf as docx_to_pdf
    from briefing.context import needs_context as needs_context
    from briefing.dates import date_edits as date_edits
    from briefing.pipeline import (
        brief_from_articles as brief_from_articles,
        build_brief as build_brief,
        build_brief_from_texts as build_brief_from_texts,
    )
    from briefing.output import save_brief as save_brief, write_brief as write_brief
    from briefing.quotes import extract_quotes as extract_quotes, QuoteFinder as QuoteFinder
    from briefing.route import Router as Router
    from briefing.sections import load_sections as load_sections
    from briefing.sentences import split_sentences as split_sentences
    from briefing.settings import load_settings as load_settings, Settings as Settings
    from briefing.summarize import (
        get_summarizer as get_summarizer,
        Selector as Selector,
        Summarizer as Summarizer,
        SUMMARIZERS as SUMMARIZERS,
    )

# Everything but the errors is imported on first use (PEP 562), so that `import briefing` and
# `briefing build` do not load the archive, feeds, e-mail and HTML machinery they do not need.
_LAZY = {
    "Archive": "briefing.archive",
    "RunLock": "briefing.daily",
    "run_daily": "briefing.daily",
    "send_brief": "briefing.delivery",
    "FeedSpec": "briefing.feeds",
    "Fetcher": "briefing.feeds",
    "collect_feeds": "briefing.feeds",
    "load_feeds": "briefing.feeds",
    "article_from_html": "briefing.html",
    "LoadResult": "briefing.ingest",
    "load_articles": "briefing.ingest",
    "summarize_article": "briefing.api",
    "summarize_cluster": "briefing.api",
    "Merger": "briefing.merge",
    "StoryWeights": "briefing.storysum",
    "point_similarity": "briefing.samepoint",
    "same_point": "briefing.samepoint",
    "Article": "briefing.models",
    "Brief": "briefing.models",
    "Citation": "briefing.models",
    "Edit": "briefing.models",
    "needs_context": "briefing.context",
    "date_edits": "briefing.dates",
    "Point": "briefing.models",
    "Quote": "briefing.models",
    "QuoteFinder": "briefing.quotes",
    "extract_quotes": "briefing.quotes",
    "render_markdown": "briefing.markdown",
    "docx_to_pdf": "briefing.pdf",
    "Section": "briefing.models",
    "SectionSpec": "briefing.models",
    "SentenceSpan": "briefing.models",
    "Skipped": "briefing.models",
    "SourceRef": "briefing.models",
    "Text": "briefing.models",
    "brief_from_articles": "briefing.pipeline",
    "build_brief": "briefing.pipeline",
    "build_brief_from_texts": "briefing.pipeline",
    "write_brief": "briefing.output",
    "save_brief": "briefing.output",
    "Router": "briefing.route",
    "load_sections": "briefing.sections",
    "split_sentences": "briefing.sentences",
    "Settings": "briefing.settings",
    "load_settings": "briefing.settings",
    "SUMMARIZERS": "briefing.summarize",
    "Selector": "briefing.summarize",
    "Summarizer": "briefing.summarize",
    "get_summarizer": "briefing.summarize",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'briefing' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__version__ = "0.1.0"

__all__ = [
    "Archive",
    "ArchiveError",
    "DeliveryError",
    "FeedSpec",
    "FetchError",
    "Fetcher",
    "RunLock",
    "RunLockedError",
    "WorkerError",
    "article_from_html",
    "collect_feeds",
    "load_feeds",
    "run_daily",
    "send_brief",
    "SUMMARIZERS",
    "Article",
    "Brief",
    "BriefingError",
    "Citation",
    "ConfigError",
    "InputError",
    "LoadResult",
    "Merger",
    "NoUsableInputError",
    "Edit",
    "OutputError",
    "Point",
    "Quote",
    "QuoteFinder",
    "Router",
    "Section",
    "SectionSpec",
    "Selector",
    "SentenceSpan",
    "Settings",
    "Skipped",
    "SourceRef",
    "StoryWeights",
    "Summarizer",
    "SummarizerError",
    "TemplateError",
    "Text",
    "__version__",
    "brief_from_articles",
    "build_brief",
    "build_brief_from_texts",
    "date_edits",
    "docx_to_pdf",
    "extract_quotes",
    "get_summarizer",
    "load_articles",
    "load_sections",
    "load_settings",
    "needs_context",
    "point_similarity",
    "render_markdown",
    "same_point",
    "save_brief",
    "split_sentences",
    "summarize_article",
    "summarize_cluster",
    "write_brief",
]
