"""Attribution: which outlet an article is credited to, decided here and only here.

Evidence, strongest first (the first that names an outlet wins):

1. what the caller says (a feed's ``source``, a file's front matter);
2. what the text says: a dateline ("NEW YORK (AP) —", "(CNN)", "LONDON, March 3 (Reuters) -"),
   a byline ("By Jane Doe, Associated Press"), a copyright line ("© 2017 The Washington Post",
   "Copyright 2018 The Associated Press. All rights reserved."), a wire credit ("Reporting by ...;
   Editing by ..." is Reuters' house style), a video credit ("03:52 - Source: CNN");
3. the page's author when it is an outlet ("Associated Press");
4. the URL's domain, looked up in the packaged table ``briefing/data/outlets.json`` (display name,
   domains, other names of some 250 outlets; a subdomain matches its parent: "edition.cnn.com");
5. the page's metadata, cleaned: og:site_name and a "Title | Site" suffix, mapped to display names
   through the table ("DW.COM" -> "Deutsche Welle", "Salon.com" -> "Salon"); CMS names and other
   junk ("escenic", "Home") are ignored;
6. a readable name from the domain ("example-news.org") when nothing better exists;
7. ``UNKNOWN``.

An opinion piece or a review is credited as such ("Opinion, Washington Examiner", "Review:
Devindra Hardawar, Engadget"; ``page_kind``): its claims are somebody's view, and a reader of a
bullet alone must know it. The page says so in its URL's path ("/opinion/", "/commentisfree/",
"-review-"), its title ("Opinion | ...", "... review: ..."), its first category, or a label above
the text ("OPINION:").

The brief's cover counts outlets honestly: articles with no outlet are counted apart
("3 articles (outlet not given for 3)"), never as one outlet called "Unknown".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

UNKNOWN = "Unknown"

_DATA = "outlets.json"


@dataclass(frozen=True)
class Outlet:
    """One outlet of the packaged table."""

    name: str
    domains: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def outlets() -> tuple[Outlet, ...]:
    """The packaged outlet table (briefing/data/outlets.json)."""
    raw = resources.files("briefing").joinpath("data", _DATA).read_text(encoding="utf-8")
    return tuple(
        Outlet(
            name=row["name"],
            domains=tuple(d.lower() for d in row.get("domains", ())),
            aliases=tuple(row.get("aliases", ())),
        )
        for row in json.loads(raw)["outlets"]
    )


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").split()).lower().strip(" .,;:-–—|")


@lru_cache(maxsize=1)
def _by_domain() -> dict[str, str]:
    return {d: o.name for o in outlets() for d in o.domains}


@lru_cache(maxsize=1)
def _by_name() -> dict[str, str]:
    table: dict[str, str] = {}
    for o in outlets():
        for n in (o.name, *o.aliases, *o.domains):
            table.setdefault(_key(n), o.name)
    return table


@lru_cache(maxsize=1)
def _name_alternation() -> str:
    """A regex alternation of every outlet name and alias, longest first."""
    names = {n for o in outlets() for n in (o.name, *o.aliases)}
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def host_of(url: str | None) -> str:
    """The lower-case host of a URL (or a bare domain), without "www."; "" when there is none."""
    if not url:
        return ""
    text = url.strip()
    if "//" not in text:
        text = "//" + text
    try:
        host = (urlsplit(text).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""
    return host.removeprefix("www.")


def outlet_for_domain(url: str | None) -> str | None:
    """The display name of the outlet a URL or domain belongs to, from the table; None if unknown.
    The longest matching domain wins: "world.kbs.co.kr" -> "KBS World", "news.kbs.co.kr" -> "KBS"."""
    host = host_of(url)
    labels = host.split(".")
    table = _by_domain()
    for i in range(len(labels) - 1):
        name = table.get(".".join(labels[i:]))
        if name:
            return name
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in ("com", "co"):
        return outlet_for_domain(".".join(labels[:-1]))  # "cnn.com.hk": CNN's site in Hong Kong
    return None


def outlet_name(name: str | None) -> str | None:
    """The display name of a known outlet given any of its names or domains ("DW.COM",
    "Salon.com", "The Associated Press", "bbc news"); None when the table does not know it."""
    if not name:
        return None
    key = _key(name)
    if not key:
        return None
    table = _by_name()
    found = table.get(key) or table.get(key.removeprefix("the "))
    if found:
        return found
    if re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", key):
        return outlet_for_domain(key)
    return None


def canonical_source(name: str) -> str:
    """The display name of an outlet: a known one as the table spells it ('reuters' ->
    'Reuters', 'DW.COM' -> 'Deutsche Welle'); an unknown name kept as given."""
    return outlet_name(name) or " ".join(name.split())


# Site names that are not outlets: content-management systems, generic words.
_JUNK_SITE_NAMES = frozenset({
    "escenic", "wordpress", "drupal", "joomla", "blogger", "blogspot", "arc publishing",
    "brightspot", "sitecore", "ghost", "medium", "typepad", "tumblr", "squarespace", "wix",
    "hubspot", "movable type", "polopoly", "adobe experience manager", "home", "homepage",
    "home page", "news", "latest news", "breaking news", "untitled", "index", "article", "page",
    "story", "welcome", "404", "not found", "error", "null", "none", "undefined", "website", "site",
    # a comment form's heading taken for the page's title (freshome.com, stop 26)
    "cancel reply", "leave a reply", "leave a comment", "post a comment", "comments", "reply",
})


_SITE_WITH_DOMAIN = re.compile(r"\bwww\.|\b[\w\-]+\.(?:com|org|net|co\.uk|co|info|news)\b", re.IGNORECASE)
# "The Barbados TODAY inc.": the company's legal form is no part of the outlet's name
_COPYRIGHT_SITE = re.compile(r"^\s*(?:Â?©|\(c\)|copyright\b)\s*(?:(?:Â?©|\(c\))\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?", re.IGNORECASE)
_RIGHTS_RESERVED = re.compile(
    r"[.,;]?\s*(?:all\s+rights\s+reserved|tous\s+droits\s+réservés|todos\s+los\s+derechos\s+reservados|"
    r"alle\s+rechte\s+vorbehalten)\.?\s*$",
    re.IGNORECASE,
)
_CORPORATE_SUFFIX = re.compile(r",?\s+(?:inc|ltd|llc|plc|gmbh|corp|limited)\.?$", re.IGNORECASE)


def junk_site_name(name: str | None) -> bool:
    """True when page metadata names no outlet: empty, a CMS ("escenic"), a generic word, or a
    sentence-length string."""
    if not name:
        return True
    key = _key(name)
    return not key or len(key) > 60 or key.count(" ") > 6 or key in _JUNK_SITE_NAMES or bool(_DATE_NAME.fullmatch(name.strip()))


# a date given as the site's name: "January 2008", "Jan 15, 2008" (a copyright notice's, "Copyright (c) August 2012",
# once attribute() has taken the notice off)
_DATE_NAME = re.compile(
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d\d", re.IGNORECASE
)


_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|»)\s+")
# a site's name with a tagline or its section after it: "LinkNaija | Nigeria's popular news platform",
# "SignOnSanDiego.com > News"
_SITE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|»|>|›)\s+")


def title_suffix_outlet(title: str | None) -> str | None:
    """The outlet named after the last separator of a page title ("Title | Site"), when the table
    knows it."""
    if not title:
        return None
    parts = _TITLE_SEPARATORS.split(title.strip())
    if len(parts) < 2:
        return None
    return outlet_name(parts[-1]) or outlet_name(parts[0])


def strip_title_suffix(title: str, outlet: str | None) -> str:
    """A page title without its " | Site" suffix when the suffix names the outlet."""
    parts = _TITLE_SEPARATORS.split(title.strip())
    if len(parts) >= 2 and outlet and (outlet_name(parts[-1]) == outlet or _key(parts[-1]) == _key(outlet)):
        m = list(_TITLE_SEPARATORS.finditer(title.strip()))[-1]
        return title.strip()[: m.start()].strip()
    return title


_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "or", "ne", "go", "edu", "gv"})


def readable_domain(url: str | None) -> str | None:
    """A readable outlet name from a domain nobody knows: the registered domain
    ("https://www.news.example-times.co.uk/x" -> "example-times.co.uk"); None without a host."""
    host = host_of(url)
    labels = [lab for lab in host.split(".") if lab]
    if len(labels) < 2 or all(lab.isdigit() for lab in labels):
        return None
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


# --- evidence in the text -----------------------------------------------------------------------

_COPYRIGHT = re.compile(
    r"(?<![Ii]mage )(?<![Pp]hoto )(?:©|\(c\)|copyright\b)\s*(?:©\s*)?"
    r"(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?(?P<rest>.{2,80})",  # "Copyright 2007 by UPI"
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^by\s+(?P<who>[^,|/]{2,80}?)\s*(?:,|\||/|\s[-–—]\s)\s*(?P<rest>.{2,80})$", re.I)
_WIRE_CREDIT = re.compile(r"\breporting by\b.{2,200}?\b(?:editing|writing) by\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _leading_outlet() -> re.Pattern[str]:
    return re.compile(rf"^(?:the\s+)?(?P<src>{_name_alternation()})(?![\w-])", re.IGNORECASE)


def _outlet_at_start(text: str) -> str | None:
    m = _leading_outlet().match(text.strip())
    return outlet_name(m.group("src")) if m else None


def outlet_in_line(line: str) -> tuple[str, str] | None:
    """(outlet, kind) when a line credits an outlet: a byline ("By Jane Doe, Associated Press"),
    a copyright line ("© 2017 The Washington Post") or a wire credit ("Reporting by ...; Editing
    by ..."): kind is "byline", "copyright" or "credit". None otherwise."""
    text = line.strip()
    if not text:
        return None
    low = text.lower()  # cheap necessary tests first: most lines are article text
    m = _BYLINE.match(text) if low.startswith("by") else None
    if m and len(text.split()) <= 16:
        found = _outlet_at_start(m.group("rest"))
        if found:
            return found, "byline"
    if "©" in text or "(c)" in low or "copyright" in low:
        for m in _COPYRIGHT.finditer(text):
            found = _outlet_at_start(m.group("rest"))
            if found:
                return found, "copyright"
    if "reporting by" in low and _WIRE_CREDIT.search(text):
        return "Reuters", "credit"
    return None


# Which kind of evidence in the text wins when several are found.
TEXT_EVIDENCE_ORDER = ("dateline", "video", "byline", "copyright", "credit")


def best_text_evidence(found: Iterable[tuple[str, str]]) -> str | None:
    """The outlet named by the strongest (outlet, kind) evidence found in a text."""
    ranked = sorted(
        ((TEXT_EVIDENCE_ORDER.index(kind) if kind in TEXT_EVIDENCE_ORDER else 99, i, name)
         for i, (name, kind) in enumerate(found)),
    )
    return ranked[0][2] if ranked else None


# --- the decision -------------------------------------------------------------------------------


def attribute(
    *,
    given: str | None = None,
    text: str | None = None,
    url: str | None = None,
    author: str | None = None,
    site_name: str | None = None,
    page_title: str | None = None,
) -> str:
    """The outlet to credit, from the evidence given (see the module's docstring for the order).

    given: what the caller or front matter says; text: the outlet the text names (the cleaner's
    finding); the rest: page metadata."""
    if given and given.strip() and _key(given) != _key(UNKNOWN):
        return canonical_source(given)
    if text and text.strip():
        return canonical_source(text)
    from_author = outlet_name(author)
    if not from_author and author and "," in author:  # "Ivana Kottasova, CNN": a byline
        credited = outlet_in_line("By " + " ".join(author.split()))
        from_author = credited[0] if credited else None
    if from_author:
        return from_author
    from_domain = outlet_for_domain(url)
    if from_domain:
        return from_domain
    if site_name and site_name[:8].lower() == "welcome ":
        site_name = re.sub(r"^welcome\s+to\s+(?:the\s+)?", "", site_name, flags=re.IGNORECASE) or None  # "Welcome to www.dailyrecord.com"
    if site_name and _COPYRIGHT_SITE.match(site_name):
        # "© 2004 Independent News & Media", "Copyright 2003 Motorcycle-usa.com": the holder, not the notice
        site_name = _RIGHTS_RESERVED.sub("", _COPYRIGHT_SITE.sub("", site_name, count=1)).strip(" .,;") or None
    if site_name and _RIGHTS_RESERVED.search(site_name):
        site_name = _RIGHTS_RESERVED.sub("", site_name).strip(" .,;") or None  # "Génération Flash 2005, Tous droits réservés."
    if site_name and " / " in site_name:
        site_name = site_name.split(" / ")[0].strip() or None  # "FT.com / Home UK / UK": the site, then its sections
    from_site = outlet_name(site_name) or title_suffix_outlet(page_title)
    if from_site and _elsewhere(from_site, url):
        from_site = None  # "Daily News" at dailynews.co.tz is not the New York Daily News: the site's own name
    if from_site:
        return from_site
    if site_name and not junk_site_name(site_name):
        host = host_of(url)
        # A site name that is just the host ("world.example.org") reads better as the domain.
        if host and _key(site_name) in {host, f"www.{host}"}:
            return readable_domain(url) or host
        parts = _SITE_SEPARATORS.split(site_name.strip())
        if len(parts) > 1 and parts[0].strip():
            site_name = parts[0]  # "LinkNaija | Nigeria's popular news platform": the name, not the tagline
        if not host and site_name[:4].lower() == "www.":
            site_name = site_name[4:]  # "www.dailyrecord.com" with no page address: the domain's name
        if host and _SITE_WITH_DOMAIN.search(site_name):
            # "Belize News and Opinion on www.breakingbelizenews.com": a tagline around the domain
            return readable_domain(url) or host
        return _CORPORATE_SUFFIX.sub("", " ".join(site_name.split())) or " ".join(site_name.split())
    return readable_domain(url) or UNKNOWN


def _elsewhere(outlet: str, url: str | None) -> bool:
    """Whether the page's host is none of the outlet's domains in the table (a name two outlets
    share: "Daily News" is New York's in the table and Tanzania's at dailynews.co.tz)."""
    host = host_of(url)
    domains = [d for o in outlets() if o.name == outlet for d in o.domains]
    if not host or not domains or not re.search(r"\.[a-z]{2,}$", host):
        return False  # no host, or a local one ("127.0.0.1", "localhost"): nothing to go by
    return not any(host == d or host.endswith("." + d) for d in domains)


# --- counting -----------------------------------------------------------------------------------


def outlet_counts(sources: Iterable[str]) -> tuple[int, int, int]:
    """(articles, distinct named outlets, articles with no outlet) for the outlets of articles."""
    names = list(sources)
    unknown = sum(1 for s in names if _key(s) == _key(UNKNOWN))
    named = {s for s in names if _key(s) != _key(UNKNOWN)}
    return len(names), len(named), unknown


def describe_sources(sources: Iterable[str]) -> str:
    """The cover's count: "5 articles from 3 outlets", "3 articles (outlet not given for 3)",
    "4 articles from 2 outlets (outlet not given for 1)"."""
    n, named, unknown = outlet_counts(sources)
    text = f"{n} article{'s' if n != 1 else ''}"
    if named:
        text += f" from {named} outlet{'s' if named != 1 else ''}"
    if unknown:
        text += f" (outlet not given for {unknown})"
    return text


# --- what kind of piece an article is --------------------------------------------------------------

OPINION = "opinion"
REVIEW = "review"
_OPINION_PATH = re.compile(
    r"/(?:opinions?|commentary|commentisfree|op-?eds?|editorials?|columns?|columnists?|perspectives?|voices|"
    r"viewpoints?|letters-to-the-editor)(?:/|$)", re.IGNORECASE
)
_REVIEW_PATH = re.compile(r"/reviews?/|[/\-]reviews?(?:[/\-]|\.html?$|$)", re.IGNORECASE)
_OPINION_TITLE = re.compile(
    r"^(?:opinion|op-ed|editorial|commentary|column)\s*[:|]|\s\|\s*(?:opinion|editorial|commentary)\s*(?:\||$)", re.IGNORECASE
)
_REVIEW_TITLE = re.compile(r"(?:^|\s)review\s*[:|]", re.IGNORECASE)
_OPINION_CATEGORIES = frozenset("opinion opinions commentary editorial editorials columns columnists op-ed op-eds".split())
_OPINION_LABELS = frozenset("OPINION OPINION: EDITORIAL EDITORIAL: COMMENTARY COMMENTARY: OP-ED OP-ED:".split())


_SECTION_NAMES = frozenset(
    "news sports sport business entertainment life lifestyle columnists politics world local home travel tech "
    "technology health arts culture weather video videos photos obituaries classifieds money science "
    "education city & region autos cars jobs homes".split()
)


def _menu(labels: Iterable[str]) -> bool:
    """Whether the lines above the text are a site's sections ("News", "Opinion", "Columnists", "City &
    Region"): "Opinion" there is a link, not the page's kind."""
    names = [label.strip().lower() for label in labels]
    return sum(1 for n in names if n and all(w in _SECTION_NAMES for w in n.split())) >= 2


def page_kind(url: str | None = None, title: str | None = None, categories: Iterable[str] = (),
              labels: Iterable[str] = ()) -> str | None:
    """``OPINION`` or ``REVIEW`` when the page says it is one (see the module's docstring), else
    None (news, or not said). labels: lines the cleaner removed above the text ("OPINION:")."""
    path = ""
    if url:
        m = re.match(r"^[a-z][a-z0-9+.\-]*://[^/]+(?P<path>/[^?#]*)?", url, re.IGNORECASE)
        path = (m.group("path") or "") if m else ""
    first = next(iter(categories), None)
    if (_OPINION_PATH.search(path) or (title and _OPINION_TITLE.search(title))
            or (first or "").strip().lower() in _OPINION_CATEGORIES
            or any(label.strip().upper() in _OPINION_LABELS for label in labels) and not _menu(labels)):
        return OPINION
    if _REVIEW_PATH.search(path) or (title and _REVIEW_TITLE.search(title)):
        return REVIEW
    return None


_PERSON = re.compile(r"[A-Z][a-zà-ÿ’'\-]+(?:\s[A-Z]\.)?(?:\s(?:de|van|von|da|del|la|le)?\s?[A-Z][a-zà-ÿ’'\-]+){1,2}")
_NOT_IN_NAMES = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December Staff Editor Editors Reporter News Press International Times Post Daily".split()
)


def person_byline(author: str | None) -> str | None:
    """The page's author as the brief names it beside "Opinion" or "Review": one or two people's
    names ("Tom Rogan", "Mike Wuerthele and Malcolm Owen"); None when the field holds something
    else ("Finian Cunningham Sputnik International", "Staff", a date)."""
    if not author:
        return None
    names = [part.strip() for part in re.split(r"\s*(?:;|,|\band\b|&)\s*", author) if part.strip()]
    people = [n for n in names if _PERSON.fullmatch(n) and not set(n.split()) & _NOT_IN_NAMES]
    if not people or len(people) < len(names) - 1 or len(people) > 2:
        return None
    return " and ".join(people)
