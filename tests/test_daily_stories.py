"""Daily runs know stories: an article that continues a story briefed on an earlier day is a
development (only what is new, "first reported DATE"), a lightly edited copy adds nothing, an
unrelated article is a new story. Read back from the .docx and the Markdown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from _newsroom import CEASEFIRE, NATO

import briefing
from briefing.markdown import _text as md_text  # the Markdown escaping of a line
import briefing.developments as developments
from briefing.archive import Archive
from briefing.daily import PREVIOUSLY_REPORTED_KEY

DAY1 = dt.date(2026, 11, 20)
DAY2 = dt.date(2026, 11, 21)

OLD = [
    "European Union governments agreed on Thursday a new package of sanctions against Russia that "
    "targets its exports of liquefied natural gas for the first time.",
    "Hungary dropped its objections after securing an exemption for pipeline oil deliveries, two "
    "officials said.",
    "The package also lists dozens of vessels of the shadow fleet that carries Russian oil past the "
    "price cap, the officials said.",
    "The ban on transshipment of Russian gas through European ports takes effect in March, "
    "diplomats in Brussels said.",
    "The Kremlin said the sanctions would hurt Europe more than Russia and promised a response.",
]
NEW = [
    "Russia's foreign ministry summoned the EU ambassador in Moscow on Friday over the sanctions "
    "package and the gas ban.",
    "Gazprom shares fell 4 percent in Moscow trading on Friday after the sanctions were published.",
    "Qatar offered on Friday to raise its liquefied gas shipments to European buyers this winter.",
]


def _write(folder: Path, name: str, source: str, title: str, lines: list[str], day: dt.date) -> Path:
    path = folder / name
    body = "\n".join(lines)
    path.write_text(f"---\nsource: {source}\ntitle: {title}\ndate: {day}\n---\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def day1(tmp_path):
    """Day 1: the Reuters sanctions story and the NATO story, briefed into a fresh archive."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _write(inbox, "reuters.txt", "Reuters", "EU agrees new Russia sanctions targeting gas exports", OLD, DAY1)
    (inbox / "nato.txt").write_text(NATO.text(), encoding="utf-8")
    settings = briefing.load_settings(
        inbox=str(inbox), archive=str(tmp_path / "a.sqlite3"), briefs_dir=str(tmp_path / "briefs"),
        other_news=True,
    )
    brief1, _ = briefing.run_daily(DAY1, settings)
    sanctions = next(s for s in brief1.stories if s.outlets == ("Reuters",))
    return inbox, settings, brief1, sanctions


def _paragraphs(path: Path) -> list[str]:
    from docx import Document

    return [p.text for p in Document(str(path)).paragraphs]


def test_development_shows_only_the_new_facts_with_the_first_reported_date(day1, monkeypatch):
    inbox, settings, brief1, sanctions = day1
    assert {p.text for p in brief1.points} & set(OLD)  # day 1 briefed the old facts
    compared: list[str] = []
    real = developments.same_point

    def spy(a, b, threshold=None):
        compared.append(b)
        return real(a, b, threshold) if threshold is not None else real(a, b)

    monkeypatch.setattr(developments, "same_point", spy)
    # Day 2: BBC on the same story restates two old facts and reports three new ones.
    _write(inbox, "bbc.txt", "BBC", "Russia summons EU envoy as gas sanctions bite",
           [NEW[0], OLD[0], NEW[1], OLD[4], NEW[2]], DAY2)
    brief2, path2 = briefing.run_daily(DAY2, settings)

    story = next(s for s in brief2.stories if "BBC" in s.outlets)
    assert story.id == sanctions.id  # the same story, continued
    assert story.first_reported == DAY1
    assert story.points and {p.text for p in story.points} <= set(NEW)
    assert not {p.text for p in story.points} & set(OLD)  # only what is new
    assert all(p.first_reported is None and p.story_id == sanctions.id for p in story.points)
    # Old facts appear only as "Previously reported" (BBC, a new outlet, adds to them), never as new.
    again = {s.key: s for s in brief2.sections}.get(PREVIOUSLY_REPORTED_KEY)
    assert again is None or all(p.first_reported == DAY1 and p.text in OLD for p in again.points)
    assert not set(OLD) & {p.text for p in brief2.points if p.first_reported is None}
    # Matched through the archived story: only its own texts were compared, not NATO's.
    nato_texts = set(NATO.paragraphs)
    assert compared and not nato_texts & set(compared)
    assert set(compared) <= set(OLD) | {p.text for p in brief1.points}

    # Read back: the .docx says so under the story ...
    paras = _paragraphs(path2)
    marked = [p for p in paras if "first reported 20 November 2026" in p]
    assert marked and any(story.lead.display in p for p in marked)
    for old in OLD:
        assert all(p.startswith("Previously reported") for p in paras if old in p)
    for point in story.supporting:
        assert any(point.display in p for p in paras)
    # ... and so does the Markdown.
    lines = briefing.render_markdown(brief2).splitlines()
    at = next(i for i, line in enumerate(lines) if md_text(story.lead.display) in line and "first reported" in line)
    assert "Developing story, first reported 20 November 2026" in lines[at]
    beneath = lines[at + 1 : at + 1 + len(story.supporting)]  # the new facts, under the story
    assert [line.split(" *(")[0] for line in beneath] == [f"  - {md_text(p.display)}" for p in story.supporting]

    # The archive knows the story over both days.
    with Archive(settings.archive) as archive:
        kept = archive.story(sanctions.id, DAY2 + dt.timedelta(days=1))
        assert kept is not None and kept.first_reported == DAY1 and kept.last_reported == DAY2
        assert set(kept.article_ids) == set(sanctions.articles) | set(story.articles)
        assert kept.terms and {p.text for p in kept.points} >= {p.text for p in story.points}


def test_lightly_edited_copy_of_yesterdays_article_adds_nothing(day1):
    inbox, settings, brief1, sanctions = day1
    # AP runs yesterday's Reuters story under a new headline with one paragraph dropped.
    _write(inbox, "ap-copy.txt", "AP", "Europe targets Russian gas in new sanctions deal",
           OLD[:2] + OLD[3:], DAY2)
    brief2, path2 = briefing.run_daily(DAY2, settings)
    assert [s.source for s in brief2.sources] == ["AP"]  # read and listed ...
    assert brief2.key_points == ()  # ... but no "new" key point
    assert [p for p in brief2.points if p.first_reported is None] == []
    assert PREVIOUSLY_REPORTED_KEY not in {s.key for s in brief2.sections}  # a copy corroborates nothing
    assert brief2.stories == ()
    body = "\n".join(_paragraphs(path2))
    assert not any(old in body for old in OLD)


def test_unrelated_article_on_day_two_is_a_new_story(day1):
    inbox, settings, brief1, sanctions = day1
    (inbox / "ceasefire.txt").write_text(CEASEFIRE.text(), encoding="utf-8")
    brief2, path2 = briefing.run_daily(DAY2, settings)
    assert [s.title for s in brief2.sources] == [CEASEFIRE.title]
    assert len(brief2.stories) == 1
    story = brief2.stories[0]
    assert story.first_reported is None and story.id not in {s.id for s in brief1.stories}
    assert brief2.key_points and all(p.first_reported is None for p in brief2.points)
    assert all(p.text in CEASEFIRE.text() for p in brief2.points)
    assert "first reported" not in "\n".join(_paragraphs(path2))
    with Archive(settings.archive) as archive:
        assert archive.count("stories") == len(brief1.stories) + 1
        assert archive.story(story.id, DAY2) is None  # not briefed before day 2
        assert archive.story(story.id, DAY2 + dt.timedelta(days=1)).first_reported == DAY2


def test_rerecording_a_day_replaces_its_stories(day1):
    inbox, settings, brief1, sanctions = day1
    with Archive(settings.archive) as archive:
        counts = {t: archive.count(t) for t in ("stories", "story_days", "story_keys")}
        assert counts["stories"] == len(brief1.stories) and counts["story_days"] == len(brief1.stories)
        assert counts["story_keys"] > 0
    again, _ = briefing.run_daily(DAY1, settings)
    assert again == brief1
    with Archive(settings.archive) as archive:
        assert {t: archive.count(t) for t in counts} == counts


@pytest.mark.parametrize("damage", ["DROP TABLE story_keys", "UPDATE story_days SET terms = '{not json'",
                                    "UPDATE story_days SET article_ids = '[1, 2'"])
def test_damaged_story_tables_are_one_clear_line(day1, damage, capsys):
    import sqlite3

    from briefing.cli import main

    inbox, settings, brief1, sanctions = day1
    with sqlite3.connect(settings.archive) as conn:
        conn.execute(damage)
    _write(inbox, "bbc.txt", "BBC", "Russia summons EU envoy as gas sanctions bite", [NEW[0], OLD[0], NEW[1]], DAY2)
    capsys.readouterr()
    code = main(["daily", "--date", DAY2.isoformat(), "--inbox", str(inbox), "--archive", str(settings.archive)])
    err = capsys.readouterr().err.splitlines()
    assert code == 1 and len(err) == 1 and "is damaged" in err[0] and str(settings.archive) in err[0]
    assert not (settings.briefs_dir / f"{DAY2}.docx").exists()
