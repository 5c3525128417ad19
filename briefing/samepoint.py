"""The score behind ``same_point``: how likely two news sentences are to state the same fact.

A logistic model over lexical features of the pair, fitted on the Microsoft Research Paraphrase
Corpus training file (``briefing eval`` refits it and measures it by cross-validation; see
docs/quality.md). After changing a feature, refit: ``briefing eval`` writes the new WEIGHTS, BIAS
and thresholds under ``msrp.refit`` in out/eval.json (briefing.evaluate.fit_same_point); copy them
here and the threshold to samepoint.DEFAULT_THRESHOLD and Settings.merge_threshold. The features, all
symmetric in the two sentences:

* overlap of stemmed content words (Dice, overlap coefficient, their product and square, and Dice
  weighted by word length, a stand-in for rarity since no corpus statistics ship with briefing);
* n-gram overlap of all stemmed tokens (bigram and trigram Dice; for n = 1..4 the smaller and
  larger of the two n-gram precisions, as in BLEU) and the longest common token subsequence;
* character 3- and 4-gram Dice (spelling variants: "Al-Kut"/"Kut", "per cent"/"percent");
* what is left over: content words only one side has (how many, and the share of the longer
  side), the difference in length, the shorter side's size;
* numbers (both have numbers and they differ; only one has some; they are the same), negation on
  one side only, and names (capitalised words): those only one side has, and the share both have.

Numbers, negation, opposite words ("sanctions will remain" / "sanctions will be lifted") and a
name swapped for another are also hard vetoes in ``same_point``: merging two different facts loses one, so precision comes first.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefing._nlp import stem, stop_words
from briefing.sentences import to_words

_NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")
_NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor without cannot n't won't can't don't doesn't "
    "didn't isn't aren't wasn't weren't hasn't haven't hadn't shouldn't wouldn't couldn't "
    "dont doesnt didnt isnt arent wasnt werent hasnt havent hadnt shouldnt wouldnt couldnt wont cant "
    "unless".split()
)
_SPACES = re.compile(r"\s+")
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero _one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
ROUNDING = 0.1  # figures within 10% of each other are taken to be the same figure, rounded

# Opposite outcomes: one side says the first, the other the second (stems, either direction).
_OPPOSITES_RAW = (
    ("remain", "lift"), ("stay", "lift"), ("keep", "lift"), ("extend", "lift"), ("impose", "lift"),
    ("tighten", "eas"), ("rise", "fall"), ("rose", "fell"), ("increase", "decrease"),
    ("increase", "cut"), ("raise", "lower"), ("raise", "cut"), ("gain", "lose"), ("gain", "loss"),
    ("win", "lose"), ("won", "lost"), ("approve", "reject"), ("accept", "reject"),
    ("support", "oppose"), ("allow", "ban"), ("allow", "forbid"), ("guilty", "innocent"),
    ("convict", "acquit"), ("open", "close"), ("start", "end"), ("begin", "end"), ("up", "down"),
    ("higher", "lower"), ("more", "less"), ("above", "below"), ("confirm", "deny"),
    ("agree", "disagree"), ("join", "leave"), ("resume", "suspend"), ("strengthen", "weaken"),
    ("expand", "shrink"), ("surplus", "deficit"), ("profit", "loss"),
)

# The fitted model (see fit_weights); the order is that of pair_features.
FEATURE_NAMES = (
    "content_dice", "content_overlap", "bigram_dice", "trigram_dice", "lcs", "length_diff",
    "char4_dice", "unmatched_log", "unmatched_min_log", "numbers_differ", "numbers_one_side",
    "negation_one_side", "unmatched_names", "names_both_sides", "p1_min", "p1_max", "p2_min",
    "p2_max", "p3_min", "p3_max", "p4_min", "p4_max", "longer_leftover", "shorter_size_log",
    "numbers_same", "char3_dice", "content_dice_sq", "dice_x_overlap", "weighted_dice",
    "names_jaccard", "weighted_leftover",
)
# Fitted by briefing.evaluate.fit_same_point on the MSRP training file (all 3,676 pairs).
WEIGHTS: tuple[float, ...] = (
    -2.589912,  # content_dice
    1.646084,  # content_overlap
    1.055612,  # bigram_dice
    -0.776186,  # trigram_dice
    6.200605,  # lcs
    1.900560,  # length_diff
    -1.642354,  # char4_dice
    -0.409989,  # unmatched_log
    0.953754,  # unmatched_min_log
    -0.255675,  # numbers_differ
    -0.309740,  # numbers_one_side
    0.000000,  # negation_one_side
    0.107374,  # unmatched_names
    -0.317259,  # names_both_sides
    0.892139,  # p1_min
    -0.786853,  # p1_max
    3.072546,  # p2_min
    -3.484894,  # p2_max
    0.379262,  # p3_min
    -3.936981,  # p3_max
    0.954355,  # p4_min
    -0.839153,  # p4_max
    -0.071642,  # longer_leftover
    -0.283604,  # shorter_size_log
    0.117604,  # numbers_same
    9.733463,  # char3_dice
    4.329166,  # content_dice_sq
    -0.386906,  # dice_x_overlap
    -4.713118,  # weighted_dice
    -0.244785,  # names_jaccard
    -0.260746,  # weighted_leftover
)
BIAS = -2.258106
# same_point needs both: overlap coefficient >= threshold and SCALE * probability >= threshold;
# with the default threshold that is a probability of at least DEFAULT_THRESHOLD / SCALE.
SCALE = 0.35 / 0.55


@lru_cache(maxsize=1)
def _opposites() -> tuple[tuple[str, str], ...]:
    return tuple((stem(a), stem(b)) for a, b in _OPPOSITES_RAW)


@dataclass(frozen=True)
class SentenceInfo:
    """What the pair features need from one sentence (cached per text)."""

    content: frozenset[str]
    stems: tuple[str, ...]
    stem_set: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]
    negated: bool
    n_words: int
    char3: frozenset[int]  # hashes of character 3-grams
    char4: frozenset[int]
    ngrams: tuple[frozenset[int], ...]  # hashes of stem n-grams, n = 1..4


def _char_grams(text: str, n: int) -> frozenset[int]:
    # Hashes, not the strings: the same set arithmetic at a third of the memory (the cache of
    # sentence_info holds tens of thousands of these during a large merge).
    return frozenset(hash(text[i : i + n]) for i in range(len(text) - n + 1))


@lru_cache(maxsize=10_000)
def sentence_info(text: str) -> SentenceInfo:
    words = [w.replace("’", "'") for w in to_words(text)]
    low = [w.lower() for w in words]
    stops = stop_words()
    content = frozenset(stem(w) for w in low if w not in stops and not w[0].isdigit() and len(w) > 1)
    stems = tuple(stem(w) for w in low)
    names = frozenset(
        stem(w.lower()) for i, w in enumerate(words) if i > 0 and w[0].isupper() and w.lower() not in stops
    )
    numbers = frozenset(
        [n.replace(",", "") for n in _NUMBER.findall(text)]
        + [_NUMBER_WORDS[w] for w in low if w in _NUMBER_WORDS]
    )
    negated = any(w in _NEGATIONS or w.endswith("n't") for w in low)
    chars = _SPACES.sub(" ", text.lower())
    grams = tuple(
        frozenset(hash(tuple(stems[i : i + n])) for i in range(len(stems) - n + 1)) for n in (1, 2, 3, 4)
    )
    return SentenceInfo(
        content, stems, frozenset(stems), names, numbers, negated, len(words),
        _char_grams(chars, 3), _char_grams(chars, 4), grams,
    )


def _dice(a: frozenset, b: frozenset) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def overlap_coefficient(a: frozenset, b: frozenset) -> float:
    """Shared items over the smaller set's items, 0..1."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def _lcs_upper_bound(A: SentenceInfo, B: SentenceInfo) -> float:
    """A cheap bound on the lcs feature: a common subsequence uses each shared token at most as
    often as the rarer side has it."""
    from collections import Counter

    ca, cb = Counter(A.stems), Counter(B.stems)
    shared = sum(min(n, cb[t]) for t, n in ca.items() if t in cb)
    return shared / max(len(A.stems), len(B.stems), 1)


def pair_features(a: str, b: str, *, lcs: float | None = None) -> list[float]:
    """The model's features of a sentence pair, in FEATURE_NAMES order.

    ``lcs`` stands in for the longest-common-subsequence feature (the one quadratic feature)
    when given; ``probability_at_least`` passes an upper bound to skip it for clear non-pairs.
    """
    A, B = sentence_info(a), sentence_info(b)
    ca, cb = A.content, B.content
    dice = _dice(ca, cb)
    overlap = overlap_coefficient(ca, cb)
    f = [
        dice,
        overlap,
        _dice(A.ngrams[1], B.ngrams[1]),
        _dice(A.ngrams[2], B.ngrams[2]),
        _lcs(A.stems, B.stems) / max(len(A.stems), len(B.stems), 1) if lcs is None else lcs,
        abs(A.n_words - B.n_words) / max(A.n_words, B.n_words, 1),
        _dice(A.char4, B.char4),
        math.log1p(len(ca - cb)) + math.log1p(len(cb - ca)),
        min(math.log1p(len(ca - cb)), math.log1p(len(cb - ca))),
        1.0 if A.numbers and B.numbers and A.numbers != B.numbers else 0.0,
        1.0 if A.numbers ^ B.numbers else 0.0,
        1.0 if A.negated != B.negated else 0.0,
        float(len(A.names - B.content - B.names) + len(B.names - A.content - A.names)),
        1.0 if (A.names - B.names - B.content) and (B.names - A.names - A.content) else 0.0,
    ]
    for n in range(4):
        ga, gb = A.ngrams[n], B.ngrams[n]
        shared = len(ga & gb)
        pa = shared / len(ga) if ga else 0.0
        pb = shared / len(gb) if gb else 0.0
        f += [min(pa, pb), max(pa, pb)]
    longer, shorter = (ca, cb) if len(ca) >= len(cb) else (cb, ca)
    f += [
        len(longer - shorter) / max(len(longer), 1),
        math.log1p(min(len(ca), len(cb))),
        1.0 if A.numbers and A.numbers == B.numbers else 0.0,
        _dice(A.char3, B.char3),
        dice * dice,
        dice * overlap,
    ]
    # Longer words are rarer: weight the content overlap by word length (an IDF stand-in).
    wa = sum(len(w) for w in ca)
    wb = sum(len(w) for w in cb)
    ws = sum(len(w) for w in ca & cb)
    names = A.names | B.names
    f += [
        2 * ws / (wa + wb) if wa + wb else 0.0,
        len(A.names & B.names) / len(names) if names else 1.0,
        math.log1p(wa - ws) + math.log1p(wb - ws),
    ]
    return f



def probability(a: str, b: str, weights: Sequence[float] | None = None, bias: float | None = None) -> float:
    """The model's probability that a and b state the same fact."""
    w = WEIGHTS if weights is None else weights
    z = (BIAS if bias is None else bias) + sum(x * y for x, y in zip(w, pair_features(a, b)))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def _logistic(features: Sequence[float]) -> float:
    z = BIAS + sum(x * y for x, y in zip(WEIGHTS, features))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


_LCS = FEATURE_NAMES.index("lcs")


def probability_at_least(a: str, b: str, p_min: float) -> bool:
    """``probability(a, b) >= p_min``, deciding most clear non-pairs without the quadratic
    longest-common-subsequence feature: first with that feature at its most favourable bound
    (its upper bound when its weight is positive, else 0), then exactly only if that passes."""
    bound = _lcs_upper_bound(sentence_info(a), sentence_info(b)) if WEIGHTS[_LCS] > 0 else 0.0
    features = pair_features(a, b, lcs=bound)
    if _logistic(features) < p_min:
        return False
    A, B = sentence_info(a), sentence_info(b)
    features[_LCS] = _lcs(A.stems, B.stems) / max(len(A.stems), len(B.stems), 1)
    return _logistic(features) >= p_min


def opposed(a: str, b: str) -> bool:
    """True when one sentence has a word and the other its opposite ("remain" / "lifted")."""
    sa, sb = sentence_info(a).stem_set, sentence_info(b).stem_set
    for x, y in _opposites():
        if (x in sa and y in sb and y not in sa and x not in sb) or (
            y in sa and x in sb and x not in sa and y not in sb
        ):
            return True
    return False


def _value(number: str) -> float | None:
    try:
        if "/" in number:
            top, bottom = number.split("/", 1)
            return float(top) / float(bottom)
        return float(number)
    except (ValueError, ZeroDivisionError):
        return None


def _unmatched(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when a has a number that nothing in b equals, allowing for rounding (4.4 ~ 4)."""
    values = [v for v in (_value(y) for y in b) if v is not None]
    for x in a - b:
        vx = _value(x)
        if vx is None:
            return True
        if not any(abs(vx - vy) <= ROUNDING * max(abs(vx), abs(vy)) for vy in values):
            return True
    return False


def numbers_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when each side has a figure the other lacks: one figure stands where another did
    ("10,000 lives" / "1,000 lives"). Extra figures on one side only are extra detail, and
    figures within rounding of each other (4.4 and 4 percent) agree."""
    return _unmatched(a, b) and _unmatched(b, a)


def name_swapped(a: str, b: str) -> bool:
    """True when the two sentences differ only in one name each, and the names are not spelling
    variants of each other ("Merkel met Macron" / "Merkel met Putin")."""
    A, B = sentence_info(a), sentence_info(b)
    left_a, left_b = A.content - B.content, B.content - A.content
    if len(left_a) != 1 or len(left_b) != 1 or not (left_a <= A.names and left_b <= B.names):
        return False
    (x,), (y,) = left_a, left_b
    x, y = x.replace("'", ""), y.replace("'", "")
    if x in y or y in x:
        return False
    return _dice(_char_grams(x, 3), _char_grams(y, 3)) < 0.5


def vetoed(a: str, b: str) -> bool:
    """The hard vetoes: each side has a figure the other lacks, negation on one side only,
    opposite words, or one name swapped for another."""
    A, B = sentence_info(a), sentence_info(b)
    if numbers_conflict(A.numbers, B.numbers):
        return True
    if A.negated != B.negated:
        return True
    return opposed(a, b) or name_swapped(a, b)




def fit_weights(
    features: Sequence[Sequence[float]], labels: Sequence[bool], *, l2: float = 1.0, iterations: int = 30
) -> tuple[list[float], float]:
    """Logistic regression (Newton's method, L2 on standardized features): (weights, bias) on the
    raw feature scale, ready for ``probability``."""
    import numpy as np

    X = np.asarray(features, dtype=float)
    y = np.asarray(labels, dtype=float)
    mu = X.mean(axis=0)
    sd = X.std(axis=0)
    sd[sd == 0] = 1.0
    Z = np.hstack([(X - mu) / sd, np.ones((len(X), 1))])
    w = np.zeros(Z.shape[1])
    reg = l2 * np.eye(len(w))
    reg[-1, -1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(Z @ w, -50, 50)))
        grad = Z.T @ (p - y) + reg @ w
        hess = (Z * (p * (1 - p))[:, None]).T @ Z + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    raw = w[:-1] / sd
    bias = float(w[-1] - (raw * mu).sum())
    return [float(x) for x in raw], bias


# --- the duplicate decision: same_point and its one threshold ---------------------------------

DEFAULT_THRESHOLD = 0.35  # tuned on MSRP (docs/quality.md); keep Settings.merge_threshold in step
MIN_CONTENT_WORDS = 3  # below this, only the very same words count as the same point
# Two outlets' sentences inside one story (grouped as one event) restate one fact far more often
# than two sentences at large, so a lower bar holds there: chosen on bench/story_restatements.tsv
# (71 pairs of shown bullets from different articles of one story, 81 Multi-News briefs, read by
# hand) as the lowest threshold with no false merge on the even-numbered clusters (0.17: 3 of 15
# restatements merged, 0 wrong), then scored on the odd ones: 5 of 16 merged, 0 wrong. At
# DEFAULT_THRESHOLD none of the 31 is merged. ``bench/story_coverage.py --restatements``.
SAME_STORY_THRESHOLD = 0.17


@dataclass(frozen=True)
class _Features:
    """What blocking and the cheap checks need (numbers, negation and the model's features live
    in briefing.samepoint)."""

    content: frozenset[str]
    normalized: str


@lru_cache(maxsize=200_000)
def _features(text: str) -> _Features:
    words = [w.lower().replace("’", "'") for w in to_words(text)]
    stops = stop_words()
    content = frozenset(
        stem(w) for w in words if w not in stops and not w[0].isdigit() and len(w) > 1
    )
    return _Features(content, " ".join(words))


def point_similarity(a: str, b: str) -> float:
    """How surely two sentences state the same fact, 0..1 (1.0 for the same words).

    ``min(overlap, SCALE * p)``: ``overlap`` is the overlap coefficient of their stemmed content
    words (shared words over the shorter sentence's words) and ``p`` the probability of the
    paraphrase model in briefing.samepoint (lexical features, fitted on the MSRP training file).
    The score never exceeds the overlap coefficient, which the candidate blocking relies on; a
    threshold t asks for an overlap of at least t and a probability of at least t / SCALE.
    """
    fa, fb = _features(a), _features(b)
    if fa.normalized == fb.normalized:
        return 1.0
    if not fa.content or not fb.content:
        return 0.0
    overlap = len(fa.content & fb.content) / min(len(fa.content), len(fb.content))
    if overlap == 0.0:
        return 0.0
    return min(overlap, SCALE * probability(a, b))


def same_point(a: str, b: str, threshold: float = DEFAULT_THRESHOLD) -> bool:
    """True when sentences a and b state the same fact (the merger's duplicate decision).

    Vetoes (briefing.vetoed): each side has a figure the other lacks ("10,000" /
    "1,000 lives"), negation on one side only, or opposite words ("sanctions will remain" /
    "sanctions will be lifted"). A sentence with fewer than MIN_CONTENT_WORDS content words
    matches only its own words. Then ``point_similarity(a, b) >= threshold``.
    """
    fa, fb = _features(a), _features(b)
    if fa.normalized == fb.normalized:
        return True
    # point_similarity(a, b) >= threshold, i.e. min(overlap, SCALE * p) >= threshold, decided
    # cheaply: the overlap first, then the vetoes, then the model without its quadratic feature
    # where it can (each test can only say no, so their order changes the cost, not the answer).
    if min(len(fa.content), len(fb.content)) < MIN_CONTENT_WORDS:
        return False  # a fragment ("George W.", "You look so good!") states no fact to share
    overlap = len(fa.content & fb.content) / min(len(fa.content), len(fb.content))
    if overlap < threshold:
        return False
    if vetoed(a, b):
        return False
    return probability_at_least(a, b, threshold / SCALE)


def restates(a: str, b: str) -> bool:
    """True when two sentences from different articles of one story state the same fact: the
    same test as ``same_point`` (its vetoes too) at SAME_STORY_THRESHOLD."""
    return same_point(a, b, SAME_STORY_THRESHOLD)
