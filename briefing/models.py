"""The data that flows through the pipeline: Article -> Story (its Points) -> Section -> Brief.

All models are frozen: a stage never changes what an earlier stage produced, it makes new objects.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator


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
    kind: str | None = Field(
        default=None, description="'opinion' or 'review' when the page says it is one (briefing.attribution.page_kind)."
    )
    text: str = Field(description="Cleaned text: one paragraph per line, boilerplate removed.")
    removed: tuple[str, ...] = Field(
        default=(), description="Lines or fragments the cleaner removed, for auditing."
    )

    @property
    def origin(self) -> str:
        """Where the article came from: its URL, else its file path, else its id."""
        return self.url or self.path or self.id


class Text(_Frozen):
    """An article given as text rather than a file (``briefing.build_brief_from_texts``).

    The text is cleaned exactly as a file's would be; metadata given here wins over what the text
    says (front matter, a dateline's outlet). The article's id is a hash of the url (if any) and
    the cleaned text, so the same text gets the same id on every run."""

    text: str
    source: str | None = None
    title: str | None = None
    date: _dt.date | None = None
    url: str | None = None


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
    kind: str | None = Field(default=None, description="The article's kind: 'opinion', 'review', or None for news.")
    author: str | None = Field(default=None, description="The opinion's or review's author, when the page names one.")

    @property
    def credit(self) -> str:
        """How the brief credits this citation: the outlet, or "Opinion, Washington Examiner" /
        "Review: Jane Doe, Engadget" for an opinion piece or a review."""
        if not self.kind:
            return self.source
        kind = self.kind.capitalize()
        return f"{kind}: {self.author}, {self.source}" if self.author else f"{kind}, {self.source}"


class Edit(_Frozen):
    """An editorial insertion in square brackets: text[start:end] of a verbatim sentence is shown
    as ``text`` ("His" -> "[Rex Tillerson's]"; start == end inserts: " [24 March 2017]").
    Words outside the brackets are never changed (briefing.context, briefing.dates)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _bracketed(self) -> "Edit":
        inner = self.text.strip()
        if self.end < self.start or not (inner.startswith("[") and inner.endswith("]")):
            raise ValueError("an edit replaces start..end with text in square brackets")
        return self


def apply_edits(text: str, edits: tuple[Edit, ...]) -> str:
    """text with the bracketed edits applied (edits that overlap or fall outside are ignored)."""
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos or e.end > len(text):
            continue
        out.append(text[pos : e.start])
        out.append(e.text)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


class Point(_Frozen):
    """One statement for the brief, copied verbatim from an article, with its provenance.

    ``text`` is the verbatim sentence (citations point into it); ``display`` is what the brief
    shows: the same words with the bracketed ``edits`` (who a pronoun stands for, the date a
    "Friday" means)."""

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
    story_id: str | None = Field(default=None, description="The story the point belongs to.")
    stands_alone: bool = Field(
        default=True,
        description="False when briefing.context found the sentence leaning on its article (an "
        "unresolved reference back: chosen only because a section had nothing on its topic that "
        "reads alone) or a hook rather than news (an opening such as 'Trust the carriers of the "
        "Persian Gulf to cause mischief again.'). Such a point may lead a story of its own or a "
        "section's share of one, never sits beneath another point, and is never a key point.",
    )
    edits: tuple[Edit, ...] = Field(
        default=(), description="Bracketed insertions into text (offsets into text), in order."
    )

    @model_validator(mode="before")
    @classmethod
    def _drop_display(cls, data: object) -> object:
        if isinstance(data, dict) and "display" in data:  # written by model_dump_json
            data = {k: v for k, v in data.items() if k != "display"}
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def display(self) -> str:
        """The text the brief shows: text with its bracketed edits applied."""
        return apply_edits(self.text, self.edits) if self.edits else self.text

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
    exclude: tuple[str, ...] = Field(
        default=(), description="Words or phrases that veto the section for a sentence containing them."
    )
    requires: tuple[str, ...] = Field(
        default=(),
        description="Words or phrases of which a sentence must hold at least one to join the section (none: no such need).",
    )


class Quote(_Frozen):
    """A direct quotation from an article, with the speaker its sentence names."""

    speaker: str
    text: str = Field(description="The words inside the quotation marks, verbatim.")
    citations: tuple[Citation, ...] = Field(min_length=1)
    role: str | None = Field(
        default=None, description="The speaker's role as the article gives it at first mention."
    )

    @property
    def who(self) -> str:
        """Speaker with role, as the Key quotes table shows it ("Rex Tillerson, U.S. Secretary of State")."""
        return f"{self.speaker}, {self.role}" if self.role else self.speaker

    @property
    def sources(self) -> tuple[str, ...]:
        """Distinct outlet names reporting the quote, in citation order."""
        return tuple(dict.fromkeys(c.source for c in self.citations))


class Story(_Frozen):
    """Articles that report the same event, and the points the brief takes from them.

    ``lead`` is the story's main fact; ``supporting`` points follow it, strongest first. Within a
    section a story holds only the points routed there (the same id and headline), so a story that
    touches two sections gives each its own facts and nothing twice.
    """

    id: str
    headline: str = Field(description="The best article's title, else its lead sentence.")
    articles: tuple[str, ...] = Field(min_length=1, description="Article ids (as in Brief.sources).")
    outlets: tuple[str, ...] = Field(description="Distinct outlets of the story's articles.")
    lead: Point
    supporting: tuple[Point, ...] = ()
    first_date: _dt.date | None = None
    last_date: _dt.date | None = None
    topics: tuple[tuple[str, float], ...] = Field(
        default=(), description="Section keys and the story's topic scores, best first."
    )
    weight: float = Field(default=0.0, description="Rank across the brief: coverage, relevance, lead.")
    first_reported: _dt.date | None = Field(
        default=None,
        description="Daily runs: the date an earlier brief first reported this story (then only "
        "what is new appears); None for a new story.",
    )

    @property
    def points(self) -> tuple[Point, ...]:
        return (self.lead,) + self.supporting

    @property
    def article_ids(self) -> tuple[str, ...]:
        return self.articles

    @property
    def corroborated(self) -> bool:
        return len(self.outlets) > 1


class Section(_Frozen):
    """A section of the brief: the stories (each a lead and its supporting points) routed to it.

    ``Section(points=...)`` is also accepted: each point becomes a one-point story of its own.
    """

    key: str
    title: str
    description: str = ""
    stories: tuple[Story, ...] = ()
    note: str | None = Field(
        default=None, description="One line said instead of bullets when there are no points."
    )

    @model_validator(mode="before")
    @classmethod
    def _points_as_stories(cls, data: object) -> object:
        if isinstance(data, dict) and "points" in data:
            data = dict(data)
            points = tuple(data.pop("points") or ())
            data["stories"] = tuple(data.get("stories") or ()) + tuple(loose_story(p) for p in points)
        return data

    @property
    def points(self) -> tuple[Point, ...]:
        """Every point of the section, story by story (lead, then its supporting points)."""
        return tuple(p for s in self.stories for p in s.points)


def loose_story(point: Point) -> Story:
    """A point on its own as a one-point story (for points built outside the stories stage)."""
    import hashlib

    ids = point.article_ids
    key = point.story_id or "p" + hashlib.sha1(point.text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return Story(
        id=key, headline=point.text, articles=ids, outlets=point.sources, lead=point,
        topics=point.topics, weight=point.score, first_reported=point.first_reported,
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
    stories: tuple[Story, ...] = Field(
        default=(), description="The day's stories shown in the brief, strongest first (each whole)."
    )
    summarizer: str = ""
    handling: str | None = Field(default=None, description="Distribution/handling line.")
    author: str = "briefing"

    @property
    def points(self) -> tuple[Point, ...]:
        """Every distinct point in the brief: key points first, then section by section.

        A key point is also its story's lead in a section (each section stands alone); it is
        listed here once."""
        seen: set[tuple[str, tuple[str, ...]]] = set()
        out = []
        for p in self.key_points + tuple(p for s in self.sections for p in s.points):
            key = (p.text, p.article_ids)
            if key not in seen:
                seen.add(key)
                out.append(p)
        return tuple(out)

    @property
    def period(self) -> tuple[_dt.date, _dt.date] | None:
        """Earliest and latest article date, when any article is dated."""
        dates = sorted(s.date for s in self.sources if s.date)
        return (dates[0], dates[-1]) if dates else None

    # Thin wrappers over briefing.output.save_brief (imported when called: the model does not
    # import its views).
    def save_docx(
        self, path: str | Path, template: str | Path | None = None, date_format: str = "%-d %B %Y"
    ) -> Path:
        """Write the brief as a Word document (atomically) and return the path written."""
        from briefing.output import save_brief

        return save_brief(self, path, "docx", template=template, date_format=date_format)

    def save_markdown(self, path: str | Path, date_format: str = "%-d %B %Y") -> Path:
        """Write the brief as Markdown (atomically) and return the path written."""
        from briefing.output import save_brief

        return save_brief(self, path, "md", date_format=date_format)

    def save_json(self, path: str | Path) -> Path:
        """Write model_dump_json() to path (atomically) and return the path written."""
        from briefing.output import save_brief

        return save_brief(self, path, "json")
