"""Issue 12, network: SSRF (every spelling of a loopback/private address, redirects), invalid
ports, credentials in URLs, decompression bombs, a whole-run deadline and an entry cap."""

from __future__ import annotations

import datetime as dt
import gzip
import time

import pytest
from _newsroom import Route, Story

from briefing.errors import FetchError
from briefing.feeds import FeedSpec, Fetcher, collect_feeds
from briefing.netguard import CappedDecoder, UnsafeURLError, check_url, redact

DAY = dt.date(2026, 11, 20)
SECRET = "INTERNAL-ONLY-7f3a"
STORY = Story(
    title="Ministers agree new sanctions package",
    paragraphs=("Ministers agreed a new package of sanctions on Tuesday after long talks in Brussels, "
                "officials said, adding that the measures would take effect next month.",) * 3,
)


def _fetcher(**kw) -> Fetcher:
    opts = dict(timeout=2, retries=0, backoff=0.01, max_bytes=256 * 1024)
    opts.update(kw)
    return Fetcher(**opts)


def _spellings(port: int) -> list[str]:
    return [
        f"http://127.0.0.1:{port}/internal",
        f"http://127.1:{port}/internal",
        f"http://0x7f000001:{port}/internal",
        f"http://2130706433:{port}/internal",
        f"http://0177.0.0.1:{port}/internal",
        f"http://[::1]:{port}/internal",
        f"http://[::ffff:127.0.0.1]:{port}/internal",
        f"http://localhost:{port}/internal",
        f"http://LOCALHOST.:{port}/internal",
        f"http://0.0.0.0:{port}/internal",
        f"http://127.0.0.2:{port}/internal",
    ]


@pytest.mark.parametrize(
    "url",
    ["http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
     "http://[fd00::1]/", "http://[fe80::1]/", "http://100.64.0.1/", "http://224.0.0.1/", "http://0.0.0.0/",
     "http://[::]/", "http://127.1/", "http://0x7f.1/", "http://[::ffff:10.0.0.1]/", "http://[2002:7f00:1::]/"],
)
def test_private_addresses_are_refused_before_connecting(url):
    with pytest.raises(UnsafeURLError, match="non-public address"):
        check_url(url)


def test_public_address_and_allow_list_pass():
    check_url("http://93.184.216.34/")  # a public literal: no name lookup needed
    check_url("http://10.1.2.3/", ["10.0.0.0/8"])
    check_url("http://intranet.example:8080/", ["intranet.example"])  # a host name, not resolved
    with pytest.raises(UnsafeURLError):
        check_url("http://10.1.2.3/", ["192.168.0.0/16"])


def test_every_spelling_of_loopback_is_not_fetched(server):
    server.routes["/internal"] = Route(f"<article><p>{SECRET}</p></article>".encode())
    port = server.httpd.server_address[1]
    results = _fetcher().fetch_all(_spellings(port))
    assert all(isinstance(r, FetchError) for r in results), results
    assert server.hits.get("/internal", 0) == 0
    assert not any(SECRET in str(r) for r in results)


def test_feed_entries_and_redirects_to_loopback_are_refused(server):
    """The feed is allowed by host name (``localhost``); its entries point at 127.0.0.1 in other
    spellings, or redirect there: none reaches the internal page."""
    port = server.httpd.server_address[1]
    server.routes["/internal"] = Route(f"<article><p>{SECRET} {STORY.paragraphs[0]}</p></article>".encode())
    server.routes["/redir"] = Route(b"", status=302, headers=(("Location", f"http://127.0.0.1:{port}/internal"),))
    server.routes["/redir-private"] = Route(b"", status=302, headers=(("Location", "http://10.0.0.1/x"),))
    good = f"http://localhost:{port}/story"
    server.page("/story", STORY)
    links = [good, f"http://localhost:{port}/redir", f"http://localhost:{port}/redir-private",
             *_spellings(port)[:-4]]
    server.feed("/rss.xml", [(f"t{i}", link, DAY) for i, link in enumerate(links)])
    feed = FeedSpec(name="World", url=f"http://localhost:{port}/rss.xml")
    result = collect_feeds([feed], _fetcher(allowed_hosts=["localhost"]))
    assert server.hits.get("/internal", 0) == 0
    assert [i.article.title for i in result.items] == [STORY.title]
    assert len(result.skipped) == len(links) - 1
    assert all("non-public" in s.reason or "InvalidURL" in s.reason for s in result.skipped), result.skipped
    assert SECRET not in repr(result)


def test_default_refuses_the_loopback_feed_itself(server):
    server.feed("/rss.xml", [("t", server.url("/story"), DAY)])
    result = collect_feeds([FeedSpec(name="World", url=server.url("/rss.xml"))], _fetcher())
    assert server.hits == {}
    assert len(result.skipped) == 1 and "allowed_hosts" in result.skipped[0].reason


@pytest.mark.parametrize("link", ["http://example.org:99999/x", "http://example.org:port/x", "http://example.org:-1/x",
                                  "http://[::1/x", "http://:80/x"])
def test_invalid_ports_and_hosts_are_skipped_not_tracebacks(server, link):
    server.feed("/rss.xml", [("bad", link, DAY)])
    result = collect_feeds([FeedSpec(name="World", url=server.url("/rss.xml"))],
                           _fetcher(allowed_hosts=["127.0.0.1"]))
    assert result.items == [] and len(result.skipped) == 1
    assert any(w in result.skipped[0].reason for w in ("URL", "port", "link"))
    r = _fetcher().fetch_all([link])[0]
    assert isinstance(r, FetchError)


def test_credentials_are_redacted_everywhere(server):
    port = server.httpd.server_address[1]
    server.page("/story", STORY)
    server.feed("/rss.xml", [("ok", f"http://bob:hunter2@127.0.0.1:{port}/story", DAY),
                             ("gone", f"http://bob:hunter2@127.0.0.1:{port}/gone", DAY)])
    feeds = [FeedSpec(name="World", url=f"http://alice:s3cret@127.0.0.1:{port}/rss.xml"),
             FeedSpec(name="Down", url=f"http://alice:s3cret@127.0.0.1:{port}/missing.xml")]
    result = collect_feeds(feeds, _fetcher(allowed_hosts=["127.0.0.1"]))
    text = repr(result)
    assert len(result.items) == 1
    assert "s3cret" not in text and "hunter2" not in text and "alice" not in text
    assert result.items[0].article.url == f"http://127.0.0.1:{port}/story"
    assert redact("see https://u:p@h.example/x and ftp://a@b/") == "see https://h.example/x and ftp://b/"


def test_double_gzip_bomb_is_capped_while_streaming(server):
    bomb = gzip.compress(gzip.compress(b"\0" * (64 * 1024 * 1024)))
    assert len(bomb) < 200 * 1024
    server.routes["/bomb"] = Route(bomb, headers=(("Content-Encoding", "gzip, gzip"),))
    server.routes["/ok"] = Route(gzip.compress(STORY.html().encode()), headers=(("Content-Encoding", "gzip"),))
    import tracemalloc

    tracemalloc.start()
    bad, ok = _fetcher(max_bytes=1024 * 1024, allowed_hosts=["127.0.0.1"]).fetch_all(
        [server.url("/bomb"), server.url("/ok")])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert isinstance(bad, FetchError) and "byte limit" in str(bad)
    assert peak < 32 * 1024 * 1024  # never near the 64 MiB the bomb holds
    assert not isinstance(ok, FetchError) and STORY.title.encode() in ok.content


def test_capped_decoder_pieces_are_bounded():
    dec = CappedDecoder("gzip", 10 * 1024 * 1024)
    pieces = dec.feed(gzip.compress(b"x" * 1_000_000))
    assert b"".join(pieces) == b"x" * 1_000_000 and max(map(len, pieces)) <= 64 * 1024
    with pytest.raises(UnsafeURLError):
        CappedDecoder("br", 10)  # not advertised, not decoded


def test_whole_run_deadline_bounds_slow_pages(server):
    server.feed("/rss.xml", [(f"p{i}", server.url(f"/slow{i}"), DAY) for i in range(40)])
    for i in range(40):
        server.routes[f"/slow{i}"] = Route(STORY.html().encode(), delay=1.5)
    start = time.monotonic()
    result = collect_feeds([FeedSpec(name="World", url=server.url("/rss.xml"))],
                           _fetcher(allowed_hosts=["127.0.0.1"], deadline=3, max_concurrency=4))
    elapsed = time.monotonic() - start
    assert elapsed < 30
    assert len(result.items) + len(result.skipped) == 40  # every entry accounted for
    assert any("deadline" in s.reason for s in result.skipped)


def test_entries_per_feed_are_capped(server):
    server.feed("/rss.xml", [(f"p{i}", server.url(f"/p{i}"), DAY) for i in range(3000)])
    result = collect_feeds([FeedSpec(name="World", url=server.url("/rss.xml"))],
                           _fetcher(allowed_hosts=["127.0.0.1"], max_entries=10, max_bytes=4 * 1024 * 1024))
    fetched = {p for p in server.hits if p.startswith("/p")}
    assert len(fetched) == 10
    assert any("2990 more entries not read" in s.reason for s in result.skipped)


def _rebinding_resolver(monkeypatch, name: str, public: str = "93.184.216.34"):
    """socket.getaddrinfo answering ``name`` with a public address the first time and with
    127.0.0.1 every time after (DNS rebinding); other names resolve as usual."""
    import socket

    real = socket.getaddrinfo
    calls: list[str] = []

    def fake(host, port, *args, **kw):
        if host != name:
            return real(host, port, *args, **kw)
        calls.append(host)
        addr = public if len(calls) == 1 else "127.0.0.1"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (addr, port or 0))]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return calls


def test_dns_rebinding_connects_only_to_the_checked_address(server, monkeypatch):
    """The name resolves to a public address when checked, then to 127.0.0.1: the connection
    goes to the checked public address (here refused, there is no network), never to loopback."""
    import httpcore
    from httpcore._backends.auto import AutoBackend

    port = server.httpd.server_address[1]
    server.routes["/internal"] = Route(f"<article><p>{SECRET} {STORY.paragraphs[0]}</p></article>".encode())
    calls = _rebinding_resolver(monkeypatch, "rebind.test")
    connected: list[str] = []
    real_connect = AutoBackend.connect_tcp

    async def connect_tcp(self, host, port, *args, **kw):
        connected.append(host)
        if host == "93.184.216.34":
            raise httpcore.ConnectError("no network in tests")
        return await real_connect(self, host, port, *args, **kw)

    monkeypatch.setattr(AutoBackend, "connect_tcp", connect_tcp)
    [result] = _fetcher().fetch_all([f"http://rebind.test:{port}/internal"])
    assert isinstance(result, FetchError) and SECRET not in str(result)
    assert connected == ["93.184.216.34"]  # the checked address, and nothing else
    assert server.hits.get("/internal", 0) == 0
    assert calls == ["rebind.test"]  # looked up once: the check's answer is the one used


def test_a_connection_without_a_recorded_check_is_checked_at_connect(server, monkeypatch):
    import asyncio

    from briefing.netguard import AddressPins, PinnedBackend

    port = server.httpd.server_address[1]
    calls = _rebinding_resolver(monkeypatch, "rebind.test")
    calls.append("(already answered once)")  # the next answer is 127.0.0.1
    backend = PinnedBackend(AddressPins())
    with pytest.raises(UnsafeURLError, match="non-public address 127.0.0.1"):
        asyncio.run(backend.connect_tcp("rebind.test", port, timeout=2))
    assert backend.connected == [] and server.hits == {}
    allowed = PinnedBackend(AddressPins(), ["127.0.0.1"])  # an allow-listed address still connects

    async def connect_and_close():
        stream = await allowed.connect_tcp("127.0.0.1", port, timeout=2)
        await stream.aclose()

    asyncio.run(connect_and_close())
    assert allowed.connected == [("127.0.0.1", port)]
