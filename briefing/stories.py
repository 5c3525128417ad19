"""Stories: group the day's articles into stories (articles that report the same event).

A news day is made of stories, not loose sentences. Each article is summarised by a small
``Signature`` (its most telling content stems, from the title, the lead and the body, names
counted twice; its outlet and date), computed in the per-article stage. ``StoryGrouper`` then
groups signatures without comparing every pair:

1. the day's document frequencies turn each signature into a unit TF-IDF vector;
2. an inverted index over each article's few highest-weighted *key* stems finds the candidates
   (articles sharing at least ``min_shared`` key stems; stems in more than ``max_df`` of the day's
   articles are not keys, so a posting list never grows with the day);
3. candidate pairs whose cosine reaches ``threshold`` (and whose dates, when both are known, are at
   most ``max_days`` apart) are joined strongest first, and two groups merge only when their
   centroids are also that similar (average-link in effect), so one loose pair cannot chain two
   stories together; a slightly weaker pair joins only when the centroid test passes; a pair whose
   leads name weekdays far apart (``days_apart``) is never joined.

An article joins at most one story; a story may have one article. Cost grows with the number of
articles times the (bounded) candidates each has: near-linear. Grouping quality (B-cubed precision,
recall and F1 on Multi-News clusters mixed with CNN Corpus articles) is measured by ``briefing
eval`` (briefing.evaluate.stories) and reported in docs/quality.md.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import itemgetter, mul
from typing import TYPE_CHECKING

from briefing._nlp import stem, stem_shares, stop_words
from briefing.sentences import words

if TYPE_CHECKING:
    from briefing.models import Story

# Chosen on Multi-News + CNN Corpus folds (briefing eval, docs/quality.md); see StoryGrouper.
DEFAULT_STORY_THRESHOLD = 0.375
DEFAULT_BACKGROUND = 3000.0  # pseudo-articles of English at large in the word weights (StoryGrouper)


@dataclass(frozen=True)
class Signature:
    """What grouping needs to know of one article: a few weighted stems, outlet, date, title."""

    article_id: str
    source: str
    date: _dt.date | None
    terms: tuple[tuple[str, float], ...]  # (stem, weighted count), heaviest first
    title: str = ""
    days: frozenset[int] = frozenset()  # weekdays (Monday 0) the title and lead name: when it happened


_LEAD_SENTENCES = 5
_MAX_TERMS = 60
_DAY_SENTENCES = 2  # the lead sentences whose weekdays date an undated report's event
_WEEKDAYS = {
    d: i for i, d in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
}


def _weekdays(texts: Iterable[str]) -> frozenset[int]:
    """The weekdays named (capitalised, in full) in texts."""
    return frozenset(_WEEKDAYS[w] for t in texts for w in words(t) if w in _WEEKDAYS)


def days_apart(a: frozenset[int], b: frozenset[int]) -> bool:
    """Two reports' lead weekdays say different events: both name a weekday and no weekday of one
    is the same as, or next to, one of the other's (a report may come out the day after)."""
    if not a or not b:
        return False
    return all(min((x - y) % 7, (y - x) % 7) > 1 for x in a for y in b)


def _stems(text: str, stops: frozenset[str] | set[str]) -> Iterable[tuple[str, bool]]:
    """(stem, is_name) for the content words of text; a name is a capitalised word."""
    for w in words(text):
        s = _signature_stem(w, stops)
        if s:
            yield s, w[0].isupper()


@lru_cache(maxsize=131072)
def _signature_stem(word: str, stops: frozenset[str] | set[str]) -> str:
    """The stem of a content word as written ("" for a stop word, a short or digit-led token)."""
    low = word.lower().replace("’", "'")
    if len(low) < 3 or low in stops or not low[0].isalpha():
        return ""
    return stem(low)


class _SignatureStems(dict):  # type: ignore[type-arg]
    """word as written -> (its _signature_stem, capitalised), or None for no content word."""

    _by_stops: dict[int, "_SignatureStems"] = {}

    def __init__(self, stops: frozenset[str] | set[str]):
        super().__init__()
        self.stops = stops

    @classmethod
    def of(cls, stops: frozenset[str] | set[str]) -> "_SignatureStems":
        table = cls._by_stops.get(id(stops))
        if table is None or table.stops is not stops:
            table = cls._by_stops[id(stops)] = cls(stops)
        return table

    def __missing__(self, word: str) -> tuple[str, bool] | None:
        s = _signature_stem(word, self.stops)
        found = (s, word[0].isupper()) if s else None
        self[word] = found
        return found


def signature(
    article_id: str,
    source: str,
    date: _dt.date | None,
    title: str,
    sentences: Sequence[str],
    *,
    title_given: bool = True,
    max_terms: int = _MAX_TERMS,
) -> Signature:
    """The article's grouping signature: stems weighted by where they occur.

    Title words count 3 times (when the article has a real title), lead sentences twice, names
    (capitalised words not opening a sentence) once more; the ``max_terms`` heaviest stems are kept.
    """
    stops = stop_words()
    counts: dict[str, float] = {}
    if title_given and title:
        for s, _ in _stems(title, stops):
            counts[s] = counts.get(s, 0.0) + 3.0
    get = counts.get
    stem_of = _SignatureStems.of(stops)
    for i, sentence in enumerate(sentences):  # _stems, inlined: the per-word loop of every article
        weight = 2.0 if i < _LEAD_SENTENCES else 1.0
        named = weight + 1.0
        first = True
        for s, cap in filter(None, map(stem_of.__getitem__, words(sentence))):
            counts[s] = get(s, 0.0) + (named if cap and not first else weight)
            first = False
    # heaviest first, ties by stem: sorted by stem, then a stable sort by weight (both in C); only
    # the stems as heavy as the max_terms-th heaviest weight can be kept, so only they are sorted
    if 0 < max_terms < len(counts):
        least = sorted(counts.values(), reverse=True)[max_terms - 1]
        top = sorted([kv for kv in counts.items() if kv[1] >= least])
    else:
        top = sorted(counts.items())
    top.sort(key=itemgetter(1), reverse=True)
    lead = sentences[:_DAY_SENTENCES]
    days = _weekdays([title, *lead] if title_given and title else lead)
    return Signature(article_id, source, date, tuple(top[:max_terms]), title, days)


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    # sum(x * b.get(t, 0.0) for t, x in a.items()), the same products in the same order, in C
    return sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))


def _normalise(v: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {t: x / norm for t, x in v.items()}


class _Groups:
    """Union-find whose groups keep a summed vector (for the centroid test)."""

    def __init__(self, vectors: list[dict[str, float]]):
        self.parent = list(range(len(vectors)))
        self.sums: dict[int, dict[str, float]] = {}
        self.vectors = vectors

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def centroid(self, root: int) -> dict[str, float]:
        return self.sums.get(root) or self.vectors[root]

    def union(self, a: int, b: int) -> None:
        keep, drop = min(a, b), max(a, b)
        big = self.sums.pop(keep, None)
        small = self.sums.pop(drop, None)
        big = dict(self.vectors[keep]) if big is None else big
        small = self.vectors[drop] if small is None else small
        if len(small) > len(big):
            big, small = dict(small), big
        for t, x in small.items():  # the smaller vector into the larger, in place
            big[t] = big.get(t, 0.0) + x
        self.parent[drop] = keep
        self.sums[keep] = big


@dataclass
class GroupingStats:
    """What one grouping run did (for benchmarks and tests)."""

    articles: int = 0
    candidate_pairs: int = 0
    compared: int = 0
    joined: int = 0
    stories: int = 0


class StoryGrouper:
    """Groups article signatures into stories (lists of indices into the signatures given).

    threshold: cosine of TF-IDF vectors a pair (and the centroids of two groups) must reach.
    key_terms: how many of an article's heaviest TF-IDF stems index it.
    min_shared: key stems two articles must share to be compared at all.
    max_df: a stem in more than this share of the day's articles is not a key (too common);
        at least ``min_df_cap`` articles are always allowed, so a big story's own names stay keys.
    max_days: articles dated further apart than this are never one story.
    weak: a pair below threshold but above weak * threshold joins only through the centroid test
        (an article close to a story as a whole, not to any one of its articles).
    background: a stem's weight (IDF) counts, besides the day's articles, this many pseudo-articles
        of English at large, in which a stem occurs as often as its share of English words says
        (``background_df``, from the packaged stem memo's frequencies). On a small day the day alone
        cannot tell a story's own names from common words; 0 turns it off.
    doc_words: the length in words of a background pseudo-article.
    weekdays: two articles whose titles and first two sentences name weekdays, none of one the
        same as or next to one of the other's (``days_apart``: "said on Wednesday" against "said
        Friday"), are never joined: their leads date two different events. Without dates, words
        alone cannot tell two events about the same people apart (the seed articles: Tillerson on
        Russia at NATO, on a Wednesday and on a Friday); a report of the day before still joins.
    """

    def __init__(
        self,
        *,
        threshold: float = DEFAULT_STORY_THRESHOLD,
        key_terms: int = 12,
        min_shared: int = 2,
        max_df: float = 0.05,
        min_df_cap: int = 50,
        max_candidates: int = 50,
        max_days: int = 7,
        weak: float = 0.9,
        background: float = DEFAULT_BACKGROUND,
        doc_words: float = 500.0,
        weekdays: bool = True,
    ):
        self.threshold = threshold
        self.key_terms = key_terms
        self.min_shared = min_shared
        self.max_df = max_df
        self.min_df_cap = min_df_cap
        self.max_candidates = max_candidates
        self.max_days = max_days
        self.weak = weak
        self.background = background
        self.doc_words = doc_words
        self.weekdays = weekdays
        self.stats = GroupingStats()

    def vectors(self, signatures: Sequence[Signature]) -> list[dict[str, float]]:
        """Unit TF-IDF vectors (log-scaled counts) over the day's document frequencies."""
        df: Counter[str] = Counter()
        for sig in signatures:
            df.update(t for t, _ in sig.terms)
        n = len(signatures)
        out = []
        m = self.background
        if m > 0:
            shares = stem_shares()
            idf = {
                t: math.log((1 + n + m) / (1 + d + background_df(shares.get(t, 0.0), m, self.doc_words)) + 1.0)
                for t, d in df.items()
            }
        else:
            idf = {t: math.log((1 + n) / (1 + d) + 1.0) for t, d in df.items()}  # once per term
        tf: dict[float, float] = {}  # 1 + log(count), once per count (counts are small numbers)
        for sig in signatures:
            v = {}
            for t, c in sig.terms:
                w = tf.get(c)
                if w is None:
                    w = tf[c] = 1.0 + math.log(c)
                v[t] = w * idf[t]
            out.append(_normalise(v))
        self._df, self._n = df, n
        return out

    def group(self, signatures: Sequence[Signature]) -> list[list[int]]:
        """Stories as lists of signature indices; each index in exactly one story, stories in
        order of their first article, articles within a story in input order."""
        n = len(signatures)
        stats = self.stats = GroupingStats(articles=n)
        if n == 0:
            return []
        vectors = self.vectors(signatures)
        df = self._df
        cap = max(self.min_df_cap, int(self.max_df * n))
        keys: list[list[str]] = []
        postings: dict[str, list[int]] = defaultdict(list)
        for i, v in enumerate(vectors):
            ranked = sorted(v.items())  # heaviest first, ties by stem: two sorts in C
            ranked.sort(key=itemgetter(1), reverse=True)
            ks = [t for t, _ in ranked if 1 < df[t] <= cap]
            ks = ks[: self.key_terms]
            keys.append(ks)
            for t in ks:
                postings[t].append(i)
        edges: list[tuple[float, int, int]] = []
        for i in range(n):
            shared: Counter[int] = Counter()
            for t in keys[i]:
                p = postings[t]  # in increasing order: the articles after i are a tail of it
                shared.update(p[bisect_right(p, i):])
            need = min(self.min_shared, len(keys[i]))
            found = [(c, j) for j, c in shared.items() if c >= need]
            stats.candidate_pairs += len(found)
            found.sort(key=lambda cj: (-cj[0], cj[1]))
            di = signatures[i].date
            for _, j in found[: self.max_candidates]:
                dj = signatures[j].date
                if di and dj and abs((di - dj).days) > self.max_days:
                    continue
                if self.weekdays and days_apart(signatures[i].days, signatures[j].days):
                    continue
                stats.compared += 1
                sim = _cosine(vectors[i], vectors[j])
                if sim >= self.weak * self.threshold:
                    edges.append((sim, i, j))
        edges.sort(key=lambda e: (-e[0], e[1], e[2]))
        groups = _Groups(vectors)
        for sim, i, j in edges:
            a, b = groups.find(i), groups.find(j)
            if a == b:
                continue
            if sim < self.threshold or a != i or b != j or a in groups.sums or b in groups.sums:
                ca, cb = _normalise(groups.centroid(a)), _normalise(groups.centroid(b))
                if _cosine(ca, cb) < self.threshold:
                    continue
            groups.union(a, b)
            stats.joined += 1
        members: dict[int, list[int]] = defaultdict(list)
        for i in range(n):
            members[groups.find(i)].append(i)
        stories = sorted(members.values(), key=lambda m: m[0])
        stats.stories = len(stories)
        return stories


def background_df(share: float, articles: float, words: float) -> float:
    """In how many of ``articles`` background articles of ``words`` words a stem with this share of
    English tokens occurs (at least once, each token drawn independently)."""
    return articles * -math.expm1(-words * share)


def story_id(article_ids: Iterable[str]) -> str:
    """A stable id for a story: a hash of its earliest-listed article's id (the story's seed)."""
    first = min(article_ids)
    return "s" + hashlib.sha1(first.encode("utf-8")).hexdigest()[:12]


# --- building a story from its articles -----------------------------------------------------------

MAX_SUMMARIZED = 12  # articles of one story whose candidates the story summarizer weighs


@dataclass(frozen=True)
class StoryArticle:
    """One article of a story, as the per-article stage left it."""

    id: str
    source: str
    title: str
    title_given: bool
    date: _dt.date | None
    points: tuple  # tuple[Point, ...], the article's selected candidates
    sentences: tuple  # tuple[(index, start, end, text), ...]


def _combine_topics(points: Sequence) -> tuple[tuple[str, float], ...]:
    """A story's topic scores: per section, the sum of its points' scores, best first."""
    totals: dict[str, float] = defaultdict(float)
    for p in points:
        for key, value in p.topics:
            totals[key] += value
    return tuple(sorted(((k, round(v, 4)) for k, v in totals.items()), key=lambda kv: (-kv[1], kv[0])))


def story_weight(n_outlets: int, n_articles: int, lead_score: float, relevance: float) -> float:
    """A story's rank across the brief: the strength of its lead, raised by its coverage (distinct
    outlets count most, further articles a little) and by its relevance to the sections (0..1)."""
    coverage = 1.0 + 0.5 * math.log2(max(n_outlets, 1)) + 0.15 * math.log2(max(n_articles, 1))
    return round(lead_score * coverage * (1.0 + 0.5 * min(max(relevance, 0.0), 1.0)), 6)


def build_story(
    members: Sequence[StoryArticle],
    *,
    threshold: float | None = None,
    max_points: int | None = None,
    relevance: Callable[[tuple[tuple[str, float], ...]], float] | None = None,
) -> Story | None:
    """The story of members: its points chosen by the multi-article summarizer (briefing.storysum)
    among the members' candidates, duplicates merged only among these articles, every outlet cited.
    None when no member has a candidate point (said by the caller, which lists such articles)."""
    from briefing.models import Story
    from briefing.samepoint import DEFAULT_THRESHOLD

    candidates = [p for m in members for p in m.points]
    if not candidates:
        return None
    sid = story_id(m.id for m in members)
    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    if len(members) == 1:
        ranked = sorted(candidates, key=lambda p: (-p.score, p.citations[0].sentence))
    else:
        # A story's points come from its MAX_SUMMARIZED strongest articles (the rest still count
        # as its articles and outlets): the merge inside a story stays bounded however big it is.
        chosen = members
        if len(members) > MAX_SUMMARIZED:
            best = sorted(members, key=lambda m: -max((p.score for p in m.points), default=0.0))
            keep = {m.id for m in best[:MAX_SUMMARIZED]}
            chosen = [m for m in members if m.id in keep]
        ranked = _summarize_story([p for m in chosen for p in m.points], chosen, threshold)
    best_score = ranked[0].score
    ranked = _opening_first(_fold_restatements(ranked))
    ranked = [p.model_copy(update={"story_id": sid}) for p in ranked[:max_points]]  # None: all
    lead = ranked[0]
    lead_article = next((m for m in members if m.id == lead.citations[0].article_id), members[0])
    headline = lead_article.title if lead_article.title_given and lead_article.title else lead.text
    outlets = tuple(dict.fromkeys([*lead.sources, *(m.source for m in members)]))
    dates = sorted(m.date for m in members if m.date)
    topics = _combine_topics(ranked)
    rel = relevance(topics) if relevance else 0.0
    return Story(
        id=sid,
        headline=headline,
        articles=tuple(m.id for m in members),
        outlets=outlets,
        lead=lead,
        supporting=tuple(ranked[1:]),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        topics=topics,
        weight=story_weight(len(set(m.source for m in members)), len(members), best_score, rel),
    )


def _fold_restatements(ranked: list) -> list:
    """The story's points with a point that restates a stronger one from another article folded
    into it (briefing.samepoint.restates): one point, its text the stronger one's, citing both
    outlets (corroboration), instead of the same fact twice in other words ("Serena Williams gave
    birth to a baby girl ..., ESPN reports." / "Serena Williams has given birth to a baby girl, a
    source confirms to E!")."""
    from briefing.samepoint import restates

    out: list = []
    for p in ranked:
        mine = {c.article_id for c in p.citations}
        for k, q in enumerate(out):
            if mine.isdisjoint(c.article_id for c in q.citations) and restates(q.text, p.text):
                topics = dict(q.topics)
                for key, value in p.topics:
                    topics[key] = max(value, topics.get(key, 0.0))
                out[k] = q.model_copy(update={
                    "citations": q.citations + p.citations,
                    "topics": tuple(sorted(topics.items(), key=lambda kv: -kv[1])),
                })
                break
        else:
            out.append(p)
    return out


def _opening_first(ranked: list) -> list:
    """The story's points with its lead an article's opening sentence when one of them is a
    point: a news lede is written to be read first and alone, a later sentence leans on what came
    before it (read by hand, bench/context_review.md). The others keep their order."""
    for k, p in enumerate(ranked):
        if any(c.sentence == 0 for c in p.citations):
            return [p, *ranked[:k], *ranked[k + 1:]] if k else ranked
    return ranked


def _summarize_story(candidates: list, members: Sequence[StoryArticle], threshold: float) -> list:
    """Merged candidates of a multi-article story, strongest first: merged among the story's own
    articles (briefing.merge), then ordered by the story summarizer (briefing.storysum, the code
    path ``summarize_cluster`` is measured through), a candidate that repeats a chosen one dropped."""
    return story_pool(candidates, members, threshold).order()


def story_pool(candidates: Sequence, members: Sequence[StoryArticle], threshold: float):  # -> StoryPool
    """The candidates merged among the members' own sentences (briefing.merge), rated for the
    story summarizer (briefing.storysum): what a story's points, and ``summarize_cluster``'s
    sentences, are chosen from."""
    from briefing.merge import Merger
    from briefing.storysum import StoryPool

    merger = Merger(threshold=threshold)
    for m in members:
        merger.add_article(m.id, m.source, m.sentences)
    merged = merger.merge(candidates)
    return StoryPool.build(
        merged, [(m.id, [(s[0], s[3]) for s in m.sentences]) for m in members], threshold
    )
