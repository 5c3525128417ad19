"""Merge: group points that the dedup module (briefing.samepoint) calls the same point.

Where duplicates are *decided* is briefing.samepoint (``same_point`` and its one threshold); this
module only groups. Inside one story (briefing.stories) a point selected from one article first
also cites every other article of the story that has a sentence stating it, even if that article's
summary did not pick it (a syndicated copy under another outlet's name cites both outlets). Then
points that state the same fact are grouped; each group keeps its clearest sentence, every citation
and its best score.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from briefing.blocking import TextIndex, decide_pairs
from briefing.models import Article, Citation, Point, SentenceSpan
from briefing.samepoint import DEFAULT_THRESHOLD, _features, same_point
from briefing.sentences import to_words

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


def _with_citations(point: Point, places: tuple[tuple, ...]) -> Point:
    """point, also citing the (article_id, source, sentence, start, end) places given."""
    if not places:
        return point
    extra = tuple(
        Citation.model_construct(article_id=a, source=src, sentence=i, start=start, end=end)
        for a, src, i, start, end in places
    )
    return point.model_copy(update={"citations": _dedupe_citations(point.citations + extra)})


class Merger:
    """Groups points that state the same fact and corroborates them across articles.

    Candidates come from briefing.blocking.TextIndex (lossless prefix filtering on rare stems), so
    the work grows with the number of distinct sentences and true matches, not with every pair.
    Articles' sentences can be streamed in with ``add_article`` (then ``merge(points)``), so a
    large run need not keep every article's spans; or passed to ``merge`` as before.
    """

    def __init__(
        self, *, threshold: float = DEFAULT_THRESHOLD, corroborate: bool = True, workers: int = 0
    ):
        self.threshold = threshold
        self.corroborate = corroborate
        self.workers = workers  # processes deciding corroboration candidates (0 or 1: this one)
        self._sentences: TextIndex | None = None

    def add_article(
        self, article_id: str, source: str, spans: Iterable[SentenceSpan | tuple[int, int, int, str]]
    ) -> None:
        """Index one article's sentences (spans, or (index, start, end, text) tuples) for corroboration."""
        if self._sentences is None:
            self._sentences = TextIndex(_features, self.threshold)
        add = self._sentences.add
        for s in spans:
            index, start, end, text = (s.index, s.start, s.end, s.text) if isinstance(s, SentenceSpan) else s
            add(text, (article_id, source, index, start, end))

    def merge(
        self,
        points: Sequence[Point],
        articles: Mapping[str, Article] | None = None,
        spans: Mapping[str, Sequence[SentenceSpan]] | None = None,
    ) -> list[Point]:
        """Merged points, strongest first."""
        points = list(points)
        extras: list[tuple[tuple, ...]] = [()] * len(points)  # corroborating places per point
        if self.corroborate:
            sentences = self._sentences
            if articles and spans:
                sentences = TextIndex(_features, self.threshold)
                for article_id, article_spans in spans.items():
                    source = articles[article_id].source
                    for sp in article_spans:
                        sentences.add(sp.text, (article_id, source, sp.index, sp.start, sp.end))
            if sentences is not None and len(sentences):
                extras = self._corroborate(points, sentences)
        texts = TextIndex(_features, self.threshold)
        for i, p in enumerate(points):
            texts.add(p.text, i)
        uf = _UnionFind(len(points))
        for places in texts.places:  # the same sentence selected from several copies
            for i in places[1:]:
                uf.union(places[0], i)
        by_citation: dict[tuple[str, int], int] = {}
        for i, p in enumerate(points):
            keys = [(c.article_id, c.sentence) for c in p.citations]
            keys += [(place[0], place[2]) for place in extras[i]]
            for key in keys:
                if key in by_citation:
                    uf.union(i, by_citation[key])
                else:
                    by_citation[key] = i
        if self.workers > 1:
            # In parallel: every candidate pair not yet in one group is decided by the workers.
            queries = []
            for tid, text in enumerate(texts.texts):
                first = uf.find(texts.places[tid][0])
                queries.append(
                    (text, [o for o in texts.candidates(text)
                            if o > tid and uf.find(texts.places[o][0]) != first])
                )
            threshold = self.threshold
            decided = decide_pairs(
                queries, texts.texts, lambda a, b: same_point(a, b, threshold), self.workers
            )
            for tid, ((_, others), result) in enumerate(zip(queries, decided)):
                for other, same in zip(others, result):
                    if same:
                        uf.union(texts.places[tid][0], texts.places[other][0])
        for tid, text in enumerate(texts.texts if self.workers <= 1 else ()):
            for other in texts.candidates(text):
                # same_point is symmetric: each pair is decided once, and not at all when the two
                # are already in one group (through a shared citation or another point).
                if other > tid:
                    a, b = texts.places[tid][0], texts.places[other][0]
                    if uf.find(a) != uf.find(b) and same_point(text, texts.texts[other], self.threshold):
                        uf.union(a, b)
        groups: dict[int, list[int]] = defaultdict(list)
        for i in range(len(points)):
            groups[uf.find(i)].append(i)
        # Corroborating citations become Citation objects one group at a time (a feed with many
        # copies of each story would otherwise hold every copy's citations on every point).
        merged = [
            self._combine([_with_citations(points[i], extras[i]) for i in members])
            for group in groups.values()
            for members in self._split_chains(group, points)
        ]
        return sorted(merged, key=lambda p: (-p.score, -len(p.sources), p.text))

    def _corroborate(self, points: list[Point], sentences: TextIndex) -> list[tuple[tuple, ...]]:
        """For each point, the places (one per other article) of sentences there that state it.

        A candidate sentence is only put to ``same_point`` when it could add a citation: not when
        every article it occurs in is the point's own or already cited. Verdicts are kept per
        distinct point text, which syndicated copies share.
        """
        candidates: dict[str, list[int]] = {}
        verdicts: dict[str, dict[int, bool]] = {}
        if self.workers > 1:
            # Decide up front, in parallel, every candidate that could matter to some point with
            # the text (the loop below then only looks verdicts up).
            common: dict[str, set[str]] = {}
            for point in points:
                own = {c.article_id for c in point.citations}
                common[point.text] = common[point.text] & own if point.text in common else own
            queries = []
            for text, own in common.items():
                found = candidates[text] = sentences.candidates(text)
                queries.append(
                    (text, [t for t in found if not all(p[0] in own for p in sentences.places[t])])
                )
            threshold = self.threshold
            decided = decide_pairs(
                queries, sentences.texts, lambda a, b: same_point(a, b, threshold), self.workers
            )
            for (text, tids), result in zip(queries, decided):
                verdicts[text] = dict(zip(tids, result))
        out = []
        for point in points:
            text = point.text
            found = candidates.get(text)
            if found is None:
                found = candidates[text] = sentences.candidates(text)
            verdict = verdicts.setdefault(text, {})
            own = {c.article_id for c in point.citations}
            extra = []
            for tid in found:
                places = sentences.places[tid]
                if all(place[0] in own for place in places):
                    continue
                same = verdict.get(tid)
                if same is None:
                    same = verdict[tid] = same_point(text, sentences.texts[tid], self.threshold)
                if not same:
                    continue
                for place in places:
                    if place[0] in own:
                        continue
                    extra.append(place)
                    own.add(place[0])
            out.append(tuple(extra))
        return out

    def _split_chains(self, members: list[int], points: list[Point]) -> list[list[int]]:
        """Undo chaining: A ~ B and B ~ C put A and C in one group even when A and C state
        different facts. Each point of a group of three or more stays with the strongest point
        it states the same fact as, or starts a group of its own."""
        if len(members) < 3:
            return [members]
        order = sorted(members, key=lambda i: (-points[i].score, i))
        stars: list[tuple[str, list[int]]] = []
        for i in order:
            text = points[i].text
            for centre, star in stars:
                if text == centre or same_point(centre, text, self.threshold):
                    star.append(i)
                    break
            else:
                stars.append((text, [i]))
        return [star for _, star in stars]

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
