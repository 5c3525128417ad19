"""Feeds: read RSS/Atom feeds, download each entry's page and extract the article.

The feed list is TOML::

    [[feed]]
    name = "Reuters World"                      # shown in logs and in "Inputs skipped"
    url = "https://example.org/world/rss.xml"
    source = "Reuters"                          # optional: the outlet to credit

Downloads go through one ``Fetcher``: timeouts, retries with exponential backoff (on timeouts,
connection errors, HTTP 429 and 5xx; never on other 4xx), a User-Agent, a cap on concurrent
requests and a cap on the bytes read per response. Nothing here is fatal for one feed or entry:
a feed that cannot be read, an entry without a link or a page that fails becomes a ``Skipped``
entry with the reason, and the run goes on with the rest.
"""

from __future__ import annotations

import datetime as _dt
import logging
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from briefing.errors import ConfigError, FetchError
from briefing.ingest import InputSkipped, article_from_text
from briefing.limits import read_small_text
from briefing.models import Article, Skipped

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger(__name__)

DEFAULT_USER_AGENT = "briefing/0.1 (+daily policy brief; feed reader)"
_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


class FeedSpec(BaseModel):
    """One feed of the feed list."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://")
    source: str | None = Field(default=None, description="Outlet to credit; default: the page's.")


def load_feeds(path: str | Path) -> tuple[FeedSpec, ...]:
    """Read a feed list (TOML, ``[[feed]]`` tables). Raises ConfigError when it is unusable."""
    p = Path(path)
    try:
        data = tomllib.loads(read_small_text(p, "feed list"))
    except FileNotFoundError:
        raise ConfigError(f"feed list not found: {p}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read feed list {p}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"feed list {p} is not valid TOML: {exc}") from None
    entries = data.get("feed", data.get("feeds", []))
    if not isinstance(entries, list):
        raise ConfigError(f"feed list {p}: expected [[feed]] tables")
    feeds = []
    for i, entry in enumerate(entries, 1):
        try:
            feeds.append(FeedSpec(**entry))
        except (ValidationError, TypeError) as exc:
            raise ConfigError(f"feed list {p}, feed {i}: {exc}".splitlines()[0]) from None
    return tuple(feeds)


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header given in seconds (an HTTP date is ignored)."""
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


async def _sleep(delay: float) -> None:
    import asyncio

    await asyncio.sleep(delay)


def run_coroutine(coro: Any) -> Any:
    """asyncio.run(coro), also when the caller is already inside an event loop (a notebook)."""
    import asyncio

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


@dataclass(frozen=True)
class Fetched:
    """One downloaded response."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str


class Fetcher:
    """Downloads over HTTP(S) politely and within limits. Use ``run(coro)`` or ``fetch_all``."""

    def __init__(
        self,
        *,
        timeout: float = 15.0,
        retries: int = 2,
        backoff: float = 1.0,
        user_agent: str = DEFAULT_USER_AGENT,
        max_concurrency: int = 4,
        max_bytes: int = 5 * 1024 * 1024,
        transport: Any = None,
        max_retry_after: float = 30.0,
        allowed_hosts: Sequence[str] = (),
        deadline: float | None = None,
        max_entries: int = 500,
    ):
        self.allowed_hosts = tuple(allowed_hosts)  # netguard: hosts/CIDRs that may be private
        self.deadline = deadline  # seconds for a whole collect_feeds/fetch_all run
        self.max_entries = max_entries  # entries read per feed
        self._stop_at: float | None = None
        self.timeout = timeout
        self.max_retry_after = max_retry_after
        self.retries = retries
        self.backoff = backoff
        self.user_agent = user_agent
        self.max_concurrency = max_concurrency
        self.max_bytes = max_bytes
        self.transport = transport  # an httpx transport, for tests
        from briefing.netguard import AddressPins

        self.pins = AddressPins()  # host -> addresses the request hook checked (netguard)
        self.backend: Any = None  # the PinnedBackend of the last client, if any

    @classmethod
    def from_settings(cls, settings: Any) -> Fetcher:
        return cls(
            timeout=settings.fetch_timeout,
            retries=settings.fetch_retries,
            backoff=settings.fetch_backoff,
            user_agent=settings.user_agent,
            max_concurrency=settings.fetch_concurrency,
            max_bytes=settings.fetch_max_bytes,
            allowed_hosts=settings.allowed_hosts,
            deadline=settings.fetch_deadline,
            max_entries=settings.max_entries_per_feed,
        )

    def start_clock(self) -> None:
        """Start the whole-run deadline (called by collect_feeds and fetch_all)."""
        import time

        self._stop_at = time.monotonic() + self.deadline if self.deadline else None

    def _remaining(self) -> float | None:
        import time

        return None if self._stop_at is None else self._stop_at - time.monotonic()

    async def _guard(self, request: Any) -> None:
        """httpx request hook: every request, redirects included, goes to a permitted address."""
        import asyncio

        from briefing.netguard import check_url

        await asyncio.get_running_loop().run_in_executor(
            None, check_url, str(request.url), self.allowed_hosts, self.pins
        )

    def _pinned_transport(self) -> Any:
        """The default transport, its connections opened only to the addresses the request hook
        checked (netguard.PinnedBackend: no DNS rebinding between check and connect). None when
        the environment names a proxy (the proxy then resolves names; it is used as before)."""
        import httpx
        from httpx._utils import get_environment_proxies

        from briefing.netguard import PinnedBackend

        if get_environment_proxies():
            return None
        transport = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=self.max_concurrency))
        pool = transport._pool
        self.backend = PinnedBackend(self.pins, self.allowed_hosts, pool._network_backend)
        pool._network_backend = self.backend
        return transport

    def client(self) -> Any:
        import httpx

        return httpx.AsyncClient(
            timeout=httpx.Timeout(self.timeout),
            headers={"User-Agent": self.user_agent, "Accept": "*/*", "Accept-Encoding": "gzip, deflate"},
            follow_redirects=True,
            max_redirects=10,
            event_hooks={"request": [self._guard]},
            limits=httpx.Limits(max_connections=self.max_concurrency),
            transport=self.transport if self.transport is not None else self._pinned_transport(),
        )

    async def fetch(self, client: Any, url: str, gate: asyncio.Semaphore) -> Fetched:
        """GET url with retries; raise FetchError with the reason when it cannot be had."""
        import asyncio

        import httpx

        attempts = self.retries + 1
        reason = "not tried"
        wait_hint: float | None = None
        from briefing.netguard import UnsafeURLError, redact, url_problem

        problem = url_problem(url)
        if problem:
            raise UnsafeURLError(problem)
        for attempt in range(attempts):
            left = self._remaining()
            if left is not None and left <= 0:
                raise FetchError("not fetched: the run's fetch deadline was reached")
            if attempt:
                delay = self.backoff * 2 ** (attempt - 1)
                if wait_hint is not None:  # the server said when to come back (capped)
                    delay = max(delay, min(wait_hint, self.max_retry_after))
                left = self._remaining()
                if left is not None and delay >= left:
                    raise FetchError(redact(reason) + "; the run's fetch deadline leaves no time to retry")
                await _sleep(delay)
            wait_hint = None
            try:
                async with gate:
                    # httpx's timeout is per read; this bounds a page that trickles in forever
                    limit = self.timeout * 4
                    left = self._remaining()
                    if left is not None:
                        if left <= 0:
                            raise FetchError("not fetched: the run's fetch deadline was reached")
                        limit = min(limit, left)
                    return await asyncio.wait_for(self._get(client, url), limit)
            except UnsafeURLError:
                raise
            except _Permanent as exc:
                raise FetchError(str(exc)) from None
            except _Transient as exc:
                reason = str(exc)
                wait_hint = exc.retry_after
            except (httpx.TimeoutException, asyncio.TimeoutError):
                reason = f"timed out after {self.timeout:g} s"
            except httpx.UnsupportedProtocol as exc:
                raise FetchError(redact(f"unsupported URL: {exc}")) from None
            except httpx.TooManyRedirects:
                raise FetchError("too many redirects") from None
            except httpx.TransportError as exc:
                reason = redact(f"connection failed: {type(exc).__name__}: {exc}".rstrip(": "))
            except httpx.HTTPError as exc:
                raise FetchError(redact(f"{type(exc).__name__}: {exc}")) from None
            except (ValueError, TypeError) as exc:  # httpx.InvalidURL and friends
                raise FetchError(redact(f"invalid URL: {exc}")) from None
            log.debug("fetch %s attempt %d/%d failed: %s", url, attempt + 1, attempts, reason)
        tries = f" ({attempts} attempts)" if attempts > 1 else ""
        raise FetchError(redact(reason + tries))

    async def _get(self, client: Any, url: str) -> Fetched:
        async with client.stream("GET", url) as response:
            status = response.status_code
            if status >= 400:
                msg = f"HTTP {status} {response.reason_phrase}".strip()
                if status in _RETRY_STATUS:
                    raise _Transient(msg, _retry_after(response.headers.get("retry-after")))
                raise _Permanent(msg)
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                raise _Permanent(f"response is {int(declared)} bytes, over the {self.max_bytes} byte limit")
            from briefing.netguard import CappedDecoder, UnsafeURLError

            try:
                decoder = CappedDecoder(response.headers.get("content-encoding", ""), self.max_bytes)
            except UnsafeURLError as exc:
                raise _Permanent(str(exc)) from None
            chunks: list[bytes] = []
            raw = 0
            async for chunk in response.aiter_raw():  # decoded here, in bounded pieces
                raw += len(chunk)
                if raw > self.max_bytes:
                    raise _Permanent(f"response is over the {self.max_bytes} byte limit")
                try:
                    chunks.extend(decoder.feed(chunk))
                except UnsafeURLError as exc:
                    raise _Permanent(str(exc)) from None
            return Fetched(
                url=url,
                final_url=str(response.url),
                status=status,
                content=b"".join(chunks),
                content_type=response.headers.get("content-type", "").split(";")[0].strip().lower(),
            )

    def fetch_all(self, urls: Sequence[str]) -> list[Fetched | FetchError]:
        """Download every URL (concurrently, within the cap); each result or its FetchError."""

        import asyncio

        self.start_clock()

        async def main() -> list[Fetched | FetchError]:
            gate = asyncio.Semaphore(self.max_concurrency)
            async with self.client() as client:
                return await asyncio.gather(*(self._safe(client, u, gate) for u in urls))

        return run_coroutine(main())

    async def _safe(self, client: Any, url: str, gate: asyncio.Semaphore) -> Fetched | FetchError:
        try:
            return await self.fetch(client, url, gate)
        except FetchError as exc:
            return exc
        except Exception as exc:  # a malformed URL from a feed, and the like: never fatal
            from briefing.netguard import redact

            return FetchError(redact(f"cannot fetch: {type(exc).__name__}: {exc}"))


class _Transient(Exception):
    """A failure worth retrying (HTTP 5xx, 429), with the server's Retry-After in seconds."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class _Permanent(Exception):
    """A failure not worth retrying (HTTP 404, over the size limit)."""


@dataclass(frozen=True)
class FeedItem:
    """An article read from a feed entry, with every URL it is known by."""

    article: Article
    feed: str
    urls: tuple[str, ...]


@dataclass
class FeedResult:
    """What the feeds gave: new articles, entries skipped (with reasons), links already known."""

    items: list[FeedItem] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    known: list[str] = field(default_factory=list)
    feeds_read: int = 0  # feeds downloaded and parsed (a feed with no items today counts)

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(i.article for i in self.items)


@dataclass(frozen=True)
class _Entry:
    feed: FeedSpec
    label: str
    link: str
    title: str | None
    date: _dt.date | None


def _entry_date(entry: Any, tz: _dt.tzinfo | None = None) -> _dt.date | None:
    """The entry's date; feedparser gives UTC, so with tz it is the date in that zone (an item
    published at 00:30 in Brussels is that day's, not the previous one's)."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            if tz is not None:
                from briefing.unattended import local_date

                day = local_date(value, tz)
                if day is not None:
                    return day
            try:
                return _dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (AttributeError, ValueError):
                continue
    return None


def parse_feed(
    feed: FeedSpec, content: bytes, max_entries: int | None = None, *, base: str | None = None,
    tz: _dt.tzinfo | None = None,
) -> tuple[list[_Entry], list[Skipped]]:
    """The entries of a downloaded feed; entries that cannot be used come back as Skipped.
    Relative links are resolved against base (the URL the feed was fetched from). Only the first
    ``max_entries`` entries are read; the rest are listed as one Skipped line."""
    import feedparser
    from urllib.parse import urljoin

    from briefing.netguard import redact, url_problem

    base = base or feed.url
    parsed = feedparser.parse(content, response_headers={"content-location": base, "content-type": "application/xml"})
    if not parsed.entries:
        if parsed.get("bozo"):
            why = parsed.get("bozo_exception")
            return [], [Skipped(input=feed.url, reason=f"feed {feed.name!r} is not a readable feed: {why}")]
        if not parsed.get("version"):  # empty, or a document of another kind (a web page)
            what = "is empty" if not content.strip() else "is not an RSS or Atom feed"
            return [], [Skipped(input=feed.url, reason=f"feed {feed.name!r} {what}")]
        return [], []  # a feed with no items today
    entries: list[_Entry] = []
    skipped: list[Skipped] = []
    all_entries = parsed.entries
    if max_entries is not None and len(all_entries) > max_entries:
        more = len(all_entries) - max_entries
        skipped.append(Skipped(
            input=redact(feed.url),
            reason=f"feed {feed.name!r}: {more} more entries not read (max_entries_per_feed = {max_entries})",
        ))
        all_entries = all_entries[:max_entries]
    for i, entry in enumerate(all_entries, 1):
        title = (entry.get("title") or "").strip() or None
        label = f"{feed.name} entry {i}" + (f" ({title})" if title else "")
        link = (entry.get("link") or "").strip()
        if link and not link.startswith(("http://", "https://")) and "://" not in link:
            link = urljoin(base, link)  # "/world/a.html" or "a.html": relative to the feed
        if not link:
            skipped.append(Skipped(input=label, reason="feed entry has no link"))
            continue
        if not link.startswith(("http://", "https://")):
            skipped.append(Skipped(input=label, reason=f"feed entry link is not http(s): {redact(link)[:80]}"))
            continue
        problem = url_problem(link)
        if problem:
            skipped.append(Skipped(input=label, reason=f"feed entry link: {problem}"))
            continue
        entries.append(_Entry(feed, label, link, title, _entry_date(entry, tz)))
    return entries, skipped


def article_from_page(fetched: Fetched, entry: _Entry) -> Article:
    """Extract the article from a downloaded page. Raises InputSkipped with the reason."""
    from briefing.html import article_from_html

    kind = fetched.content_type
    if kind in ("text/plain", "text/markdown"):
        from briefing.ingest import text_from_bytes

        return article_from_text(
            text_from_bytes(fetched.content, "page"), url=entry.link, source=entry.feed.source,
            title=entry.title, date=entry.date,
        )
    if kind and "html" not in kind and "xml" not in kind:
        raise InputSkipped(f"not an HTML page ({kind})")
    from briefing.ingest import _binary_kind

    binary = _binary_kind(fetched.content)
    if binary:  # a PDF or an image served as a web page
        raise InputSkipped(f"not an HTML page: looks like {binary}")
    article = article_from_html(
        fetched.content, url=entry.link, source=entry.feed.source,
        default_title=entry.title, default_date=entry.date,
    )
    if entry.title and article.title != entry.title:
        from briefing.unattended import junk_title

        if junk_title(article.title, entry.title, article.source, entry.link):
            article = article.model_copy(update={"title": entry.title})
    return article


def collect_feeds(
    feeds: Iterable[FeedSpec],
    fetcher: Fetcher,
    *,
    known: Callable[[str], bool] = lambda url: False,
    tz: _dt.tzinfo | None = None,
) -> FeedResult:
    """Read every feed and every entry's page. Entries whose link ``known(link)`` says the archive
    already holds are not downloaded again (they are listed in ``FeedResult.known``)."""
    feeds = list(feeds)
    result = FeedResult()
    if not feeds:
        return result

    import asyncio

    from briefing.netguard import redact

    fetcher.start_clock()

    async def main() -> list[tuple[_Entry, Fetched | FetchError]]:
        gate = asyncio.Semaphore(fetcher.max_concurrency)
        async with fetcher.client() as client:
            docs = await asyncio.gather(*(fetcher._safe(client, f.url, gate) for f in feeds))
            entries: list[_Entry] = []
            seen: set[str] = set()
            for feed, doc in zip(feeds, docs):
                if isinstance(doc, FetchError):
                    result.skipped.append(
                        Skipped(input=redact(feed.url), reason=redact(f"feed {feed.name!r}: {doc}"))
                    )
                    continue
                got, bad = parse_feed(
                    feed, doc.content, getattr(fetcher, "max_entries", None),
                    base=doc.final_url or feed.url, tz=tz,
                )
                if got or not any(b.input == feed.url for b in bad):
                    result.feeds_read += 1
                result.skipped.extend(bad)
                for entry in got:
                    if entry.link in seen:
                        continue
                    seen.add(entry.link)
                    if known(entry.link):
                        result.known.append(entry.link)
                    else:
                        entries.append(entry)
            pages = await asyncio.gather(*(fetcher._safe(client, e.link, gate) for e in entries))
            return list(zip(entries, pages))

    for entry, page in run_coroutine(main()):
        if isinstance(page, FetchError):
            result.skipped.append(Skipped(input=redact(entry.link), reason=redact(str(page))))
            continue
        try:
            article = article_from_page(page, entry)
        except InputSkipped as exc:
            result.skipped.append(Skipped(input=redact(entry.link), reason=redact(str(exc))))
            continue
        if article.url and "@" in article.url:
            article = article.model_copy(update={"url": redact(article.url)})
        urls = tuple(dict.fromkeys(redact(u) for u in (entry.link, page.final_url, article.url) if u))
        result.items.append(FeedItem(article=article, feed=entry.feed.name, urls=urls))
    log.info(
        "feeds: %d new articles, %d already archived, %d skipped",
        len(result.items), len(result.known), len(result.skipped),
    )
    return result
