"""The SQLite archive: storing articles once, recognising copies, recording briefs, migrations."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from _newsroom import CEASEFIRE, SANCTIONS

from briefing.archive import MIGRATIONS, SCHEMA_VERSION, Archive, content_hash, normalize_url
from briefing.errors import ArchiveError
from briefing.html import article_from_html
from briefing.models import Brief, Citation, Point, Section, SourceRef, loose_story

DAY1 = dt.date(2026, 11, 20)
DAY2 = dt.date(2026, 11, 21)


def test_normalize_url():
    assert normalize_url("HTTPS://WWW.Example.org:443/World/Story/?utm_source=rss&b=2&a=1#top") == (
        "http://example.org/World/Story?a=1&b=2"
    )
    assert normalize_url("http://example.org/a/") == normalize_url("https://example.org/a")
    assert normalize_url("http://127.0.0.1:8080/a") == "http://127.0.0.1:8080/a"
    assert normalize_url("http://example.org/a?id=1") != normalize_url("http://example.org/a?id=2")


def test_content_hash_ignores_case_punctuation_and_spacing():
    assert content_hash("Hello,  World!\nAgain.") == content_hash("hello world again")
    assert content_hash("hello world") != content_hash("hello there world")


def test_article_stored_once_and_syndicated_copy_recognised(tmp_path):
    a = article_from_html(SANCTIONS.html(), url="https://reuters.example/eu-sanctions")
    copy = article_from_html(SANCTIONS.html(), url="https://portal.example/news/12345")
    other = article_from_html(CEASEFIRE.html(), url="https://bbc.example/prisoners")
    assert copy.id != a.id  # different URL, so a different article id ...
    with Archive(tmp_path / "a.sqlite3") as archive:
        row, new = archive.add_article(a, DAY1, urls=[a.url, "https://reuters.example/eu-sanctions?utm_medium=x"])
        assert new
        row2, new2 = archive.add_article(copy, DAY2)  # ... but the same text: the same article
        assert (row2, new2) == (row, False)
        assert archive.knows_url("https://portal.example/news/12345")  # the copy's URL is remembered
        assert archive.knows_url("http://reuters.example/eu-sanctions/")
        row3, new3 = archive.add_article(a, DAY2)
        assert (row3, new3) == (row, False)
        _, new4 = archive.add_article(other, DAY2)
        assert new4
        assert archive.count("articles") == 2
        # the article belongs to the day that first collected it
        assert [x.id for x in archive.articles_for(DAY1)] == [a.id]
        assert [x.id for x in archive.articles_for(DAY2)] == [other.id]
        assert archive.articles_for(DAY1)[0] == a  # stored whole, read back equal


def _point(text: str, source: str, article: str) -> Point:
    return Point(text=text, score=0.5, citations=(Citation(article_id=article, source=source, sentence=0, start=0, end=len(text)),))


def _brief(day: dt.date, points: list[Point]) -> Brief:
    return Brief(
        title="T", date=day, created=dt.datetime(2026, 11, 20, 7, tzinfo=dt.timezone.utc),
        key_points=tuple(points[:1]),
        sections=(Section(key="s", title="S", points=tuple(points[1:])),),
        sources=(SourceRef(id="x1", source="Reuters", title="t"),),
        summarizer="lexrank",
    )


def test_brief_recorded_with_points_and_rerecording_replaces(tmp_path):
    p1 = _point("EU agrees sanctions.", "Reuters", "x1")
    p2 = _point("NATO allies pledge spending.", "CNN", "x2")
    with Archive(tmp_path / "a.sqlite3") as archive:
        archive.record_brief(_brief(DAY1, [p1, p2]), "out/briefs/2026-11-20.docx")
        archive.record_brief(_brief(DAY1, [p1, p2]), "out/briefs/2026-11-20.docx")
        assert archive.count("briefs") == 1
        assert archive.count("brief_points") == 2
        rec = archive.brief(DAY1)
        assert rec is not None and rec.path.endswith("2026-11-20.docx")
        assert [(p.text, p.sources, p.section) for p in rec.points] == [
            ("EU agrees sanctions.", ("Reuters",), None),
            ("NATO allies pledge spending.", ("CNN",), "s"),
        ]
        assert [p.text for p in archive.points_before(DAY2)] == [p1.text, p2.text]
        assert archive.points_before(DAY1) == []


def test_failed_write_is_rolled_back(tmp_path):
    a = article_from_html(SANCTIONS.html(), url="https://reuters.example/eu-sanctions")
    with Archive(tmp_path / "a.sqlite3") as archive:
        with pytest.raises(RuntimeError):
            with archive.transaction():
                archive.add_article(a, DAY1)
                raise RuntimeError("crash in the middle of a run")
        assert archive.count("articles") == 0
        assert archive.count("article_urls") == 0


def test_schema_versioned_and_migrated_from_version_1(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0][1] + "; PRAGMA user_version = 1;")
    conn.execute(
        "INSERT INTO articles (article_id, content_hash, source, title, run_date, first_seen, data)"
        " VALUES ('old', 'h', 'Reuters', 't', '2026-01-01', 'now', '{}')"
    )
    conn.commit()
    conn.close()
    with Archive(path) as archive:
        assert archive.version == SCHEMA_VERSION >= 2
        assert archive.count("articles") == 1  # data kept
        assert archive.count("brief_articles") == 0  # table added by migration 2


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(ArchiveError, match="newer"):
        Archive(path).open()


def test_version_2_archive_gains_the_story_tables_and_keeps_its_briefs(tmp_path):
    path = tmp_path / "v2.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0][1] + ";" + MIGRATIONS[1][1] + "; PRAGMA user_version = 2;")
    conn.execute("INSERT INTO briefs (date, path, title, created, summarizer, n_sources) VALUES "
                 "('2026-11-19', 'b.docx', 'T', '2026-11-19T07:00:00+00:00', 'lead', 1)")
    conn.execute("INSERT INTO brief_points (brief, position, key_point, text, sources, article_ids) VALUES "
                 "(1, 0, 1, 'EU agrees sanctions.', '[\"Reuters\"]', '[\"x1\"]')")
    conn.commit()
    conn.close()
    with Archive(path) as archive:
        assert archive.version == SCHEMA_VERSION >= 3
        assert [p.text for p in archive.points_before(DAY1)] == ["EU agrees sanctions."]  # kept
        assert archive.count("stories") == 0 and archive.story_candidates(["sanction", "eu"], DAY2) == []
        p = _point("NATO allies pledge spending.", "CNN", "x2").model_copy(update={"story_id": "s1"})
        brief = _brief(DAY1, [p]).model_copy(update={"stories": (loose_story(p),)})
        archive.record_brief(brief, "b2.docx", {"s1": [("nato", 6.0), ("spend", 4.0), ("alli", 3.0)]})
        assert archive.story_candidates(["nato", "spend", "budget"], DAY2) == ["s1"]
        assert archive.story_candidates(["nato", "budget"], DAY2) == []  # two shared key terms needed
        assert archive.story_candidates(["nato", "spend"], DAY1) == []  # only stories briefed before
        story = archive.story("s1", DAY2)
        assert story is not None and story.first_reported == DAY1 and story.article_ids == ("x2",)
        assert story.terms[0] == ("nato", 6.0) and [q.text for q in story.points] == [p.text]
