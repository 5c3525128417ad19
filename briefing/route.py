"""Route: put the day's stories into the brief's sections, and choose the key points.

Sections hold stories. Each point of a story goes to the section where its topic score (computed
once, when the point was selected) is highest, provided it reaches that section's ``min_score``;
the story then appears in every section that received one of its points, with those points only
(the same story id and headline, the strongest of them as that section's lead), so a story that
touches two topics gives each section its own facts and says nothing twice. A point joins a
section only on enough evidence (briefing.sections decides), or as the continuation of an
on-topic sentence of its article (within ``NEAR`` sentences of it); a story's other off-topic
points are left out, never carried into a section by their story. A story none of whose points
fits a section is off-topic: it is left out, or shown under "Other
news" when the settings ask for it (``other_news``).

Key points are one line per top story (its lead), the strongest stories first, never two lines
for the same story. With sections defined they come only from on-topic stories. A section keeps
its main fact even when that fact is also a key point: each section stands alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.models import Point, Section, SectionSpec, Story

EMPTY_NOTE = "Nothing on this topic in today's sources."
OTHER_NEWS_KEY = "other-news"
OTHER_NEWS_TITLE = "Other news"


def _section_of(point: Point, specs: dict[str, SectionSpec]) -> str | None:
    """The best-scoring section key among the point's topics that reaches its min_score."""
    for key, score in point.topics:  # best first
        spec = specs.get(key)
        if spec is not None and score >= spec.min_score:
            return key
    return None


def _stands_alone(point: Point, *, strict: bool = True) -> bool:
    """Whether a point reads without the sentences before it. briefing.context decides when it is
    there (a reference resolved by a bracketed edit counts as read); otherwise an opening
    pronoun, possessive, back-reference or connective is taken to lean back. Not strict: only a
    pronoun, a back-reference ("The comments"), a connective ("But Trump believes ...") or a cut
    list make it unreadable; an unnamed speaker ("the officials said") does not."""
    try:
        from briefing.context import dangling  # type: ignore[attr-defined]
    except ImportError:
        pattern = _LEANS_BACK if strict else _REFERS_BACK
        return not pattern.match(point.text)
    if strict and not point.stands_alone:
        return False  # the selector found it leaning on its article
    from briefing.context import anywhere_reasons

    # a quotation that opens on a pronoun, or a cut line, leans wherever it stands, whatever a bracket mends
    # further on: "“That's very much on everybody's mind,” [Condoleezza Rice] told reporters ..." led a mixed
    # day's Sanctions at stop 23 (the bracket named the speaker, not what "that" is)
    leans = set(anywhere_reasons(point.text)) & {"pronoun", "cut"}
    edits = getattr(point, "edits", ())
    if edits:
        return not leans or any(e.start <= 1 for e in edits)
    kinds = set(dangling(point.text)) | leans
    return not kinds if strict else not (kinds & {"pronoun", "definite", "cut", "connective"})


_REFERS = (
    r"he|she|they|his|her|their|its|it|this|these|those|"
    r"the (?:comments|remarks|move|statement|decision|officials)"
)
_LEANS_BACK = re.compile(
    r"^[\"“‘'(]*(?:" + _REFERS + r"|but|and|also|however|still|meanwhile)\b", re.IGNORECASE
)
_REFERS_BACK = re.compile(r"^[\"“‘'(]*(?:" + _REFERS + r")\b", re.IGNORECASE)


def _standing(story: Story) -> Story:
    """story shown whole (Other news, or a brief without sections): led by a point that reads
    alone when it has one, and nothing that leans on its article beneath it: beneath the lead only
    other articles' openings and on-topic picks (bench/context_review.md, stop 19: a later sentence
    chosen for its own article's sake leaned on the lead above it one time in five). (A story with
    no point that reads alone is not shown there: its articles stay among the sources.)"""
    points = story.points
    standing = [p for p in points if p.stands_alone]
    if not standing:
        return story
    # beneath the lead: other articles' openings, and what a section found on its topic; a later
    # sentence picked for its article's own sake mostly continues that article's opening
    # ("Senegal is the fifth country in the region where the virus has spread.")
    lead = standing[0]
    under = tuple(p for p in standing[1:] if p.topics or any(c.sentence == 0 for c in p.citations))
    if lead is story.lead and under == story.supporting:
        return story
    return story.model_copy(update={"lead": lead, "supporting": under})


def _said_key(text: str) -> str:
    return " ".join(text.lower().split())


def _unsaid(story: Story, said: set[str]) -> Story | None:
    """story without the points whose sentence a stronger story already put in the brief, word for word
    (the same sentence opening two stories: a site's standing introduction, "In with Chris Hayes team puts
    out a daily call ..." on two posts of its series): None when nothing is left. Nothing is said twice."""
    if not said:
        return story
    left = [p for p in story.points if _said_key(p.text) not in said]
    if len(left) == len(story.points):
        return story
    if not left:
        return None
    return story.model_copy(update={"lead": left[0], "supporting": tuple(left[1:])})


def _lead_of(points: Sequence[Point]) -> Point | None:
    """The point to lead a section's share of a story: the first that reads on its own, else the
    first that is at least readable, else None (the section does not get the story)."""
    return next((p for p in points if _stands_alone(p)), None) or next(
        (p for p in points if _stands_alone(p, strict=False)), None
    )


# A point with no evidence of its own joins a section only as the continuation of an on-topic
# sentence of its article: at most NEAR sentences after (or before) it.
NEAR = 2


def _attach_neighbours(
    story: Story, facets: dict[str | None, list[Point]], loose: list[Point]
) -> None:
    """Give each loose point of the story to the section of an on-topic point next to it in the
    same article ("The package bans ..." after "EU governments agreed new sanctions ..."); the
    rest join no section (a story does not carry its off-topic sentences into one)."""
    if not loose or not facets:
        return
    anchors = [
        (c.article_id, c.sentence, key)
        for key, points in facets.items()
        for p in points
        for c in p.citations
    ]
    order = {id(p): i for i, p in enumerate(story.points)}
    for p in loose:
        best: tuple[int, str] | None = None
        for c in p.citations:
            for art, sent, key in anchors:
                gap = abs(c.sentence - sent)
                if art == c.article_id and gap <= NEAR and (best is None or gap < best[0]):
                    best = (gap, key)  # type: ignore[assignment]
        if best is not None:
            facets[best[1]].append(p)
    for points in facets.values():
        points.sort(key=lambda q: order[id(q)])


class Router:
    """Assigns stories (and their points) to sections and picks the key points."""

    def __init__(
        self,
        sections: Sequence[SectionSpec],
        *,
        key_points: int = 5,
        max_points: int = 6,
        empty_note: str = EMPTY_NOTE,
        other_news: bool = False,
        story_points: int = 4,
    ):
        self.sections = tuple(sections)
        self.specs = {s.key: s for s in self.sections}
        self.key_points = key_points
        self.max_points = max_points
        self.empty_note = empty_note
        self.other_news = other_news
        self.story_points = story_points

    def section_of(self, point: Point) -> str | None:
        """The key of the best-scoring section the point belongs to, or None."""
        return _section_of(point, self.specs)

    def facets(self, story: Story) -> dict[str | None, list[Point]]:
        """The story's points by section key (None: fits no section), each list strongest first."""
        out: dict[str | None, list[Point]] = {}
        for p in story.points:
            out.setdefault(self.section_of(p), []).append(p)
        return out

    def route_stories(
        self, stories: Sequence[Story]
    ) -> tuple[tuple[Point, ...], tuple[Section, ...], tuple[Story, ...]]:
        """(key points, sections holding stories, the stories shown), stories strongest first."""
        ranked = sorted(stories, key=lambda s: -s.weight)  # stable: equal weights keep their order
        buckets: dict[str, list[Story]] = {s.key: [] for s in self.sections}
        used: dict[str, int] = {s.key: 0 for s in self.sections}
        other: list[Story] = []
        shown: list[Story] = []
        on_topic: list[Story] = []
        main: dict[str, Point] = {}
        said: set[str] = set()  # the sentences the brief already says (a site's standing intro opens two stories)
        for candidate in ranked:
            unsaid = _unsaid(candidate, said)
            if unsaid is None:
                continue  # nothing the brief has not said already
            story = unsaid
            facets = self.facets(story)
            loose = facets.pop(None, [])
            # A section gets a story only with an on-topic point that reads on its own to lead it.
            leads = {k: lead for k, v in facets.items() if (lead := _lead_of(v)) is not None}
            facets = {k: v for k, v in facets.items() if k in leads}
            _attach_neighbours(story, facets, loose)
            if not facets:
                if (self.other_news or not self.sections) and any(
                    p.stands_alone and _stands_alone(p, strict=False) for p in story.points
                ):
                    story = _standing(story)
                    story = story.model_copy(update={"supporting": story.supporting[: self.story_points - 1]})
                    other.append(story)
                    shown.append(story)
                    said.update(_said_key(p.text) for p in story.points[: self.story_points])
                continue
            on_topic.append(story)
            # The story's main fact for the key points: its lead, or its strongest on-topic point
            # when the lead itself fits no section.
            main[story.id] = story.lead if self.section_of(story.lead) and story.lead.stands_alone else next(
                (p for p in story.points if self.section_of(p) and p.stands_alone),
                next(p for p in story.points if self.section_of(p)),
            )
            placed: list[Point] = []
            for key, points in facets.items():
                room = min(self.max_points - used[key], self.story_points)
                if room <= 0:
                    continue
                # beneath the lead only what reads alone (a leaning pick can only lead, when the
                # section has nothing else of the story)
                points = [leads[key], *(p for p in points if p is not leads[key] and p.stands_alone)][:room]
                used[key] += len(points)
                buckets[key].append(
                    story.model_copy(update={"lead": points[0], "supporting": tuple(points[1:])})
                )
                placed += points
            said.update(_said_key(p.text) for p in placed)
            if placed:
                kept = {id(p) for p in placed}
                shown.append(story.model_copy(update={
                    "supporting": tuple(p for p in story.supporting if id(p) in kept)
                }))
        pool = on_topic if self.sections else ranked
        shown_ids = {s.id for s in shown}
        # a key point is read alone at the top of the brief: never one that leans on its article
        key_points = tuple(
            p for s in pool if s.id in shown_ids and (p := main.get(s.id, s.lead)).stands_alone
        )[: self.key_points]
        sections = [
            Section(
                key=spec.key,
                title=spec.title,
                description=spec.description,
                stories=tuple(buckets[spec.key]),
                note=None if buckets[spec.key] else self.empty_note,
            )
            for spec in self.sections
        ]
        if other:
            sections.append(
                Section(
                    key=OTHER_NEWS_KEY,
                    title=OTHER_NEWS_TITLE if self.sections else "Stories",
                    stories=tuple(
                        s.model_copy(update={"supporting": s.supporting[: self.story_points - 1]})
                        for s in other[: self.max_points]
                    ),
                )
            )
        return key_points, tuple(sections), tuple(shown)

    def route(self, points: Sequence[Point]) -> tuple[tuple[Point, ...], tuple[Section, ...]]:
        """Loose points (each its own story): (key points, sections)."""
        from briefing.models import loose_story
        from briefing.sections import SectionMatcher

        matcher = SectionMatcher(self.sections)
        points = [p if p.topics else p.model_copy(update={"topics": matcher.topics(p.text)}) for p in points]
        key_points, sections, _ = self.route_stories([loose_story(p) for p in points])
        return key_points, sections
