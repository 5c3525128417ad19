"""Section definitions: data in a TOML file, not code.

The default definitions ship as ``templates/sections.toml`` (installed inside the package). A user
file has the same shape::

    [[section]]
    key = "ukraine"                 # short identifier, unique
    title = "Ukraine"               # heading in the brief
    description = "The war, Crimea, the Minsk process."
    order = 1                       # sections appear in this order
    min_score = 3.0                 # a sentence needs this topic score to belong here
    [section.terms]                 # single words, matched on their stem, with weights
    ukraine = 3
    crimea = 3
    [section.phrases]               # multi-word phrases, matched case-insensitively
    "eastern ukraine" = 2

A sentence's topic score for a section is the sum of the weights of the distinct terms and phrases
it contains. SectionMatcher computes it; routing and section-aware selection both use it.
"""

from __future__ import annotations

import difflib
import gzip
import math
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import chain
from typing import Any
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from briefing._nlp import stem
from briefing.errors import ConfigError
from briefing.limits import read_small_text
from briefing.models import SectionSpec
from briefing.sentences import _WORD, words

_ALLOWED_TOP = {"section"}


def default_sections_path() -> Path:
    """The packaged default section definitions."""
    return Path(str(resources.files("briefing.templates") / "sections.toml"))


def load_sections(path: str | Path | None = None) -> tuple[SectionSpec, ...]:
    """Read section definitions from a TOML file (default: the packaged ones), in order."""
    file = Path(path) if path else default_sections_path()
    try:
        data = tomllib.loads(read_small_text(file, "section file"))
    except FileNotFoundError:
        raise ConfigError(f"section file not found: {file}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read section file {file}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"section file {file} is not valid TOML: {exc}") from None
    unknown = set(data) - _ALLOWED_TOP
    if unknown:
        raise ConfigError(
            f"section file {file}: unknown top-level key(s) {', '.join(sorted(unknown))}; "
            "define sections as [[section]] tables"
        )
    raw = data.get("section", [])
    if not isinstance(raw, list) or not raw:
        raise ConfigError(f"section file {file} defines no sections ([[section]] tables)")
    specs = []
    for i, entry in enumerate(raw, 1):
        if not isinstance(entry, dict):
            raise ConfigError(f"section file {file}, section #{i}: not a table; use [[section]]")
        try:
            spec = SectionSpec.model_validate(entry)
        except ValidationError as exc:
            problems = "; ".join(_problem(e) for e in exc.errors())
            raise ConfigError(f"section file {file}, section #{i}: {problems}") from None
        if not spec.terms and not spec.phrases:
            raise ConfigError(f"section file {file}, section {spec.key!r}: no terms or phrases")
        problem = _check_spec(spec)
        if problem:
            raise ConfigError(f"section file {file}, section {spec.key!r}: {problem}")
        specs.append(spec)
    keys = [s.key for s in specs]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise ConfigError(f"section file {file}: section key(s) defined twice: {', '.join(dupes)}")
    return tuple(sorted(specs, key=lambda s: (s.order, keys.index(s.key))))


def check_sections(specs: Iterable[SectionSpec]) -> tuple[SectionSpec, ...]:
    """Sections given as objects (the library's ``sections=``), checked as a file's are and put in
    their order; ConfigError names the first problem."""
    specs = list(specs)
    if not specs:
        raise ConfigError("no sections given")
    for spec in specs:
        if not isinstance(spec, SectionSpec):
            raise ConfigError(f"sections must be SectionSpec objects, not {type(spec).__name__}")
        if not spec.terms and not spec.phrases:
            raise ConfigError(f"section {spec.key!r}: no terms or phrases")
        problem = _check_spec(spec)
        if problem:
            raise ConfigError(f"section {spec.key!r}: {problem}")
    keys = [s.key for s in specs]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise ConfigError(f"section key(s) given twice: {', '.join(dupes)}")
    return tuple(sorted(specs, key=lambda s: (s.order, keys.index(s.key))))


def _problem(error: Mapping[str, Any]) -> str:
    """One validation error of a [[section]] table, in the words of the file."""
    where = ".".join(str(p) for p in error["loc"]) or "section"
    if error["type"] == "extra_forbidden":
        allowed = list(SectionSpec.model_fields)
        close = difflib.get_close_matches(str(error["loc"][-1]), allowed, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return f"{where}: unknown key ({hint}allowed: {', '.join(allowed)})"
    return f"{where}: {error['msg']}"


def _check_spec(spec: SectionSpec) -> str | None:
    """What is wrong with a section beyond its types (blank names, weights that are not numbers)."""
    if not spec.key.strip():
        return "key is empty"
    if not spec.title.strip():
        return "title is empty"
    if not math.isfinite(spec.min_score):
        return f"min_score must be a finite number, not {spec.min_score}"
    for kind, weights in (("terms", spec.terms), ("phrases", spec.phrases)):
        for word, weight in weights.items():
            if not word.strip():
                return f"{kind}: an empty {kind[:-1]}"
            if not math.isfinite(weight):
                return f"{kind}.{word}: weight must be a finite number, not {weight}"
            if kind == "terms" and len(word.split()) > 1:
                return f"terms.{word}: a term is one word; put {word!r} under [section.phrases]"
    for word in spec.exclude:
        if not word.strip():
            return "exclude: an empty word"
    for word in spec.requires:
        if not word.strip():
            return "requires: an empty word"
    return None


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    parts = [re.escape(w) for w in phrase.lower().split()]
    return re.compile(r"(?<![\w.-])" + r"[\s\-]+".join(parts) + r"(?![\w-])")


class _Phrase:
    """A phrase's pattern, searched only in a text that holds each of its words (a cheap,
    exact pre-test: the pattern cannot match otherwise)."""

    __slots__ = ("pattern", "parts")

    def __init__(self, phrase: str):
        self.pattern = _phrase_pattern(phrase)
        self.parts = tuple(phrase.lower().split())

    def search(self, lowered: str) -> bool:
        return all(w in lowered for w in self.parts) and self.pattern.search(lowered) is not None


# Inflections that leave a word's meaning alone; derivations ("reviewer", "contributed" against
# "contribution") are other words and never match.
_DOUBLE_KEEP = set("lsz")


def _strip_inflection(word: str) -> str:
    w = word
    for tail in ("'s", "'"):
        if w.endswith(tail) and len(w) > len(tail) + 1:
            w = w[: -len(tail)]
            break
    n = len(w)
    if n > 4 and w.endswith(("ies", "ied")):
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return w[:-2]
    if n > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    for tail in ("ing", "ed"):
        if w.endswith(tail) and n > len(tail) + 2:
            base = w[: -len(tail)]
            if len(base) > 2 and base[-1] == base[-2] and base[-1] not in _DOUBLE_KEEP:
                base = base[:-1]
            return base
    return w


@lru_cache(maxsize=65536)
def term_key(word: str) -> str:
    """The form a term and a word are compared in: the word without its inflection.

    "sanctions", "sanctioned" and "sanction" share a key; "reviewers" (a derived word) does not
    share one with "review", nor "contributed" with "contribution", nor "news" with "new" (the
    Snowball stems must agree too).
    """
    w = word.lower().replace("’", "'")
    base = _strip_inflection(w)
    if base != w and stem(base) != stem(w):
        base = w
    if len(base) > 3 and base.endswith("e"):
        base = base[:-1]
    return base


@lru_cache(maxsize=4096)
def _keys_of(text: str) -> frozenset[str]:
    """Match keys of a text's words, a hyphenated word also by its parts ("pro-Russia")."""
    keys = set()
    for w in words(text):
        keys.add(term_key(w))
        if "-" in w:
            keys.update(term_key(part) for part in w.split("-") if part)
    return frozenset(keys)


class _RelevantWords(dict):  # type: ignore[type-arg]
    """word as written -> whether it can be evidence: its match key (or a hyphenated part's) is
    one of keys, or it starts with the first word of a phrase (every: any word can)."""

    def __init__(self, keys: frozenset[str], heads: tuple[str, ...], every: bool = False):
        super().__init__()
        self.keys = keys
        self.heads = heads
        self.every = every
        starts = sorted({k[:-1] if k.endswith("y") and len(k) > 1 else k for k in keys}, key=len, reverse=True)
        self._starts = re.compile("|".join(map(re.escape, starts))) if starts else None

    def __missing__(self, word: str) -> bool:
        found = (
            self.every
            or self._key_in(word)
            or ("-" in word and any(self._key_in(part) for part in word.split("-") if part))
            or bool(self.heads) and word.lower().replace("’", "'").startswith(self.heads)  # (no heads: False)
        )
        self[word] = found
        return found



    def _key_in(self, word: str) -> bool:
        """term_key(word) in keys, without stemming a word whose key cannot be one of them: a key
        starts the word it is the key of (a final "y" aside: "countries" -> "country")."""
        if self._starts is None or not self._starts.match(word.lower().replace("’", "'")):
            return False
        return term_key(word) in self.keys


class _Screen(dict):  # type: ignore[type-arg]
    """word as written -> whether it can be evidence at all (a term's word, or a phrase's first)."""

    def __init__(self, terms: "_RelevantWords", heads: "_PhraseHeads", every: bool = False):
        super().__init__()
        self.terms = terms
        self.heads = heads
        self.every = every

    def __missing__(self, word: str) -> bool:
        found = self.every or bool(self.heads[word]) or self.terms[word]
        self[word] = found
        return found


class _PhraseHeads(dict):  # type: ignore[type-arg]
    """word as written -> the phrases' first words it starts with (a phrase match starts a word)."""

    def __init__(self, heads: tuple[str, ...]):
        super().__init__()
        self.heads = heads
        self._any = re.compile("|".join(map(re.escape, heads))) if heads else None

    def __missing__(self, word: str) -> tuple[str, ...]:
        low = word.lower().replace("’", "'")
        found = tuple(h for h in self.heads if low.startswith(h)) if self._any and self._any.match(low) else ()
        self[word] = found
        return found


BACKGROUND_FILE = "term_frequency.tsv.gz"


@lru_cache(maxsize=1)
def background() -> tuple[int, dict[str, int]]:
    """The packaged background table: (number of documents, documents containing each term key).

    Built from about 21,000 news articles (Reuters-21578, CNN Corpus, BBC News, Multi-News) by
    ``python -m briefing.evaluate.routing --build-table``; a key not in it is rare.
    """
    path = resources.files("briefing.templates") / BACKGROUND_FILE
    head, _, body = gzip.decompress(path.read_bytes()).decode("utf-8").partition("\n")
    total = int(head.split("\t")[1])
    cells = body.split()  # "key<TAB>count" lines; a key holds no white space
    if len(cells) % 2:
        raise ConfigError(f"the packaged {BACKGROUND_FILE} is damaged (a line without its count)")
    return total, dict(zip(cells[0::2], map(int, cells[1::2])))


# How rarity weighs a term (chosen on the tuning half of tests/data/routing_labels.jsonl; see
# docs/quality.md, "Routing"). A term's weight counts in full when at most RARE_SHARE of news
# articles use it and shrinks with the log of how common it is beyond that, to FLOOR at least.
RARE_SHARE = 0.01
FLOOR = 0.2
# One matched term alone routes a sentence only when its weighted score reaches SOLO times the
# section's min_score; otherwise several distinct terms or a configured phrase are needed.
SOLO = 1.25


def rarity(key: str) -> float:
    """How much a term's configured weight counts, 0..1, from how rare it is in news."""
    total, df = background()
    count = df.get(key, 0)
    idf = math.log((total + 1) / (count + 1))
    full = math.log(1 / RARE_SHARE)
    return max(FLOOR, min(1.0, idf / full))


class Evidence:
    """What a text offers one section: matched terms and phrases, their score, and a veto."""

    __slots__ = ("terms", "phrases", "score", "own", "vetoed")

    def __init__(
        self, terms: dict[str, float], phrases: dict[str, float], vetoed: bool, shared: frozenset[str] = frozenset()
    ):
        self.terms = terms
        self.phrases = phrases
        self.vetoed = vetoed
        self.score = 0.0 if vetoed else sum(terms.values()) + sum(phrases.values())
        # The part of the score from terms no other section lists: what tells sections apart
        # ("Russia" in two sections says the text is on the brief's topics, not which one).
        self.own = 0.0 if vetoed else self.score - sum(w for t, w in terms.items() if t in shared)

    def enough(self, min_score: float, solo: float = SOLO) -> bool:
        """Enough to join the section: the score, with a phrase or several distinct terms (one at
        least that no other section lists), or one term weighty enough on its own."""
        if self.vetoed or self.score < min_score or self.own <= 0:
            return False
        if self.phrases or len(self.terms) >= 2:
            return True
        return self.score >= solo * min_score


class SectionMatcher:
    """Scores text against section definitions: the one place routing evidence is decided."""

    def __init__(self, sections: Sequence[SectionSpec], *, solo: float = SOLO):
        self.sections = tuple(sections)
        self.solo = solo
        self._terms: list[dict[str, tuple[str, float]]] = []
        for s in self.sections:
            terms: dict[str, tuple[str, float]] = {}
            for t, w in s.terms.items():
                key = term_key(t)
                weighted = float(w) * rarity(key)
                if key not in terms or weighted > terms[key][1]:
                    terms[key] = (t, weighted)
            self._terms.append(terms)
        self._phrases = [
            [(p, _Phrase(p), float(w)) for p, w in s.phrases.items()] for s in self.sections
        ]
        counts: dict[str, int] = {}
        for terms in self._terms:
            for key in terms:
                counts[key] = counts.get(key, 0) + 1
        self._shared = [
            frozenset(t for key, (t, _) in terms.items() if counts[key] > 1) for terms in self._terms
        ]
        # What any section could match at all: a text with none of it has no topic (the fast path
        # of topics(), taken by most sentences of a day's news).
        self._all_keys = frozenset(k for terms in self._terms for k in terms)
        patterns = [pat.pattern.pattern for phrases in self._phrases for _, pat, _ in phrases]
        self._any_phrase = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None
        self._phrase_firsts = tuple(sorted({w for phrases in self._phrases for _, pat, _ in phrases for w in pat.parts[:1]}))
        # The same two tests, cheap, word by word (a word's verdict is cached as written): its match
        # key is a section's term, or it can open a phrase (a phrase match starts where a word does).
        heads = [_WORD.findall(first) for first in self._phrase_firsts]
        phrase_words = all(h and first.startswith(h[0]) for first, h in zip(self._phrase_firsts, heads))
        self._term_words = _RelevantWords(self._all_keys, ())
        self._every_phrase = not phrase_words
        self._phrase_head = {
            first: (h[0].replace("’", "'") if h else "") for first, h in zip(self._phrase_firsts, heads)
        }
        self._by_head: dict[str, list[_Phrase]] = {}
        for phrases in self._phrases:
            for _, pat, _ in phrases:
                if pat.parts:
                    self._by_head.setdefault(self._phrase_head.get(pat.parts[0], ""), []).append(pat)
        self._head_words = _PhraseHeads(tuple(h[0].replace("’", "'") for h in heads if h))
        # One verdict a word for the common case: can it be a term, or open a phrase?
        self._screen = _Screen(self._term_words, self._head_words, every=self._every_phrase)
        self._excl_terms = [
            {term_key(x) for x in s.exclude if len(x.split()) == 1} for s in self.sections
        ]
        self._excl_phrases = [
            [_Phrase(x) for x in s.exclude if len(x.split()) > 1] for s in self.sections
        ]
        # A section with `requires`: a sentence holding none of those words or phrases does not join it.
        self._req_terms = [
            {term_key(x) for x in s.requires if len(x.split()) == 1} for s in self.sections
        ]
        self._req_phrases = [
            [_Phrase(x) for x in s.requires if len(x.split()) > 1] for s in self.sections
        ]
        # Words whose match key can be a term's, an excluded or a required term's: the only keys evidence needs.
        self._evidence_words = _RelevantWords(
            self._all_keys | frozenset(k for group in (*self._excl_terms, *self._req_terms) for k in group), ()
        )

    def evidence(self, text: str) -> dict[str, Evidence]:
        """Each section's evidence in text, by section key."""
        ws = words(text)
        keys = _keys_of(" ".join(w for w in ws if self._evidence_words[w]))  # the keys that can count
        lowered = " ".join(text.lower().replace("’", "'").split())
        present = self._heads_in(ws)
        out: dict[str, Evidence] = {}
        for spec, terms, phrases, ex_t, ex_p, shared, req_t, req_p in zip(
            self.sections, self._terms, self._phrases, self._excl_terms, self._excl_phrases, self._shared,
            self._req_terms, self._req_phrases,
        ):
            vetoed = bool(ex_t & keys) or any(p.search(lowered) for p in ex_p)
            if (req_t or req_p) and not (req_t & keys) and not any(p.search(lowered) for p in req_p):
                vetoed = True  # none of the words the section requires
            found = {terms[k][0]: terms[k][1] for k in keys & terms.keys()}
            said = {p: w for p, pat, w in phrases if self._may_hold(pat, present) and pat.search(lowered)}
            out[spec.key] = Evidence(found, said, vetoed, shared)
        return out

    def scores(self, text: str) -> dict[str, float]:
        """Topic score of text for every section (rarity-weighted; 0 when vetoed), by key."""
        return {k: round(e.score, 6) for k, e in self.evidence(text).items()}

    def topics(self, text: str) -> tuple[tuple[str, float], ...]:
        """Sections text has enough evidence for, as (key, score) pairs, best first: by the score
        of the terms only that section lists, then by the whole score."""
        ws = words(text)
        if not any(map(self._screen.__getitem__, ws)):
            return ()  # no word that is a term or opens a phrase (the test most sentences end at)
        if not any(map(self._term_words.__getitem__, ws)) and (  # = not (_keys_of(text) & self._all_keys)
            not (self._every_phrase or any(map(self._head_words.__getitem__, ws)))
            or not self._any_phrase_in(" ".join(text.lower().replace("’", "'").split()), ws)
        ):
            return ()  # no section's term nor phrase: no evidence for any section
        ev = self.evidence(text)
        hits = [
            (spec.key, round(ev[spec.key].score, 6), ev[spec.key].own)
            for spec in self.sections
            if ev[spec.key].enough(spec.min_score, self.solo)
        ]
        return tuple((k, sc) for k, sc, _ in sorted(hits, key=lambda h: (-h[2], -h[1])))

    def _any_phrase_in(self, lowered: str, ws: Sequence[str]) -> bool:
        """Whether any section's phrase is in the lowered text (each tried only when a word of the
        text starts with the phrase's first word, and the text holds the phrase's words)."""
        if self._every_phrase:
            return any(pat.search(lowered) for phrases in self._phrases for _, pat, _ in phrases)
        return any(pat.search(lowered) for head in self._heads_in(ws) for pat in self._by_head.get(head, ()))

    def _heads_in(self, ws: Sequence[str]) -> frozenset[str]:
        return frozenset(chain.from_iterable(map(self._head_words.__getitem__, ws)))

    def _may_hold(self, pat: "_Phrase", present: frozenset[str]) -> bool:
        """False when no word of the text starts with the phrase's first word (present: the heads
        its words start with)."""
        if self._every_phrase or not pat.parts:
            return True
        return self._phrase_head.get(pat.parts[0], "") in present

    def keys(self) -> Iterable[str]:
        return (s.key for s in self.sections)
