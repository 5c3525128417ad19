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
)
from briefing.archive import Archive
from briefing.daily import RunLock, run_daily
from briefing.delivery import send_brief
from briefing.feeds import FeedSpec, Fetcher, collect_feeds, load_feeds
from briefing.html import article_from_html
from briefing.ingest import LoadResult, load_articles
from briefing.api import summarize_article, summarize_cluster
from briefing.merge import Merger, point_similarity, same_point
from briefing.models import (
    Article,
    Brief,
    Citation,
    Point,
    Section,
    SectionSpec,
    SentenceSpan,
    Skipped,
    SourceRef,
)
from briefing.pipeline import brief_from_articles, build_brief, write_brief
from briefing.route import Router
from briefing.sections import load_sections
from briefing.sentences import split_sentences
from briefing.settings import Settings, load_settings
from briefing.summarize import SUMMARIZERS, Selector, Summarizer, get_summarizer

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
    "get_summarizer",
    "load_articles",
    "load_sections",
    "load_settings",
    "point_similarity",
    "same_point",
    "split_sentences",
    "summarize_article",
    "summarize_cluster",
    "write_brief",
]
