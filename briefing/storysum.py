"""The story summarizer: which of a multi-article story's candidate sentences become its points.

One code path for ``briefing.summarize_cluster`` (measured on Multi-News by ``briefing eval``) and
for the story stage (``briefing.stories.build_story``): the candidates (already merged across the
story's articles by briefing.merge, so each carries every article that states it) are rated by

* position: where the sentence sits among its article's summary-length sentences (news puts its
  essentials first), ``1 / (1 + rank / 3)``, the best over the articles that state it;
* length: informative sentences are not fragments, ``min(words, 30) / 30``;
* centrality: cosine of the sentence's TF-IDF vector (stemmed content words, document frequency
  over the story's sentences) to the centroid of all the story's sentences, the best scaled to 1;
* corroboration: the share of the story's *other* articles that carry its content, either as a
  sentence the merger matched (a cited article) or as a near-copy: at least half of the
  sentence's content-word bigrams occur in that article;
* coverage (Gillick and Favre 2009, greedily): the content-word bigrams the sentence adds that no
  chosen sentence has yet, each weighted by the number of further articles that contain it, per
  25 words (so it shrinks as the story's shared facts get covered);

a weighted sum (``StoryWeights``), chosen greedily: each step takes the candidate with the best
rating plus coverage minus ``redundancy`` x its highest cosine to a sentence already chosen, never
a near copy of one (cosine above ``NEAR_COPY``) and never one ``same_point`` calls a duplicate.

Cost: a story of m candidates and s sentences costs O(s) to index, O(m) to rate and O(k m) to choose
k points: bounded by the story's size, never by the day's. The weights are chosen on Multi-News
by 4-fold cross-validation (briefing/evaluate/clustercv.py; docs/quality.md): the shipped ones
are the grid point chosen on all 81 clusters, the reported figure is the held-out one.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

MIN_WORDS = 6  # what counts as a summary-length sentence (as the Selector's defaults)
MAX_WORDS = 80
NEAR_COPY = 0.6  # cosine above which two sentences say the same words: never both chosen
SAME_GATE = 0.15  # below this cosine two sentences share too few words for same_point to be asked
_POSITION_SCALE = 3.0
_LENGTH_CAP = 30
_COVERAGE_WORDS = 25  # coverage counts per 25 words (a sentence's typical length)


@dataclass(frozen=True)
class StoryWeights:
    """How much each rating counts; redundancy is the penalty per unit of cosine to a chosen one."""

    position: float = 1.0
    length: float = 0.0
    centrality: float = 1.0
    corroboration: float = 0.0
    coverage: float = 6.0
    redundancy: float = 0.5


# The grid the cross-validation chooses from (position is the unit the others are measured in).
WEIGHT_GRID: tuple[StoryWeights, ...] = tuple(
    StoryWeights(1.0, ln, c, k, cov, r)
    for ln in (0.0, 0.5)
    for c in (0.5, 1.0, 1.5)
    for k in (0.0, 0.5)
    for cov in (4.0, 6.0, 9.0)
    for r in (0.25, 0.5)
)


@dataclass(frozen=True)
class StoryCandidate:
    """One candidate: its text, and the (article number, sentence index) places that state it
    (the first is where the text comes from)."""

    text: str
    places: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class StoryFeatures:
    """The weight-independent ratings of a story's candidates (compute once, choose many times)."""

    position: tuple[float, ...]
    length: tuple[float, ...]
    centrality: tuple[float, ...]
    corroboration: tuple[float, ...]
    words: tuple[int, ...]
    vectors: tuple[dict[str, float], ...]
    concepts: tuple[dict[tuple[str, str], float], ...] = ()  # bigram -> weight, per candidate

    def ratings(self, w: StoryWeights) -> list[float]:
        return [
            w.position * p + w.length * ln + w.centrality * c + w.corroboration * k
            for p, ln, c, k in zip(self.position, self.length, self.centrality, self.corroboration)
        ]


def _words(text: str) -> int:
    from briefing.sentences import to_words

    return len(to_words(text))


def _unit(bag: Sequence[str], idf: dict[str, float], default: float) -> dict[str, float]:
    v: dict[str, float] = {}
    for t in bag:
        v[t] = v.get(t, 0.0) + idf.get(t, default)
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {t: x / norm for t, x in v.items()}


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def story_features(
    candidates: Sequence[StoryCandidate], articles: Sequence[Sequence[tuple[int, str]]]
) -> StoryFeatures:
    """Ratings of the candidates of one story; articles: each article's (index, text) sentences."""
    from briefing.newsrank import _content

    n_articles = len(articles)
    # Rank of each summary-length sentence in its article; the bigrams of every article.
    rank: list[dict[int, int]] = []
    bigrams: list[set[tuple[str, str]]] = []
    bags: list[list[str]] = []
    for sentences in articles:
        ranks: dict[int, int] = {}
        grams: set[tuple[str, str]] = set()
        for index, text in sentences:
            n = _words(text)
            if MIN_WORDS <= n <= MAX_WORDS:
                ranks[index] = len(ranks)
            bag = _content(text)
            bags.append(bag)
            grams.update(zip(bag, bag[1:]))
        rank.append(ranks)
        bigrams.append(grams)
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(set(bag))
    total = len(bags) or 1
    idf = {t: math.log((1 + total) / (1 + c)) + 1.0 for t, c in df.items()}
    unseen = math.log(1 + total) + 1.0
    centroid: dict[str, float] = {}
    for bag in bags:
        for t, x in _unit(bag, idf, unseen).items():
            centroid[t] = centroid.get(t, 0.0) + x
    cnorm = math.sqrt(sum(x * x for x in centroid.values())) or 1.0
    centroid = {t: x / cnorm for t, x in centroid.items()}

    concept_df: Counter[tuple[str, str]] = Counter()
    for grams in bigrams:
        concept_df.update(grams)
    position, length, central, corroboration, words, vectors = [], [], [], [], [], []
    concepts = []
    for cand in candidates:
        bag = _content(cand.text)
        concepts.append({g: float(concept_df[g] - 1) for g in zip(bag, bag[1:]) if concept_df[g] > 1})
        vec = _unit(bag, idf, unseen)
        vectors.append(vec)
        central.append(_cos(vec, centroid))
        n = _words(cand.text)
        words.append(n)
        length.append(min(n, _LENGTH_CAP) / _LENGTH_CAP)
        best = min(
            (rank[a].get(i, len(rank[a])) for a, i in cand.places if 0 <= a < n_articles), default=0
        )
        position.append(1.0 / (1.0 + best / _POSITION_SCALE))
        if n_articles > 1:
            own = {a for a, _ in cand.places}
            grams = set(zip(bag, bag[1:]))
            copies = sum(
                1
                for a in range(n_articles)
                if a in own or (grams and len(grams & bigrams[a]) >= 0.5 * len(grams))
            )
            corroboration.append((copies - 1) / (n_articles - 1) if copies else 0.0)
        else:
            corroboration.append(0.0)
    top = max(central, default=0.0) or 1.0
    return StoryFeatures(
        position=tuple(position),
        length=tuple(length),
        centrality=tuple(c / top for c in central),
        corroboration=tuple(corroboration),
        words=tuple(words),
        vectors=tuple(vectors),
        concepts=tuple(concepts),
    )


def choose(
    features: StoryFeatures,
    texts: Sequence[str],
    weights: StoryWeights | None = None,
    *,
    words: int | None = None,
    count: int | None = None,
    same: Callable[[str, str], bool] | None = None,
) -> list[int]:
    """Indices of the chosen candidates, in the order chosen (strongest first).

    Stops at ``count`` points or when ``words`` is spent (a sentence that would overrun the budget
    is passed over for a shorter one; whole sentences only). ``same``: a duplicate test (e.g.
    ``same_point``); a candidate it matches with one already chosen is never taken.
    """
    w = weights or DEFAULT_WEIGHTS
    ratings = features.ratings(w)
    m = len(ratings)
    left = set(range(m))
    closest = [0.0] * m  # highest cosine to a chosen candidate
    chosen: list[int] = []
    used = 0
    vec = features.vectors
    concepts = features.concepts
    covered: set[tuple[str, str]] = set()
    top = max((sum(c.values()) for c in concepts), default=0.0) or 1.0

    def gain(i: int) -> float:
        g = ratings[i] - w.redundancy * closest[i]
        if w.coverage and concepts:
            new = sum(x for b, x in concepts[i].items() if b not in covered)
            g += w.coverage * new / top * _COVERAGE_WORDS / max(features.words[i], 1)
        return g

    while left and (count is None or len(chosen) < count):
        if words is not None and words - used < MIN_WORDS:
            break
        fits = [i for i in left if words is None or used + features.words[i] <= words]
        if not fits:
            break
        best = max(fits, key=lambda i: (gain(i), -i))
        left.discard(best)
        if closest[best] > NEAR_COPY:
            continue
        if same and closest[best] >= SAME_GATE and any(
            _cos(vec[best], vec[c]) >= SAME_GATE and same(texts[best], texts[c]) for c in chosen
        ):
            continue
        chosen.append(best)
        if concepts:
            covered.update(concepts[best])
        if words is not None:
            used += features.words[best]
        for i in left:
            s = _cos(vec[best], vec[i])
            if s > closest[i]:
                closest[i] = s
    return chosen


DEFAULT_WEIGHTS = StoryWeights()


# --- from merged points (what summarize_cluster and the story stage hold) -------------------------


@dataclass(frozen=True)
class StoryPool:
    """A story's merged candidate points with their ratings: choose from it with any weights."""

    points: tuple  # tuple[Point, ...], merged across the story's articles (briefing.merge)
    features: StoryFeatures
    threshold: float | None = None  # same_point's threshold for the duplicate test

    @classmethod
    def build(
        cls,
        points: Sequence,
        articles: Sequence[tuple[str, Sequence[tuple[int, str]]]],
        threshold: float | None = None,
    ) -> StoryPool:
        """points: merged Points; articles: (article id, its (index, text) sentences) per article."""
        number = {aid: k for k, (aid, _) in enumerate(articles)}
        candidates = [
            StoryCandidate(
                p.text,
                tuple((number.get(c.article_id, -1), c.sentence) for c in p.citations),
            )
            for p in points
        ]
        features = story_features(candidates, [sentences for _, sentences in articles])
        return cls(tuple(points), features, threshold)

    def choose(
        self, weights: StoryWeights | None = None, *, words: int | None = None, count: int | None = None
    ) -> list:
        """The chosen points, strongest first (see ``choose``)."""
        from briefing.samepoint import DEFAULT_THRESHOLD, same_point

        threshold = DEFAULT_THRESHOLD if self.threshold is None else self.threshold
        texts = [p.text for p in self.points]
        picked = choose(
            self.features, texts, weights, words=words, count=count,
            same=lambda a, b: same_point(a, b, threshold),
        )
        return [self.points[i] for i in picked]

    def order(self, weights: StoryWeights | None = None, *, greedy: int = 12) -> list:
        """Every point, strongest first: the first ``greedy`` chosen as ``choose`` chooses them
        (a repeat of one of them left out), the rest after them by rating alone (so the cost stays
        linear in the story's candidates beyond the first few)."""
        first = self.choose(weights, count=greedy)
        if len(first) >= len(self.points):
            return first
        w = weights or DEFAULT_WEIGHTS
        ratings = self.features.ratings(w)
        taken = {id(p) for p in first}
        vec = self.features.vectors
        index = {id(p): i for i, p in enumerate(self.points)}
        picked = [index[id(p)] for p in first]
        rest = [
            i for i in sorted(range(len(self.points)), key=lambda i: (-ratings[i], i))
            if id(self.points[i]) not in taken
            and all(_cos(vec[i], vec[j]) <= NEAR_COPY for j in picked)
        ]
        return first + [self.points[i] for i in rest]
