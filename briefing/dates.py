"""Dates: anchor a sentence's relative dates ("on Friday", "last month", "yesterday") to the calendar.

A bullet read days later cannot say which Friday it means. ``date_edits(text, article_date)``
finds the relative dates of one sentence and returns bracketed insertions after each, resolved
against the article's date: "on Friday [24 March 2017]", "last month [February 2017]",
"yesterday [23 March 2017]", "this week [week of 20 March 2017]". A weekday is the latest such day
on or before the article's date, or the next one when its clause (else the sentence) speaks of the
future ("will", "he'll", "next Friday", "is due to"): "arrived Saturday [14 December 2013] ..., where
he'll be buried Sunday [15 December 2013]". When the article's date is unknown nothing is bracketed (the brief's
Sources list says "date not given" for that article instead).
"""

from __future__ import annotations

import datetime as _dt
import re

from briefing.models import Edit

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WD = "|".join(w.capitalize() for w in WEEKDAYS)
# Patterns other modules build on (briefing.clean's datelines, briefing.context's stamps): a weekday written out, a
# month in full or cut short ("Aug.", "Sept", "December").
WEEKDAY_PATTERN = f"(?:{_WD})"
MONTH_PATTERN = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_RELATIVE = re.compile(
    rf"\b(?:(?P<mod>last|this|next|on|early|late|since|by|until|from)\s+)?(?:(?:early|late)\s+)?(?P<wd>{_WD})"
    rf"(?:\s+(?P<part>morning|afternoon|evening|night))?\b(?!,?\s+(?:\d|{'|'.join(m for m in ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'))}))"
    r"|\b(?P<day>yesterday|today|tomorrow|tonight)\b"
    r"|\b(?P<rel>last|this|next)\s+(?P<unit>week|weekend|month|year)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|would|is due|are due|is set|are set|is expected|are expected|plans? to|is scheduled|are scheduled|"
    r"is to|are to|upcoming)\b|\w[’']ll\b",
    re.IGNORECASE,
)
# A verb in the past in the same clause as the day: "arrived Saturday", "said on Friday"
_PAST = re.compile(
    r"\b(?:[a-z]{2,}ed|was|were|had|did|said|told|met|went|came|took|made|left|won|lost|began|fell|rose|held|gave|"
    r"saw|became|ran|spoke|struck|hit|shot|sent|led|brought|thought|felt|found|kept|paid|sold|wrote)\b"
)
_ANY_DAY = re.compile(
    r"\b(?:a|an|every|each|any|one|typical|usual|normal|ordinary|average|same|given|certain|that|those|fateful)\s+(?:[a-z]+\s+)?\Z"
    # "that Saturday evening": a day the reader is told of elsewhere, not one of the article's week
    # a day with a name of its own, no weekday of this week: "Black Friday", "Good Friday", "Super Tuesday"
    r"|\b(?:Black|Good|Cyber|Super|Ash|Easter|Palm|Holy|Bloody|Maundy|Shrove|Fat|Giving|Small Business|Mad)\s+\Z",
    re.IGNORECASE,
)
# "today" meaning nowadays, not the article's day: "one of the most urgent challenges facing humanity today",
# "Even today, ...", "Kids today are ...", "the world as we know it today"
_NOWADAYS_BEFORE = re.compile(
    r"(?:\b(?:even|still|humanity|mankind|world|society|people|kids|children|youngsters|teens|teenagers|youth|"
    r"students|parents|women|men|consumers|Americans|Britons|we|us|(?<!as\s)of|know\s+it|exists?|available|alive|"
    r"nowadays)|\bfacing\s+[\w\s]{1,30})\s+\Z",
    re.IGNORECASE,
)
# what "today's" names when it is the day's: "today's vote", "today's meeting"
_EVENT_AFTER = re.compile(
    r"\s+(?:[\w\-]+\s+){0,2}?(?:vote|votes|meeting|meetings|match|game|games|race|session|hearing|hearings|ruling|decision|"
    r"announcement|statement|speech|ceremony|attack|attacks|election|poll|summit|talks|announcement|deadline|"
    r"protest|protests|march|strike|launch|briefing|trial|debate|event|events|final|release|report|figures|data|"
    r"auction|sale|close|opening|trading|session|budget|verdict|sentencing|judgement|judgment|round|agenda|papers|"
    r"newspapers|edition|episode|show|broadcast|programme|program|fixture|fixtures|results|clash|showdown)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:—–(]|\b(?:where|when|and|but|while|after|before)\b")


def _future_at(text: str, start: int, sentence_future: bool) -> bool:
    """Whether the day at text[start:] is spoken of in the future: by the words of its own clause
    ("..., where he'll be buried Sunday" is ahead, "arrived Saturday" behind), else by the
    sentence's."""
    clause = _CLAUSE_BREAK.split(text[max(0, start - 120):start])[-1]
    if _FUTURE.search(clause):
        return True
    if _PAST.search(clause):
        return False
    return sentence_future


def _fmt(d: _dt.date, fmt: str) -> str:
    from briefing.render import format_date

    return format_date(d, fmt)


def _month(d: _dt.date, months: int) -> _dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return _dt.date(y, m + 1, 1)


def resolve_relative(
    match: re.Match[str], article_date: _dt.date, future: bool, date_format: str
) -> str | None:
    """The bracket text for one relative date, or None when it needs none."""
    if match.group("wd"):
        wd = WEEKDAYS.index(match.group("wd").lower())
        mod = (match.group("mod") or "").lower()
        back = (article_date.weekday() - wd) % 7
        if mod == "next" or (future and mod not in ("last", "since")):
            ahead = (wd - article_date.weekday()) % 7
            if mod == "next" and ahead == 0:
                ahead = 7
            day = article_date + _dt.timedelta(days=ahead)
        else:
            if mod == "last" and back == 0:
                back = 7
            day = article_date - _dt.timedelta(days=back)
        return _fmt(day, date_format)
    if match.group("day"):
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[match.group("day").lower()]
        return _fmt(article_date + _dt.timedelta(days=offset), date_format)
    rel, unit = match.group("rel").lower(), match.group("unit").lower()
    step = {"last": -1, "this": 0, "next": 1}[rel]
    if unit in ("week", "weekend"):
        monday = article_date - _dt.timedelta(days=article_date.weekday()) + _dt.timedelta(weeks=step)
        if unit == "weekend":
            return _fmt(monday + _dt.timedelta(days=5), date_format) + "–" + _fmt(
                monday + _dt.timedelta(days=6), date_format
            )
        return "week of " + _fmt(monday, date_format)
    if unit == "month":
        return _month(article_date, step).strftime("%B %Y")
    return str(article_date.year + step)


def without_nowadays(text: str) -> str:
    """text with each "today" that means nowadays ("challenges facing humanity today", "Even today, ...")
    blanked out: no day of the news."""
    if "oday" not in text:
        return text
    out, last = [], 0
    for m in _TODAY_RE.finditer(text):
        if _NOWADAYS_BEFORE.search(text, max(0, m.start() - 40), m.start()) or _NOWADAYS_AFTER.match(text, m.end()):
            out.append(text[last:m.start()] + " " * (m.end() - m.start()))
            last = m.end()
    return "".join(out) + text[last:] if out else text


_TODAY_RE = re.compile(r"\b[Tt]oday\b(?![’']s)")
# how things are these days, told after it: "Today, there’s so much more information available to home buyers."
_NOWADAYS_AFTER = re.compile(r",?\s+there(?:[’']s|\s+is|\s+are)\s+(?:so\s+|far\s+)?(?:much\s+more|many\s+more|more\s+\w+\s+than\s+ever|"
                             r"no\s+longer|plenty\s+of|lots\s+of|a\s+lot\s+(?:more|of))\b"
                             # "Today, people are coming from around the world to Serbia for sex change operations, ..."
                             r"|,\s+(?:people|many|most|few|more|millions|thousands|hundreds)\s+(?:of\s+\w+\s+)?(?:are|have|can|use|come|go|live|"
                             r"work|want|know|still)\b", re.IGNORECASE)


_WEEK_AFTER = re.compile(r"\s+(next|last|this)\s+week\b", re.IGNORECASE)
# a date the text writes out right after the relative one: "this Sunday, Sept 16", "Monday (Nov. 5)", "today, July 18"
_GIVEN_DATE_AFTER = re.compile(
    r",?\s*\(?(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d{1,2}(?!\d)|,?\s*\(?\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
    r"Sep|Oct|Nov|Dec)[a-z]*\b"
)


_NUMBERS = {"a": 1, "an": 1, **{w: i for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)}}
# a day counted from the article's: "starts in three days", "two weeks ago", "five months ago" (not years: "20 years
# ago" reads the same a week later)
_COUNT = r"\d{1,2}|" + "|".join(w for w in _NUMBERS if w not in ("a", "an"))
_COUNTED = re.compile(
    rf"\b(?:(?P<in>in)\s+(?P<n1>{_COUNT})\s+(?P<u1>days?|weeks?)"
    r"(?![’'-]|\s+(?:of|later|after|before|from|to|or|and)\b)"
    rf"|(?P<n2>an?|{_COUNT})\s+(?P<u2>days?|weeks?|months?)"
    rf"\s+ago)\b(?!,?\s+(?:today|tonight|this|{_WD})\b)",
    re.IGNORECASE,
)
# what comes "in three days" rather than takes three days: "starts in three days", "is due in two weeks"
_COMES_BEFORE = re.compile(
    r"\b(?:starts?|begins?|opens?|arrives?|ends?|expires?|closes?|kicks?\s+off|resumes?|returns?|due|comes?|"
    r"goes|takes?\s+effect|is|are)\s+\Z",
    re.IGNORECASE,
)


_ABOUT_BEFORE = re.compile(
    r"\b(?:more\s+than|less\s+than|fewer\s+than|over|under|about|around|roughly|some|nearly|almost|at\s+least|"
    r"up\s+until|until|till|within|or)\s+\Z",
    re.IGNORECASE,
)


def _counted_edits(text: str, article_date: _dt.date, date_format: str) -> list[Edit]:
    """Bracketed dates after each count of days, weeks or months from the article's day (_COUNTED)."""
    edits = []
    for m in _COUNTED.finditer(text):
        if text[m.end() : m.end() + 2] == " [" or _ABOUT_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "more than two weeks ago", "about three months ago": no one day
        word = (m.group("n1") or m.group("n2")).lower()
        n = int(word) if word.isdigit() else _NUMBERS[word]
        unit = (m.group("u1") or m.group("u2")).lower().rstrip("s")
        if m.group("in"):
            clause = _CLAUSE_BREAK.split(text[max(0, m.start() - 120) : m.start()])[-1]
            if not (_FUTURE.search(clause) or _COMES_BEFORE.search(clause) and not _PAST.search(clause)):
                continue  # "built it in three days", "can be done in two weeks": how long, not when
        else:
            n = -n
        if unit == "day":
            shown = _fmt(article_date + _dt.timedelta(days=n), date_format)
        elif unit == "week":
            day = article_date + _dt.timedelta(weeks=n)
            shown = "week of " + _fmt(day - _dt.timedelta(days=day.weekday()), date_format)
        else:  # months
            shown = _month(article_date, n).strftime("%B %Y")
        edits.append(Edit(start=m.end(), end=m.end(), text=f" [{shown}]"))
    return edits


def date_edits(text: str, article_date: _dt.date | None, date_format: str = "%-d %B %Y") -> tuple[Edit, ...]:
    """Bracketed dates inserted after each relative date of text (none when the date is unknown)."""
    if article_date is None:
        return ()
    future = bool(_FUTURE.search(text))
    edits = []
    done = -1  # "Thursday next week" gets one bracket, after both
    for m in _RELATIVE.finditer(text):
        if m.start() < done:
            continue
        if m.group("wd") and _ANY_DAY.search(text, max(0, m.start("wd") - 30), m.start("wd")):
            continue  # "on a typical Saturday afternoon", "every Sunday": no one day
        after = _WEEK_AFTER.match(text, m.end()) if m.group("wd") and not m.group("mod") else None
        if after:  # "could be finalised as early as Thursday next week": that week's Thursday, not this one's
            step = {"last": -1, "this": 0, "next": 1}[after.group(1).lower()]
            monday = article_date - _dt.timedelta(days=article_date.weekday()) + _dt.timedelta(weeks=step)
            day = monday + _dt.timedelta(days=WEEKDAYS.index(m.group("wd").lower()))
            edits.append(Edit(start=after.end(), end=after.end(), text=f" [{_fmt(day, date_format)}]"))
            done = after.end()
            continue
        end = m.end()
        if _GIVEN_DATE_AFTER.match(text, end):
            continue  # the text gives the date itself: "this Sunday, Sept 16", "Tuesday (Nov. 6)"
        possessive = text[end : end + 2] in ("'s", "’s")
        if m.group("day"):
            word = m.group("day").lower()
            before = text[: m.start()]
            if m.group("day") in ("Today", "Tonight") and before.strip() and (
                not re.search(r"(?:[.!?:;—–\-(]|[\"“‘'])\s*$", before) or re.search(r"[’']s\s+[\"“‘']$", before)
            ):
                # a name in the middle of a sentence: "its breakfast show rival Today", "USA Today", "BBC Radio 4's
                # Today programme", NBC's "Today"
                continue
            if word in ("today", "tomorrow") and (
                possessive and not _EVENT_AFTER.match(text, end + 2)
                or not possessive and word == "today" and (
                    _NOWADAYS_BEFORE.search(text, max(0, m.start() - 40), m.start()) or _NOWADAYS_AFTER.match(text, end)
                )
            ):
                continue  # nowadays: "challenges facing humanity today", "today's hotels", "tomorrow's digital home"
        if possessive:
            end += 2  # "yesterday's [1 May 2025] vote", "Wednesday's [30 April 2025] winners", not "yesterday [...]'s"
        shown = resolve_relative(m, article_date, _future_at(text, m.start(), future), date_format)
        if shown and text[end : end + 2] != " [":
            edits.append(Edit(start=end, end=end, text=f" [{shown}]"))
    edits.extend(_counted_edits(text, article_date, date_format))
    return tuple(sorted(edits, key=lambda e: e.start))


def relative_dates(text: str) -> list[str]:
    """The relative date expressions of text, as written."""
    return [m.group(0) for m in _RELATIVE.finditer(text)]
