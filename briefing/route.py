"""Route: put each merged point into the one section where it scores highest.

A point's topic scores come from the section definitions (briefing.sections). A point goes to the
section with the highest score, provided it reaches that section's ``min_score``; points that fit
no section stay out of the topic sections (they can still be key points). The strongest points
overall become the brief's "Key points"; a key point is not repeated in its section, but a
section never gives up its last point to the key points. A section left with no material says so
in one line.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.models import Point, Section, SectionSpec
from briefing.sections import SectionMatcher

EMPTY_NOTE = "Nothing on this topic in today's sources."


def strength(point: Point) -> float:
    """Ranking weight of a point across the brief: its score, raised when outlets corroborate it."""
    return point.score * (1.0 + 0.25 * (len(point.sources) - 1))


class Router:
    """Assigns points to sections and picks the key points."""

    def __init__(
        self,
        sections: Sequence[SectionSpec],
        *,
        key_points: int = 5,
        max_points: int = 6,
        empty_note: str = EMPTY_NOTE,
    ):
        self.sections = tuple(sections)
        self.matcher = SectionMatcher(self.sections)
        self.key_points = key_points
        self.max_points = max_points
        self.empty_note = empty_note

    def section_of(self, point: Point) -> str | None:
        """The key of the best-scoring section the point belongs to, or None."""
        topics = self.matcher.topics(point.text)
        return topics[0][0] if topics else None

    def route(self, points: Sequence[Point]) -> tuple[tuple[Point, ...], tuple[Section, ...]]:
        """Return (key points, sections with their points)."""
        ranked = sorted(points, key=lambda p: (-strength(p), p.text))
        buckets: dict[str, list[Point]] = {s.key: [] for s in self.sections}
        home: dict[int, str | None] = {}
        for p in ranked:
            key = self.section_of(p)
            home[id(p)] = key
            if key is not None and len(buckets[key]) < self.max_points:
                buckets[key].append(p)
        key_points: list[Point] = []
        for p in ranked:
            if len(key_points) >= self.key_points:
                break
            key = home[id(p)]
            if key is None:
                key_points.append(p)
            elif p in buckets[key] and len(buckets[key]) > 1:
                buckets[key].remove(p)
                key_points.append(p)
        sections = tuple(
            Section(
                key=spec.key,
                title=spec.title,
                description=spec.description,
                points=tuple(buckets[spec.key]),
                note=None if buckets[spec.key] else self.empty_note,
            )
            for spec in self.sections
        )
        return tuple(key_points), sections
