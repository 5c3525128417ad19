"""Merge: where duplicates are decided. The same fact from several articles becomes one point.

Two sentences state the same point (``same_point``) when their content words overlap enough
(stemmed non-stop words, ``point_similarity``) and they do not disagree on
numbers or negation ("sanctions will remain" is not "sanctions will not remain"; "10,000 lives" is
not "1,000 lives"). Merging two different facts would lose one, so the rule leans to precision.

``merge_points`` first corroborates: a point selected from one article also cites every other
article that has a sentence stating it, even if that article's summary did not pick it (a
syndicated copy under another outlet's name cites both outlets). Then points that state the same
fact are grouped; each group keeps its clearest sentence, every citation and its best score.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefing._nlp import stem, stop_words
from briefing.models import Article, Citation, Point, SentenceSpan
from briefing.sentences import to_words

DEFAULT_THRESHOLD = 0.6

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor without cannot n't won't can't don't doesn't "
    "didn't isn't aren't wasn't weren't hasn't haven't hadn't shouldn't wouldn't couldn't".split()
)
_SCALE = {"thousand": "000", "million": "000000", "billion": "000000000"}


@dataclass(frozen=True)
class _Features:
    content: frozenset[str]
    numbers: frozenset[str]
    negated: bool
    normalized: str


@lru_cache(maxsize=200_000)
def _features(text: str) -> _Features:
    words = [w.lower().replace("’", "'") for w in to_words(text)]
    stops = stop_words()
    content = frozenset(
        stem(w) for w in words if w not in stops and not w[0].isdigit() and len(w) > 1
    )
    numbers = frozenset(n.replace(",", "") for n in _NUMBER.findall(text))
    negated = any(w in _NEGATIONS or w.endswith("n't") for w in words)
    return _Features(content, numbers, negated, " ".join(words))


def point_similarity(a: str, b: str) -> float:
    """Overlap of the stemmed content words of two sentences, 0..1.

    The mean of the Dice coefficient and the overlap coefficient (shared words over the shorter
    sentence's words), so that a sentence restating another in fewer words still scores high.
    """
    fa, fb = _features(a), _features(b)
    if fa.normalized == fb.normalized:
        return 1.0
    if not fa.content or not fb.content:
        return 0.0
    shared = len(fa.content & fb.content)
    dice = 2 * shared / (len(fa.content) + len(fb.content))
    overlap = shared / min(len(fa.content), len(fb.content))
    return (dice + overlap) / 2


def same_point(a: str, b: str, threshold: float = DEFAULT_THRESHOLD) -> bool:
    """True when sentences a and b state the same fact (the merger's duplicate decision)."""
    fa, fb = _features(a), _features(b)
    if fa.normalized == fb.normalized:
        return True
    if fa.numbers != fb.numbers and fa.numbers and fb.numbers:
        return False
    if fa.negated != fb.negated:
        return False
    return point_similarity(a, b) >= threshold


_GLUED = re.compile(r"[a-z][.!?][A-Za-z]")


def clarity(text: str) -> float:
    """How readable a sentence is on its own; the merger keeps the clearest of a group."""
    n = len(to_words(text))
    score = -abs(n - 25) / 25
    if text[:1].islower():
        score -= 1.0
    if text.count("“") != text.count("”") or text.count('"') % 2:
        score -= 0.5
    if _GLUED.search(text):
        score -= 0.5
    return score


class _Index:
    """Inverted index from content stems to the sentences containing them (candidate blocking)."""

    def __init__(self) -> None:
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.items: list[tuple[str, Citation]] = []

    def add(self, text: str, citation: Citation) -> None:
        idx = len(self.items)
        self.items.append((text, citation))
        for s in _features(text).content:
            self.postings[s].append(idx)

    def candidates(self, text: str, min_shared: float) -> list[int]:
        content = _features(text).content
        counts: dict[int, int] = defaultdict(int)
        for s in content:
            for idx in self.postings.get(s, ()):
                counts[idx] += 1
        need = max(1, int(min_shared * len(content)))
        return [idx for idx, c in counts.items() if c >= need]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _dedupe_citations(citations: Iterable[Citation]) -> tuple[Citation, ...]:
    seen: dict[tuple[str, int], Citation] = {}
    for c in citations:
        seen.setdefault((c.article_id, c.sentence), c)
    return tuple(seen.values())


class Merger:
    """Groups points that state the same fact and corroborates them across articles."""

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD, corroborate: bool = True):
        self.threshold = threshold
        self.corroborate = corroborate

    def merge(
        self,
        points: Sequence[Point],
        articles: Mapping[str, Article] | None = None,
        spans: Mapping[str, Sequence[SentenceSpan]] | None = None,
    ) -> list[Point]:
        """Merged points, strongest first."""
        points = list(points)
        # Blocking: a candidate must share at least a third of the content stems.
        min_shared = self.threshold / 2
        if self.corroborate and articles and spans:
            points = [self._corroborate(p, articles, spans, min_shared) for p in points]
        index = _Index()
        for i, p in enumerate(points):
            index.add(p.text, p.citations[0])
        uf = _UnionFind(len(points))
        by_citation: dict[tuple[str, int], int] = {}
        for i, p in enumerate(points):
            for c in p.citations:
                key = (c.article_id, c.sentence)
                if key in by_citation:
                    uf.union(i, by_citation[key])
                else:
                    by_citation[key] = i
            for j in index.candidates(p.text, min_shared):
                if j != i and same_point(p.text, points[j].text, self.threshold):
                    uf.union(i, j)
        groups: dict[int, list[Point]] = defaultdict(list)
        for i, p in enumerate(points):
            groups[uf.find(i)].append(p)
        merged = [self._combine(g) for g in groups.values()]
        return sorted(merged, key=lambda p: (-p.score, -len(p.sources), p.text))

    def _corroborate(
        self,
        point: Point,
        articles: Mapping[str, Article],
        spans: Mapping[str, Sequence[SentenceSpan]],
        min_shared: float,
    ) -> Point:
        index = self._sentence_index(articles, spans)
        extra = []
        own = {c.article_id for c in point.citations}
        for idx in index.candidates(point.text, min_shared):
            text, citation = index.items[idx]
            if citation.article_id in own:
                continue
            if same_point(point.text, text, self.threshold):
                extra.append(citation)
                own.add(citation.article_id)
        if not extra:
            return point
        return point.model_copy(update={"citations": _dedupe_citations(point.citations + tuple(extra))})

    def _sentence_index(
        self, articles: Mapping[str, Article], spans: Mapping[str, Sequence[SentenceSpan]]
    ) -> _Index:
        key = (id(articles), id(spans))
        cached = getattr(self, "_cached_index", None)
        if cached is not None and cached[0] == key:
            return cached[1]
        index = _Index()
        for article_id, article_spans in spans.items():
            article = articles[article_id]
            for s in article_spans:
                index.add(
                    s.text,
                    Citation(
                        article_id=article_id,
                        source=article.source,
                        sentence=s.index,
                        start=s.start,
                        end=s.end,
                    ),
                )
        self._cached_index = (key, index)
        return index

    @staticmethod
    def _combine(group: list[Point]) -> Point:
        if len(group) == 1:
            return group[0]
        best = max(group, key=lambda p: (clarity(p.text), p.score))
        citations = _dedupe_citations(
            list(best.citations) + [c for p in group if p is not best for c in p.citations]
        )
        topics: dict[str, float] = {}
        for p in group:
            for key, score in p.topics:
                topics[key] = max(score, topics.get(key, 0.0))
        return best.model_copy(
            update={
                "citations": citations,
                "score": max(p.score for p in group),
                "topics": tuple(sorted(topics.items(), key=lambda kv: -kv[1])),
            }
        )
