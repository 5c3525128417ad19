"""Feeds and pages end to end, against an HTTP server the test starts on 127.0.0.1."""

from __future__ import annotations

import datetime as dt

import pytest
from _newsroom import CEASEFIRE, NATO, SANCTIONS, Route

from briefing.errors import ConfigError, FetchError
from briefing.feeds import FeedSpec, Fetcher, collect_feeds, load_feeds
from briefing.html import article_from_html

DAY1 = dt.date(2026, 11, 20)


def fast_fetcher(**kw) -> Fetcher:
    opts = dict(timeout=0.3, retries=1, backoff=0.01, max_concurrency=2, max_bytes=64 * 1024,
                user_agent="briefing-test/1.0", allowed_hosts=["127.0.0.1"])
    opts.update(kw)
    return Fetcher(**opts)


def test_article_from_html_reads_text_and_metadata():
    article = article_from_html(SANCTIONS.html(), url="https://example.org/eu-sanctions")
    assert article.title == SANCTIONS.title
    assert article.author == "Anna Keller"
    assert article.date == dt.date(2026, 11, 20)
    assert article.url == "https://example.org/eu-sanctions"
    assert article.source == "Reuters"  # the dateline names the outlet
    assert article.place == "BRUSSELS"
    assert "liquefied natural gas" in article.text
    # navigation and footer are not part of the article
    assert "Home" not in article.text and "All rights reserved" not in article.text


def test_site_name_is_the_source_when_no_dateline_names_one():
    article = article_from_html(NATO.html().replace("CNN", "Daily Globe"), url="https://x.org/a")
    assert article.source == "Daily Globe"
    labelled = article_from_html(NATO.html(), url="https://x.org/a", source="Wire Service")
    assert labelled.source == "Wire Service"  # a feed's label wins


def test_feed_list_toml(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text(
        '[[feed]]\nname = "World"\nurl = "https://example.org/rss"\nsource = "Reuters"\n\n'
        '[[feed]]\nname = "Europe"\nurl = "https://example.org/eu.atom"\n'
    )
    feeds = load_feeds(path)
    assert feeds == (
        FeedSpec(name="World", url="https://example.org/rss", source="Reuters"),
        FeedSpec(name="Europe", url="https://example.org/eu.atom"),
    )
    path.write_text('[[feed]]\nname = "World"\n')
    with pytest.raises(ConfigError, match="feed 1"):
        load_feeds(path)
    with pytest.raises(ConfigError, match="not found"):
        load_feeds(tmp_path / "missing.toml")


def test_feed_to_articles_end_to_end_with_failures(server):
    good1 = server.page("/world/sanctions", SANCTIONS)
    good2 = server.page("/world/nato", NATO)
    slow = server.page("/world/slow", CEASEFIRE, delay=3.0)
    broken = server.url("/world/broken")
    server.routes["/world/broken"] = Route(b"<h1>oops</h1>", status=500)
    missing = server.url("/world/gone")  # no route: 404
    huge = server.url("/world/huge")
    server.routes["/world/huge"] = Route(b"<p>" + b"x" * 200_000 + b"</p>")
    feed = server.feed(
        "/rss.xml",
        [
            ("EU sanctions", good1, DAY1),
            ("Entry without a link", None, DAY1),
            ("NATO spending", good2, DAY1),
            ("Slow page", slow, DAY1),
            ("Server error", broken, DAY1),
            ("Deleted page", missing, DAY1),
            ("Huge page", huge, DAY1),
            ("EU sanctions again", good1, DAY1),  # duplicate link: fetched once
        ],
    )
    server.routes["/bad.xml"] = Route(b"<html><body>this is not a feed", content_type="text/html")
    feeds = [
        FeedSpec(name="World", url=feed),
        FeedSpec(name="Broken feed", url=server.url("/bad.xml")),
        FeedSpec(name="Missing feed", url=server.url("/nothing.xml")),
    ]

    result = collect_feeds(feeds, fast_fetcher())

    assert [a.title for a in result.articles] == [SANCTIONS.title, NATO.title]
    assert [a.url for a in result.articles] == [good1, good2]
    assert result.articles[1].source == "CNN" and result.articles[1].author == "Mark Lowe"
    reasons = {s.input: s.reason for s in result.skipped}
    assert reasons["World entry 2 (Entry without a link)"] == "feed entry has no link"
    assert "timed out" in reasons[slow]
    assert "HTTP 500" in reasons[broken] and "2 attempts" in reasons[broken]
    assert "HTTP 404" in reasons[missing]
    assert "byte limit" in reasons[huge]
    assert "not a readable feed" in reasons[server.url("/bad.xml")]
    assert "HTTP 404" in reasons[server.url("/nothing.xml")]
    assert len(result.skipped) == 7
    # retries: a 500 is tried again, a 404 is not; the duplicate link was fetched once
    assert server.hits["/world/broken"] == 2
    assert server.hits["/world/gone"] == 1
    assert server.hits["/world/sanctions"] == 1
    assert set(server.agents) == {"briefing-test/1.0"}


def test_known_links_are_not_downloaded_again(server):
    good1 = server.page("/a", SANCTIONS)
    good2 = server.page("/b", NATO)
    feed = server.feed("/rss.xml", [("a", good1, DAY1), ("b", good2, DAY1)])
    result = collect_feeds(
        [FeedSpec(name="W", url=feed, source="Wire Desk")], fast_fetcher(), known=lambda u: u == good1
    )
    assert [a.url for a in result.articles] == [good2]
    assert result.articles[0].source == "Wire Desk"  # the feed's label is credited
    assert result.known == [good1]
    assert "/a" not in server.hits


def test_concurrency_cap_is_respected(server):
    links = [server.page(f"/p{i}", NATO, delay=0.1) for i in range(6)]
    fetcher = fast_fetcher(max_concurrency=2, timeout=2.0)
    results = fetcher.fetch_all(links)
    assert all(not isinstance(r, FetchError) for r in results)
    assert sum(server.hits.values()) == 6
    assert 1 <= server.max_in_flight <= 2


def test_retry_succeeds_after_a_transient_error(server):
    calls = {"n": 0}
    original = server.routes

    class Flaky(dict):
        def get(self, key, default=None):
            if key == "/flaky":
                calls["n"] += 1
                if calls["n"] == 1:
                    return Route(b"busy", status=503)
                return Route(SANCTIONS.html().encode())
            return original.get(key, default)

    server.routes = Flaky()
    [result] = fast_fetcher(retries=2).fetch_all([server.url("/flaky")])
    assert not isinstance(result, FetchError)
    assert result.status == 200 and b"liquefied natural gas" in result.content
    assert calls["n"] == 2


def test_backoff_doubles_and_retry_after_is_honoured_up_to_a_cap(server, monkeypatch):
    import asyncio

    from briefing.feeds import _retry_after

    slept: list[float] = []

    async def fake_sleep(delay):  # record the waits instead of waiting
        slept.append(delay)
        await asyncio.sleep(0)

    monkeypatch.setattr("briefing.feeds._sleep", fake_sleep)
    server.routes["/busy"] = Route(b"busy", status=503)
    [result] = fast_fetcher(retries=2, backoff=0.5).fetch_all([server.url("/busy")])
    assert isinstance(result, FetchError) and "HTTP 503" in str(result) and "3 attempts" in str(result)
    assert slept == [0.5, 1.0]
    assert server.hits["/busy"] == 3

    slept.clear()
    server.routes["/limited"] = Route(b"slow down", status=429, headers=(("Retry-After", "7"),))
    server.routes["/very-limited"] = Route(b"slow down", status=429, headers=(("Retry-After", "3600"),))
    fetcher = fast_fetcher(retries=1, backoff=0.5, max_retry_after=30.0)
    fetcher.fetch_all([server.url("/limited")])
    fetcher.fetch_all([server.url("/very-limited")])
    assert slept == [7.0, 30.0]
    assert _retry_after("Wed, 21 Oct 2026 07:28:00 GMT") is None


def test_fetch_works_inside_a_running_event_loop(server):
    import asyncio

    link = server.page("/a", NATO)

    async def notebook_cell():
        return fast_fetcher().fetch_all([link])

    [result] = asyncio.run(notebook_cell())
    assert not isinstance(result, FetchError) and result.status == 200


def test_malformed_and_refused_urls_are_fetch_errors_not_crashes():
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    results = fast_fetcher(retries=1).fetch_all(["http://[::1", f"http://127.0.0.1:{port}/x"])
    assert all(isinstance(r, FetchError) for r in results)
    assert "InvalidURL" in str(results[0])
    assert "connection failed" in str(results[1]) and "2 attempts" in str(results[1])
