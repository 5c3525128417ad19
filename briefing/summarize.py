"""Summarize: choose each article's sentences for the brief, extractively, with sumy.

Sentences are copied, never rewritten. A summarizer rates every sentence of an article; the
selector keeps the best ``sentences`` of them, and then, for every section the article has material
on, the best ``per_section`` sentences on that section's topic, so that a section's facts are not
lost to a generic top-N. Each selected sentence becomes a Point that records its article, position,
character offsets and score.

Summarizers are small objects listed by name in SUMMARIZERS, the one registry (below). The sumy ones build sumy's
document model from our own sentence splitter and word tokenizer (sumy's default Tokenizer needs
NLTK's punkt_tab data, which cannot be downloaded here), and sumy's objects never leave this module.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any, ClassVar

from briefing._nlp import _stemmer, stop_words
from briefing.attribution import person_byline
from briefing.dates import without_nowadays
from briefing.errors import SummarizerError
from briefing.models import Article, Citation, Edit, Point, SentenceSpan
from briefing.newsrank import NewsRank
from briefing.rating import Summarizer, _rank_normalize
from briefing.sections import SectionMatcher
from briefing.sentences import to_sentences, to_words, words


class _Tokenizer:
    """What sumy asks of a tokenizer, answered offline by briefing.sentences."""

    language = "english"

    @staticmethod
    def to_sentences(paragraph: str) -> tuple[str, ...]:
        return tuple(to_sentences(paragraph))

    @staticmethod
    def to_words(sentence: str) -> tuple[str, ...]:
        return tuple(to_words(sentence))


class SumySummarizer(Summarizer):
    """A sumy summarizer, asked for its rating of every sentence."""

    sumy_class: ClassVar[str] = ""  # "module:Class" under sumy.summarizers

    def __init__(self, *, language: str = "english"):
        self.language = language

    def _make(self) -> Any:
        module, cls = self.sumy_class.split(":")
        summarizer = getattr(importlib.import_module(f"sumy.summarizers.{module}"), cls)(_stemmer())
        summarizer.stop_words = stop_words()
        return summarizer

    def rate(self, sentences: Sequence[str]) -> list[float]:
        if not sentences:
            return []
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence

        tokenizer = _Tokenizer()
        sumy_sentences = [SumySentence(s, tokenizer) for s in sentences]
        document = ObjectDocumentModel([Paragraph(sumy_sentences)])
        summarizer = self._make()
        captured: dict[str, list[float]] = {}

        def capture(doc_sentences: Any, count: Any, rating: Any, *args: Any, **kwargs: Any) -> tuple:
            if isinstance(rating, dict):
                captured["r"] = [float(rating.get(s, float("-inf"))) for s in doc_sentences]
            else:
                captured["r"] = [float(rating(s, *args, **kwargs)) for s in doc_sentences]
            return ()

        summarizer._get_best_sentences = capture  # every sumy summarizer ends by calling this
        try:
            summarizer(document, len(sumy_sentences))
        except Exception as exc:  # sumy raises assorted errors on degenerate input
            raise SummarizerError(f"{self.name} failed: {type(exc).__name__}: {exc}") from exc
        raw = captured.get("r")
        if raw is None or len(raw) != len(sentences):
            raise SummarizerError(f"{self.name} did not rate the sentences")
        raw = [r if r == r else float("-inf") for r in raw]  # NaN -> worst
        return _rank_normalize(raw)


class LexRank(SumySummarizer):
    """sumy's own LexRank, kept as the reference that FastLexRank is tested against."""

    name = "lexrank-sumy"
    sumy_class = "lex_rank:LexRankSummarizer"


class FastLexRank(Summarizer):
    """LexRank vectorised with numpy (briefing.fastlexrank): sumy's ranking, many times faster."""

    name = "lexrank"

    def rate(self, sentences: Sequence[str]) -> list[float]:
        from briefing.fastlexrank import lexrank_scores

        raw = lexrank_scores(sentences)
        return _rank_normalize([r if r == r else float("-inf") for r in raw])  # NaN -> worst


class Lsa(SumySummarizer):
    name = "lsa"
    sumy_class = "lsa:LsaSummarizer"


class TextRank(SumySummarizer):
    name = "textrank"
    sumy_class = "text_rank:TextRankSummarizer"


class Luhn(SumySummarizer):
    name = "luhn"
    sumy_class = "luhn:LuhnSummarizer"


class SumBasic(SumySummarizer):
    name = "sumbasic"
    sumy_class = "sum_basic:SumBasicSummarizer"


class KL(SumySummarizer):
    name = "kl"
    sumy_class = "kl:KLSummarizer"


class Reduction(SumySummarizer):
    name = "reduction"
    sumy_class = "reduction:ReductionSummarizer"


class Lead(Summarizer):
    """The first sentences first: the classic news baseline."""

    name = "lead"

    def rate(self, sentences: Sequence[str]) -> list[float]:
        n = len(sentences)
        return [1.0 - i / n for i in range(n)]


# The registry: every summarizer by the name settings, the CLI and the evaluation use. Adding one
# means adding it here (nothing registers itself on import); tests check each key is its class's name.
SUMMARIZERS: dict[str, type[Summarizer]] = {
    "newsrank": NewsRank,  # the default: position + quality + centrality (briefing.newsrank)
    "lexrank": FastLexRank,
    "lexrank-sumy": LexRank,
    "lsa": Lsa,
    "textrank": TextRank,
    "luhn": Luhn,
    "sumbasic": SumBasic,
    "kl": KL,
    "reduction": Reduction,
    "lead": Lead,
}


def get_summarizer(name: str) -> Summarizer:
    """The summarizer SUMMARIZERS lists under name; SummarizerError lists the known names otherwise."""
    try:
        cls = SUMMARIZERS[name.strip().lower()]
    except KeyError:
        known = ", ".join(sorted(SUMMARIZERS))
        raise SummarizerError(f"unknown summarizer {name!r}; choose one of: {known}") from None
    return cls()


def _eligible(span: SentenceSpan, min_words: int, max_words: int) -> bool:
    n = len(words(span.text))
    return min_words <= n <= max_words


def quotes_balanced(text: str) -> bool:
    """False for a piece of a multi-sentence quotation ('As we have ... integrity,” he said.')."""
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


def _top(
    order: Sequence[tuple[float, int]], k: int, value: Any, ok: Any
) -> list[tuple[int, float]]:
    """The k best candidates by (-value(i), i) among those ok(i), as (i, value) pairs.

    order holds (bound, i) sorted by (-bound, i), where bound >= value(i): the visit stops once
    k found ones beat every bound still ahead, so value and ok run only for as many as it takes."""
    import bisect

    best: list[tuple[float, int]] = []  # (-value, i), sorted
    for bound, i in order:
        if len(best) >= k and -best[-1][0] > bound:
            break
        if not ok(i):
            continue
        bisect.insort(best, (-value(i), i))
        del best[k:]
    return [(i, -v) for v, i in best]


class _Steering:
    """briefing.context's verdict on one article's candidates, looked at on demand: each
    candidate's (steered rating, bracketed edits, usable). A sentence that leans on an earlier one
    is rated lower (less when a bracket resolves it); a cut list is not usable at all."""

    def __init__(
        self, candidates: Sequence[SentenceSpan], spans: Sequence[SentenceSpan], ratings: list[float], resolve: int,
        back: bool = True,
    ):
        self.candidates = candidates
        self.texts = [s.text for s in spans]
        self.ratings = ratings
        self.back = back  # look for definite references back into the article
        # References are looked up in the article only for the best-rated sentences.
        self.top = set(sorted(range(len(candidates)), key=lambda i: (-ratings[i], i))[:resolve])
        self.resolver: Any = None
        self._seen: dict[int, tuple[float, tuple[Edit, ...], bool, bool]] = {}

    def get(self, i: int) -> tuple[float, tuple[Edit, ...], bool, bool]:
        if i not in self._seen:
            self._seen[i] = self._steer(i)
        return self._seen[i]

    def _steer(self, i: int) -> tuple[float, tuple[Edit, ...], bool, bool]:
        from briefing.context import (
            HARD_PREFERENCE, Mentions, Resolver, back_references, dangling, needs_context, penalty, strict_reasons,
            surname_edits, bare_names, anywhere_reasons, anchored, lowercase_words,
        )

        span, rating = self.candidates[i], self.ratings[i]
        if self.back:
            post = self.__dict__.get("post")
            if post is None:
                from briefing.context import first_person_post

                post = self.post = first_person_post(self.texts)
            if post:  # someone's words with no author given: never a point unless nothing else
                return rating * 0.1, (), False, False
        reasons = dangling(span.text)
        if "cut" in reasons:
            return rating * 0.1, (), False, False
        if self.back and "speaker" in reasons:
            from briefing.context import _first_person_unattributed

            if _first_person_unattributed(span.text):  # "I never said ...": whose words? not a fact to state
                return rating * 0.1, (), False, False
        aligned = span.index < len(self.texts) and self.texts[span.index] == span.text
        back: tuple[str, ...] = ()
        if aligned and self.back:  # a definite reference back to a noun an earlier sentence introduced
            self.mentions = getattr(self, "mentions", None) or Mentions(self.texts)
            back = back_references(self.texts, span.index, self.mentions)
        strict = self.back and aligned  # a bullet: the stricter test past the opening, names anywhere
        if not reasons and not back and not strict:
            return rating, (), True, True
        found: tuple[Edit, ...] = ()
        if (reasons or strict) and i in self.top and aligned:
            self.resolver = self.resolver or Resolver(self.texts)
            found = self.resolver.edits(span.index) if reasons else ()
        left = tuple(dict.fromkeys((*(needs_context(span.text, found) if found else reasons), *back)))
        if strict and not left:
            # cheapest first; any one reason is enough (the reasons themselves are not kept)
            if span.index >= 1:
                self.lowercase = getattr(self, "lowercase", None) or lowercase_words(self.texts)
                if not anchored(span.text, self.lowercase):
                    left = ("anchor",)  # names nobody and nothing early on: "Results indicate ..."
            if not left:
                left = strict_reasons(span.text, found) if span.index >= 1 else anywhere_reasons(span.text)
                # only a pronoun can be mended by a bracketed name ("[James] Mattis, ... his")
                if not left or span.index >= 1 and left == ("pronoun",):
                    names: tuple[Edit, ...] = ()
                    if self.resolver is not None:
                        names = self.resolver.first_names(span.index, found)
                        names += surname_edits(self.resolver, span.index, found + names)
                    if left:
                        left = strict_reasons(span.text, found + names)
                    if not left and self.resolver is not None:
                        left = bare_names(self.resolver, span.index, found + names)
            if not left:
                return rating, found, True, True
        # stands: False for a sentence that still leans on its article (HARD_PREFERENCE: the
        # article's top picks take it only when nothing that stands alone is left)
        return rating * penalty(left, resolved=bool(found) and not left), found, True, not (left and HARD_PREFERENCE)


# "here" as a place (not "here is", "here's how", "from here on")
_HERE_PLACE_RE = re.compile(r"(?<![“\"])\b(?<!from )here\b(?!\s+(?:is|are|was|were|and\s+now|on\b))(?![’']s)")

# days, months and numbers that make an opening news ("A judge ruled on Tuesday ...", "TWO men were
# killed ..."); not "May", a verb too
_NEWS_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight january february "
    "march april june july august september october november december two three four five six seven eight "
    "nine ten eleven twelve".split()
)  # not "billions of years", "thousands of ...": a quantity is no day ("The formation of galaxies ...")


def _day_or_figure(text: str) -> bool:
    """A figure or a day anywhere in the sentence (a news lead may hold its day late)."""
    return any(c.isdigit() for c in text) or any(w.strip(",.;:!?”’\"'").lower() in _NEWS_WORDS for w in text.split())


# a year on its own (no month or day with it) is no news figure for an article's opening: "It's nearly the
# end of 2025, and that can only mean one thing: ...", "As tough as the job market has been in 2010, many
# top-flight employers aren't trying to ...", "... learning opportunities coming up during the year 2015."
_YEAR_RE = re.compile(r"(?<![\d,.$£€])\b(?:1[6-9]|20)\d\d(?:s\b)?(?![\d,.]\d)")


def _opening_figure(text: str) -> bool:
    """_day_or_figure, a bare year not counted (an opening's news holds a day or a figure of its own)."""
    return _day_or_figure(_YEAR_RE.sub(" ", without_nowadays(text)))


_QUOTE_LEDE_MAX = 2  # opening sentences in quotation marks that do not count towards the opening


class Selector:
    """Chooses the sentences of one article that become points."""

    def __init__(
        self,
        summarizer: Summarizer,
        matcher: SectionMatcher | None = None,
        *,
        sentences: int = 5,
        per_section: int = 2,
        max_sentences: int = 150,
        min_words: int = 6,
        max_words: int = 80,
        whole_quotes: bool = False,
        self_contained: bool = True,
        date_format: str = "%-d %B %Y",
        bullets: bool = False,
        max_position: int | None = None,
    ):
        """whole_quotes: never choose a sentence that opens or closes a quotation it does not
        contain whole (it reads wrongly on its own), unless the article has nothing else.
        self_contained: prefer sentences that stand on their own (briefing.context: a penalty on
        those that lean on an earlier sentence, smaller when a bracketed edit resolves it; a cut
        list is never chosen unless the article has nothing else), and bracket what the article
        resolves: who a pronoun stands for, the date a relative date means (briefing.dates).
        With self_contained, a sentence that still leans on its article is chosen only when nothing
        that stands alone is left. bullets: each point is read on its own, as a brief's bullets are:
        a definite reference back to a noun an earlier sentence introduced counts too
        (briefing.context.back_references), and places are left empty rather than filled with
        sentences that lean on the article (unless the article has nothing that stands alone).
        Without it (an article summary, read in article order as one text) those references are
        left to the summary's own earlier sentences, and ``sentences`` places are filled.
        max_position (bullets): the general picks come from the sentences at most this far into the
        article (0: its first): read by hand, a bullet from an article's first two sentences needs
        context about one time in eight, a later one about one in two (bench/context_review.md).
        A section's own on-topic picks come from anywhere in the article."""
        if sentences < 1:
            raise SummarizerError("sentences per article must be at least 1")
        self.summarizer = summarizer
        self.matcher = matcher
        self.sentences = sentences
        self.per_section = per_section
        self.max_sentences = max_sentences
        self.min_words = min_words
        self.max_words = max_words
        self.whole_quotes = whole_quotes
        self.self_contained = self_contained
        self.date_format = date_format
        self.bullets = bullets
        self.max_position = max_position

    def may_route(self, spans: Sequence[SentenceSpan]) -> bool:
        """Whether any sentence select() could choose has evidence for a section (always, without
        sections): else none of the article's points can be routed into one."""
        if self.matcher is None:
            return True
        # = any(topics(s.text) for the eligible s), the loop written out: it runs for every
        # sentence of every article, and most have no topic
        topics, lo, hi = self.matcher.topics, self.min_words, self.max_words
        for s in spans[: self.max_sentences]:
            if lo <= len(words(s.text)) <= hi and topics(s.text):
                return True
        return False

    def select(self, article: Article, spans: Sequence[SentenceSpan]) -> list[Point]:
        """Points for one article, in article order.

        The best-rated sentences are chosen (self_contained: with ratings steered by
        briefing.context), and per section the best on-topic ones. Steering only ever lowers a
        rating, so the candidates are visited best first and the context of a sentence is only
        looked at while it could still be chosen: most of a long article's sentences never are."""
        # Quadratic summarizers (LexRank, TextRank) and KL are only given the opening sentences.
        candidates = [s for s in spans[: self.max_sentences] if _eligible(s, self.min_words, self.max_words)]
        if not candidates:
            return []
        ratings = self.summarizer.rate([s.text for s in candidates])
        steering = _Steering(candidates, spans, ratings, self._RESOLVE, self.bullets) if self.self_contained else None
        lead = self.summarizer.name == "lead"  # the baseline means the first k: brackets only
        eager = steering is not None and min(ratings) < 0  # a lowered negative rating would rise

        def rating(i: int) -> float:
            return ratings[i] if steering is None or lead else steering.get(i)[0]

        def usable(i: int) -> bool:
            return steering is None or lead or steering.get(i)[2]

        def balanced(i: int) -> bool:
            return not self.whole_quotes or quotes_balanced(candidates[i].text)

        # a quotation lede does not use up the opening: after "“We stuck to trying to give up as little as
        # we could ...,” O'Sullivan said Tuesday night." and "“And when you get all that, you get a good
        # chance to win.”" comes the news ("O'Sullivan had a goal and an assist as the Kings won ...")
        quote_lede = 0
        # an opening that is a sentence's tail ("the Rafael Palmeiro steroids case.") is a page that broke its
        # lines mid-sentence: what comes after it is no opening either ("Davis were sending a letter ...")
        broken = False
        if steering is not None and not lead:
            while quote_lede < _QUOTE_LEDE_MAX and quote_lede < len(spans) and spans[quote_lede].text[:1] in "“\"":
                quote_lede += 1
            first = spans[0].text if spans else ""
            broken = first[:1].islower() and not first.islower()

        def opening(i: int) -> bool:  # a general bullet from the article's opening sentences only
            if not self.bullets or self.max_position is None:
                return True
            index = candidates[i].index
            if index > self.max_position + quote_lede or broken and index >= 1:
                return False
            if steering is None or lead:
                return True
            # not the answer to an opening question: after "What happens when you ask a super-car
            # designer to create a super luxurious train?" comes "Magic, judging by ..."
            # (any sentence before it, a short one too: "Where are the bodies?" then "Deerfield Beach
            # city officials said they have no idea, ...")
            return not any(s.text.rstrip(" \"'”’)").endswith("?") for s in spans[:index])

        def stands(i: int) -> bool:
            return steering is None or lead or steering.get(i)[3]

        def reads_as_news(i: int) -> bool:
            # not a hook (briefing.context.hook) in the article's first two sentences, nor an opening
            # that names nobody and nothing ("Nobody said living in space was going to be easy.",
            # "It takes superior artistry to ..."): a hook may lead its own story but says nothing
            # beneath another point (past the opening, steering tests the rest)
            if steering is None or lead:
                return True
            from briefing.context import (
                anchored, generic_claim, hook, lowercase_words, present_statement, private_scene, short_teaser,
            )

            text = candidates[i].text
            if candidates[i].index > 0:
                # past the opening only a hook, a claim or a line with no event is told here ("Dr.
                # Milton Flores, 58, is not the leader of a religious sect or underground cult." after
                # an opening that did not stand); the rest is steering's
                if candidates[i].index > 1:
                    return True
                return not (hook(text) or generic_claim(text) or not _day_or_figure(text) and present_statement(text))
            if hook(text) or generic_claim(text):
                return False  # "Trust the carriers of the Persian Gulf to cause mischief again."
            # anywhere in the sentence (a news lead may hold its day late: "A female police inspector had
            # to seek medical attention on Friday after ...", "TWO men were killed ... yesterday.")
            if _opening_figure(text):
                return True  # a figure or a day is news: "Craft beer sales rose 20% ...", "A judge ruled on Tuesday ..."
            if private_scene(text) or short_teaser(text) or present_statement(text):
                return False  # "Catherine Garceau doesn't go to the pool anymore.": a feature's scene
            steering.lowercase = getattr(steering, "lowercase", None) or lowercase_words(steering.texts)
            return anchored(text, steering.lowercase, words=40)

        order = sorted(range(len(candidates)), key=lambda i: (-ratings[i], i))
        if eager:
            for i in order:
                steering.get(i)  # type: ignore[union-attr]
            order_ub = sorted(((rating(i), i) for i in order), key=lambda t: (-t[0], t[1]))
        else:
            order_ub = [(ratings[i], i) for i in order]
        # allowed: usable and balanced, else usable, else every candidate (an article with nothing else)
        allowed = lambda i: usable(i) and balanced(i)  # noqa: E731
        # the top picks: what stands alone first (a reference to the article only when nothing does)
        # (the position first: a sentence past the opening is never looked at for a general bullet)
        best = _top(order_ub, self.sentences, rating, lambda i: opening(i) and allowed(i) and stands(i))
        # bullets: an article with nothing that stands alone gives no general pick (it is still read,
        # listed among the sources, and a section can still take its own on-topic sentence)
        k = 1 if self.bullets else self.sentences
        if self.bullets and not best:
            pass
        elif not best or not self.bullets and len(best) < self.sentences:
            taken = {i for i, _ in best}
            best += _top(order_ub, k - len(best), rating, lambda i: allowed(i) and i not in taken)
        if not best and not self.bullets:
            allowed = usable  # noqa: E731
            best = _top(order_ub, k, rating, allowed)
            if not best:
                allowed = lambda i: True  # noqa: E731
                best = _top(order_ub, k, rating, allowed)
        chosen: dict[int, float] = dict(best)
        topics: list[tuple[tuple[str, float], ...]] = [()] * len(candidates)
        if self.matcher is not None:
            if self.per_section > 0:
                topics = [self.matcher.topics(s.text) for s in candidates]
                for key in self.matcher.keys():
                    on = {i: dict(t)[key] for i, t in enumerate(topics) if any(k == key for k, _ in t)}
                    if not on:
                        continue
                    bound = sorted(((on[i] + ub, i) for ub, i in order_ub if i in on), key=lambda t: (-t[0], t[1]))
                    # a bullet read alone: a section's own pick stands alone too (else the
                    # section does without it); an article summary takes the best on-topic ones
                    fits = (lambda i: allowed(i) and stands(i)) if self.bullets else allowed
                    picks = _top(bound, self.per_section, lambda i: on[i] + rating(i), fits)
                    if not picks and self.bullets:  # nothing on the topic stands alone: its best one
                        picks = _top(bound, 1, lambda i: on[i] + rating(i), allowed)
                    for i, _ in picks:
                        chosen.setdefault(i, rating(i))
            else:
                for i in chosen:
                    topics[i] = self.matcher.topics(candidates[i].text)
        points = []
        resolver = None
        if self.self_contained and chosen:
            from briefing.context import Resolver

            shared = steering.resolver if steering is not None else None  # the article's names, found once
            resolver = shared if shared is not None and shared.spans == [s.text for s in spans] else Resolver([s.text for s in spans])
        for i in sorted(chosen):
            span = candidates[i]
            edits: tuple[Edit, ...] = steering.get(i)[1] if steering is not None else ()
            if resolver is not None and span.index < len(spans) and spans[span.index].text == span.text:
                edits = edits + resolver.first_names(span.index, edits)
                if self.bullets:  # a bullet read alone: "[Matthew] Lesser said ..."
                    from briefing.context import surname_edits

                    edits = edits + surname_edits(resolver, span.index, edits)
            points.append(
                Point(
                    text=span.text,
                    score=round(chosen[i], 6),
                    citations=(
                        Citation(
                            article_id=article.id,
                            source=article.source,
                            sentence=span.index,
                            start=span.start,
                            end=span.end,
                            kind=article.kind,
                            author=person_byline(article.author) if article.kind else None,
                        ),
                    ),
                    method=self.summarizer.name,
                    topics=topics[i],
                    stands_alone=stands(i) and (not self.bullets or reads_as_news(i)),
                    edits=edits + self._dates(article, span.text) + self._here(article, span),
                )
            )
        return points

    _RESOLVE = 25  # best-rated sentences whose references are looked up in the article

    def _here(self, article: Article, span: SentenceSpan) -> tuple[Edit, ...]:
        """"here [Mafraq, Jordan]": in an article's first two sentences, "here" is the dateline's
        place, which cleaning took off the text ("There are so many refugees living in one
        neighborhood here that locals ... call it Syria Town.")."""
        if not self.self_contained or not article.place or span.index > 1 or "here" not in span.text:
            return ()
        from briefing.context import outside_quotes

        m = _HERE_PLACE_RE.search(outside_quotes(span.text))
        if m is None:
            return ()
        place = ", ".join(part.title() if part.isupper() else part for part in article.place.split(", "))
        return (Edit(start=m.end(), end=m.end(), text=f" [{place}]"),)

    def _dates(self, article: Article, text: str) -> tuple[Edit, ...]:
        if not self.self_contained:
            return ()
        from briefing.dates import date_edits

        return date_edits(text, article.date, self.date_format)
