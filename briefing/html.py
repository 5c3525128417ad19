"""HTML pages: the main text and metadata of a web page, as an Article.

trafilatura finds the article body (navigation, footers and comments are left out) and the page's
metadata: title, author, date, site name and canonical URL. The text then goes through the same
cleaning as a text file (``briefing.ingest.article_from_text``), so datelines, credits and wire
codes are handled once, in one place, and the article id is made the same way.

Metadata given by the caller (a feed's source label, the entry's title and date) wins over what
the page says; the outlet named in the text (a dateline "BRUSSELS (Reuters) -", a byline, a
copyright line) wins over the URL's domain and the site name (briefing.attribution decides).
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

from briefing.attribution import _TITLE_SEPARATORS, junk_site_name, outlet_name, readable_domain, strip_title_suffix, title_suffix_outlet
from briefing.clean import _MONTH, without_crumbs
from briefing.ingest import DEFAULT_MAX_BYTES, InputSkipped, article_from_text, parse_date
from briefing.models import Article

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


def _utf8_or_bytes(html: str | bytes) -> str | bytes:
    """A page written in UTF-8 read as UTF-8; other bytes are left to the parser's guess.

    The parser guesses an encoding from the bytes, and can guess wrong for a page in UTF-8 with a few stray
    bytes ("NBC‚Äôs president" for "NBC’s", read as Mac Roman, at blogs.reuters.com). Sequences beyond ASCII
    that decode as UTF-8 are UTF-8 all but always: when they outnumber the bytes that do not, the page is
    UTF-8 and the stray bytes are read as cp1252, as in a text file (briefing.ingest registers the error handler).
    """
    if isinstance(html, str) or html.startswith((b"\xff\xfe", b"\xfe\xff")):
        return html  # UTF-16 by its byte-order mark: the parser's to read
    try:
        return html.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    replaced = html.decode("utf-8", errors="replace")
    stray = replaced.count("\ufffd")
    utf8 = sum(1 for ch in replaced if ord(ch) > 127) - stray
    if utf8 > stray:
        return html.decode("utf-8-sig", errors="briefing-cp1252")
    if utf8 == 0 and stray * 100 <= len(html) and not _DECLARED_CHARSET.search(html[:4096]):
        # no UTF-8 at all, a few bytes beyond ASCII and no charset declared: Windows's own encoding, as a page of 2002
        # at pbs.org ("Professor O\x92Neill"), which the parser's guess showed as "O\ufffdNeill" (CleanEval)
        return html.decode("cp1252", errors="replace")
    return html


_DECLARED_CHARSET = re.compile(rb"charset\s*=|encoding\s*=\s*[\"'](?!unset)", re.IGNORECASE)


def _extract(html: str | bytes, url: str | None):  # -> trafilatura Document | None
    import trafilatura  # heavy: imported only when a page is read

    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_recall=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise InputSkipped(f"cannot parse the page: {type(exc).__name__}: {exc}") from None


_TITLE_WORD_RE = re.compile(r"[a-z][a-z0-9\-]{3,}")
_PLAIN_WORDS = frozenset(
    "this that with from have will would could about after their there they what when which into over more than your "
    "were been also said says just some other first last year years".split()
)


def _title_words(text: str) -> set[str]:
    return {w[:5] for w in _TITLE_WORD_RE.findall(text.lower()) if w not in _PLAIN_WORDS}


def _without_off_title_opening(text: str, title: str | None) -> str:
    """The page's text without an opening paragraph that is not the article's: one of twelve words
    or more sharing no word with the page's title while the next three paragraphs share three
    ("Night mode is an automatic setting ... in the iPhone 11 ..." over "13-Inch MacBook Pro With
    Scissor Keyboard Expected in First Half of 2020": a box beside the article, picked up with it).
    On the 268 saved pages read for issue 11 this drops 4 openings: that box, a review's spec line,
    a sponsorship disclosure and an analysis's teaser."""
    if not title:
        return text
    paras = [p for p in text.split("\n") if p.strip()]
    words = _title_words(title)
    if len(paras) < 3 or len(words) < 3 or len(paras[0].split()) < 12:
        return text
    if _title_words(paras[0]) & words or len(_title_words(" ".join(paras[1:4])) & words) < 3:
        return text
    return "\n".join(paras[1:])


# the time the page was posted, after a headline glued to the text: "Thursday 10 January 2008 at 12:46 "
_STAMP_RE = re.compile(
    r"^[\s|\-–—:,]*(?:[Bb]y\s+(?:[A-Z][\w.’'\-]*\s+){1,3}(?:posted\s+)?(?:on\s+)?)?"  # "By Jeff Carvalho posted on"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?P<d>(?:\d{1,2}\s+" + _MONTH + r"|" + _MONTH
    + r"\s+\d{1,2}),?\s+\d{4})(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?[\s|\-–—:]+"
)


def _without_glued_title(text: str, title: str | None) -> tuple[str, str | None]:
    """The text without the page's headline glued to its first paragraph, and the posting time after
    it: "Shearer And Redknapp Play Down Newcastle Links Thursday 10 January 2008 at 12:46 Early
    front-runners for the vacant managerial post ..." under the title "Shearer and Redknapp play down
    Newcastle links". Only when a sentence of eight words or more follows, in capitals. The second
    item: the posting time, when there was one (the page's date if its metadata gives none)."""
    if not title or len(title.split()) < 3:
        return text, None
    head = " ".join(title.split()).lower()
    start = len(text) - len(text.lstrip(" \t\n|-–—:"))
    first = " ".join(text[start:start + len(title) + 40].split())
    if not first.lower().startswith(head):
        return text, None
    # the title's words in the text, however it spaced them (after a separator the page left: "| ")
    m = re.match(r"[\s|\-–—:]*" + r"\s+".join(re.escape(w) for w in title.split()), text, re.IGNORECASE)
    if not m:
        return text, None
    rest = text[m.end():]
    stamp = _STAMP_RE.match(rest)
    rest = rest[stamp.end():] if stamp else rest
    line = rest.split("\n", 1)[0]
    if not stamp and not rest[:1].isspace() or not line.strip()[:1].isupper() or len(line.split()) < 8:
        return text, None
    return rest.lstrip(), (stamp.group("d") if stamp else None)


def _stamp_date(value: str | None) -> _dt.date | None:
    """The date of a posting time _without_glued_title found ("10 January 2008", "Jan. 10, 2008")."""
    return parse_date(" ".join(value.replace(".", "").split()).replace("Sept ", "Sep ")) if value else None


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


def _written(day: _dt.date, page: str) -> bool:
    """Whether the page writes this date out with its month's name ("Jan 08, 2008", "8 January 2008")."""
    month = _MONTH_NAMES[day.month - 1][:3]
    return re.search(
        rf"\b{month}[a-z]*\.?\s+0?{day.day},?\s+{day.year}\b|\b0?{day.day}\s+{month}[a-z]*\.?,?\s+{day.year}\b", page
    ) is not None


def _day_month_checked(day: _dt.date | None, page: str | bytes) -> _dt.date | None:
    """The page's date, its day and month swapped back when the metadata read them the wrong way round: a
    page "Published: Jan 08, 2008" (and "pubdate='2008/01/08'") was dated 1 August 2008, and its "this
    weekend" bracketed as August. Only when the page writes out the swapped date and not the other."""
    if day is None or day.day > 12 or day.day == day.month:
        return day
    text = page.decode("utf-8", "replace") if isinstance(page, bytes) else page
    swapped = day.replace(month=day.day, day=day.month)
    return swapped if _written(swapped, text) and not _written(day, text) else day


_TAG_RE = re.compile(r"<(meta|link)\s([^<>]{1,2000})>", re.IGNORECASE)
_ATTR_RE = re.compile(r"([A-Za-z][\w:\-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+))")
_RAW_META_BYTES = 200_000
_RAW_TITLE_RE = re.compile(r"<title[^>]*>([^<]{1,400})</title>", re.IGNORECASE)


def _raw_meta(html: str | bytes) -> dict[str, str]:
    """The page's title, and the site's name and the page's address as its meta and link tags give them, read
    from the markup itself (the page's first 200 kB): title, og:site_name, application-name, og:url, the
    canonical link. Only an absolute http(s) address counts."""
    from html import unescape

    head = html[:_RAW_META_BYTES]
    if isinstance(head, bytes):
        head = head.decode("utf-8", "replace")
    found: dict[str, str] = {}
    title = _RAW_TITLE_RE.search(head)
    if title and title.group(1).strip():
        found["title"] = " ".join(unescape(title.group(1)).split())
    for tag in _TAG_RE.finditer(head):
        attrs = {m.group(1).lower(): unescape(next(g for g in m.groups()[1:] if g is not None)).strip()
                 for m in _ATTR_RE.finditer(tag.group(2))}
        if tag.group(1).lower() == "link":
            key, value = ("canonical", attrs.get("href", "")) if attrs.get("rel", "").lower() == "canonical" else ("", "")
        else:
            key, value = (attrs.get("property") or attrs.get("name") or "").lower(), attrs.get("content", "")
        if key in ("og:url", "canonical") and not re.match(r"https?://[^/\s]+\.[^/\s]+", value):
            continue
        if key in ("og:site_name", "application-name", "og:url", "canonical") and value and key not in found:
            found[key] = value
    return found


def _section_front(url: str | None, title: str | None, text: str) -> str | None:
    """The path of a site's section front ("/news/health/" titled "Health", "/news/entertainment_and_arts"
    titled "Entertainment & Arts"): a list of other pages' headlines and summaries, no article of its own
    (each line a headline run into its summary). An article's address carries more than its section's
    name (a number, a slug, a date), and its text more than short lines. None for anything else."""
    if not url or not title or len(title.split()) > 4:
        return None
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 5 or sum(len(line.split()) < 40 for line in lines) < 0.8 * len(lines):
        return None
    m = re.match(r"^https?://[^/?#]+(?P<path>/[^?#]*)?$", url.strip(), re.IGNORECASE)
    path = (m.group("path") or "/") if m else ""
    parts = [p for p in path.split("/") if p]
    if not parts or len(parts) > 3 or any(re.search(r"[\d.\-A-Z]", p) for p in parts):  # not "/wiki/Hermitian_matrix"
        return None
    squash = lambda s: re.sub(r"[^a-z]+", "", s.lower().replace("&", "and"))  # noqa: E731
    return path if squash(parts[-1]) and squash(parts[-1]) == squash(title) else None


def _names_host(name: str, url: str | None) -> bool:
    """Whether name could be the site's name at url: its letters hold the domain's name or the domain
    holds the name's ("BBC News" at bbc.co.uk, "The Guardian" at theguardian.com). Without a URL, whether
    it is short and ends on no full stop, as a name does ("Apple updates MacPros and Xserves, doubles
    performance." and "COL BKB: Stanford 66, Oregon St. 46" are headlines)."""
    domain = readable_domain(url) if url else None
    if not domain:
        return len(name.split()) <= 4 and not name.rstrip().endswith((".", "!", "?")) and ":" not in name
    core = re.sub(r"[^a-z0-9]", "", domain.split(".")[0].lower())
    letters = re.sub(r"[^a-z0-9]", "", name.lower())
    words = [re.sub(r"[^a-z0-9]", "", w) for w in name.lower().split()]
    return bool(core) and (core in letters or letters in core or any(len(w) >= 3 and w in core for w in words))


def article_from_html(
    html: str | bytes,
    *,
    url: str | None = None,
    path: str | None = None,
    source: str | None = None,
    title: str | None = None,
    date: _dt.date | None = None,
    default_title: str | None = None,
    default_date: _dt.date | None = None,
) -> Article:
    """The article in an HTML page. Raises InputSkipped (with the reason) when there is none.

    title and date override what the page says; default_title and default_date (a feed entry's)
    are used only when the page does not say.
    """
    if not html or not html.strip():
        raise InputSkipped("empty page")
    html = _utf8_or_bytes(html)
    doc = _extract(html, url)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise InputSkipped("no article text found in the page")
    page_title = (getattr(doc, "title", None) or "").strip() or None
    text = without_crumbs(text)
    text, posted = _without_glued_title(_without_off_title_opening(text, page_title), page_title)
    meta = _raw_meta(html)
    # the headline's own part of a title in parts ("Watch | Portrait of An American Craftsman – Frank Clegg | Selectism")
    parts = [part.strip() for whole in (page_title or "", meta.get("title", "")) if " | " in whole for part in whole.split(" | ")]
    for part in dict.fromkeys(parts):
        if posted is not None:
            break
        text, posted = _without_glued_title(text, part)
    author = (getattr(doc, "author", None) or "").strip() or None
    site = (getattr(doc, "sitename", None) or "").strip() or None
    page_url = url or getattr(doc, "url", None) or None
    if site is None or page_url is None:
        # what the parser did not find where it looks (the page's <head>): a head the parser closed early, its
        # meta tags read as the body's (BBC News pages of 2013, server comments before <head>)
        site = site or meta.get("og:site_name") or meta.get("application-name")
        page_url = page_url or meta.get("og:url") or meta.get("canonical")
    if page_title and site and page_url and not _names_host(site, page_url) and _names_host(page_title, page_url) and (
        len(site.split()) > len(page_title.split())
    ):
        # the headline given as the site's name and the site's name as the title: "T.J. Ford Cleared To
        # Practice" and "PROTRADE" at protrade.com
        page_title, site = site, page_title
    if page_title and site and site.lower() != page_title.lower():
        parts = _TITLE_SEPARATORS.split(page_title.strip())
        if len(parts) >= 2 and site.lower() == parts[0].lower() and len(parts[-1]) <= 40:
            # the headline given as the site's name, the site's name after it in the title: "Sacred Heart wins
            # debut as No. 1 - Examiner.com"
            site = parts[-1]
    if page_title and site and page_title.lower() == site.lower() and not _names_host(site, page_url):
        site = None  # the headline given as the site's name ("Cheap Fixes Are the Best!" on motorward.com): the domain's
    if page_title and (
        (len(page_title.split()) <= 3 and junk_site_name(page_title))
        or page_title.lower() == (site or "").lower()
    ):
        page_title = None  # "escenic", "Home", the site's own name: no title
    article = article_from_text(
        text,
        path=path,
        url=page_url,
        source=source,
        title=title or (strip_title_suffix(page_title, title_suffix_outlet(page_title)) if page_title else None)
        or default_title,
        date=date or _day_month_checked(parse_date(getattr(doc, "date", None)), html) or default_date or _stamp_date(posted),
        page={"author": author, "site_name": site, "title": page_title,
              "categories": "\n".join(str(c) for c in (getattr(doc, "categories", None) or []))},
    )
    front = _section_front(article.url, page_title, article.text)
    if front:
        raise InputSkipped(f"a section's front page (a list of headlines), not an article: {front}")
    if not title and author and article.title and strip_title_suffix(article.title, author) != article.title:
        # "'What is the sea telling us?': Māori tribes fearful over whale strandings | Eleanor Ainge Roy": the byline
        article = article.model_copy(update={"title": strip_title_suffix(article.title, author)})
    if not title and page_title and article.title == strip_title_suffix(page_title, title_suffix_outlet(page_title)):
        # "Bike & Style book with soundtrack review | MoreBikes": the suffix names the credited outlet
        shorter = strip_title_suffix(article.title, article.source)
        if shorter != article.title:
            article = article.model_copy(update={"title": shorter})
    if author and not outlet_name(author):
        return article.model_copy(update={"author": author})
    return article


def read_html_article(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one saved HTML page from disk. Raises InputSkipped when it cannot be used."""
    from briefing.ingest import _binary_kind, display_path, read_bytes

    p = Path(path)
    data = read_bytes(p, max_bytes=max_bytes)  # the same checks and reasons as a text file
    kind = _binary_kind(data)
    if kind:
        raise InputSkipped(f"not a web page: looks like {kind}")
    return article_from_html(data, path=display_path(p))
