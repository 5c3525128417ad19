"""Cleaning: take an article's raw text apart from the boilerplate around it.

What never reaches a summary: image file names and caption lines, video timestamps
("03:52 - Source: CNN") and the video title before them, "Story highlights" and the highlights
under it, wire codes in brackets ("[L8N1O63LC]"), datelines ("BRUSSELS (Reuters) -",
"Washington CNN —", kept as metadata), credit lines ("... contributed to this report",
"Reporting by ...") and short subheadings. Cleaning works line by line *before* any sentence
parsing, since a parser that joins the lines of a paragraph would glue boilerplate to sentences.

The result keeps one paragraph per line, so character offsets into it are stable.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from briefing._io import xml_safe

# Outlets recognised in datelines and credit lines, with the name the brief shows.
KNOWN_SOURCES: dict[str, str] = {
    "reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "cnn": "CNN",
    "bbc": "BBC",
    "bbc news": "BBC",
    "bloomberg": "Bloomberg",
    "upi": "UPI",
    "dpa": "dpa",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "interfax": "Interfax",
    "al jazeera": "Al Jazeera",
    "npr": "NPR",
    "the guardian": "The Guardian",
    "the new york times": "The New York Times",
    "the washington post": "The Washington Post",
}
_SOURCE_ALTERNATION = "|".join(
    sorted((re.escape(k) for k in KNOWN_SOURCES), key=len, reverse=True)
)

_IMAGE_NAME = re.compile(
    r"(?:\b[a-z0-9][a-z0-9'\-]*\s+){0,20}[\w\-]*\.(?:jpe?g|png|gif|webp|bmp|tiff?)\b",
    re.IGNORECASE,
)
# Every _IMAGE_NAME match contains one of these: a cheap test before the expensive search.
_IMAGE_EXT = re.compile(r"\.(?:jpe?g|png|gif|webp|bmp|tiff?)\b", re.IGNORECASE)
_VIDEO_TIMESTAMP = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s*[-–—]\s*Source:\s*(?P<src>.+)$", re.I)
_STORY_HIGHLIGHTS = re.compile(r"^story highlights:?$", re.IGNORECASE)
_WIRE_CODE = re.compile(r"\s*\[(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{6,}\]\s*")
# "BRUSSELS (Reuters) - text", "Washington (CNN) — text", "Washington CNN —", "LONDON, Jan 5 (AFP) -"
_DATELINE_PAREN = re.compile(
    r"^(?P<place>[A-Z][\w.'’ ,/-]{1,60}?)\s*\((?P<src>[A-Z][\w .&-]{1,30})\)\s*[-–—]+\s*"
)
_DATELINE_BARE = re.compile(
    rf"^(?P<place>[A-Z][\w.'’ ,/-]{{1,40}}?)\s+(?P<src>{_SOURCE_ALTERNATION})\s*[-–—]+\s*",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"(contributed (?:to )?(?:this|the) report|contributed reporting)\.?\s*\)?$"
    r"|^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|produced) by\b",
    re.IGNORECASE,
)
_CREDIT_SOURCE = re.compile(rf"^(?P<src>{_SOURCE_ALTERNATION})[’']s\b", re.IGNORECASE)
# A standalone "s" after a word: an apostrophe lost in transmission ("Russia s continued").
_STRIPPED_POSSESSIVE = re.compile(r"(?<=[A-Za-z]) s(?=[\s,.;:!?])")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\w)\s+(?=[.,;:!?](?:\s|$))")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff]")


@dataclass
class Cleaned:
    """What the cleaner found: body text (a paragraph per line) and metadata."""

    text: str
    title: str | None = None
    source: str | None = None
    place: str | None = None
    removed: list[str] = field(default_factory=list)


def normalize_text(raw: str) -> str:
    """Unify newlines and spaces, drop invisible and XML-illegal characters."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = xml_safe(text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def canonical_source(name: str) -> str:
    """The display name of an outlet: 'reuters' -> 'Reuters'; unknown names kept as given."""
    key = name.strip().lower()
    return KNOWN_SOURCES.get(key, name.strip())


def is_terminal(line: str) -> bool:
    """True when a line ends like a sentence (full stop, question, quote)."""
    return bool(_TERMINAL.search(line))


def _strip_dateline(line: str) -> tuple[str, str | None, str | None]:
    for pattern in (_DATELINE_PAREN, _DATELINE_BARE):
        m = pattern.match(line)
        if m:
            src = m.group("src").strip()
            if pattern is _DATELINE_PAREN and src.lower() not in KNOWN_SOURCES:
                # "(Reuters)" and the like only; "(D-Calif.)" and other asides are not datelines.
                if not src.isupper() or len(src) > 8:
                    continue
            place = m.group("place").strip(" ,")
            return line[m.end():].strip(), canonical_source(src), place
    return line, None, None


def _repair(line: str) -> str:
    line = _WIRE_CODE.sub(" ", line).strip()
    line = _STRIPPED_POSSESSIVE.sub("'s", line)
    line = _SPACE_BEFORE_PUNCT.sub("", line)
    return _SPACES.sub(" ", line).strip()


def clean_text(raw: str, *, max_heading_words: int = 12) -> Cleaned:
    """Remove boilerplate from raw article text; return the body and what was learnt."""
    lines = normalize_text(raw).split("\n")
    out = Cleaned(text="")
    kept: list[str] = []
    in_highlights = False
    seen_body = False
    prev_kind = "other"  # what the previous non-empty line became: "title", "kept" or "other"

    for raw_line in lines:
        line = raw_line
        if not line:
            continue
        kind, prev_kind = prev_kind, "other"
        # Image file names, with the lowercase caption words run into them.
        if _IMAGE_EXT.search(line) and _IMAGE_NAME.search(line):
            stripped = _IMAGE_NAME.sub(" ", line).strip()
            out.removed.append(line if not stripped else line.replace(stripped, "").strip())
            line = stripped
            if not line:
                continue
        # Video timestamp lines, and the video title just before them.
        m = _VIDEO_TIMESTAMP.match(line)
        if m:
            out.removed.append(line)
            if out.source is None and m.group("src").strip().lower() in KNOWN_SOURCES:
                out.source = canonical_source(m.group("src"))
            if kind == "title":
                out.removed.append(out.title or "")
                out.title = None
            elif kind == "kept" and not is_terminal(kept[-1]):
                out.removed.append(kept.pop())
            prev_kind = "other"
            continue
        if _STORY_HIGHLIGHTS.match(line):
            out.removed.append(line)
            in_highlights = True
            continue
        body, src, place = _strip_dateline(line)
        if src:
            out.removed.append(line[: len(line) - len(body)].strip())
            out.source = src  # the dateline is the most reliable witness
            out.place = out.place or place
            in_highlights = False
            line = body
            if not line:
                continue
        if in_highlights:
            if not is_terminal(line):
                out.removed.append(line)
                continue
            in_highlights = False
        if _CREDIT.search(line):
            out.removed.append(line)
            cm = _CREDIT_SOURCE.match(line)
            if cm and out.source is None:
                out.source = canonical_source(cm.group("src"))
            continue
        line = _repair(line)
        if not line:
            continue
        if not is_terminal(line) and len(line.split()) <= max_heading_words:
            # A headline or subheading: the first one is the title, the rest are dropped.
            if not seen_body and out.title is None:
                out.title = line
                prev_kind = "title"
            else:
                out.removed.append(line)
            continue
        seen_body = True
        kept.append(line)
        prev_kind = "kept"

    out.text = "\n".join(kept)
    return out
