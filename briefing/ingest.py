"""Ingest: read article files, decode them, clean them and keep their metadata.

Inputs are ``.txt`` and ``.md`` files, or directories searched recursively for them. Bytes are
decoded as UTF-8 (with or without BOM) or UTF-16 with a BOM; a byte that is not UTF-8 is read as
cp1252, so a bad byte never stops a run. An optional front-matter block at the top of a file sets
metadata explicitly::

    ---
    title: Tillerson rules out normal ties with Russia
    source: Reuters
    date: 2017-12-06
    url: https://example.org/story
    ---

An input that cannot be used (missing, unreadable, binary, empty, nothing left after cleaning) is
never fatal: it comes back in ``LoadResult.skipped`` with the reason.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import errno
import hashlib
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from briefing import attribution
from briefing.clean import clean_text
from briefing.models import Article, Skipped

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})  # saved web pages: briefing.html reads them
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x7fELF": "an executable",
    b"\x1f\x8b": "a gzip archive",
}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_FM_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")


class LoadResult(BaseModel):
    """The articles read from the inputs, and the inputs that could not be used."""

    model_config = ConfigDict(frozen=True)

    articles: tuple[Article, ...] = ()
    skipped: tuple[Skipped, ...] = ()


class InputSkipped(Exception):
    """Raised inside ingest for one input; becomes a Skipped entry, never escapes."""


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)
    bad = err.object[err.start : err.end]
    return bad.decode("cp1252", errors="replace").replace("\ufffd", ""), err.end


codecs.register_error("briefing-cp1252", _cp1252_fallback)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when data looks like BOM-less UTF-16 text (every other byte 0)."""
    head = data[:4096]
    if len(head) < 8:
        return None
    head = head[: len(head) // 2 * 2]
    even, odd = head[0::2], head[1::2]
    pairs = len(head) // 2
    if odd.count(0) >= 0.9 * pairs and even.count(0) <= 0.1 * pairs:
        return "utf-16-le"
    if even.count(0) >= 0.9 * pairs and odd.count(0) <= 0.1 * pairs:
        return "utf-16-be"
    return None


def decode(data: bytes) -> str:
    """Decode article bytes: UTF-32 or UTF-16 with BOM (or BOM-less UTF-16 text), else UTF-8
    (BOM optional) with cp1252 for bad bytes."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return data.decode("utf-32", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    return data.decode("utf-8", errors="briefing-cp1252")


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(data):
        return None
    head = data[:4096]
    if head and head.count(0) > len(head) // 10:
        return "binary data"
    return None


# Control characters other than tab, newline, carriage return and form feed, and U+FFFD.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f\ufffd]")
_CONTROL_ASCII = bytes(range(0x00, 0x09)) + b"\x0b" + bytes(range(0x0e, 0x20)) + b"\x7f"
MAX_CONTROL_SHARE = 0.05


def _control_share(text: str) -> float:
    """Share of text that is control characters or replacement marks: high for binary data."""
    if not text:
        return 0.0
    if text.isascii():  # _CONTROL's ASCII characters counted by what bytes.translate deletes
        raw = text.encode("ascii")
        return (len(raw) - len(raw.translate(None, _CONTROL_ASCII))) / len(text)
    return len(_CONTROL.findall(text)) / len(text)


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a leading ``---`` block of ``key: value`` lines from text."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group("body").splitlines():
        lm = _FM_LINE.match(line.strip())
        if lm:
            meta[lm.group("key").lower()] = lm.group("value").strip().strip("\"'")
    return meta, text[m.end() :]


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y")


def parse_date(value: str | None) -> _dt.date | None:
    """A date from common written forms ("2017-12-06", "6 December 2017"); None if unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return _dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return _dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _derive_title(text: str, max_words: int = 12) -> str:
    first = text.split("\n", 1)[0]
    words = first.split()
    if len(words) <= max_words:
        return first.rstrip(".")
    return " ".join(words[:max_words]).rstrip(",;:") + " …"


def article_from_text(
    raw: str,
    *,
    path: str | None = None,
    url: str | None = None,
    source: str | None = None,
    title: str | None = None,
    date: _dt.date | None = None,
    page: dict[str, str | None] | None = None,
) -> Article:
    """Clean raw text into an Article; metadata given here wins over what the text says.

    page: what a web page's metadata says (``author``, ``site_name``, ``title``, ``categories``
    one per line), weaker evidence of the outlet than the text (briefing.attribution decides; it
    also tells an opinion piece or a review from news)."""
    from briefing.textsafety import markdown_to_text, strip_bidi

    meta, body = parse_front_matter(strip_bidi(raw).lstrip("\ufeff"))
    if path and path.lower().endswith((".md", ".markdown")):
        body = markdown_to_text(body)
    cleaned = clean_text(body)
    if not cleaned.text.strip() and not_english(body):
        # a Japanese or Chinese page whose lines have no English sentence ending: its language is the
        # reason, not "all boilerplate"
        raise InputSkipped(
            "not in English (the summarizer's sentence splitting and stop words, and the sections' terms, are English)"
        )
    if not cleaned.text.strip():
        notices = [n for n in dict.fromkeys(cleaned.notices) if n not in ("headline", "deck")]
        if notices:
            what = "only " + ", ".join(notices[:3])  # "only a crawler notice", "only photo caption"
        elif cleaned.removed:
            what = "all boilerplate"
        elif cleaned.title:
            what = "only a heading, no sentence"
        else:
            what = "no text"
        raise InputSkipped(f"no article text after cleaning ({what})")
    if not_english(cleaned.text):
        raise InputSkipped(
            "not in English (the summarizer's sentence splitting and stop words, and the sections' terms, are English)"
        )
    page = page or {}
    src = attribution.attribute(
        given=source or meta.get("source"), text=cleaned.source, url=url or meta.get("url"),
        author=page.get("author"), site_name=page.get("site_name"), page_title=page.get("title"),
    )
    kind = attribution.page_kind(
        url or meta.get("url"), page.get("title") or title or meta.get("title") or cleaned.title,
        categories=[c for c in (page.get("categories") or "").split("\n") if c], labels=cleaned.removed[:3],
    )
    origin = f"{url or path or ''}\n{cleaned.text}".encode("utf-8", "surrogatepass")
    digest = hashlib.sha1(origin).hexdigest()[:12]
    return Article(
        id=digest,
        source=src,
        title=title or meta.get("title") or cleaned.title or _derive_title(cleaned.text),
        date=date or parse_date(meta.get("date")),
        url=url or meta.get("url") or None,
        path=path,
        place=cleaned.place,
        text=cleaned.text,
        removed=tuple(cleaned.removed),
        kind=kind,
    )


# The commonest function words of English and of the other languages a page is most often in here
# (German, French, Spanish, Dutch, Italian, Portuguese). Over 18,662 English articles of
# ../shared/eval-data (CNN, BBC, Multi-News, Reuters-21578, wire tables included) none has under 10%
# English and over 12% of the others; German and French pages have 0-4% and 18-26%.
_ENGLISH_WORDS = frozenset(
    "the of and to a in is that for it was on with as be by at are this from have has but not or an they which "
    "he she his her were their been will would said".split()
)
_OTHER_WORDS = frozenset(
    "der die das und ist nicht ein eine mit sich auf für ich den dem des zu von auch wie aber oder wir sie es le "
    "la les et est un une du pour dans qui que pas sur avec il elle el los las y del por con para una al lo se het "
    "een van niet op ik je dat voor zijn di che non per della sono gli não uma com os mais yang dan di ini itu "
    "dengan untuk tidak dari dalam akan pada juga kita bisa ada nos seus sempre da".split()
)
# English function words that are no word of the other languages met in saved pages ("a", "as",
# "be", "is", "in", "on", "to", "at", "for", "her" and "have" are Portuguese, Spanish, Hungarian, German,
# Polish or Norwegian ones too)
_ONLY_ENGLISH_WORDS = frozenset(
    "the of and that it was with by are this from has but not or an they which he she his were their been will "
    "would said".split()
)
_LOWER_WORD = re.compile(r"[a-zà-ÿ]+")
# ASCII bytes -> b"a" for a letter a-z (all _LOWER_WORD matches in ASCII text), b" " for the rest
_LETTER_RUNS = bytes(b"a"[0] if 97 <= c <= 122 else b" "[0] for c in range(256))
_FIGURE = re.compile(r"\d[\d,.]*")
_LETTER = re.compile(r"[^\W\d_]")
_NON_LATIN_LETTER = re.compile(r"(?=[^\x00-\u024f])[^\W\d_]")


def foreign_sentence(sentence: str) -> bool:
    """A sentence of at least six words in another language inside an English article: three or
    more of the other languages' function words, over twice as many as English ones ("Coloque nos
    seus favoritos e venha sempre conferir a classificação da NASCAR!")."""
    words = _LOWER_WORD.findall(sentence.lower())
    other = sum(w in _OTHER_WORDS for w in words)
    return len(words) >= 6 and other >= 3 and other > 2 * sum(w in _ENGLISH_WORDS for w in words)


def not_english(text: str) -> bool:
    """Whether an article's text is plainly in another language: of its first 4,000 characters,
    most letters (of at least 100) in another script than Latin, or of its words (at least 20),
    under 10% English function words and over 12% other languages' ones."""
    head = text[:4000]
    if not head.isascii():
        letters = len(_LETTER.findall(head))
        if letters >= 100 and len(_NON_LATIN_LETTER.findall(head)) > 0.5 * letters:
            return True  # mostly letters of another script: Bengali, Cyrillic, Arabic, Chinese, ...
    low = head.lower()
    if head.isascii():  # the words counted, not made: runs of letters a-z, each opening at " a"
        runs = low.encode("ascii").translate(_LETTER_RUNS)
        n_words, words = runs.count(b" a") + runs.startswith(b"a"), None
    else:
        words = _LOWER_WORD.findall(low)
        n_words = len(words)
    if n_words < 20:
        return False
    # most texts are English: a count of four of its commonest words settles it without a loop ("a"
    # and "in" are Portuguese, Spanish, Polish, Hungarian and German words too)
    if sum(low.count(f" {w} ") for w in ("the", "of", "and", "to")) >= 0.07 * n_words:
        return False
    if words is None:
        words = _LOWER_WORD.findall(low)
    english = sum(w in _ENGLISH_WORDS for w in words)
    other = sum(w in _OTHER_WORDS for w in words)
    if english < 0.10 * len(words) and other > 0.12 * len(words):
        return True
    # a language without a word list here (Polish, Hungarian, ...) or a scrambled paywall text: few
    # of its words are English words at all
    from briefing._nlp import known_word

    if sum(w in _ONLY_ENGLISH_WORDS for w in words) >= 0.03 * len(words) or len(_FIGURE.findall(head)) >= 0.3 * len(words):
        return False  # English words enough, or a table of figures: "Shr 28 cts vs 22 cts Net 1,200,000 vs ..."
    return sum(known_word(w) for w in words) < 0.50 * len(words)


def read_article(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read and clean one file. Raises InputSkipped with the reason when it cannot be used."""
    p = Path(path)
    return article_from_text(text_from_bytes(read_bytes(p, max_bytes=max_bytes)), path=display_path(p))


def read_bytes(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of one input file, at most max_bytes. Raises InputSkipped with the reason when
    it cannot be read: missing, a folder, a pipe or device (never opened: it could block), over
    the size limit, no permission, a broken symlink or a symlink loop."""
    p = Path(path)
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise InputSkipped("is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise InputSkipped("not a regular file (a device, pipe or socket)")
        if st.st_size > max_bytes:
            raise InputSkipped(_too_big(st.st_size, max_bytes))
        with open(p, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        if p.is_symlink():
            raise InputSkipped(f"broken symlink (to {os.readlink(p)})") from None
        raise InputSkipped("no such file") from None
    except PermissionError:
        raise InputSkipped("permission denied") from None
    except IsADirectoryError:
        raise InputSkipped("is a directory") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputSkipped("symlink loop") from None
        raise InputSkipped(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # it grew after stat()
        raise InputSkipped(_too_big(len(data), max_bytes))
    return data


def display_path(path: str | os.PathLike) -> str:
    """A path as valid Unicode text, for the brief and its JSON: bytes of a file name that are
    not UTF-8 (which Python keeps as lone surrogates) show as U+FFFD."""
    text = os.fspath(path)
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def text_from_bytes(data: bytes, what: str = "file") -> str:
    """Decoded text of an article's bytes. Raises InputSkipped when they are empty, whitespace
    only or not text at all (a known binary format, or mostly control characters)."""
    if not data.strip():
        raise InputSkipped(f"empty {what}" if not data else "whitespace only")
    kind = _binary_kind(data)
    if kind:
        raise InputSkipped(f"not text: looks like {kind}")
    text = decode(data)
    share = _control_share(text)
    if share > MAX_CONTROL_SHARE:
        raise InputSkipped(f"not text: looks like binary data ({share:.0%} control characters)")
    return text


def _too_big(size: int, max_bytes: int) -> str:
    return (
        f"file is {size / 2**20:.1f} MiB, over the {round(max_bytes / 2**20, 2):g} MiB limit "
        "(skipped whole, not truncated; raise max_article_bytes to read it)"
    )


class _Descend:
    """Tells _walk to go into a subfolder (a stack, not recursion: folders nest deeper than
    Python's recursion limit)."""

    __slots__ = ("path",)

    def __init__(self, path: Path):
        self.path = path


def _walk(
    path: Path, seen_dirs: set[tuple[int, int]], follow_symlinks: bool = False
) -> Iterator[Path | tuple[Path, str]]:
    """Files under path, depth first in name order, or (path, reason) for what cannot be read.
    Iterative (any depth). A symlink whose target is outside ``path`` is not followed unless
    ``follow_symlinks``."""
    root = None if follow_symlinks else os.path.realpath(path)
    stack = [_walk_dir(path, seen_dirs, root)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
        elif isinstance(item, _Descend):
            stack.append(_walk_dir(item.path, seen_dirs, root))
        else:
            yield item


def _walk_dir(
    path: Path, seen_dirs: set[tuple[int, int]], root: str | None = None
) -> Iterator[Path | tuple[Path, str] | _Descend]:
    try:
        st = path.stat()
    except OSError:
        yield (path, "cannot read directory")
        return
    key = (st.st_dev, st.st_ino)
    if key in seen_dirs:
        yield (path, "symlink loop: directory already visited")
        return
    seen_dirs.add(key)
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except PermissionError:
        yield (path, "permission denied")
        return
    except OSError as exc:
        yield (path, f"cannot read directory: {exc.strerror or exc}")
        return
    for entry in entries:
        child = Path(entry.path)
        if entry.name.startswith("."):
            kind = "folder" if _is_dir(entry) else "file"
            yield (child, f"hidden {kind}, not read (name starts with '.')")
            continue
        if entry.is_symlink():
            try:
                os.stat(entry.path)
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    yield (child, "symlink loop")
                elif exc.errno == errno.ENOENT:
                    yield (child, f"broken symlink (to {os.readlink(entry.path)})")
                else:
                    yield (child, f"cannot follow symlink: {exc.strerror or exc}")
                continue
            from briefing.fswalk import outside

            if root is not None and outside(entry.path, root):
                yield (child, "symlink leads outside the folder, not followed (follow_symlinks = true allows it)")
                continue
        is_dir = _is_dir(entry)
        if is_dir:
            yield _Descend(child)
        elif child.suffix.lower() in TEXT_SUFFIXES | PAGE_SUFFIXES:
            yield child
        else:
            yield (child, f"not a text article ({child.suffix or 'no extension'}); "
                          f"expected one of {', '.join(sorted(TEXT_SUFFIXES | PAGE_SUFFIXES))}")


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def iter_inputs(
    paths: Iterable[str | Path], follow_symlinks: bool = False
) -> Iterator[Path | tuple[Path, str]]:
    """Files to read, in order; or (path, reason) for inputs that cannot be read."""
    seen_dirs: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, seen_dirs, follow_symlinks)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield (path, "no such file or directory")


def iter_files(paths: Iterable[str | Path], follow_symlinks: bool = False) -> Iterator[Path | Skipped]:
    """The files load_articles reads, in order, or a Skipped entry for an input it cannot use.

    A file reached twice (the same inode, e.g. through a symlink) is read once.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    seen_files: dict[tuple[int, int], Path] = {}
    for item in iter_inputs(paths, follow_symlinks):
        if isinstance(item, tuple):
            yield Skipped(input=display_path(item[0]), reason=display_path(item[1]))
            continue
        try:
            st = item.stat()
        except OSError:
            pass  # read_article gives the reason
        else:
            key = (st.st_dev, st.st_ino)
            if key in seen_files:
                first = display_path(seen_files[key])
                yield Skipped(input=display_path(item), reason=f"same file as {first}, read once")
                continue
            seen_files[key] = item
        yield item


def load_one(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article | Skipped:
    """read_article (read_html_article for a saved web page), with a Skipped entry instead of an
    exception."""
    try:
        if Path(path).suffix.lower() in PAGE_SUFFIXES:
            from briefing.html import read_html_article

            return read_html_article(path, max_bytes=max_bytes)
        return read_article(path, max_bytes=max_bytes)
    except InputSkipped as exc:
        return Skipped(input=display_path(path), reason=display_path(str(exc)))


def load_articles(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES, follow_symlinks: bool = False
) -> LoadResult:
    """Read every article under paths (files or directories). Never raises for one bad input."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in iter_files(paths, follow_symlinks):
        loaded = item if isinstance(item, Skipped) else load_one(item, max_bytes=max_bytes)
        if isinstance(loaded, Skipped):
            skipped.append(loaded)
        else:
            articles.append(loaded)
    return LoadResult(articles=tuple(articles), skipped=tuple(skipped))
