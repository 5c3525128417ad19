"""Sections are data: loading definitions, scoring topics, routing points."""

import pytest

from briefing import ConfigError, Router, load_sections
from briefing.models import Citation, Point
from briefing.route import EMPTY_NOTE
from briefing.sections import SectionMatcher


def _pt(text, score=0.5, source="Reuters", article="a1"):
    return Point(text=text, score=score, citations=(Citation(article_id=article, source=source, sentence=0, start=0, end=1),))


def test_default_sections_in_order():
    assert [s.title for s in load_sections()] == ["Ukraine", "Sanctions", "NATO burden sharing", "Election interference"]


def test_topic_scores_use_stems_and_phrases():
    m = SectionMatcher(load_sections())
    scores = m.scores("The allies must increase their financial contributions and meet the pledge.")
    assert scores["nato_burden_sharing"] >= 3
    assert m.topics("Sanctions will remain until Moscow leaves Crimea.")[0][0] == "sanctions"
    assert m.topics("The weather in Paris was mild on Sunday.") == ()


def test_user_sections_file(tmp_path):
    f = tmp_path / "mine.toml"
    f.write_text(
        '[[section]]\nkey="energy"\ntitle="Energy"\norder=2\nmin_score=2\n[section.terms]\ngas=3\nlng=2\n'
        '[[section]]\nkey="arctic"\ntitle="Arctic"\norder=1\n[section.phrases]\n"northern sea route"=3\n',
        encoding="utf-8",
    )
    specs = load_sections(f)
    assert [s.key for s in specs] == ["arctic", "energy"]
    m = SectionMatcher(specs)
    topics = dict(m.topics("Gas and LNG prices rose along the Northern Sea Route."))
    assert set(topics) == {"arctic", "energy"} and topics["arctic"] == 3.0
    assert m.topics("Gas prices rose in Paris.") == ()  # one common word alone is not enough


@pytest.mark.parametrize(
    "body, message",
    [
        ("[[section]\nkey=1", "not valid TOML"),
        ('[[section]]\nkey="a"\ntitle="A"\ncolour="red"\n[section.terms]\nx=1', "colour"),
        ('[[section]]\nkey="a"\ntitle="A"\n[section.terms]\nx=1\n[[section]]\nkey="a"\ntitle="B"\n[section.terms]\ny=1', "defined twice"),
        ("", "defines no sections"),
    ],
)
def test_bad_section_files_name_the_problem(tmp_path, body, message):
    f = tmp_path / "bad.toml"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as exc:
        load_sections(f)
    assert str(f) in str(exc.value)


def test_router_best_section_key_points_and_empty_note():
    router = Router(load_sections(), key_points=1)
    pts = [
        _pt("Sanctions on Russia will remain until it returns Crimea and ends sanctions evasion.", 0.9),
        _pt("Separatists in eastern Ukraine shelled Donetsk again, Ukrainian officials said.", 0.8),
        _pt("Kyiv said Crimea would stay Ukrainian territory whatever Russia claims.", 0.7),
        _pt("The weather in Paris was mild on Sunday and Monday this week.", 0.95),
    ]
    key, sections = router.route(pts)
    by_key = {s.key: s for s in sections}
    # key points: on-topic stories only (the stronger weather sentence fits no section)
    assert [p.text for p in key] == [pts[0].text]
    assert [p.text for p in by_key["sanctions"].points] == [pts[0].text]
    assert len(by_key["ukraine"].points) == 2
    assert by_key["election_interference"].points == () and by_key["election_interference"].note == EMPTY_NOTE
    placed = [p.text for s in sections for p in s.points]
    assert len(placed) == len(set(placed))  # each point in one section at most
    assert pts[3].text not in placed  # off-topic: no "Other news" unless the settings ask


def test_key_point_never_empties_a_section():
    router = Router(load_sections(), key_points=3)
    only = _pt("Sanctions on Russia will remain in place, the minister said on Monday.", 0.99)
    key, sections = router.route([only])
    assert [p.text for p in key] == [only.text]
    assert [p.text for p in sections[1].points] == [only.text]  # the section keeps its main fact
