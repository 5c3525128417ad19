"""The data that flows through the pipeline: Article -> Point -> Section -> Brief.

All models are frozen: a stage never changes what an earlier stage produced, it makes new objects.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(_Frozen):
    """One cleaned article and what is known about it."""

    id: str = Field(description="Stable identifier: a hash of origin and cleaned text.")
    source: str = Field(description="Outlet, e.g. 'Reuters', 'CNN'; 'Unknown' when not found.")
    title: str
    date: _dt.date | None = None
    url: str | None = None
    path: str | None = Field(default=None, description="File the article was read from.")
    place: str | None = Field(default=None, description="Dateline location, e.g. 'BRUSSELS'.")
    author: str | None = Field(default=None, description="Byline, when the page names one.")
    text: str = Field(description="Cleaned text: one paragraph per line, boilerplate removed.")
    removed: tuple[str, ...] = Field(
        default=(), description="Lines or fragments the cleaner removed, for auditing."
    )

    @property
    def origin(self) -> str:
        """Where the article came from: its URL, else its file path, else its id."""
        return self.url or self.path or self.id


class SentenceSpan(_Frozen):
    """One sentence of an article's cleaned text."""

    index: int = Field(description="Position of the sentence in the article, from 0.")
    start: int = Field(description="Character offset of the sentence in Article.text.")
    end: int
    text: str


class Citation(_Frozen):
    """Where a point is stated: one sentence of one article."""

    article_id: str
    source: str
    sentence: int = Field(description="Sentence position in the article, from 0.")
    start: int = Field(description="Character offset in the article's cleaned text.")
    end: int


class Point(_Frozen):
    """One statement for the brief, copied verbatim from an article, with its provenance."""

    text: str
    score: float = Field(description="Strength of the point, 0..1; higher is stronger.")
    citations: tuple[Citation, ...] = Field(min_length=1)
    method: str = Field(default="", description="Summarizer that selected the point.")
    topics: tuple[tuple[str, float], ...] = Field(
        default=(), description="Section keys and topic scores the point matched."
    )
    first_reported: _dt.date | None = Field(
        default=None,
        description="Set when an earlier brief already reported the point (the date of that "
        "brief); None for a point that is new. Daily briefs show such points under "
        "'Previously reported' only when a new source adds to them.",
    )

    @property
    def sources(self) -> tuple[str, ...]:
        """Distinct outlet names citing this point, in citation order."""
        seen: dict[str, None] = {}
        for c in self.citations:
            seen.setdefault(c.source, None)
        return tuple(seen)

    @property
    def article_ids(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for c in self.citations:
            seen.setdefault(c.article_id, None)
        return tuple(seen)

    @property
    def corroborated(self) -> bool:
        """True when two or more distinct outlets report the point."""
        return len(self.sources) > 1


class SectionSpec(_Frozen):
    """A section as configured: what it is about and how to recognise its material."""

    key: str
    title: str
    description: str = ""
    order: int = 0
    terms: dict[str, float] = Field(default_factory=dict)
    phrases: dict[str, float] = Field(default_factory=dict)
    min_score: float = 2.0


class Quote(_Frozen):
    """A direct quotation from an article, with the speaker its sentence names."""

    speaker: str
    text: str = Field(description="The words inside the quotation marks, verbatim.")
    citations: tuple[Citation, ...] = Field(min_length=1)

    @property
    def sources(self) -> tuple[str, ...]:
        """Distinct outlet names reporting the quote, in citation order."""
        return tuple(dict.fromkeys(c.source for c in self.citations))


class Section(_Frozen):
    """A section of the brief with the points routed to it."""

    key: str
    title: str
    description: str = ""
    points: tuple[Point, ...] = ()
    note: str | None = Field(
        default=None, description="One line said instead of bullets when there are no points."
    )


class SourceRef(_Frozen):
    """An article used for the brief, as listed under Sources."""

    id: str
    source: str
    title: str
    date: _dt.date | None = None
    url: str | None = None
    path: str | None = None


class Skipped(_Frozen):
    """An input that could not be used, and why."""

    input: str
    reason: str


class Brief(_Frozen):
    """The finished brief. Save it with save_docx(), or dump it with model_dump_json()."""

    title: str
    date: _dt.date
    created: _dt.datetime
    key_points: tuple[Point, ...] = ()
    sections: tuple[Section, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    quotes: tuple[Quote, ...] = Field(default=(), description="Key quotes (briefing.quotes).")
    summarizer: str = ""
    handling: str | None = Field(default=None, description="Distribution/handling line.")
    author: str = "briefing"

    @property
    def points(self) -> tuple[Point, ...]:
        """Every point in the brief: key points first, then section by section."""
        return self.key_points + tuple(p for s in self.sections for p in s.points)

    @property
    def period(self) -> tuple[_dt.date, _dt.date] | None:
        """Earliest and latest article date, when any article is dated."""
        dates = sorted(s.date for s in self.sources if s.date)
        return (dates[0], dates[-1]) if dates else None

    def save_docx(
        self, path: str | Path, template: str | Path | None = None, date_format: str = "%-d %B %Y"
    ) -> Path:
        """Write the brief as a Word document (atomically) and return the path written."""
        from briefing.render import render_docx

        return render_docx(self, path, template=template, date_format=date_format)

    def save_markdown(self, path: str | Path, date_format: str = "%-d %B %Y") -> Path:
        """Write the brief as Markdown (atomically) and return the path written."""
        from briefing._io import atomic_write_text
        from briefing.markdown import render_markdown

        return atomic_write_text(path, render_markdown(self, date_format=date_format))

    def save_json(self, path: str | Path) -> Path:
        """Write model_dump_json() to path (atomically) and return the path written."""
        from briefing._io import atomic_write_text

        return atomic_write_text(path, self.model_dump_json(indent=2) + "\n")
