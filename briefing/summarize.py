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
from collections.abc import Sequence
from typing import Any, ClassVar

from briefing._nlp import _stemmer, stop_words
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
    ):
        """whole_quotes: never choose a sentence that opens or closes a quotation it does not
        contain whole (it reads wrongly on its own), unless the article has nothing else.
        self_contained: prefer sentences that stand on their own (briefing.context: a penalty on
        those that lean on an earlier sentence, smaller when a bracketed edit resolves it; a cut
        list is never chosen unless the article has nothing else), and bracket what the article
        resolves: who a pronoun stands for, the date a relative date means (briefing.dates)."""
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

    def select(self, article: Article, spans: Sequence[SentenceSpan]) -> list[Point]:
        """Points for one article, in article order."""
        # Quadratic summarizers (LexRank, TextRank) and KL are only given the opening sentences.
        candidates = [s for s in spans[: self.max_sentences] if _eligible(s, self.min_words, self.max_words)]
        if not candidates:
            return []
        ratings = self.summarizer.rate([s.text for s in candidates])
        edits: list[tuple[Edit, ...]] = [()] * len(candidates)
        usable = list(range(len(candidates)))
        if self.self_contained:
            steered, edits, usable = self._context(candidates, spans, ratings)
            if self.summarizer.name == "lead":  # the baseline means the first k: brackets only
                usable = list(range(len(candidates)))
            else:
                ratings = steered
        allowed = [
            i for i in usable if not self.whole_quotes or quotes_balanced(candidates[i].text)
        ] or usable or list(range(len(candidates)))
        chosen: dict[int, float] = {}
        by_rating = sorted(allowed, key=lambda i: (-ratings[i], i))
        for i in by_rating[: self.sentences]:
            chosen[i] = ratings[i]
        topics: list[tuple[tuple[str, float], ...]] = [()] * len(candidates)
        if self.matcher is not None:
            topics = [self.matcher.topics(s.text) for s in candidates]
            if self.per_section > 0:
                for key in self.matcher.keys():
                    on_topic = [
                        (dict(topics[i])[key] + ratings[i], i)
                        for i in allowed
                        if key in dict(topics[i])
                    ]
                    for _, i in sorted(on_topic, key=lambda t: (-t[0], t[1]))[: self.per_section]:
                        chosen.setdefault(i, ratings[i])
        points = []
        resolver = None
        if self.self_contained and chosen:
            from briefing.context import Resolver

            resolver = Resolver([s.text for s in spans])
        for i in sorted(chosen):
            span = candidates[i]
            if resolver is not None and span.index < len(spans) and spans[span.index].text == span.text:
                edits[i] = edits[i] + resolver.first_names(span.index, edits[i])
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
                        ),
                    ),
                    method=self.summarizer.name,
                    topics=topics[i],
                    edits=edits[i] + self._dates(article, span.text),
                )
            )
        return points

    _RESOLVE = 25  # best-rated sentences whose references are looked up in the article

    def _context(
        self, candidates: Sequence[SentenceSpan], spans: Sequence[SentenceSpan], ratings: list[float]
    ) -> tuple[list[float], list[tuple[Edit, ...]], list[int]]:
        """Ratings lowered for sentences that lean on an earlier one, the bracketed edits that
        resolve them, and the candidates that can be used at all (not a cut list)."""
        from briefing.context import Resolver, dangling, needs_context, penalty

        texts = [s.text for s in spans]
        resolver: Resolver | None = None
        top = set(sorted(range(len(candidates)), key=lambda i: (-ratings[i], i))[: self._RESOLVE])
        out, edits, usable = list(ratings), [()] * len(candidates), []
        for i, span in enumerate(candidates):
            reasons = dangling(span.text)
            if "cut" in reasons:
                out[i] = ratings[i] * 0.1
                continue
            usable.append(i)
            if not reasons:
                continue
            found: tuple[Edit, ...] = ()
            if i in top and span.index < len(texts) and texts[span.index] == span.text:
                resolver = resolver or Resolver(texts)
                found = resolver.edits(span.index)
            left = needs_context(span.text, found) if found else reasons
            edits[i] = found
            out[i] = ratings[i] * penalty(left, resolved=bool(found) and not left)
        return out, edits, usable

    def _dates(self, article: Article, text: str) -> tuple[Edit, ...]:
        if not self.self_contained:
            return ()
        from briefing.dates import date_edits

        return date_edits(text, article.date, self.date_format)
