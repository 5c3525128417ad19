"""Daily runs: which of today's stories continue a story briefed on an earlier day, and what in
them is new.

1. Today's articles get their grouping signatures (``briefing.stories.Signature``) as in any
   build. Each article's heaviest stems look up, in the archive's story index (``story_keys``),
   the stories briefed in the look-back window that share at least two of them: an index
   look-up per article, never a comparison with every archived story or sentence.
2. Those archived stories join today's signatures as one signature each (their days' terms
   summed), and ``StoryGrouper`` groups them all at once: an article grouped with an archived
   story is a *development* of it (the story keeps its id and its first-reported date).
3. Inside a development, what is old is decided against that story's own archive only: the
   sentences of its archived articles and the points its briefs gave. An article most of whose
   sentences are archived sentences is a near-duplicate (a lightly edited copy) and adds
   nothing. A point that restates old material is dropped, unless an outlet that had not
   reported it adds to it (then it is listed under "Previously reported"); what is left is the
   development: only new facts, under the story, marked "first reported DATE".
4. A story that joins no archived story is new. Its points are checked only for exact repeats
   of an archived point (a hash look-up).
"""

from __future__ import annotations

import datetime as _dt
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefing.archive import Archive, ArchivedStory, content_hash
from briefing.models import Point, SectionSpec, Story
from briefing.samepoint import same_point
from briefing.sentences import split_sentences
from briefing.settings import Settings
from briefing.stories import Signature, StoryGrouper

log = logging.getLogger(__name__)

KEY_TERMS = 12  # an article's heaviest stems, looked up in the story index
MAX_CANDIDATES = 10  # archived stories looked at per article
MAX_ARCHIVED_ARTICLES = 12  # of one archived story, the latest, whose sentences are "old"
NEAR_DUPLICATE = 0.6  # share of an article's sentences found verbatim in the story's archive


@dataclass(frozen=True)
class OldText:
    """A sentence or point a story's earlier briefs already had: its text, outlets and date."""

    text: str
    sources: frozenset[str]
    date: _dt.date


@dataclass
class History:
    """What the archive knows of the stories briefed before ``day`` (from ``since`` on)."""

    archive: Archive
    day: _dt.date
    since: _dt.date | None = None
    _stories: dict[str, ArchivedStory | None] = field(default_factory=dict)
    _exact: dict[str, OldText] | None = None

    def candidates(self, sig: Signature) -> list[ArchivedStory]:
        keys = [t for t, _ in sig.terms[:KEY_TERMS]]
        found = []
        for key in self.archive.story_candidates(keys, self.day, since=self.since, limit=MAX_CANDIDATES):
            if key not in self._stories:
                self._stories[key] = self.archive.story(key, self.day)
            story = self._stories[key]
            if story is not None:
                found.append(story)
        return found

    def old_texts(self, story: ArchivedStory) -> list[OldText]:
        """The story's archived articles' sentences (the latest articles), then its points."""
        out: list[OldText] = []
        for article in self.archive.articles_by_id(list(story.article_ids[-MAX_ARCHIVED_ARTICLES:])):
            src = frozenset([article.source])
            out += [OldText(s.text, src, story.first_reported) for s in split_sentences(article.text)]
        out += [OldText(p.text, frozenset(p.sources), p.first_reported or p.date) for p in story.points]
        return out

    def exact(self) -> dict[str, OldText]:
        """Archived points in the window by the hash of their words (for stories that are new)."""
        if self._exact is None:
            self._exact = {}
            for p in self.archive.points_before(self.day, since=self.since):
                h = content_hash(p.text)
                first = p.first_reported or p.date
                old = self._exact.get(h)
                sources = frozenset(p.sources) | (old.sources if old else frozenset())
                self._exact[h] = OldText(p.text, sources, min(first, old.date) if old else first)
        return self._exact


@dataclass
class DayStories:
    """Today's stories against the archive."""

    stories: list[Story] = field(default_factory=list)  # developments trimmed to what is new
    corroborating: list[Point] = field(default_factory=list)  # old points a new outlet adds to
    terms: dict[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)  # story id -> terms
    fresh: int = 0
    repeats: int = 0
    developments: int = 0
    near_duplicates: int = 0


def _summed(sigs: Sequence[Signature]) -> dict[str, float]:
    total: dict[str, float] = {}
    for sig in sigs:
        for t, w in sig.terms:
            total[t] = total.get(t, 0.0) + w
    return total


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    na = math.sqrt(sum(x * x for x in a.values())) or 1.0
    nb = math.sqrt(sum(x * x for x in b.values())) or 1.0
    return sum(x * b.get(t, 0.0) for t, x in a.items()) / (na * nb)


def _top(terms: dict[str, float], n: int = 60) -> tuple[tuple[str, float], ...]:
    return tuple(sorted(((t, round(w, 4)) for t, w in terms.items()), key=lambda tw: (-tw[1], tw[0]))[:n])


def day_stories(
    results: Sequence, settings: Settings, history: History, sections: Sequence[SectionSpec] = ()
) -> DayStories:
    """Group today's per-article results (``pipeline.ArticleResult``, usable ones) with the
    archived stories they may continue, build each story, and keep only what is new."""
    from briefing.pipeline import story_from_results

    out = DayStories()
    sigs: list[Signature] = [r.signature for r in results]
    n = len(sigs)
    archived: dict[str, ArchivedStory] = {}
    for sig in sigs:
        for known in history.candidates(sig):
            archived.setdefault(known.key, known)
    old_list = list(archived.values())
    pseudo = [
        Signature(f"archived:{s.key}", "", None, s.terms, s.headline) for s in old_list
    ]
    groups = StoryGrouper(threshold=settings.story_threshold).group(sigs + pseudo)
    built: list[Story] = []
    for group in groups:
        today = [i for i in group if i < n]
        if not today:
            continue
        members = [results[i] for i in today]
        story = story_from_results(members, settings, sections)
        if story is None:
            continue
        terms = _summed([sigs[i] for i in today])
        olds = [old_list[i - n] for i in group if i >= n]
        if olds:
            best = max(olds, key=lambda s: (_cosine(dict(s.terms), terms), s.key))
            story = _develop(story, best, members, history, settings, out)
        else:
            story = _screen_new(story, history, settings, out)
        if story is not None:
            out.terms[story.id] = _top(terms)
            built.append(story)
    out.stories = sorted(built, key=lambda s: (-s.weight, s.id))
    return out


def _classify(
    story: Story, old: Sequence[OldText], match, skip_articles: set[str], out: DayStories
) -> list[Point]:
    """The story's new points; old ones go to out.corroborating (a new outlet adds) or are
    counted as repeats. Articles in skip_articles (near-duplicates) never count as a new outlet."""
    fresh = []
    for point in story.points:
        matches = [o for o in old if match(point.text, o)]
        if not matches:
            fresh.append(point)
            continue
        old_sources = set().union(*(o.sources for o in matches))
        new_outlets = {c.source for c in point.citations if c.article_id not in skip_articles} - old_sources
        if new_outlets:
            first = min(o.date for o in matches)
            out.corroborating.append(point.model_copy(update={"first_reported": first}))
        else:
            out.repeats += 1
    out.fresh += len(fresh)
    return fresh


def _develop(
    story: Story, archived: ArchivedStory, members: Sequence, history: History, settings: Settings,
    out: DayStories,
) -> Story | None:
    """story (today's articles) as a development of archived: only its new points, or None."""
    old = history.old_texts(archived)
    verbatim = {content_hash(o.text) for o in old}
    near_dups = set()
    for r in members:
        hashes = [content_hash(s[3]) for s in r.sentences]
        if hashes and sum(h in verbatim for h in hashes) >= NEAR_DUPLICATE * len(hashes):
            near_dups.add(r.ref.id)
    out.near_duplicates += len(near_dups)
    threshold = settings.merge_threshold

    def match(text: str, o: OldText) -> bool:
        return same_point(text, o.text, threshold)

    fresh = _classify(story, old, match, near_dups, out)
    # A near-duplicate's own sentences add nothing, even when a light edit changed a few words.
    fresh = [p for p in fresh if not set(p.article_ids) <= near_dups]
    if not fresh:
        log.info("story %r: nothing new since %s", archived.headline, archived.first_reported)
        return None
    out.developments += 1
    key = archived.key
    fresh = [p.model_copy(update={"story_id": key}) for p in fresh]
    return story.model_copy(update={
        "id": key, "lead": fresh[0], "supporting": tuple(fresh[1:]),
        "first_reported": archived.first_reported,
    })


def _screen_new(story: Story, history: History, settings: Settings, out: DayStories) -> Story | None:
    """A story that continues none: only exact repeats of archived points are taken out."""
    exact = history.exact()
    if not exact:
        out.fresh += len(story.points)
        return story
    hashes: dict[str, str] = {}

    def match(text: str, o: OldText) -> bool:
        h = hashes.setdefault(text, content_hash(text))
        return exact.get(h) is o

    old = list({id(exact[h]): exact[h] for h in (content_hash(p.text) for p in story.points) if h in exact}.values())
    fresh = _classify(story, old, match, set(), out) if old else list(story.points)
    if not old:
        out.fresh += len(fresh)
    if not fresh:
        return None
    if len(fresh) == len(story.points):
        return story
    return story.model_copy(update={"lead": fresh[0], "supporting": tuple(fresh[1:])})
