"""The library from memory: briefing.build_brief_from_texts (cleaned like files, stable ids) and
sections passed as SectionSpec objects instead of a TOML path."""

from __future__ import annotations

import datetime as _dt

import pytest

import briefing
from conftest import CNN_SEED, REUTERS_SEED

RAW = [REUTERS_SEED.read_text(encoding="utf-8"), CNN_SEED.read_text(encoding="utf-8")]
SETTINGS = dict(date="2017-12-08")


def _all_text(brief: briefing.Brief) -> str:
    return brief.model_dump_json()


@pytest.fixture(scope="module")
def from_texts() -> briefing.Brief:
    return briefing.build_brief_from_texts(RAW, briefing.load_settings(**SETTINGS))


def test_texts_are_cleaned_like_files(from_texts):
    # the raw texts do carry the boilerplate the cleaner must remove
    assert "Story highlights" in RAW[1] and "[L8N1O63LC]" in RAW[0]
    dumped = _all_text(from_texts)
    assert "Story highlights" not in dumped
    assert "L8N1O63LC" not in dumped
    assert "03:52 - Source" not in dumped
    assert from_texts.points, "the texts gave no point"
    # the outlet comes from the cleaned text (dateline / byline), as for a file
    assert {s.source for s in from_texts.sources} == {"Reuters", "CNN"}
    assert all(s.path is None for s in from_texts.sources)
    # same points as building the same articles from files
    from_files = briefing.build_brief([REUTERS_SEED, CNN_SEED], briefing.load_settings(**SETTINGS))
    assert [p.text for p in from_texts.points] == [p.text for p in from_files.points]


def test_ids_are_stable_and_distinct(from_texts):
    again = briefing.build_brief_from_texts(list(reversed(RAW)), briefing.load_settings(**SETTINGS))
    ids = {s.title: s.id for s in from_texts.sources}
    assert len(set(ids.values())) == 2
    assert {s.title: s.id for s in again.sources} == ids
    # every citation points at one of these ids
    assert {c.article_id for p in from_texts.points for c in p.citations} <= set(ids.values())


def test_text_objects_metadata_wins_and_url_changes_id(from_texts):
    text = briefing.Text(
        text=RAW[0], source="Wire One", title="Tillerson on Russia", date=_dt.date(2017, 12, 6),
        url="https://example.org/a",
    )
    brief = briefing.build_brief_from_texts([text], briefing.load_settings(**SETTINGS))
    (ref,) = brief.sources
    assert (ref.source, ref.title, ref.date, ref.url) == (
        "Wire One", "Tillerson on Russia", _dt.date(2017, 12, 6), "https://example.org/a"
    )
    plain_id = next(s.id for s in from_texts.sources if s.source == "Reuters")
    assert ref.id != plain_id  # the url is part of the origin hashed
    with pytest.raises(Exception):
        text.text = "changed"  # frozen


def test_unusable_texts_are_skipped_or_refused():
    brief = briefing.build_brief_from_texts(["", RAW[0]], briefing.load_settings(**SETTINGS))
    assert [s.input for s in brief.skipped] == ["<text 0>"]
    assert "no article text" in brief.skipped[0].reason
    with pytest.raises(briefing.NoUsableInputError):
        briefing.build_brief_from_texts(["   ", "Story highlights"], briefing.load_settings(**SETTINGS))


def test_a_str_is_text_never_a_path(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(RAW[0], encoding="utf-8")
    with pytest.raises(briefing.InputError, match="files and folders go to build_brief"):
        briefing.build_brief_from_texts([path], briefing.load_settings(**SETTINGS))  # type: ignore[list-item]
    with pytest.raises(briefing.NoUsableInputError):
        # the path's own words are too short to be an article: it is not opened
        briefing.build_brief_from_texts([str(path)], briefing.load_settings(**SETTINGS))


SANCTIONS = briefing.SectionSpec(
    key="sanctions", title="Sanctions", terms={"sanctions": 3.0, "sanction": 3.0}, min_score=2.0
)
CRIMEA = briefing.SectionSpec(
    key="crimea", title="Crimea and Ukraine", order=1, terms={"crimea": 3.0, "ukraine": 3.0}, min_score=2.0
)
SPORT = briefing.SectionSpec(
    key="sport", title="Sport", order=0, terms={"football": 3.0, "tennis": 3.0}, min_score=2.0
)
SECTIONS = [CRIMEA, SANCTIONS]


@pytest.mark.parametrize("build", ["texts", "files"])
def test_sections_as_objects_route_points(build):
    settings = briefing.load_settings(**SETTINGS)

    def make(sections):
        if build == "texts":
            return briefing.build_brief_from_texts(RAW, settings, sections=sections)
        return briefing.build_brief([REUTERS_SEED, CNN_SEED], settings, sections=sections)

    brief = make([CRIMEA, SPORT])
    assert [s.key for s in brief.sections] == ["sport", "crimea"]  # the objects, in their order
    by_key = {s.key: s for s in brief.sections}
    assert by_key["crimea"].points and not by_key["sport"].points
    assert any("crimea" in p.text.lower() or "ukrain" in p.text.lower() for p in by_key["crimea"].points)
    # the same day routed by another set of objects lands in that set's section
    only = make([SANCTIONS])
    assert [s.key for s in only.sections] == ["sanctions"]
    assert any("sanction" in p.text.lower() for p in only.sections[0].points)


def test_bad_section_objects_are_config_errors():
    settings = briefing.load_settings(**SETTINGS)
    empty = briefing.SectionSpec(key="x", title="X")
    with pytest.raises(briefing.ConfigError, match="no terms"):
        briefing.build_brief_from_texts(RAW, settings, sections=[empty])
    with pytest.raises(briefing.ConfigError, match="twice"):
        briefing.build_brief_from_texts(RAW, settings, sections=[SECTIONS[0], SECTIONS[0]])


def test_texts_in_worker_processes_give_the_same_brief(from_texts):
    pooled = briefing.build_brief_from_texts(RAW, briefing.load_settings(workers=2, **SETTINGS))
    assert [p.model_dump() for p in pooled.points] == [p.model_dump() for p in from_texts.points]
    assert pooled.sources == from_texts.sources
