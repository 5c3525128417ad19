"""Sentence splitting, offline: no NLTK data, no download.

sumy's Tokenizer("english") needs NLTK's punkt_tab data, which many users cannot download. This
splitter is rule based and ships entirely in this file: a boundary is a full stop, question or
exclamation mark (with any closing quotes or brackets) followed by space and a capital letter,
digit or opening quote, unless the word before it is a known abbreviation ("Jan.", "Gen.", "Mr.")
or an initial ("H.R. McMaster"). Initialisms such as "U.S." or "U.N." end a sentence only when a
typical sentence opener follows ("... in the U.S. The next day").

Every line of the cleaned text is a paragraph: a sentence never runs across a line break.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import lru_cache

from briefing.models import SentenceSpan

# Words that are followed by a full stop without ending a sentence (lowercase, no dot).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt sen rep gov pres supt insp det
    rev fr st ste mt ft jr sr hon rt amb esq messrs mmes
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd llc plc bros dept univ assn
    no nos vol vols pp fig figs approx est vs v etc al cf ca ed eds op
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont
    neb nev okla ore pa tenn tex va vt wash wis wyo
    """.split()
)

# Words that typically open a sentence: after "U.S." they mark a boundary.
SENTENCE_OPENERS = frozenset(
    """
    the a an this that these those he she it they we i you his her its their our my
    but and so yet or however meanwhile still also then there here in on at for
    after before when while if as although though since because
    mr mrs ms dr
    """.split()
)

# The pattern opens with the punctuation itself (the look-behind after it), so the engine scans
# for it fast. Possessive quantifiers, and no start inside a run of punctuation: what follows a run is the
# same whatever part of it a match takes, so this finds the same boundaries as plain ones would,
# in linear time ("." * 40000 took 40 s with backtracking).
_CANDIDATE = re.compile(
    r"""(?P<end>[.!?…](?<![.!?…].)[.!?…]*+)   # terminal punctuation, a whole run (none just before)
        (?P<close>["'”’)\]]*+)        # closing quotes or brackets
        (?P<space>\s++)
        (?=(?P<next>[\"'“‘(\[]*[A-Z0-9]))  # the next sentence starts with a capital or digit
    """,
    re.VERBOSE,
)
# Two sentences glued with no space, as scraped paragraphs often are: 'the region."That would',
# 'Graves said.Most earthquakes': a word of two lowercase letters or more, the full stop, then a
# capitalised word (initials, "St.Louis", "Mr.Smith" and domain names do not qualify).
# (The punctuation first and the look-behind after it: the same matches, found by a fast scan.)
_GLUED = re.compile(r"(?P<end>[.!?])(?<=[a-z][a-z][.!?])(?P<close>[”’]?)(?P<space>)(?=(?P<next>[\"“]?[A-Z][a-z]|[\"“]I\s|A\s+[a-z]{2}))")
_WORD_BEFORE = re.compile(r"([\w.\-’']+)$")
# _WORD_BEFORE's run of word characters, read backwards from its end: a match at the start of the
# reversed text, instead of a search that tries every position of the look-back.
_WORD_BEFORE_REVERSED = re.compile(r"[\w.\-’']+")
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){2,}$|^[A-Z]\.$")  # "U.S.", "H.R.", a middle initial "S."
_NEXT_WORD = re.compile(r"[\"'“‘(\[]*([A-Za-z]+)")


# How far back _is_boundary looks for the word before a full stop. An abbreviation or initialism
# is far shorter; the bound keeps splitting linear on a paragraph that is one huge line.
_LOOKBACK = 64


def _no_quotes(a: int, b: int) -> tuple[int, int]:
    return 0, 0


def _quote_counter(text: str) -> Callable[[int, int], tuple[int, int]]:
    """(opening, closing) curly double quotes in text[a:b], in O(log n) per call."""
    if "“" not in text and "”" not in text:
        return _no_quotes
    opens = [q.start() for q in re.finditer("“", text)]
    closes = [q.start() for q in re.finditer("”", text)]

    def count(a: int, b: int) -> tuple[int, int]:
        return (
            bisect_left(opens, b) - bisect_left(opens, a),
            bisect_left(closes, b) - bisect_left(closes, a),
        )

    return count


def _is_boundary(
    text: str,
    m: re.Match[str],
    start: int,
    quotes: Callable[[int, int], tuple[int, int]] | None = None,
) -> bool:
    if quotes is not None:
        opened, closed = quotes(start, m.start())
    else:
        opened, closed = text.count("“", start, m.start()), text.count("”", start, m.start())
    if opened > closed and "”" not in m.group("close"):
        # Inside an open quotation: only a capital letter may start the next sentence.
        if not text[m.end()].isupper():
            return False
    if m.group("end") != ".":
        return True  # "?", "!", "..." and the like always end a sentence here
    if _inside_short_brackets(text, m, start):
        return False  # "Troyan v. Reyes (3d Distr. 2006), shows ...": a full stop inside brackets that close soon
    if m.group("close"):
        return True  # '... illegitimate.” His comments' : the quote closed the sentence
    # = _WORD_BEFORE.search(text, max(0, m.start() - _LOOKBACK), m.start()) ($ also matches
    # before a final newline)
    window = text[max(0, m.start() - _LOOKBACK) : m.start()]
    if window[-1:] == "\n":
        window = window[:-1]
    before = _WORD_BEFORE_REVERSED.match(window[::-1])
    if not before:
        return True
    word = before.group()[::-1]
    bare = word.rstrip(".").lower()
    if bare.split(".")[-1] in ABBREVIATIONS or bare in ABBREVIATIONS or bare.rsplit("-", 1)[-1] in ABBREVIATIONS:
        return False
    if _INITIALISM.match(word + "."):
        # "H.R. McMaster", "U.S. officials": not a boundary, unless a sentence opener follows.
        nxt = _NEXT_WORD.match(text, m.end())
        return bool(nxt and nxt.group(1).lower() in SENTENCE_OPENERS and len(word) > 1)
    return True


def _inside_short_brackets(text: str, m: re.Match[str], start: int) -> bool:
    """Whether the full stop at m lies inside brackets opened in this sentence, at most 80 characters back, that
    close within 30 characters after it with no sentence start between ("(3d Distr. 2006)", "(Jan. 3 letter)")."""
    opened = text.rfind("(", max(start, m.start() - 80), m.start())
    if opened < 0 or text.find(")", opened, m.start()) >= 0:
        return False
    close = text.find(")", m.end(), m.end() + 30)
    return close >= 0 and not re.search(r"[.!?(]", text[m.end():close])


def split_paragraph(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in one paragraph, shifted by offset."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start < n and text[start].isspace():
        start += 1
    quotes = _quote_counter(text)
    candidates: Iterable[re.Match[str]] = _CANDIDATE.finditer(text)
    if _GLUED.search(text):
        candidates = sorted([*candidates, *_GLUED.finditer(text)], key=lambda m: m.start())
    for m in candidates:
        if m.start() < start or not _is_boundary(text, m, start, quotes):
            continue
        end = m.end() - len(m.group("space"))
        if text[start:end].strip():
            spans.append((offset + start, offset + end))
        start = m.end()
    end = len(text.rstrip())
    if start < end:
        spans.append((offset + start, offset + end))
    return spans


def split_sentences(text: str) -> list[SentenceSpan]:
    """Split cleaned article text (a paragraph per line) into sentences with offsets."""
    spans: list[SentenceSpan] = []
    pos = 0
    for line in text.split("\n"):
        for start, end in split_paragraph(line, pos):
            spans.append(SentenceSpan(index=len(spans), start=start, end=end, text=text[start:end]))
        pos += len(line) + 1
    return spans


def to_sentences(text: str) -> list[str]:
    """The sentences of text, as strings."""
    return [s.text for s in split_sentences(text)]


_WORD = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*", re.UNICODE)
# The same tokens in ASCII text ([^\W_] is [A-Za-z0-9] there), found faster: explicit ranges, no
# Unicode category test a character.
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:['\-.][A-Za-z0-9]+)*")


def to_words(text: str) -> list[str]:
    """Word tokens of a sentence (letters and digits; inner apostrophes, hyphens kept)."""
    return (_ASCII_WORD if text.isascii() else _WORD).findall(text)


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, ...]:
    """to_words(text) as a tuple, cached: an article's sentences are tokenised once, not once per
    stage (selection, length filter, topics, grouping signature all ask for the same sentences)."""
    return tuple((_ASCII_WORD if text.isascii() else _WORD).findall(text))
