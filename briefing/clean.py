"""Cleaning: take an article's raw text apart from the boilerplate around it.

What never reaches a summary: image file names and caption lines, video timestamps
("03:52 - Source: CNN") and the video title before them, "Story highlights" and the highlights
under it, wire codes in brackets ("[L8N1O63LC]"), datelines ("BRUSSELS (Reuters) -",
"Washington CNN —", kept as metadata), credit lines ("... contributed to this report",
"Reporting by ...", bylines, copyright lines), headlines, decks and short subheadings, photo
captions and credits ("(AP Photo/...)", "Photo: ...", "... Getty Images"), player notices ("Media
playback is unsupported on your device"), page and crawler notices (the Internet Archive's "These
crawls are part of an effort to archive pages ..."), and prompts ("Read more:", "Subscribe to our
newsletter"). Datelines with no outlet ("LE BOURGET, France —") go too. Which outlet the article
is credited to is decided in briefing.attribution; the cleaner only reports what the text says.
Cleaning works line by line *before* any sentence
parsing, since a parser that joins the lines of a paragraph would glue boilerplate to sentences.

The result keeps one paragraph per line, so character offsets into it are stable.
"""

from __future__ import annotations

import re
from functools import lru_cache
import unicodedata
from dataclasses import dataclass, field

from briefing import attribution
from briefing._io import xml_safe
from briefing.dates import MONTH_PATTERN

# Wire names recognised in datelines without brackets ("Washington CNN —"); every other outlet
# (brackets, credits, metadata) is looked up in briefing.attribution's packaged table.
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
    r"^(?P<place>[A-Z][\w.'’ ,/-]{1,60}?)\s*\((?P<src>[A-Z][\w .&-]{1,30}!?|[a-z][a-zA-Z]{2,30}|[A-Za-z][\w-]{1,30}\.(?:com|org|net|tv|co\.uk))\)\s*(?:[-–—]+|:|_(?=\s))\s*"
)
# A known outlet in brackets with no dash, the sentence run on: "London (CNN)It was the interview ..."
_DATELINE_PAREN_GLUED = re.compile(
    r"^(?P<place>[A-Z][\w.'’ ,/-]{1,60}?)\s*\((?P<src>[A-Z][\w .&-]{1,30})\)\s*(?=[A-Z“\"])"
)
_DATELINE_BARE = re.compile(
    rf"^(?P<place>[A-Z][\w.'’/-]*(?:,?\s[A-Z][\w.'’/-]*){{0,3}}?)\s+(?P<src>{_SOURCE_ALTERNATION})\s*[-–—]+\s*",
    re.IGNORECASE,
)
# the headline, an agency's name, the date and the place run into the first paragraph
# (the agency any of the outlet table's names: compiled on first use)
_GLUED_CREDIT_DATE_TAIL = (
    r"\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\s*"
    r"\((?P<place>[A-Z][\w .'’-]{1,30})\)\s*[:\-–—]+\s+(?=[A-Z“\"])"
)
_GLUED_DATE_HINT = re.compile(r"\d{4}\s*\([A-Z]")  # cheap: the year, then the place in brackets


@lru_cache(maxsize=1)
def _glued_credit_date_re() -> re.Pattern[str]:
    return re.compile(rf"^.{{0,160}}?\b(?P<src>{attribution._name_alternation()})" + _GLUED_CREDIT_DATE_TAIL)


def _glued_credit_date(line: str) -> re.Match[str] | None:
    return _glued_credit_date_re().match(line)
# the headline, the date and a wire byline run into the first paragraph, with the time since posting:
# "Sister of Thai king dies ... 01 January, 2008 By GRANT PECK, Associated Press Writer 14 minutes ago BANGKOK, ..."
_GLUED_WIRE_BYLINE = re.compile(
    r"^.{0,250}?\bBy\s+[A-Z][A-Za-z.'’\- ]{2,40},\s+(?P<src>Associated Press|AP|Reuters|AFP)(?:\s+[A-Z][a-z]+){0,2}\s+"
    r"Writer\s+(?:\d+\s+(?:minutes?|mins?|hours?)\s+ago\s+|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{1,2}:\d\d\s*[AaPp]\.?[Mm]\.?"
    r"(?:\s+[A-Z]{2,3})?\s+)?(?=[A-Z])"
)
# a byline in capitals with its agency and dateline, glued after the date and headline: "April 2, 1998 Time, economy
# leave Moscow's St. Basil's in sorry condition By DAVE CARPENTER THE ASSOCIATED PRESS MOSCOW -- It's still ..."
_GLUED_CAPS_BYLINE = re.compile(
    r"^.{0,250}?\bBy\s+(?:[A-Z][A-Z.'’\-]+\s+){1,3}(?:THE\s+)?(?P<src>ASSOCIATED\s+PRESS|REUTERS|AFP)\s+"
    r"(?:(?P<place>[A-Z][A-Z.'’ \-]{2,30}?(?:,\s+[A-Z][\w.]+)?)\s*(?:--|[—–]|-)\s*)?(?=[A-Z])"
)
# a byline and a dateline in capitals after the first sentence of a line (a headline and its deck before them): "...
# chief says. By Ed Vogel Donrey Capital Bureau RENO -- The national director of the Bureau ..."
_MID_BYLINE_DATELINE = re.compile(
    r"(?<=[.!?”\"] )By\s+(?:[A-Z][\w.'’\-]+\s+){1,6}?(?P<place>[A-Z]{3,}(?:\s[A-Z]{2,}){0,2})(?:,\s+[A-Z][\w.]+)?\s+--\s+"
    r"(?=[A-Z“\"])"
)
# A month, in full or cut short: "Aug.", "December"
_MONTH = MONTH_PATTERN
# "(CNN) Sudanese President ..." : an outlet in brackets opening the text, dash optional.
_DATELINE_LEAD = re.compile(r"^\(\s?(?P<src>[A-Z][\w .&/-]{1,30}?)\s?\)\s*(?:(?:[-–—]+|_(?=\s))\s*)?(?=\S)")
# A dateline with no outlet: "LE BOURGET, France —", "WASHINGTON —", "NASHVILLE, Tenn. - ",
# "CARACAS, Venezuela—": a place in capitals (a region after a comma may be in title case), then a
# dash (a hyphen needs spaces around it).
_DATELINE_PLACE = re.compile(
    r"^(?P<place>(?=[^a-z]*[A-Z]{3})[A-Z][A-Z.'’ /-]{1,40}?(?:,\s*[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*){0,3})?)"
    # the day after the place: "WASHINGTON (Aug. 13) --"; two hyphens glued: "NEW YORK--Verizon ..."
    r"(?:\s*\(" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?\)|,\s+(?i:" + _MONTH + r")\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:[–—]+|\s-{1,2}\s|--(?=[A-Z])|-(?=\s+[A-Z]))\s*(?=\S)"  # a hyphen glued to the place: "WILLIMANTIC- Despite ..."
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
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]\s]*$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff]")


@dataclass
class Cleaned:
    """What the cleaner found: body text (a paragraph per line) and metadata.

    source is the outlet the text names (the strongest of ``evidence``, see briefing.attribution);
    notices are the kinds of non-article lines removed ("photo caption", "crawler notice", ...)."""

    text: str
    title: str | None = None
    source: str | None = None
    place: str | None = None
    removed: list[str] = field(default_factory=list)
    evidence: list[tuple[str, str]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def normalize_text(raw: str) -> str:
    """Unify newlines and spaces, drop invisible and XML-illegal characters; C1 control characters
    (text decoded as Latin-1 that was Windows-1252: "\\x97" for an em dash) become the characters
    they stand for, or go."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    ascii = text.isascii()  # then no C1 nor invisible character (and NFC leaves it as it is)
    if not ascii and ("â" in text or "Ã" in text or "Â" in text):
        text = _MOJIBAKE.sub(_unmojibake, text)  # "Environment Canadaâ€™s No. 1 weather story"
    if not ascii and _C1.search(text):
        text = text.translate(_C1_TABLE)
    text = unicodedata.normalize("NFC", text)
    if not ascii:
        text = _INVISIBLE.sub("", text)
    text = xml_safe(text)
    if "\\ " in text:
        text = _STRAY_BACKSLASH.sub(" ", text)  # an escape left from a page's JSON: "Defence and\ the office"
    return "\n".join(
        (_SPACES.sub(" ", line) if _odd_spaces(line) else line).strip() for line in text.split("\n")
    )


_C1 = re.compile("[\x80-\x9f]")
_STRAY_BACKSLASH = re.compile(r"(?<=[A-Za-z,])\\ (?=[a-z])")

# UTF-8 read as Windows-1252: "â€™" for "’", "Ã©" for "é", "Â " for a no-break space (a lead byte, then as
# many continuation bytes as it calls for, each as Windows-1252 shows it)
_CONT = "[\u0080-\u00bf\x81\x8d\x8f\x90\x9d\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
_MOJIBAKE = re.compile(f"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}}")


def _unmojibake(m: re.Match[str]) -> str:
    try:  # (the five bytes Windows-1252 leaves undefined came through as themselves: "â€\x9d" for "”")
        raw = b"".join(bytes([ord(c)]) if c in "\x81\x8d\x8f\x90\x9d" else c.encode("cp1252") for c in m.group(0))
        return raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return m.group(0)


def _c1_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in range(0x80, 0xA0):
        try:
            table[code] = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d: nothing in Windows-1252
            table[code] = None
    return table


_C1_TABLE = _c1_table()


def canonical_source(name: str) -> str:
    """The display name of an outlet: 'reuters' -> 'Reuters'; unknown names kept as given
    (briefing.attribution.canonical_source, kept here for callers of the cleaner)."""
    return attribution.canonical_source(name)


def _may_credit(line: str) -> bool:
    """What every _CREDIT match holds, in any case: "contributed", or "by" after a space."""
    low = line.lower()
    return "contributed" in low or " by" in low


def is_terminal(line: str) -> bool:
    """True when a line ends like a sentence (full stop, question or exclamation, perhaps inside
    closing quotes or brackets): _TERMINAL, read from the end of the line instead of searched
    through all of it. A closing quote alone does not end a sentence: 'Police ID the officer ...;
    chiefs calls him "gentleman"' is a headline."""
    body = line.rstrip("\"'”’)] ")
    return body[-1:] in (".", "!", "?", "…") and body[-1:] != ""


# a place in capitals and a dash, after a credit that came first: "HONOLULU - ", "WASHINGTON, D.C. -- "
_CAPS_PLACE_DASH = re.compile(r"(?P<place>[A-Z]{3,}(?:[ \-][A-Z]{2,}){0,2}(?:,\s+[A-Z][A-Za-z.]{1,14}(?:\s[A-Z][A-Za-z.]+)?)?)\s+(?:-{1,2}|[–—])\s+(?=\S)")


# a place in title case before two hyphens or a long dash, after a credit: "Washington -- Comcast Corp., ..."
_TITLE_PLACE_DASHES = re.compile(r"(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}(?:,\s+[A-Z][A-Za-z.]{1,14})?)\s*(?:--|[–—])\s*(?=[A-Z\"“])")
# the last word of many outlets' names
_OUTLET_WORDS = r"News|Times|Post|Herald|Express|Observer|Guardian|Today|Tribune|Gazette|Online|Newsday|Chronicle|Journal|Star"
# an outlet's name by its last word, for a credit in brackets before a dash: "(The Hosting News) – A new virus ..."
_OUTLETISH_RE = re.compile(rf"^(?:The\s+)?(?:[A-Z][\w&.'’-]*\s+){{0,3}}(?:{_OUTLET_WORDS}|Network|Wire|Daily|Press|Magazine|"
                           r"Report|Reporter|Telegraph|Insider|Monitor)$")


def _lead_credit(m: re.Match[str]) -> str | None:
    """The outlet credited in brackets at the start of a text: "(Reuters)", "(CBS/AP)" (the first of a joint
    credit, the page's own), "(The Hosting News) –" (a name like an outlet's, before a dash); None for any other
    bracket ("(D-Calif.)", "(Updated)")."""
    src = m.group("src").strip()
    if attribution.outlet_name(src):
        return attribution.canonical_source(src)
    parts = [part.strip() for part in src.split("/")]
    if len(parts) > 1 and all(attribution.outlet_name(part) for part in parts):
        return attribution.canonical_source(parts[0])
    if _OUTLETISH_RE.match(src) and re.search(r"[-–—_]\s*$", m.group(0)):
        return src
    return None


def _strip_dateline(line: str) -> tuple[str, str | None, str | None]:
    """(rest of the line, outlet named, place) for a line opening with a dateline."""
    # Every pattern here needs a bracket, or a dash (_DATELINE_BARE): most lines have neither, and
    # a test for the character is far cheaper than the match.
    paren = "(" in line
    m = _DATELINE_LEAD.match(line) if line[:1] == "(" else None
    src = _lead_credit(m) if m else None
    if m and src:
        rest = line[m.end():].strip()
        # the place after the credit: "(AP) HONOLULU - A $2.2 million ...", "(Multichannel News) _ Washington -- Comcast ..."
        at = _CAPS_PLACE_DASH.match(rest) or _TITLE_PLACE_DASHES.match(rest)
        if at:
            return rest[at.end():].strip(), src, at.group("place")
        return rest, src, None
    m = _DATELINE_PAREN_GLUED.match(line) if paren else None
    if m and attribution.outlet_name(m.group("src")):  # "London (CNN)It was the interview ..."
        return line[m.end():].strip(), attribution.canonical_source(m.group("src")), m.group("place").strip(" ,")
    dash = "-" in line or "–" in line or "—" in line
    for pattern, may in ((_DATELINE_PAREN, paren), (_DATELINE_BARE, dash)):
        m = pattern.match(line) if may else None
        if m:
            src = m.group("src").strip()
            if pattern is _DATELINE_PAREN and not attribution.outlet_name(src):
                # "(Reuters)" and the like only; "(D-Calif.)" and other asides are not datelines.
                # (nor a one-word credit after a place in capitals: "HONOLULU, Hawaii (HawaiiNewsNow) -")
                caps_place = re.match(r"[A-Z]{3,}\b", m.group("place")) is not None and re.fullmatch(r"[A-Z][A-Za-z]{3,30}(?:\s[A-Z][A-Za-z]{2,30}){0,2}", src)
                # a site's name in one word, its words run together: "Hollywood (eCanadaNow) -"
                camel = re.fullmatch(r"[a-z]?[A-Z][a-z]+(?:[A-Z][a-z]+)+", src) is not None
                if (not src.isupper() or len(src) > 8) and not re.search(r"\.(?:com|org|net|tv|uk)$", src) and not (
                    caps_place or camel
                ):
                    continue
            place = m.group("place").strip(" ,")
            if re.fullmatch(_MONTH + r"\s+\d{1,2}", place):
                place = None  # a day, not a place: "Dec 27 (Reuters Life!) -"
            elif place.startswith("By "):
                place = None  # a byline before the credit: "By Scott Garbarini, Associate NFL Editor -- (Sports Network) -"
            return line[m.end():].strip(), canonical_source(src), place
    return line, None, None


# Datelines and labels without a dash: "LAHORE: An enraged mob ...", "PRETORIA/KHARTOUM, Sudanese
# President ...", "THE FACT CHECKER | Rep. Adam Smith said ..." (a column's label, no place).
_DATELINE_COLON = re.compile(
    r"^(?P<place>[A-Z]{3,}(?:[ -][A-Z]{2,}){0,3}):\s+(?=[A-Z\"“])"
    r"|^(?P<places>[A-Z]{3,}(?:[ -][A-Z]{2,}){0,2}(?:/[A-Z]{3,}(?:[ -][A-Z]{2,}){0,2})+),\s+(?=[A-Z])"
    r"|^(?P<label>[A-Z][A-Z’' ]{3,40}?)\s+\|\s+(?=[A-Z])"
)
# an update's label with its day, before the text: "UPDATE on Sunday, December 18th 2011: "
_CRUMB_RE = re.compile(r"^\s*(?:[^|\n.!?]{2,100}?|\d{1,2}:\d\d\s*[AaPp]\.?[Mm]\.?[^|\n]{0,20}?)\s+\|\s+(?=[A-Z“\"‘'])")


def without_crumbs(text: str) -> str:
    """The text without the short labels a page runs into its first line before " | ": a section and a kicker
    ("Accessories Watch | Portrait of ..."), a headline's tail ("In Utah Flashes ‘God Hates Gays’ | Someone
    recently hacked ..."), a time stamp ("11:22 AM ET 11.12 | The Atlanta Falcons lost on Sunday ..."). Only
    labels of twelve words or fewer, and only when a line of eight words or more is left."""
    for _ in range(3):
        m = _CRUMB_RE.match(text)
        if not m or len(m.group(0).split()) > 13:
            break
        rest = text[m.end():]
        line = rest.split("\n", 1)[0]
        if len(line.split()) < 8 or line.count(" | ") >= 2:
            break  # nothing left to read, or a menu ("My Club | Gossip | Premier League | ..."), not a label
        text = rest
    return text


_UPDATE_LABEL = re.compile(r"^(?:UPDATED?|Updated?)(?:\s+(?:on|at)\b)?[^:.!?]{0,50}\d[^:.!?]{0,20}:\s+(?=[A-Z“\"])"
                           # the date first: "7/10/12 UPDATE: DC Shelves Uber Amendment After Backlash ..."
                           r"|^\d{1,2}/\d{1,2}/\d{2,4}\s+(?:UPDATED?|Updated?)\s*:\s+(?=[A-Z“\"])")
_LABELS = frozenset("BREAKING EXCLUSIVE WATCH VIDEO UPDATE UPDATED NOTE CORRECTION ANALYSIS OPINION EDITORIAL LIVE".split())


# "Washington, DC, United States: Getting to the Moon ...": a place and a colon
_PLACE_COLON = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2},\s[A-Z][\w.]{1,12}(?:,\s[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})?):\s+(?=[A-Z“\"])"
)
def _placeish(place: str) -> bool:
    """A dateline's "City, Region[, Country]": the region a state code ("DC", "NY", "D.C.", "Calif.")
    or a country or state by name."""
    parts = [p.strip() for p in place.split(",")]
    region = parts[1] if len(parts) > 1 else ""
    return bool(re.fullmatch(r"[A-Z]{2}|(?:[A-Z]\.){2}|[A-Z][a-z]{1,4}\.", region)) or all(
        w in COUNTRIES_AND_STATES for w in region.split()) and bool(region)


_CITY_STATE_DASH = re.compile(
    r"^(?P<place>(?:[A-Z][a-z]+|[A-Z]{3,})(?:\s(?:[A-Z][a-z]+|[A-Z]{3,})){0,2},\s(?:[A-Z]{2}|(?:[A-Z]\.){2}|[A-Z][a-z]{1,4}\.(?:\s?[A-Z][a-z]?\.)?))"
    r"(?:\s+[–—-]{1,3}\s+|(?<=\.)[–—]{1,2}\s*|(?<=\.):\s+)(?=[A-Z“\"])"
)
_VIA_CREDIT = re.compile(r"^[A-Z][\w.&'’ ]{1,30}\s+via\s+[A-Z][\w.&'’ ]{1,30}?\s*[–—]+\s*(?=[A-Z“\"])")


def _strip_place_dateline(line: str) -> tuple[str, str | None]:
    """(rest of the line, place) for a line opening with a dateline that names no outlet."""
    if not "A" <= line[:1] <= "Z":
        return line, None  # every pattern below starts with a capital A-Z
    v = _VIA_CREDIT.match(line) if "via" in line else None
    if v:  # "KVELLER via JTA — The state of Washington has sworn in ...": a credit, no place
        return line[v.end():].strip(), None
    c = None
    if "," in line:  # both need a comma, and a dash or a colon after it
        if "-" in line or "–" in line or "—" in line or ".:" in line:
            c = _CITY_STATE_DASH.match(line)
        if c is None and ":" in line:
            c = _PLACE_COLON.match(line)
    head = line[:32]
    if c is None and ("–" in head or "—" in head or " -" in head or ":" in head):
        c = _CITY_DASH.match(line)  # (the long table of cities only where a dash or colon comes early)
    if c and c.re is _PLACE_COLON and not _placeish(c.group("place")):
        c = None  # "Smith, Jones: The two lawmakers said ...": not a place
    if c:  # "New York, NY – With content engagement migrating ...": a press release's dateline
        return line[c.end():].strip(), c.group("place")
    m = _DATELINE_PLACE.match(line)
    if not m:
        c = _DATELINE_COLON.match(line)
        if not c:
            return line, None
        place = c.group("place") or c.group("places")
        if place is None or place in _LABELS or len(place) <= 4 and place.isupper() and c.group("place") and not (
            _CITY_START.match(place.title() + " X")
        ):
            place = None  # a label ("BREAKING:", "THE FACT CHECKER |"), or an acronym ("NATO:") kept as text
            if c.group("place") and len(c.group("place")) <= 4 and c.group("place") not in _LABELS:
                return line, None
        return line[c.end():].strip(), place.title() if place else None
    rest = line[m.end():]
    if not rest[:1].isupper() and not rest[:1] in "\"“‘'(":
        return line, None  # "U.S.-Russia talks" and other hyphenated words are not datelines
    return rest.strip(), m.group("place").strip(" ,")


# A dateline whose outlet was cut off, glued to the first sentence: "Washington The Supreme Court
# ...", "Santa Ana, California A judge ...": a place, then an article opening a sentence.
_DATELINE_GLUED = re.compile(
    r"^(?P<place>[A-Z][a-z][\w.'’-]*(?:,? [A-Z][\w.'’-]+){0,3}) (?=(?:The|A|An|Two|Three|Several|Some)\s+\S)"
)
_NOT_PLACES = frozenset(
    "in on at as after before when while if but and so yet for with from by of to into over under "
    "during since although though because meanwhile however still also then there here this that "
    "these those he she it they we you his her its their our my president police officials".split()
)


# A byline with its date (and the site's section) run into the first sentence of the text.
_GLUED_BYLINE = re.compile(
    r"(?:By\s+){1,2}(?:[A-Z][\w.’'\-]+\s+){1,3}?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}"
    r"(?:\s+in\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?(?:\s+issue)?(?:\s+[-–—]+)?\s+(?=[A-Z\"“‘])"
    # "By By Mary Carmichael Newsweek Dec. 6, 2004 issue - To say that ...": a magazine's issue
    # "By Aaron Humes: The Americas cannot ignore ..."
    r"|By\s+(?:[A-Z][\w.’'\-]+\s+){0,3}[A-Z][\w.’'\-]+\s*(?::|\s[|–—])\s+(?=[A-Z\"“‘])"
)
# An outlet's name and a dash before the first sentence: "Kaieteur News – Police investigators ..."
_OUTLET_DASH = re.compile(
    rf"^(?:[A-Z][\w.’'&]+\s+){{0,3}}(?:{_OUTLET_WORDS})\s+[–—]+\s+(?=[A-Z\"“])"
    # a site's name as a domain: "PanARMENIAN.Net - Verified video footage ..."
    r"|^[A-Za-z][\w\-]{2,30}\.(?:[Nn]et|[Cc]om|[Oo]rg|[Ii]nfo|[Tt]v|[Cc]o\.uk|[a-z]{2})\s+(?:[–—]+|-{1,2})\s+(?=[A-Z\"“])"
)


# "Tripoli, Libya Libya's General National Congress ...", "Fort Hood, Texas Surviving victims ...":
# a place and its country or US state, then a capitalised word: a dateline whatever follows.
COUNTRIES_AND_STATES = frozenset(
    """Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh
    Belarus Belgium Bolivia Bosnia Brazil Bulgaria Burundi Cambodia Cameroon Canada Chad Chile China Colombia
    Congo Croatia Cuba Cyprus Czechia Denmark Ecuador Egypt England Eritrea Estonia Ethiopia Finland France
    Gabon Gambia Georgia Germany Ghana Greece Guatemala Guinea Haiti Honduras Hungary Iceland India Indonesia
    Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kosovo Kuwait Kyrgyzstan Laos Latvia
    Lebanon Liberia Libya Lithuania Luxembourg Macedonia Madagascar Malawi Malaysia Mali Malta Mauritania
    Mexico Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nepal Netherlands Nicaragua
    Niger Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania
    Russia Rwanda Scotland Senegal Serbia Singapore Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland
    Syria Taiwan Tajikistan Tanzania Thailand Tunisia Turkey Turkmenistan Uganda Ukraine Uruguay Uzbekistan
    Venezuela Vietnam Wales Yemen Zambia Zimbabwe Alabama Alaska Arizona Arkansas California Colorado
    Connecticut Delaware Florida Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
    Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon
    Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming""".split()
) | frozenset((
    "South Africa", "South Korea", "North Korea", "South Sudan", "Saudi Arabia", "United Kingdom", "New Zealand",
    "Sri Lanka", "Sierra Leone", "Ivory Coast", "Costa Rica", "El Salvador", "Puerto Rico", "Hong Kong",
    "New York", "New Jersey", "New Mexico", "New Hampshire", "North Carolina", "South Carolina", "North Dakota",
    "South Dakota", "Rhode Island", "West Virginia", "United Arab Emirates", "Czech Republic", "Dominican Republic",
))
_DATELINE_PLACE_COUNTRY = re.compile(r"^(?P<place>[A-Z][a-z][\w.'’-]*(?: [A-Z][\w.'’-]+){0,2}), (?=[A-Z])")
# A place alone, then a word that can only open a sentence: "Seoul They were once ...", "Moscow Among ..."
_SENTENCE_OPENERS = (
    "The|A|An|Two|Three|Several|Some|As|In|On|At|For|With|When|While|After|Before|Among|Nearly|Almost|More|"
    "There|They|It|He|She|We|His|Her|Their|Its|Many|Most|Few|Once|Even|Just|Since|Despite|Although|If|Inside|"
    "Outside|Across|Along|Behind|Beneath|Every|Each|Just|Not|No|Only|Over|Under|From|To|Tens|Hundreds|Thousands"
)
_DATELINE_GLUED_OPENER = re.compile(
    r"^(?P<place>[A-Z][a-z][\w.'’-]*(?: [A-Z][\w.'’-]+){0,2}) (?=(?:" + _SENTENCE_OPENERS + r")\s+\S)"
)


# Cities that head datelines, for a dateline glued to a title and a name: "Hong Kong President Barack
# Obama met on Friday with the Dalai Lama" is a Hong Kong dateline, not a president of Hong Kong.
_DATELINE_CITIES = (
    "Washington|New York|London|Paris|Berlin|Moscow|Beijing|Hong Kong|Tokyo|Seoul|Jerusalem|Gaza|Cairo|Baghdad|"
    "Kabul|Islamabad|New Delhi|Mumbai|Kolkata|Chennai|Bangalore|Bengaluru|Hyderabad|Ahmedabad|Lucknow|Tehran|Damascus|Beirut|Istanbul|Ankara|Kiev|Kyiv|Brussels|Geneva|Rome|"
    "Madrid|Lisbon|Athens|Vienna|Warsaw|Stockholm|Oslo|Copenhagen|Dublin|Nairobi|Johannesburg|Lagos|Tripoli|Tunis|"
    "Dubai|Abu Dhabi|Doha|Riyadh|Sanaa|Amman|Mexico City|Havana|Caracas|Bogota|Lima|Buenos Aires|Sao Paulo|"
    "Ottawa|Toronto|Sydney|Bangkok|Manila|Jakarta|Singapore|Kuala Lumpur|Hanoi|Taipei|Shanghai|Karachi|Dhaka|"
    "Los Angeles|Chicago|Atlanta|Miami|Houston|Boston|San Francisco|Dallas|Denver|Seattle|Phoenix|New Orleans|"
    "Philadelphia|Baltimore|Detroit|St\\. Louis|Minneapolis|Cleveland|Pittsburgh|Nashville|Memphis|Orlando|Tampa|"
    "San Diego|Sacramento|Las Vegas|Salt Lake City|Kansas City|Oklahoma City|Milwaukee|Indianapolis|Cincinnati|"
    "Honolulu|Anchorage|Albuquerque|Newark|Lahore|Peshawar|Kandahar|Mosul|Basra|Aleppo|Homs|Benghazi|"
    "Mogadishu|Khartoum|Addis Ababa|Kampala|Kinshasa|Harare|Cape Town|Abuja|Accra|Dakar|Algiers|Tel Aviv|Ramallah|"
    "Aden|Muscat|Manama|Baku|Tbilisi|Yerevan|Minsk|Donetsk|Sochi|St\\. Petersburg|Almaty|Tashkent|Kathmandu|Colombo|"
    "Yangon|Phnom Penh|Pyongyang|Osaka|Shenzhen|Guangzhou|Wuhan|Urumqi|Melbourne|Brisbane|Auckland|Montreal|"
    "Vancouver|Brasilia|Rio de Janeiro|Quito|Port-au-Prince|Managua|Monterrey|Tijuana|Munich|Frankfurt|Hamburg|"
    "Milan|Naples|Barcelona|Marseille|Amsterdam|The Hague|Zurich|Prague|Budapest|Bucharest|Belgrade|Zagreb|"
    "Sarajevo|Helsinki|Manchester|Glasgow|Edinburgh|Belfast|Strasbourg|Vatican City"
)
_CITY_BEFORE_TITLE = re.compile(
    rf"^(?P<place>(?:(?:Northern|Southern|Eastern|Western|Central)\s+)?(?:{_DATELINE_CITIES})) (?=(?:President|Vice President|"
    r"Prime Minister|Chancellor|King|Queen|Prince|Pope|Gov\.|Governor|Sen\.|Senator|Rep\.|Secretary of State|"
    r"Foreign Minister|Defense Minister|Sheikh|Gen\.|General|Police Chief)\s+[A-Z][\w.’'\-]+)"
)


_CITY_START = re.compile(rf"^(?P<place>{_DATELINE_CITIES}) (?=[A-Z])")
# a dateline city in capitals glued to the sentence, its separator lost with the page's markup (Reuters' pages
# set the place in a span of its own): "SAN FRANCISCO Venture capitalists are raising money ..."
_CAPS_CITY_GLUED = re.compile(r"^(?P<place>[A-Z]{3,}(?:[ .][A-Z]{2,}){0,2}) (?=[A-Z][a-z])")
# a dateline city in title case and a dash or colon: "Indianapolis – Several thousand teachers ...",
# "Los Angeles: The Los Angeles Police Department ..."
_CITY_DASH = re.compile(rf"^(?P<place>{_DATELINE_CITIES})(?:,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{{1,2}})?"
                        rf"(?:\s+(?:[–—]{{1,2}}|-{{1,2}})|:)\s+(?=[A-Z“\"])")
# Words that go on a city's name ("Washington Post", "New York Police Department", "London Bridge") and
# cities that are also first names ("Paris Hilton", "Sydney Leathers"): no dateline there.
_CITY_COMPOUNDS = frozenset(
    """Post Times Police Tribune Herald Journal Bridge Stock Fire Marathon Mayor Airport Zoo Symphony Philharmonic
    Giants Jets Knicks Yankees Mets Lakers Dodgers Clippers Bulls Bears Cubs Red Celtics Redskins Wizards Nationals
    Capitals Heat Dolphins Marlins Hawks Falcons Braves Rockets Astros Texans Cowboys Mavericks Seahawks Mariners
    Broncos Nuggets Suns Saints Pelicans 49ers Warriors Sounders Chronicle Examiner Sun Globe Star Daily Metropolitan
    Museum University City County State Street Square Park Road Avenue International Film Fashion Declaration Summit
    Conference Agreement Accord Accords Convention Protocol Olympics Olympic Paralympic Games Motor Auto Book Evening
    Morning Review Magazine Observer Underground Metro Transport Exchange Court Crown High Central Tower Eye Public
    Board Department Council Assembly Stadium Center Centre Harbor Harbour Port Opera Ballet Children Hospital Medical
    School Schools Community Area Region Memorial Institute College Academy Club Athletic United FC Fed Federal
    Reserve Water Electric Gas Power Housing Transit Subway Mint Aquarium Consensus Group Process Talks Peace Treaty
    Spring Springs Heights Township Borough Province Municipal Gazette Standard Telegraph Mail Independent Express
    Dispatch Record Register Press Weekly Today Tonight Sentinel Bee Ledger Courier Inquirer Beacon Plain
    Eagles Flyers Phillies 76ers Sixers Union Ravens Orioles Lions Tigers Pistons Wings Cardinals Rams Blues Twins Vikings
    Timberwolves Browns Cavaliers Indians Guardians Steelers Pirates Penguins Titans Predators Grizzlies Magic
    Buccaneers Lightning Rays Chargers Padres Kings Raiders Golden Jazz Chiefs Royals Panthers Hornets Hurricanes Bucks
    Brewers Colts Pacers Bengals Reds Thunder Spurs Packers Patriots Bruins Sox Canadiens Canucks Maple Leafs Raptors
    Blue Jays Angels Ducks Sharks Kraken Storm Sky Fever Liberty Mystics Sparks City United Rovers Wanderers Athletic
    Olympique Real Inter AC Saint Airlines Airways Metro Mercantile Cup Open Opera Stock Summit Biennale Lifeguards
    Lifeguard Firefighters Rescue Sheriff Coroner Unified Superior District Attorney Councilmember Archdiocese Diocese
    Catholic Comic Marathon""".split()
)
_FIRST_NAME_CITIES = frozenset("Paris Sydney Houston Dallas Denver Phoenix Atlanta Austin Lima Boston Chicago Miami Dublin".split())
_STATE_TITLE = re.compile(r"(?:Gov\.|Governor|Sen\.|Senator|Rep\.)\s")


def _strip_glued_dateline(line: str) -> tuple[str, str | None]:
    """(rest, place) for a first line opening with a place glued to the sentence."""
    m = _CITY_START.match(line)
    if m and " " in line[m.end():]:
        # a city, then a word no name of that city goes on with: "Cairo Egypt's first ...", "London U.S.
        # President ...", "Moscow Kremlin critic ...", "Los Angeles Comedian Phyllis Diller ..." (not
        # "Washington Post", "New York Police", "London Mayor", nor "Paris Hilton")
        nxt = line[m.end():].split(" ", 1)[0].strip(",.:;")
        nxt = nxt[:-2] if nxt[-2:] in ("'s", "’s") else nxt
        nxt = nxt.split("-")[0]  # "San Diego Fire-Rescue Department"
        state = m.group("place") in ("New York", "Washington") and _STATE_TITLE.match(line, m.end())  # "New York Gov."
        if m.group("place") not in _FIRST_NAME_CITIES and nxt not in _CITY_COMPOUNDS and nxt != m.group("place") and not state:
            rest = line[m.end():].strip()
            if m.group("place") == "Washington" and rest.startswith(("D.C. ", "DC ")):
                after = rest.split(" ", 1)[1].strip()
                if after.split(" ", 1)[0].strip(",.:;") in _CITY_COMPOUNDS:
                    return line, None  # "Washington DC Mayor Muriel Bowser said ...": the city's own
                return after, "Washington, D.C."  # "Washington D.C. Kim Jong Un has ..."
            return rest, m.group("place")
    m = _CAPS_CITY_GLUED.match(line)
    if m and _CITY_START.match(m.group("place").title() + " X") and line[m.end():].split(" ", 1)[0].strip(",.:;") not in _CITY_COMPOUNDS:
        return line[m.end():].strip(), m.group("place")  # "SAN FRANCISCO Venture capitalists are raising ..."
    m = _CITY_BEFORE_TITLE.match(line)
    if m and not (m.group("place") in ("New York", "Washington") and _STATE_TITLE.match(line, m.end())):
        return line[m.end():].strip(), m.group("place")  # not "New York Gov. Andrew Cuomo", a state's own
    m = _DATELINE_PLACE_COUNTRY.match(line)
    if m and not any(w.lower().strip(",") in _NOT_PLACES for w in m.group("place").split()):
        words = line[m.end():].split(" ", 4)
        for k in (1, 2, 3):  # the country or state: "Libya", "South Africa", "United Arab Emirates"
            country = " ".join(words[:k])
            rest = line[m.end() + len(country):]
            if len(words) > k and country in COUNTRIES_AND_STATES and rest[:1] == " " and (rest[1:2].isupper() or rest[1:2] in ('"', "“")):
                return rest.strip(), f"{m.group('place')}, {country}"
    for pattern in (_DATELINE_GLUED, _DATELINE_GLUED_OPENER):
        m = pattern.match(line)
        if m and not any(w.lower().strip(",") in _NOT_PLACES for w in m.group("place").split()):
            return line[m.end():].strip(), m.group("place").strip(" ,")
    return line, None


# Lines that are never article text, by kind. Each pattern is matched at the line's start
# (re.match) unless noted; the whole line goes.
_NOTICES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("crawler notice", re.compile(
        r"These crawls are part of an effort to archive pages|"
        r"Starting in 1996, Alexa Internet has been donating|"
        r"A collection of (?:government )?web content\b", re.I)),
    ("page notice", re.compile(
        r"Tweet with a location\b|You can add location information to your Tweets|"
        r"We(?:'|’)ve detected that JavaScript is disabled|"
        r"(?:Please )?enable JavaScript\b|"
        r"The IP address (?:has changed|for this domain)|"
        r"We(?:'|’)re sorry, but (?:this|the) page (?:is not|isn(?:'|’)t) available|"
        r"(?:Sorry, )?(?:the )?page (?:you requested )?(?:was )?not found|"
        r"Dow Jones Reprints:|This copy is for your personal, non-commercial use|"
        r"Our goal is to create a safe and engaging place for users|"
        r"(?:Check your DNS settings|Copy this code to your website)", re.I)),
    ("player notice", re.compile(
        r"Media playback is (?:unsupported|not supported) on your device|"
        r"(?:This )?video (?:is )?(?:not available|unavailable|cannot be played)|"
        r"Your browser does not support|"
        r"(?:Skip in Skip|Play Facebook|Now Playing|Replay\s*$|Watch:?\s*$|Video:?\s*$)|"
        r"(?:JUST WATCHED|MUST WATCH)\b|"
        r"CLOSE (?=[A-Z])|"
        r"\d{1,2}:\d{2}\s*$")),
    ("photo caption", re.compile(
        r"Image (?:copyright|caption)\b|Media caption\b|Caption\s*(?::|$)|"
        r"(?:Enlarge|Expand) (?:Image|icon|this photo)\b|"
        r"(?:Photo|Photos|Photograph|Picture|Image|Illustration|Video|Credit|Source)s?\s*$|"
        r"(?:Photo|Photos|Photograph|Pictured|Picture|Image|Illustration|Credit|Screenshot)"
        r"(?:\s+by\b|\s*:)|"
        r"(?:File\s+)?(?:Photo|Image)\s*\((?:AP|Reuters|AFP|Getty)", re.I)),
    ("prompt", re.compile(
        r"(?:Read|See|Watch|Click|Tap) (?:more|also|here|the full|related)\b|"
        r"(?:Click|Tap) (?:for|to) (?:more|read|see|watch|view|listen)\b|"
        r"(?:First|Originally|Last) (?:published|posted|updated|modified)(?: on| at)?:? (?=.{0,35}$)[^,]{0,20}\d|"
        r"[A-Z][A-Z &/\-]{3,}, \d{4}-\d{5,}, |"
        # the rest of a police log's entry: "4500 block of 31st Street S.", "07/24/17, VA VKE5119, 2004 Dodge ..."
        r"\d{1,5}\s+block\s+of\s+[^.]{1,50}\.?\s*$|\d{1,2}/\d{1,2}/\d{2,4},\s+[A-Z]{2}\s+[A-Z0-9]{4,},\s|"
        r"(?:Related|RELATED|More|MORE|Also read|Recommended|Trending)\s*(?::|$)|"
        # a link to more of the site: "View seven day Editorial Archive for previous Winnipeg Free Press stories."
        r"View\s+(?:[\w\-]+\s+){0,4}(?:[Aa]rchives?|[Gg]allery|[Pp]hotos|[Ss]lideshow)\b|"
        # a wire's note on its new version: "UPDATES with at least 10 suspects in custody."
        r"Eds?:\s+(?:AMs|PMs|AMs-PMs|UPDATES|CORRECTS|Moving|Will\s+be\s+updated|With\s+AP\s+Photos?)\b|"
        r"(?:UPDATES|CORRECTS|REFILES|RECASTS|ADDS|REPEATS)\s+(?:with|to|adds?|paragraph|para|throughout|headline|"
        r"byline|dateline|quotes?|details|comment|background|analyst)\b|"
        r"Advertisement\s*$|ADVERTISEMENT|Story continues below|Continue reading|"
        r"(?:Subscribe|Sign up|Register|Join)\b.{0,80}\b(?:newsletter|subscri|free|today|now|e-?mail|updates|account)|"
        r"Subscribe\b|Sign up\b|Looking for news you can trust|Breaking News Emails\b|"
        # a subscription offer: "Order today and save over 66%!", "Subscribe now and save 50%"
        r"(?:Order|Buy|Subscribe|Join|Act)\s+(?:today|now)\s+and\s+save\b|"
        r"Get (?:breaking news|the latest)\b.{0,40}\b(?:alerts|newsletter|inbox)|"
        r"Follow (?:us|@|[A-Z][\w ]{0,40} on (?:Twitter|Facebook|Instagram))|"
        r"Share (?:this|on)\b|(?:Like|Follow) us on\b|Sponsored\b|Embed\s*$|"
        r"(?:Facebook|Twitter|Pinterest|Email|WhatsApp|LinkedIn|Print)(?:\s+(?:Facebook|Twitter|Pinterest|Email|WhatsApp|LinkedIn|Print|icon|Close))+\s*$",
        0)),
)
# A caption inside a line: a photo credit in brackets ("(AP Photo/Evan Vucci)", "(Photo: Metro
# Police)", "(Getty Images)"), or a credit line after the caption ("... /Getty Images").
_PHOTO_CREDIT = re.compile(
    r"\((?:(?:AP|AFP|EPA|Reuters)(?:\s+Photo)?\s*/[^)]{1,60}|AP Photo\b[^)]{0,60}|Getty\b[^)]{0,40}"
    r"|(?:Photo|Photos|Photograph|Image|Credit|File photo)\b[^)]{0,80})\)"
    r"|\bGetty Images\s*$|/\s*(?:Getty Images|AFP|Reuters|AP|EPA(?:-EFE)?|Shutterstock|"
    r"The [A-Z][\w ]{2,30})\s*$"
    r"|\bPhoto:\s*[A-Z]|\bBack to Gallery\b|\bImage \d+ of\b",
)
# A caption ending with its credit in brackets: "... in Trenton, N.J., Tuesday,... (Associated
# Press)", "... as a money-grubbing official. (Ben Lovejoy)".
_TRAILING_CREDIT = re.compile(
    r"(?:[.…,]|\.\.\.)\s*\((?:[A-Z][\w.'’-]*\s?){1,5}(?:/\s*[^)]{2,40}|,\s*(?:[A-Z][\w.'’-]*\s?){1,4})?\)\s*$"
)
_PAREN_LINE = re.compile(r"^\([^()]{2,80}\)$")
_BYLINE_LINE = re.compile(r"^by\s+(?:by\s+)?[A-Z][\w.'’-]+(?:[ ,]+(?:and\s+)?[\w.'’-]+){0,9}\.?$", re.I)
_COPYRIGHT_LINE = re.compile(r"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b|"
                             r"may not be (?:published|reproduced|redistributed)", re.I)
_INNER_SENTENCE_END = re.compile(r"[a-z0-9)][.!?][\"'”’]?\s+\S")
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with vs".split())


# Alternatives that look for words anywhere in a line's opening characters (".{0,N}words") cost a
# scan of every line: each is kept apart, with words every match holds, and tried only when the
# lowercased line holds them. Same kinds, same lines.
_WINDOWS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "crawler notice": (
        ("internet archive hopes", re.compile(r".{0,40}\bthe Internet Archive hopes that references", re.I)),
        ("internet archive", re.compile(r".{0,200}\busing the Archive-?It service of the Internet Archive", re.I)),
        ("archive-it partner since", re.compile(r".{0,200}Archive-It Partner Since", re.I)),
    ),
    "player notice": (("autoplay autoplay", re.compile(r".{0,120}\bautoplay autoplay\b")),),
    "prompt": (
        ("newsletter", re.compile(r"(?i:.{0,80}\b(?:sign up|subscribe|get|delivered)\b.{0,40}\bnewsletters?\b)")),
    ),
}
_MORE_WINDOWS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "page notice": (
        ("clearing your dns cache", re.compile(r".{0,60}\bclearing your dns cache")),
        ("your tweet", re.compile(r".{0,80}\byour Tweet(?:s|\s+location)\b")),
        ("via third-party applications", re.compile(r".{0,80}\bvia third-party applications\b")),
    ),
}


def _matches(kind: str, pattern: re.Pattern[str], line: str, windows: dict, low: str) -> bool:
    """pattern, or one of kind's windows (tried only when low, the lowercased line, holds its
    words), matches line."""
    return bool(pattern.match(line)) or any(
        need in low and window.match(line) for need, window in windows.get(kind, ())
    )


def notice_kind(line: str) -> str | None:
    """The kind of non-article line this is ("photo caption", "player notice", "crawler notice",
    "page notice", "prompt", "byline", "copyright line", "teaser"), or None for a line of article
    text."""
    low = line.lower()
    if _ANY_NOTICE.match(line) or _holds_any(low, _NEEDS):
        for kind, pattern in _NOTICES:
            if _matches(kind, pattern, line, _WINDOWS, low):
                return kind
        more = _page_junk_kind(line, low)
    else:  # no notice pattern matches and no window's words are there: the tests that are left
        more = _caption_or_teaser(line)
    if more:
        return more
    if (
        _holds_any(line, _PHOTO_CREDIT_MARKS) and _PHOTO_CREDIT.search(line)
        or ")" in line and (_TRAILING_CREDIT.search(line) or _PAREN_LINE.match(line))
    ):
        return "photo caption"
    # a byline opens with "by" (_BYLINE_LINE); a copyright line holds one of these: most lines
    # neither, and need no count of their words
    byline = line[:2].lower() == "by"
    copyright = "©" in line or "(c)" in low or "right" in low or "may not be" in low
    if not (byline or copyright):
        return None
    n_words = len(line.split())
    if byline and n_words <= 12 and _BYLINE_LINE.match(line):
        return "byline"
    if n_words <= 40:
        if copyright and _COPYRIGHT_LINE.search(line):
            return "copyright line"
    return None


def _holds_any(text: str, needles: tuple[str, ...]) -> bool:
    """any(n in text for n in needles), without a generator's cost (run for every line)."""
    for n in needles:
        if n in text:
            return True
    return False


# More kinds of page furniture, by the kind of thing they are (not by the words of one page):
# web error pages, social-media widgets, publication boilerplate ("This report is published every
# weekday"), weather widgets, update notes, wire-style photo captions ("FILE - In this Oct. 20, 2007
# file photo, ...", "Cows gather in a field near ..., June 19, 2015. REUTERS/Name") and teasers cut
# off with an ellipsis. Each is matched at the line's start, except the two caption endings.
_MORE_NOTICES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("page notice", re.compile(
        # web error pages: 404s, DNS and server errors, "try the address again"
        r"(?:Error\s*)?(?:404|403|500|502|503)\b(?:\s*[-:–—]|\s+(?:error|not found|forbidden|page))|"
        r"(?:Sorry,?\s+)?(?:[Tt]he|[Tt]his)\s+page\s+(?:you(?:'|’)re|you\s+are|you)\s+(?:looking|trying|searching)\b|"
        r"(?:Please\s+)?(?:try|check)\s+(?:typing|retyping|entering)?\s*the\s+(?:web\s+|page\s+)?(?:address|URL|link)\b|"
        r"Try typing the\b|It may take [\d\-–]+ hours for DNS|"
        r"This (?:site|page|webpage) can(?:'|’|no)t be (?:reached|found|displayed)|Server not found\b|"
        r"(?:Access|Permission) denied\b|(?:The )?(?:service|server) is (?:temporarily )?unavailable|"
        r"You may also be interested in\b|"
        # social-media widgets: location, embed and follow boilerplate around a post
        r"Add this (?:Tweet|video|post|photo) to your website|Twitter may be over capacity|"
        r"Embed (?:this\s+)?(?:Tweet|post|video|photo)\b|View (?:this\s+)?(?:post|photo|video) on (?:Instagram|Facebook|Twitter)|"
        r"A (?:post|photo|video) shared by\b|Learn more\s*$|Story highlights\b|"
        # a note from the editors about the page, not the news: "Editor’s note: Morning Money is a free version of ..."
        r"Editor[’']?s[’']?\s+[Nn]ote\s*:|EDITOR[’']?S[’']?\s+NOTE\s*:|"
        # publication boilerplate: what the report, story or page is, how often it comes out
        r"(?:This|The above|The following|Each)\s+(?:(?:daily|weekly|crime|police)\s+)?(?:report|story|article|post|piece|"
        r"newsletter|page|briefing|list|log|column|feature|blog|bulletin|digest|summary|information)s?\s+"
        r"(?:is|are|was|were|has been|have been|will be|may be|appears?|covers?)\s+(?:not\s+)?(?:published|updated|"
        r"corrected|produced|compiled|prepared|written|originally|first|sent|delivered|provided|made|a complete|"
        r"intended|based|reprinted|republished|generally|significant|every|daily|weekly)\b|"
        # weather widgets: "Periods of rain. High 58F. Winds ENE at 10 to 20 mph."
        r"(?:Periods of (?:rain|snow|showers)|(?:Partly|Mostly) (?:cloudy|sunny|clear)|"
        r"(?:Rain|Snow|Showers|Thunderstorms|Sunny|Cloudy|Clear|Fog|Overcast)\b[^.]{0,40}\.\s+(?:High|Low|Winds?|Thunderstorms)\b|"
        r"Winds?\s+(?:[NSEW]{1,3}|light and variable|calm)\s+(?:at\s+)?\d|(?:Rainfall|Snowfall)\s+(?:near|around|possible|totals?)\b|"
        r"Chance of (?:rain|snow|precipitation|showers|storms)\s+\d|(?:High|Low)s?\s+(?:near\s+|around\s+)?-?\d+\s*°?\s*[FC]\b)|"
        # update notes: "5 PM EASTERN UPDATE: Adds D.C. police response."
        r"(?:\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|AM|PM)\s*(?:[A-Za-z]{2,8}\s+)?)?(?:UPDATE|Update|UPDATED|Updated)\b[^:]{0,40}:\s*"
        r"(?:Adds|Added|Updates|Updated|Corrects|Corrected|Recasts|Adds\s+\w+|This (?:story|article|post))\b"
    )),
    ("photo caption", re.compile(
        # wire captions: "FILE - In this Oct. 20, 2007 file photo, ...", "In this photo provided by ..."
        r"FILE\s*[-–—]|(?:FILE\s+)?PHOTO\s*[-–—:]|(?:Above|Below|Top|Left|Right|Inset|Pictured|Main image)\s*:\s|"
        r"In this\s+(?:[\w.,]+\s+){0,4}(?:file\s+)?(?:photo|image|photograph|picture|frame grab|handout)\b|"
        r"In an?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4},?\s+(?:file\s+)?|file\s+)(?:photo|image|photograph|picture)\b"
    )),
    ("prompt", re.compile(r"(?:Further|Recommended|Suggested) (?:Reading|reading|Stories|stories)\b|FURTHER READING\b")),
)
# "Televised images and photographs from North Korea showing streams of ...": a picture described,
# with no verb but "showing" (an article's "Satellite images showing the damage were released" has one).
_SHOWING_CAPTION = re.compile(
    r"(?:Televised|Undated|Handout|Aerial|Satellite|File|Archive|Surveillance|Security|Video|Amateur|Broadcast|"
    r"Drone|Police|Family)\s+(?:images?|photos?|photographs?|pictures?|footage|screenshots?|stills?)"
    r"(?:\s+(?:and|or)\s+(?:images?|photos?|photographs?|pictures?|footage|video))?"
    r"(?:\s+(?:from|of|taken|released|provided|obtained|posted)\b[^.]{0,80}?)?\s+showing\b"
)
_FINITE_AUX = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|show|shows|showed|said|says)\b")
# A caption ends with where and when the picture was taken, no preposition before the date, and
# maybe the wire's credit: "... in Chauve, France, June 19, 2015. REUTERS/Stephane Mahe",
# "... in Caracas, Venezuela May 15, 2018." (an article's "on May 15, 2018." is no caption).
_DATED_CAPTION = re.compile(
    r"(?:\b(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][\w.]+,?|,\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?)\s+"
    + _MONTH
    + r"\s+\d{1,2},\s+\d{4}\.?(?:\s+(?:REUTERS|Reuters|AFP|AP|EPA|XINHUA|Getty Images)(?:/[\w.\-’' ]{2,40})?)?\s*$"
)
_WIRE_CREDIT_END = re.compile(r"\b(?:REUTERS|AFP|EPA|XINHUA|ANADOLU)/[A-Z][\w.\-’' ]{1,40}$")
_PREPOSITION_END = re.compile(r"\b(?:on|since|until|by|from|of|before|after|through|to|in|at)\s*,?$")
_NOT_CAPTION_VERBS = re.compile(r"\b(?:said|says|told|according to|announced|reported)\b")
# A teaser cut off with an ellipsis after a word: "Qatar's ruler said Tuesday he has transferred
# power to the 33-year-old crown..."; a quotation trailing off keeps its quotation marks.
_CUT_TEASER = re.compile(r"[a-z,]\s?(?:\.\.\.|…)$")

# Every pattern notice_kind and _page_junk_kind match at a line's start, as one: most lines are
# article text, which none matches, and one scan tells so (the window patterns run only when their
# words are in the line: _NEEDS).
_ANY_NOTICE = re.compile(
    "|".join(
        f"(?i:{p.pattern})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})"
        for _, p in (*_NOTICES, *_MORE_NOTICES)
    )
)
_NEEDS = tuple(need for windows in (_WINDOWS, _MORE_WINDOWS) for entries in windows.values() for need, _ in entries)


def _page_junk_kind(line: str, low: str) -> str | None:
    """The kind of page furniture in _MORE_NOTICES, a dated or wire-credited photo caption, or a
    teaser cut off mid-sentence; None for a line of article text. low: the line lowercased."""
    for kind, pattern in _MORE_NOTICES:
        if _matches(kind, pattern, line, _MORE_WINDOWS, low):
            return kind
    return _caption_or_teaser(line)


# Who stands where in a picture: "Mark Esper, left, and ...", "... Ngo Xuan Lich, second from right, ..."
_WHERE_IN_PICTURE = (
    r",\s(?:left|right|center|centre|top|bottom|front|rear|second from (?:left|right)|"
    r"third from (?:left|right)|foreground|background|in (?:red|blue|white|black))(?:,|\sand\s)"
)
_WHO_IS_WHERE = re.compile(r"[A-Z][\w.’'\-]+" + _WHERE_IN_PICTURE)
# The part of every _WHO_IS_WHERE match after the name: it opens with a comma, which the engine
# scans for fast (the whole pattern tries every capital letter of the line).
_WHERE_AFTER_COMMA = re.compile(_WHERE_IN_PICTURE)
# A picture's caption naming who made or sent the thing shown, with no verb of its own:
# "Campaign mailer sent by GOP state Senate candidate Ed Charamut." ("He was shot by police." has one.)
_BY_CAPTION = re.compile(
    r"(?:An?\s+|The\s+)?(?:[\w\-’'.]+\s+){0,4}(?:sent|taken|shot|released|provided|obtained|posted|published|drawn|"
    r"designed|painted|created|distributed|mailed|shown|captured|filmed|recorded|photographed)\s+(?:out\s+)?by\s+"
    r"(?!(?:the\s+)?(?:police|officers?|troops|soldiers|gunmen|militants|a\s+sniper)\b)"
)
# The Hill's inline links: "James Clapper James Robert ClapperClapper: Trump was serious ... MORE said"
# (the name, then the name in full glued to the headlines of related stories, up to "MORE").
_LINK_WIDGET = re.compile(r"\s(?:[A-Z][\w.\-’']*\s){1,2}[A-Z][a-z\-’']+(?=[A-Z][a-z\-’']+:\s)[^\n]{0,700}?\sMORE\b")


# a review's rating line: "THE DIVING BELL AND THE BUTTERFLY Rating: 3 1/2 out of 4 stars."
_RATING_LINE = re.compile(r"^.{0,100}\bRating:\s*[\d½¼¾.]+(?:\s+\d/\d)?\s*(?:out\s+of\s+\d+|/\s*\d+)?\s*(?:stars?)?\.?\s*$")


def _caption_or_teaser(line: str) -> str | None:
    """The rest of _page_junk_kind: a picture described, a dated or wire-credited photo caption,
    a review's rating line, or a teaser cut off mid-sentence."""
    if "Rating:" in line and _RATING_LINE.match(line):
        return "page notice"
    if line.count("::") >= 2 and len(line.split()) <= 60:
        return "photo caption"  # "Aerial views of the damage ... by 1-150 Assault Helicopter Battalion:: New Jersey Army National Guard:: Oct. 30:: 2012."
    if "showing" in line:
        m = _SHOWING_CAPTION.match(line)
        if m and not _FINITE_AUX.search(line, m.end()):
            return "photo caption"
    if ", " in line and _WHERE_AFTER_COMMA.search(line) and _WHO_IS_WHERE.search(line) and len(line.split()) <= 60:
        return "photo caption"  # "U.S. Defense Secretary Mark Esper, left, and ... shake hands in Hanoi ..."
    if " by " in line and len(line) < 200 and _BY_CAPTION.match(line) and not _FINITE_AUX.search(line):
        return "photo caption"  # "Campaign mailer sent by GOP state Senate candidate Ed Charamut."
    tail = line[-60:]
    if "/" in tail and _WIRE_CREDIT_END.search(tail):
        return "photo caption"
    if tail.rstrip(". ")[-4:].isdigit() and len(line.split()) <= 50:
        m = _DATED_CAPTION.search(tail)
        if m and not _NOT_CAPTION_VERBS.search(line) and not _PREPOSITION_END.search(tail[: m.start() + 1]):
            return "photo caption"
    if (line.endswith("...") or line.endswith("…")) and _CUT_TEASER.search(tail) and not any(q in line for q in '"“”'):
        if not _INNER_SENTENCE_END.search(line):  # a paragraph cut off after whole sentences stays
            return "teaser"
    if len(line) < 260 and _PARTICIPLE_CAPTION.match(line) and len(line.split()) <= 22 and not _CAPTION_FINITE.search(line):
        return "photo caption"  # "Cash and cards seized during the arrest of two ... suspects on Wednesday."
    if tail[-1:] in ".0123456789" and _MONTH_DAY_END.search(tail) and _CAPTION_PRESENT.search(line) and not _CAPTION_FINITE.search(line):
        return "photo caption"  # "Chelsea manager Avram Grant watches his team during ... in London, January 8."
    if len(line) < 200 and _NAME_WHERE_CAPTION.match(line) and not _CAPTION_FINITE.search(line) and not _PAST_WORD.search(line):
        return "photo caption"  # "Brian McGrattan near the end of the club's practice yesterday at Scotiabank Place."
    if ("www." in line or "://" in line) and _WEB_ADDRESS_END.search(line):
        return "listing"  # "CHEER ON Juniors ... Oct. 5–7, in Gladstone, NJ; www.usef.org."
    return None


# The dash a dateline leaves when the page set its place apart: "-- Hillary Clinton has an explanation ..."
_LEFT_DASH = re.compile(r"^(?:(?:--|[–—])\s*)+(?=[A-Z“\"])")
# A city in capitals and the day, with no dash: "LONDON, Jan. 10 British actor ..."
_CAPS_CITY_DAY = re.compile(r"^(?P<place>[A-Z]{3,}(?:\s[A-Z]{2,}){0,2}(?:,\s+[A-Z][a-z]{1,4}\.)?),\s+" + _MONTH
                            + r"\s+\d{1,2}\s+(?=[A-Z][a-z])")
# A place and the day before a dash: "Visakhapatnam, Jan 7 - By 2010 India will have ..."
_PLACE_DAY_DASH = re.compile(r"^(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s+" + _MONTH + r"\s+\d{1,2}\s*(?:[–—]+|-{1,2})\s+(?=[A-Z“\"])")
# A place in title case and the day, glued to the text: "Tokyo, July 16 Takara Co, a major Japanese toy maker, today said ..."
_PLACE_DAY_GLUED = re.compile(
    r"^(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s+" + _MONTH
    + r"\s+\d{1,2}\s+(?=[A-Z][a-z])"
)
# A place and a date in brackets, or a date in figures, opening the text: "(Montreal, September 9, 2004) - King Camera has
# just completed ...", "(01/23/98) -- Foreign ministers of the European Union ..."
_BRACKET_DATELINE = re.compile(
    r"^\((?:(?P<place>[A-Z][a-z]+(?:[ .][A-Z][a-z]+)?)(?:,\s+[A-Z][a-z.]+)?,\s+" + _MONTH + r"\s+\d{1,2},\s+\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{2,4})\)\s*(?:(?:--|[-–—])\s*)?(?=[A-Z“\"])"
)
# A date opening the first paragraph, set off by a colon or a dash: "December 28, 2014: Here are four stocks ..."
_DATE_FIRST = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:" + _MONTH
    + r"\s+\d{1,2}|\d{1,2}\s+" + _MONTH + r"),?\s+\d{4}"
    # and the time: "| 30 December 2007 9:00 GMT - The month started off with ..."
    + r"(?:,?\s+\d{1,2}:\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?\s*(?::|--|[–—]|-\s)\s*(?=[A-Z“\"])"
)
# a press release's dateline: "LAS VEGAS, Jan. 8 /PRNewswire/ -- LG Electronics has introduced ..."
_RELEASE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’ ]{1,40}(?:,\s+[A-Z][\w.'’ ]{1,20})?),\s+" + _MONTH + r"\s+\d{1,2}(?:,\s+\d{4})?\s+"
    r"/\s*(?:PRNewswire[\w\-]*|PR\s+Newswire|Business\s+Wire|Marketwire|GlobeNewswire|PRWEB|PRWeb)\s*/\s*(?:--|[–—])\s*(?=[A-Z“\"])"
)
# Marketwired's dateline, its date in the wire's brackets: "SAN FRANCISCO, CA--(Marketwired - April 06, 2016) - Segment, ..."
_MARKETWIRED_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’ ]{1,40}(?:,\s+[A-Z][\w.'’ ]{1,20})?)\s*--\s*\(\s*Marketwired?\s*-\s*" + _MONTH
    + r"\s+\d{1,2},\s+\d{4}\s*\)\s*(?:--|[-–—])\s*(?=[A-Z“\"])"
)
# A news site's label before a paragraph's first sentence (MarketWatch's "The numbers:", "What happened:", "Big
# picture:"; Axios's "Why it matters:", "Driving the news:", "Between the lines:"): a heading, not the sentence's words.
_NEWS_LABEL = re.compile(
    r"^(?:(?:The\s+)?(?:[Nn]umbers|[Bb]ig\s+picture|[Bb]ottom\s+line|[Bb]ackstory|[Ss]tate\s+of\s+play|[Ii]ntrigue)|"
    r"Why\s+it\s+matters|What\s+happened|What[’']s\s+next|What\s+to\s+watch|Between\s+the\s+lines|Driving\s+the\s+news|"
    r"By\s+the\s+numbers|Zoom\s+(?:in|out)|Catch\s+up\s+quick|Go\s+deeper|Reality\s+check|Be\s+smart|"
    r"Our\s+thought\s+bubble|Market\s+reaction|What\s+they[’']re\s+saying|Where\s+it\s+stands|The\s+latest)"
    r"\s*:\s+(?=[A-Z“\"])"
)
# A wire photographer's credit glued to the paragraph after it: "Shamil Zhumatov/REUTERSThe UK may be forced ..."
_GLUED_PHOTO_CREDIT = re.compile(
    r"^(?:[A-Z][\w.\-’']*\s+){0,3}[A-Z][\w.\-’']*\s*/\s*(?:REUTERS|Reuters|AFP|AP|EPA|Getty\s+Images|AP\s+Photo|"
    r"Associated\s+Press|Bloomberg|XINHUA|Xinhua)\s*(?=[A-Z][a-z])"
)
# A picture's caption with no verb of its own, only a participle: "Cash and cards seized during the arrest of
# two identity theft suspects in Baldwin County on Wednesday." ("Police seized cash during ..." has an object
# after its verb; "Protesters gathered in ..." and "Oil prices recovered in ..." use no participle of this
# list; a longer line has its verb further on: "A ... document found at ... sets out ...")
_PARTICIPLE_CAPTION = re.compile(
    r"^(?!(?:He|She|It|They|We|I|You|Police|Officers|Authorities|Troops|Agents)\b)[A-Z][\w\-’']*(?:\s+[\w\-’',]+){0,6}?\s+"
    r"(?:seized|confiscated|displayed|pictured|shown|taken|collected|found|damaged|destroyed|abandoned|"
    r"discovered|photographed|captured|stacked|piled|laid|placed|seen|on\s+display)\s+"
    r"(?:during|at|in|after|from|near|on|inside|outside|by|along|following)\s"
)
# somebody by name, then where: a picture's caption with no verb ("Brian McGrattan near the end of the club's
# practice yesterday at Scotiabank Place.")
_NAME_WHERE_CAPTION = re.compile(
    r"^(?!(?:The|A|An|In|On|At|For|After|Before|During|This|That|It|He|She|They|We|I)\b)[A-Z][a-z][\w.’'\-]*"
    r"(?:\s+[A-Z][\w.’'\-]*){1,3}\s+(?:near|during|outside|inside|at|after|before|on|in|with|alongside)\s+(?:the|a|an|his|her|their)\s"
)
# a caption's present tense and its day with no year: "... watches his team during the Carling Cup semi-final
# first leg against Everton at Stamford Bridge in London, January 8."
_MONTH_DAY_END = re.compile(r",\s+" + _MONTH + r"\s+\d{1,2}\.?\s*$")
_CAPTION_PRESENT = re.compile(
    r"\b(?:watches|celebrates|speaks|gestures|reacts|looks|walks|arrives|poses|waves|attends|shakes|stands|sits|smiles|"
    r"listens|greets|kicks|scores|shoots|jumps|delivers|addresses|salutes|prays|mourns|carries|chats|hugs|kisses|"
    r"rides|performs|"
    # and for a plural subject: "Accident investigators look through the wreckage ..., Friday Jan. 18, 2008."
    r"look|watch|celebrate|gesture|react|walk|arrive|pose|wave|attend|stand|sit|gather|inspect|search|sift|"
    r"carry|march|mourn|pray|greet|listen|survey)\b"
)
_PAST_WORD = re.compile(r"\b[a-z]{3,}ed\b|\b(?:went|came|took|made|gave|won|lost|led|held|met|ran|saw|became|began|left|got)\b")
_CAPTION_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|said|says|told|do|does|did)\b|n[’']t\b"
)


# a blog's category label run into the text: "Filed under: Latest News The production of ..."
_FILED_UNDER = re.compile(r"^Filed\s+under:?\s+(?:[A-Z][\w&\-]*,?\s+){1,4}?(?=(?:The|A|An|In|On|At|After|As|When|With|For|It|This|"
                          r"Last|Yesterday|Today)\s)")
# a picture's credit on a line of its own: "Credit: CSA", "Photo: Reuters", "(U.S. Air Force photo by Master Sgt. ...)"
_PICTURE_CREDIT_LINE = re.compile(
    r"^\(?(?:(?:Photo|Image|Picture|Photograph|Illustration)s?(?:\s+credit)?|Credit|Courtesy)\s*:"
    r"|^\((?:[\w.\-’' ]+\s)?(?:photo|image|picture|illustration)s?\s+(?:by|courtesy|credit)\b",
    re.IGNORECASE,
)


def _captioned(line: str) -> bool:
    """Whether a line before a picture's credit is its caption: a phrase of up to 35 words with no finite verb
    ("Aerial views of the damage caused by Hurricane Sandy ... Oct. 30:: 2012."); not a sentence of the text
    before a picture ("Police said on Monday the roads were closed.")."""
    if len(line.split()) > 35 or _CAPTION_FINITE.search(line) or _NOT_CAPTION_VERBS.search(line) or line.endswith("?"):
        return False
    # a verb in the past ("Ministers met in Brussels ...", "Police arrested six people"), not a participle ("the damage
    # caused by Hurricane Sandy", "taken during a search and rescue mission")
    past = [m for m in _PAST_WORD.finditer(line) if not (m.group(0).endswith("ed") and _PARTICIPLE_AFTER.match(line, m.end()))]
    return not past and not any(q in line for q in '"“”')


_PARTICIPLE_AFTER = re.compile(r"\s+(?:by|during|in|at|on|from|after|near|off|outside|inside|under|over)\b")


# A line that ends with a bare web address: an event listing or a notice pointing elsewhere
_WEB_ADDRESS_END = re.compile(r"(?:[;:,(]\s*|\s)(?:www\.[\w\-.]+\.[a-z]{2,}|https?://\S+?)(?:/[\w\-./]*)?\)?[.!]?\s*$")


# What every _PHOTO_CREDIT match holds: a cheap test before the pattern.
_PHOTO_CREDIT_MARKS = ("(", "Getty", "/", "Photo:", "Back to Gallery", "Image ")


def is_title_case(line: str, max_words: int = 10) -> bool:
    """True for a headline in title case ("Uncovering The Remains Of Treblinka.", "Sports."):
    at most max_words words, every word of four letters or more capitalised."""
    # Most lines are long sentences: their first max_words + 1 parts, all words, say so without
    # splitting the rest of the line.
    parts = line.split(None, max_words + 1)
    if len(parts) > max_words + 1:
        if all(w.strip("\"'“”‘’()[],.:;!?") for w in parts[: max_words + 1]):
            return False
        parts = line.split()
    if len(parts) > max_words:  # a long line: count its real words only until there are too many
        n = 0
        for w in parts:
            if w.strip("\"'“”‘’()[],.:;!?"):
                n += 1
                if n > max_words:
                    return False
    words = [w.strip("\"'“”‘’()[],.:;!?") for w in parts]
    words = [w for w in words if w]
    if not words or len(words) > max_words or line.rstrip()[-1:] in "?!\"”":
        return False
    long = [w for w in words if len(w) >= 4 and w.lower() not in _SMALL_WORDS]
    return bool(long) and all(w[0].isupper() or w[0].isdigit() for w in long)


def _tagged_headline(line: str) -> bool:
    """A headline behind a bracketed tag, perhaps with an exclamation mark: "[The Palace: Tale of
    Jang Noksu] The Beauty of Korea Revealed at ‘2018 Welcome Daehak-ro Festival’!"."""
    if not line.startswith("[") or "]" not in line[:80]:
        return False
    rest = line[line.index("]") + 1:].strip().rstrip("!?").rstrip("'’\"”").rstrip("!?")
    return bool(rest) and is_title_case(rest, max_words=14)


def _repair(line: str) -> str:
    if line[:1] in ("—", "–"):  # a dash left from a dateline the page dropped: "— San Diego lifeguards ..."
        line = line.lstrip("—– ")
    elif line[:2] in ("- ", "• ", "* ", "▪ ", "| ") and line[2:3].isupper():
        line = line[2:]  # a list's marker: "- San Francisco topped AARP's annual ranking of ...", "| New Delhi: ..."
    if line[:4].lower() in ("jump", "skip", "tl;d", "tldr", "feat"):  # a link within the page: "JUMP TO THE LIST ⤵ The moving
        line = _JUMP_LINK.sub("", line, count=1)  # process ...", a summary's label: "TL;DR: Bring home a MacBook Pro ..."
    if line[:1].isdigit():  # a list's number: "5: St. Patrick's Day began as a religious holiday ..."
        line = _LIST_NUMBER.sub("", line, count=1)
    if "[" in line:
        line = _WIRE_CODE.sub(" ", line)
    if "MORE" in line:
        line = _LINK_WIDGET.sub("", line)
    line = line.strip()
    if _MAYBE_STRIPPED_POSSESSIVE.search(line):
        line = _STRIPPED_POSSESSIVE.sub("'s", line)
    if _MAYBE_SPACE_BEFORE_PUNCT.search(line):
        line = _SPACE_BEFORE_PUNCT.sub("", line)
    if _odd_spaces(line):
        line = _SPACES.sub(" ", line)
    return line.strip()


_LIST_NUMBER = re.compile(r"^\d{1,2}[:)]\s+(?=[A-Z“\"])")
_JUMP_LINK = re.compile(r"^(?i:tl;?dr\b[:.,\s\-–—]*(?=\S)|featured\s+(?:blog|post|story|article)\s*[|:]\s*|(?:jump|skip)\s+(?:ahead\s+)?to\s+(?:the\s+)?(?:list|recipe|section|content|review|"
                        r"verdict|deals?|picks?|products?|rankings?|main\s+content|article|summary|faq|results?)\b)"
                        r"[\s:⤵↓⬇»>→-]*(?=[A-Z“\"]|$)")


# Cheap necessary tests for the patterns above (a literal, or the punctuation, to scan for).
_MAYBE_STRIPPED_POSSESSIVE = re.compile(r" s[\s,.;:!?]")
_MAYBE_SPACE_BEFORE_PUNCT = re.compile(r"[.,;:!?](?<=\s[.,;:!?])")  # the punctuation first: a fast scan
_ODD_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]|  ")
_ODD_SPACE_CHARS = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def _odd_spaces(line: str) -> bool:
    """Whether _ODD_SPACES is in line (searched for only in a line that is not all ASCII)."""
    return "  " in line or "\t" in line or not line.isascii() and _ODD_SPACE_CHARS.search(line) is not None


def clean_text(raw: str, *, max_heading_words: int = 12, max_deck_words: int = 40) -> Cleaned:
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
        credited = attribution.outlet_in_line(line)  # bylines, copyright lines, wire credits
        if credited:
            out.evidence.append(credited)
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
            video_source = attribution.outlet_name(m.group("src"))
            if video_source:
                out.evidence.append((video_source, "video"))
            if kind == "title":
                out.removed.append(out.title or "")
                out.title = None
            elif kind == "kept" and not is_terminal(kept[-1]):
                out.removed.append(kept.pop())
            prev_kind = "other"
            continue
        if not kept and line[:6].lower() == "update" or line[:1].isdigit() and "UPDATE" in line[:20].upper():
            u = _UPDATE_LABEL.match(line)
            if u:  # "UPDATE on Sunday, December 18th 2011: We're excited to announce ..."
                out.removed.append(line[: u.end()].strip())
                line = line[u.end():]
        if not kept and line.startswith("Filed under"):
            f = _FILED_UNDER.match(line)
            if f:  # "Filed under: Latest News The production of the Peugeot iOn ... has been temporarily suspended ..."
                out.removed.append(line[: f.end()].strip())
                line = line[f.end():]
        if not kept and " | " in line[:140]:
            bare = without_crumbs(line)
            if bare != line:  # "11:22 AM ET 11.12 | The Atlanta Falcons lost on Sunday, ..."
                out.removed.append(line[: len(line) - len(bare)].strip())
                line = bare
        if _STORY_HIGHLIGHTS.match(line):
            out.removed.append(line)
            in_highlights = True
            continue
        if line[:1] == "|" and line.count("|") >= 2:
            # a row of cells before the text: "| | Derby Confirm Savage Interest | | | Derby County manager Paul
            # Jewell has confirmed ...": the first cell long enough to hold the text (the row may close after
            # it: "| | NBA: Denver 124, ... | | OAKLAND, Calif., Dec. 29 Two free throws ... by UPI | | |")
            tail = next(
                (c.strip() for c in line.split("|") if len(c.split()) >= 12 and re.search(r"[a-z][.!?]", c)),
                line[line.rindex("|") + 1:].strip(),
            )
            if len(tail.split()) >= 6 and tail[:1].isupper():
                line = tail
        if line[:2] == "| " and line[2:3].isupper():
            line = line[2:]  # a separator left before the text: "| New Delhi: The Board of Control ..."
        if not kept and "(" in line[:250]:
            g = _glued_credit_date(line) if _GLUED_DATE_HINT.search(line[:250]) else None
            if g and attribution.outlet_name(g.group("src")) and len(line[g.end():].split()) >= 8:
                # "Rupee at 39.28 against US dollar Press Trust of India Monday, January 14, 2008 (Mumbai): The rupee ..."
                out.removed.append(line[: g.end()].strip())
                out.evidence.append((attribution.canonical_source(g.group("src")), "dateline"))
                out.place = out.place or g.group("place")
                line = line[g.end():]
        if not kept and " Writer " in line[:300]:
            w = _GLUED_WIRE_BYLINE.match(line)
            if w and len(line[w.end():].split()) >= 8:  # "Sister of Thai king dies ... By GRANT PECK, Associated Press Writer 14 minutes ago BANGKOK, ..."
                out.removed.append(line[: w.end()].strip())
                out.evidence.append((attribution.canonical_source(w.group("src")), "byline"))
                line = line[w.end():]
        if not kept and " By " in line[:400] and " -- " in line[:500]:
            w = _MID_BYLINE_DATELINE.search(line[:500])
            # "... a federal agency chief says. By Ed Vogel Donrey Capital Bureau RENO -- The national director ..."
            if w and len(line[w.end():].split()) >= 8:
                out.removed.append(w.group(0).strip())
                out.place = out.place or w.group("place").title()
                line = line[: w.start()] + line[w.end():]
        if not kept and " By " in line[:300] and ("PRESS" in line[:300] or "REUTERS" in line[:300] or "AFP" in line[:300]):
            w = _GLUED_CAPS_BYLINE.match(line)
            # "April 2, 1998 Time, economy leave ... By DAVE CARPENTER THE ASSOCIATED PRESS MOSCOW -- It's still ..."
            if w and len(line[w.end():].split()) >= 8:
                out.removed.append(line[: w.end()].strip())
                out.evidence.append((attribution.canonical_source(w.group("src").title()), "byline"))
                out.place = out.place or (w.group("place") or "").strip(" ,") or None
                line = line[w.end():]
        body, src, place = _strip_dateline(line)
        if src:
            out.removed.append(line[: len(line) - len(body)].strip())
            out.evidence.append((src, "dateline"))  # the dateline is the most reliable witness
            out.place = out.place or place
            in_highlights = False
            line = body
            if not line:
                continue
        else:
            body, place = _strip_place_dateline(line)
            if body == line and not kept:
                body, place = _strip_glued_dateline(line)
            if body == line and not kept and line.startswith("By "):
                m = _GLUED_BYLINE.match(line)  # "By Karen Graham Oct 31, 2015 in Entertainment A famous ..."
                if m:
                    body = line[m.end():]
            if body == line and not kept:
                m = _OUTLET_DASH.match(line)
                if m:
                    body = line[m.end():]
            if body == line and not kept and ", " in line[:24]:
                m = _CAPS_CITY_DAY.match(line) or _PLACE_DAY_DASH.match(line) or _PLACE_DAY_GLUED.match(line)
                if m:  # "LONDON, Jan. 10 British actor and Monty Python icon John Cleese is ...": UPI's dateline
                    body, place = line[m.end():], m.group("place")
            if body == line and not kept:
                m = _LEFT_DASH.match(line) or _DATE_FIRST.match(line.lstrip("| "))
                if m:  # "-- Hillary Clinton has ...": a dateline's dash, its place gone; "December 28, 2014: Markets ..."
                    body = line.lstrip("| ")[m.end():] if m.re is _DATE_FIRST else line[m.end():]
            if body == line and not kept and line.startswith("("):
                m = _BRACKET_DATELINE.match(line)
                if m:
                    body, place = line[m.end():], m.group("place")
            if body == line and not kept and "--(" in line[:80]:
                m = _MARKETWIRED_DATELINE.match(line)
                if m:
                    body, place = line[m.end():], m.group("place")
            if body == line and not kept and "/" in line[:80]:
                m = _RELEASE_DATELINE.match(line)
                if m:  # "LAS VEGAS, Jan. 8 /PRNewswire/ -- LG Electronics ..."
                    body, place = line[m.end():], m.group("place")
            if body == line and ":" in line[:32]:
                m = _NEWS_LABEL.match(line)
                if m:  # "The numbers: The S&P/Case-Shiller national index rose ...", "Why it matters: ..."
                    body = line[m.end():]
            if body == line and "/" in line[:60]:
                m = _GLUED_PHOTO_CREDIT.match(line)
                if m:  # "Shamil Zhumatov/REUTERSThe UK may be forced to ...": a picture's credit run into the text
                    body = line[m.end():]
            if body != line:  # a dateline (its place kept), or a label such as "THE FACT CHECKER |"
                out.removed.append(line[: len(line) - len(body)].strip())
                out.place = out.place or place
                line = body
        notice = notice_kind(line)
        if notice:
            out.removed.append(line)
            out.notices.append(notice)
            # the picture's caption, its credit after it: "Prototype of the new Juno rover, ..." / "Credit: CSA"
            if (notice == "photo caption" and kind == "kept" and len(line) < 120 and _PICTURE_CREDIT_LINE.match(line)
                    and _captioned(kept[-1])):
                out.removed.append(kept.pop())
                out.notices.append("photo caption")
            continue
        if in_highlights:
            if not is_terminal(line):
                out.removed.append(line)
                continue
            in_highlights = False
        if _may_credit(line) and _CREDIT.search(line):
            out.removed.append(line)
            cm = _CREDIT_SOURCE.match(line)
            if cm:
                out.evidence.append((canonical_source(cm.group("src")), "credit"))
            continue
        line = _repair(line)
        if not line:
            continue
        terminal = is_terminal(line)
        words = 0 if terminal else len(line.split())  # (only a line that does not end a sentence needs it)
        if (not terminal and words <= max_heading_words) or (terminal and is_title_case(line)) or _tagged_headline(line):
            # A headline or subheading: the first one is the title, the rest are dropped.
            if not seen_body and out.title is None:
                out.title = line
                prev_kind = "title"
            else:
                out.removed.append(line)
                out.notices.append("headline")
            continue
        if not terminal and words <= max_deck_words and not _INNER_SENTENCE_END.search(line):
            # A deck (a headline's longer summary line) or a cut-off caption: no sentence.
            out.removed.append(line)
            out.notices.append("deck")
            continue
        seen_body = True
        kept.append(line)
        prev_kind = "kept"

    out.source = attribution.best_text_evidence(out.evidence)
    out.text = "\n".join(kept)
    return out
