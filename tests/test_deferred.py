"""Off-topic articles' points wait for the story stage (briefing.pipeline.defer_off_topic), and the
stemmer's packaged memo: both only save time, so each test compares against the eager way."""

from __future__ import annotations

import random

import briefing
from briefing.models import SectionSpec
from briefing.pipeline import article_result, defer_off_topic, make_selector, stories_from_results
from briefing.ingest import article_from_text

STEEL = SectionSpec(
    key="trade", title="Trade", terms={"tariff": 2.0, "tariffs": 2.0, "duties": 1.5, "quota": 1.0},
    phrases={"trade war": 3.0}, min_score=2.0,
)
# One event told twice: only the first account uses the section's words.
ON_TOPIC = (
    "Washington imposed new tariffs of 25 percent on steel from Vietnam on Tuesday, the Commerce "
    "Department said in Washington.\n"
    "The Commerce Department said Vietnamese mills had shipped Chinese steel through Haiphong to avoid "
    "earlier duties, and the new tariffs take effect on March 1.\n"
    "Vietnam's trade ministry said it regretted the decision by the Commerce Department in Washington."
)
SAME_EVENT_OFF_TOPIC = (
    "The Commerce Department in Washington said on Tuesday that Vietnamese mills had shipped Chinese "
    "steel through the port of Haiphong.\n"
    "Vietnam's trade ministry said it regretted the decision by the Commerce Department and would "
    "study the ruling on steel from Vietnam.\n"
    "Steel prices in Hanoi rose after the Commerce Department ruling, traders said."
)
UNRELATED = (
    "Heavy snow closed several Alpine passes in Switzerland and Austria on Thursday, stranding "
    "hundreds of drivers.\nAvalanche warnings were raised to the highest level in parts of Tyrol.\n"
    "Rail services through the Gotthard tunnel were running with delays, the operator said."
)


def _articles():
    return [
        article_from_text(ON_TOPIC, source="Reuters", title="US puts tariffs on Vietnamese steel"),
        article_from_text(SAME_EVENT_OFF_TOPIC, source="AP", title="Commerce Department rules on Vietnam steel"),
        article_from_text(UNRELATED, source="CNN", title="Snow closes Alpine passes"),
    ]


def _same(a: briefing.Brief, b: briefing.Brief) -> bool:
    return a.model_dump(exclude={"created"}) == b.model_dump(exclude={"created"})


def test_an_article_with_no_on_topic_sentence_is_deferred_and_the_others_are_not():
    settings = briefing.load_settings(date="2026-11-21")
    selector = make_selector(settings, [STEEL])
    on, off, snow = _articles()
    assert not article_result(on, selector, defer=True).deferred
    for article in (off, snow):
        deferred = article_result(article, selector, defer=True)
        eager = article_result(article, selector, defer=False)
        assert deferred.deferred and deferred.points == ()
        assert eager.points and not eager.deferred  # it does have points when asked for them
        assert deferred.signature == eager.signature and deferred.sentences == eager.sentences


def test_deferral_applies_only_when_off_topic_stories_cannot_be_shown():
    assert defer_off_topic(briefing.load_settings(), [STEEL])
    assert not defer_off_topic(briefing.load_settings(other_news=True), [STEEL])
    assert not defer_off_topic(briefing.load_settings(), [])


def test_a_deferred_article_in_an_on_topic_story_is_summarized_and_cited():
    settings = briefing.load_settings(date="2026-11-21")
    selector = make_selector(settings, [STEEL])
    lazy = [article_result(a, selector, defer=True) for a in _articles()]
    eager = [article_result(a, selector) for a in _articles()]
    assert [r.deferred for r in lazy] == [False, True, True]
    lazy_stories = stories_from_results(lazy, settings, [STEEL])
    eager_stories = stories_from_results(eager, settings, [STEEL])
    story = next(s for s in lazy_stories if "Reuters" in s.outlets)
    assert "AP" in story.outlets and len(story.articles) == 2  # the off-topic account joined the story
    assert "AP" in {c.source for p in story.points for c in p.citations}  # its points chosen after all
    assert story.model_dump() == next(s for s in eager_stories if "Reuters" in s.outlets).model_dump()
    # the snow story, all deferred, is off-topic: not built (it could not be shown)
    assert [s.outlets for s in lazy_stories] == [story.outlets]
    assert any("CNN" in s.outlets for s in eager_stories)


def test_lazy_and_eager_briefs_are_the_same(tmp_path, monkeypatch):
    import briefing.pipeline as pipeline

    folder = tmp_path / "day"
    folder.mkdir()
    for i, (text, source) in enumerate(((ON_TOPIC, "Reuters"), (SAME_EVENT_OFF_TOPIC, "AP"), (UNRELATED, "CNN"))):
        (folder / f"{i}.txt").write_text(f"---\nsource: {source}\ndate: 2026-11-20\n---\n{text}\n", encoding="utf-8")
    (folder / "empty.txt").write_text("\n", encoding="utf-8")  # skipped either way
    settings = briefing.load_settings(date="2026-11-21")
    lazy = briefing.build_brief([folder], settings, sections=[STEEL])
    monkeypatch.setattr(pipeline, "defer_off_topic", lambda settings, sections: False)
    eager = briefing.build_brief([folder], settings, sections=[STEEL])
    assert lazy.stories and len(lazy.sources) == 3 and len(lazy.skipped) == 1
    assert _same(lazy, eager)


def test_the_stem_memo_is_the_stemmer_it_replaces():
    from briefing._nlp import _stemmer, stem, stem_table

    table = stem_table()
    assert len(table) >= 50000
    stemmer = _stemmer()
    for word in random.Random(7).sample(sorted(table), 3000):
        assert table[word] == stemmer(word), word
    # inflections are in it and come back stemmed; a word outside it is still stemmed
    assert stem("sanctions") == "sanction" and stem("countries") == "countri"
    assert "zelenskyyite" not in table and stem("zelenskyyites") == stemmer("zelenskyyites")
