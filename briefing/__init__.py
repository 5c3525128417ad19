"""briefing: turn a day's news articles into a Word policy brief.

    import briefing
    brief = briefing.build_brief(["seeds/"])
    brief.save_docx("out/brief.docx")

Everything public is importable from here; the modules behind it are private.
"""

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
    "point_similarity": "briefing.samepoint",
    "same_point": "briefing.samepoint",
    "Article": "briefing.models",
    "Brief": "briefing.models",
    "Citation": "briefing.models",
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
    "brief_from_articles": "briefing.pipeline",
    "build_brief": "briefing.pipeline",
    "write_brief": "briefing.pipeline",
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


def __getattr__(name: str):
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
    "Summarizer",
    "SummarizerError",
    "TemplateError",
    "__version__",
    "brief_from_articles",
    "build_brief",
    "docx_to_pdf",
    "extract_quotes",
    "get_summarizer",
    "load_articles",
    "load_sections",
    "load_settings",
    "point_similarity",
    "render_markdown",
    "same_point",
    "split_sentences",
    "summarize_article",
    "summarize_cluster",
    "write_brief",
]
