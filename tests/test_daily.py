"""Daily runs over two simulated days: feeds on 127.0.0.1 plus an inbox, the archive, the lock."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from _newsroom import (
    CEASEFIRE,
    NATO,
    SANCTIONS,
    SANCTIONS_FOLLOW_UP,
    SANCTIONS_UPDATE_SAME_SOURCE,
    Route,
)

from briefing.cli import main
from briefing.daily import PREVIOUSLY_REPORTED_KEY, RunLock, lock_path, run_daily
from briefing.errors import RunLockedError
from briefing.feeds import Fetcher
from briefing.settings import load_settings

DAY1 = dt.date(2026, 11, 20)
DAY2 = dt.date(2026, 11, 21)


@pytest.fixture
def site(server, tmp_path):
    """Day 1: a feed with the sanctions and NATO stories, and an empty inbox."""
    links = {
        "sanctions": server.page("/world/eu-sanctions", SANCTIONS),
        "nato": server.page("/world/nato-spending", NATO),
    }
    server.feed("/rss.xml", [("EU sanctions", links["sanctions"], DAY1), ("NATO", links["nato"], DAY1)])
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'[[feed]]\nname = "World"\nurl = "{server.url("/rss.xml")}"\n')
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    settings = load_settings(
        archive=tmp_path / "out" / "briefing.sqlite3",
        briefs_dir=tmp_path / "out" / "briefs",
        feeds_file=feeds,
        inbox=inbox,
        allowed_hosts=["127.0.0.1"],  # the test site is on loopback, refused by default
    )
    return server, links, settings, inbox


def fetcher() -> Fetcher:
    return Fetcher(timeout=1.0, retries=0, backoff=0.01, allowed_hosts=["127.0.0.1"])


def texts(brief):
    return [p.text for p in brief.points]


def new_points(brief):
    return [p for p in brief.points if p.first_reported is None]


def _docx_text(path):
    from docx import Document

    doc = Document(str(path))
    props = doc.core_properties
    return [p.text for p in doc.paragraphs] + [str(props.created), props.title]


def rows(settings, table):
    with sqlite3.connect(settings.archive) as conn:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_day_two_shows_only_the_new_story_as_new(site):
    server, links, settings, inbox = site
    brief1, path1 = run_daily(DAY1, settings, fetcher=fetcher())
    assert path1 == settings.briefs_dir / "2026-11-20.docx" and path1.is_file()
    assert sorted(s.title for s in brief1.sources) == sorted([SANCTIONS.title, NATO.title])
    assert brief1.points and all(p.first_reported is None for p in brief1.points)

    # Day 2: the feed repeats the sanctions story, a portal republishes it under another URL, and
    # one new story arrives (through the inbox, as a saved page).
    copy = server.page("/portal/12345", SANCTIONS)
    ceasefire = server.page("/world/prisoners", CEASEFIRE)
    server.feed(
        "/rss.xml",
        [("EU sanctions", links["sanctions"], DAY1), ("EU sanctions (copy)", copy, DAY2),
         ("Prisoners", ceasefire, DAY2)],
    )
    hits_before = server.hits.get("/world/eu-sanctions", 0)
    brief2, path2 = run_daily(DAY2, settings, fetcher=fetcher())

    assert path2.name == "2026-11-21.docx" and path2.is_file()
    assert [s.title for s in brief2.sources] == [CEASEFIRE.title]
    assert server.hits["/world/eu-sanctions"] == hits_before  # known link: not downloaded again
    new = new_points(brief2)
    assert new and {s for p in new for s in p.sources} == {"BBC"}
    assert all(p.first_reported is None for p in brief2.points)
    assert not set(texts(brief1)) & set(texts(brief2))
    assert all(p.text in CEASEFIRE.text() for p in brief2.points)
    assert rows(settings, "briefs") == 2
    assert rows(settings, "articles") == 3


def test_previously_reported_only_when_a_new_source_adds(site):
    server, links, settings, inbox = site
    # the Reuters repeat is a later sentence of its article: bullets from anywhere in an article
    settings = settings.model_copy(update={"opening_bullets": 0})
    brief1, _ = run_daily(DAY1, settings, fetcher=fetcher())
    lead = SANCTIONS_FOLLOW_UP.paragraphs[0]  # AP restates the day-1 Reuters lead
    repeat = SANCTIONS_UPDATE_SAME_SOURCE.paragraphs[0].split(" - ", 1)[1]  # Reuters repeats itself
    assert lead in texts(brief1) and repeat in texts(brief1)  # both were briefed on day 1

    (inbox / "ap-follow-up.html").write_text(SANCTIONS_FOLLOW_UP.html(), encoding="utf-8")
    (inbox / "reuters-update.txt").write_text(SANCTIONS_UPDATE_SAME_SOURCE.text(), encoding="utf-8")
    brief2, path2 = run_daily(DAY2, settings, fetcher=fetcher())

    assert sorted(s.source for s in brief2.sources) == ["AP", "Reuters"]  # "AP News" is the table's AP
    developing = {s.key: s for s in brief2.sections}[PREVIOUSLY_REPORTED_KEY]
    assert [p.text for p in developing.points] == [lead]
    assert developing.points[0].first_reported == DAY1
    assert developing.points[0].sources == ("AP",)
    assert repeat not in texts(brief2)  # same outlet, same point: not repeated at all
    assert lead not in [p.text for p in brief2.key_points]  # key points are new points only
    new = texts(brief2)
    assert SANCTIONS_FOLLOW_UP.paragraphs[1] in new  # the Kremlin's response is new

    from docx import Document

    body = "\n".join(p.text for p in Document(str(path2)).paragraphs)
    assert "Previously reported" in body and "20 November 2026" in body

    # Day 3: the AP point, now briefed by AP too, is not shown again from AP.
    (inbox / "ap-again.txt").write_text(
        "---\nsource: AP News\n---\n" + lead + "\nMarkets in Europe were calm on Saturday, traders said.\n",
        encoding="utf-8",
    )
    brief3, _ = run_daily(dt.date(2026, 11, 22), settings, fetcher=fetcher())
    assert lead not in texts(brief3)


def test_rerun_same_date_gives_same_brief_and_no_duplicate_rows(site):
    server, links, settings, inbox = site
    (inbox / "ceasefire.txt").write_text(CEASEFIRE.text(), encoding="utf-8")
    (inbox / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not an article")
    first, path = run_daily(DAY1, settings, fetcher=fetcher())
    counts = {t: rows(settings, t) for t in ("articles", "article_urls", "inputs", "briefs", "brief_points", "brief_articles")}
    docx_text = _docx_text(path)

    again, path_again = run_daily(DAY1, settings, fetcher=fetcher())

    assert path_again == path
    assert again == first  # same points, sections, sources, skipped inputs, even the created time
    assert {t: rows(settings, t) for t in counts} == counts
    assert len(first.sources) == 3
    assert [s.input.endswith("photo.jpg") for s in first.skipped] == [True]
    assert _docx_text(path) == docx_text  # (zip member times may differ; the content may not)


def test_inbox_file_belongs_to_the_first_run_that_sees_it(site):
    server, links, settings, inbox = site
    server.feed("/rss.xml", [])  # no feed entries: the inbox alone
    (inbox / "old-looking.txt").write_text(CEASEFIRE.text(), encoding="utf-8")
    import os

    os.utime(inbox / "old-looking.txt", (0, 0))  # timestamps do not matter
    brief1, _ = run_daily(DAY1, settings, fetcher=fetcher())
    assert [s.title for s in brief1.sources] == [CEASEFIRE.title]
    (inbox / "renamed-copy.txt").write_text(CEASEFIRE.text(), encoding="utf-8")
    brief2, _ = run_daily(DAY2, settings, fetcher=fetcher())
    assert brief2.sources == ()  # the same text under another name is not new
    assert all(s.note for s in brief2.sections)


def test_second_run_while_one_holds_the_lock(site, capsys):
    server, links, settings, inbox = site
    with RunLock(lock_path(settings)):
        with pytest.raises(RunLockedError, match="another daily run is in progress"):
            run_daily(DAY1, settings, fetcher=fetcher())
        code = main([
            "daily", "--date", "2026-11-20", "--archive", str(settings.archive),
            "--feeds", str(settings.feeds_file), "--inbox", str(settings.inbox),
        ])
        assert code == 1
        assert "another daily run is in progress" in capsys.readouterr().err
    assert not (settings.briefs_dir / "2026-11-20.docx").exists()
    # once the lock is released, the run goes ahead
    brief, path = run_daily(DAY1, settings, fetcher=fetcher())
    assert path.is_file()


def test_failed_feed_pages_are_listed_not_fatal(site):
    server, links, settings, inbox = site
    server.routes["/world/nato-spending"] = Route(b"down", status=500)
    brief, _ = run_daily(DAY1, settings, fetcher=fetcher())
    assert [s.title for s in brief.sources] == [SANCTIONS.title]
    assert [(s.input, "HTTP 500" in s.reason) for s in brief.skipped] == [(links["nato"], True)]
    # the failed page is not remembered as seen: the next day tries it again
    server.page("/world/nato-spending", NATO)
    brief2, _ = run_daily(DAY2, settings, fetcher=fetcher())
    assert [s.title for s in brief2.sources] == [NATO.title]


def test_cli_daily(site, capsys, monkeypatch):
    server, links, settings, inbox = site
    monkeypatch.chdir(settings.archive.parent.parent)
    monkeypatch.setenv("BRIEFING_FETCH_TIMEOUT", "1")
    monkeypatch.setenv("BRIEFING_FETCH_RETRIES", "0")
    monkeypatch.setenv("BRIEFING_ALLOWED_HOSTS", '["127.0.0.1"]')
    code = main(["daily", "--date", "2026-11-20", "--feeds", str(settings.feeds_file), "--inbox", str(inbox)])
    out = capsys.readouterr().out
    assert code == 0
    assert "out/briefs/2026-11-20.docx" in out and "2 new articles" in out
    assert (settings.archive.parent / "briefing.sqlite3").is_file()  # the default archive path
    assert main(["daily", "--date", "2026-13-01", "--inbox", str(inbox)]) == 2  # a bad value: exit 2
    assert "invalid date" in capsys.readouterr().err


def test_inbox_files_over_the_size_limit_are_skipped_each_with_its_reason(site):
    server, links, settings, inbox = site
    server.feed("/rss.xml", [])
    settings = settings.model_copy(update={"max_article_bytes": 2000})
    (inbox / "big-1.txt").write_text("A long sentence about sanctions. " * 100, encoding="utf-8")
    (inbox / "big-2.txt").write_text("A long sentence about NATO. " * 100, encoding="utf-8")
    (inbox / "small.txt").write_text(CEASEFIRE.text(), encoding="utf-8")
    brief, _ = run_daily(DAY1, settings, fetcher=fetcher())
    assert sorted(s.input.rsplit("/", 1)[-1] for s in brief.skipped) == ["big-1.txt", "big-2.txt"]
    assert all("limit" in s.reason for s in brief.skipped)
    assert [s.title for s in brief.sources] == [CEASEFIRE.title]


def test_daily_brief_uses_the_configured_date_format(site):
    server, links, settings, inbox = site
    settings = settings.model_copy(update={"date_format": "%Y-%m-%d"})
    _, path = run_daily(DAY1, settings, fetcher=fetcher())
    text = "\n".join(_docx_text(path))
    assert DAY1.isoformat() in text
    assert DAY1.strftime("%B") not in text
