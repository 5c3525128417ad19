"""Merge: the same fact from several articles becomes one point citing every source."""

from briefing import Merger, load_articles, same_point
from briefing.samepoint import point_similarity
from briefing.models import Citation, Point
from briefing.sentences import split_sentences


def _pt(text, article="a1", source="Reuters", sentence=0, score=0.5):
    return Point(
        text=text,
        score=score,
        citations=(Citation(article_id=article, source=source, sentence=sentence, start=0, end=len(text)),),
    )


def test_same_point_decisions():
    a = "Tillerson said US sanctions against Russia will remain in place until Moscow reverses its actions in Ukraine."
    b = "U.S. sanctions against Russia will remain in place until Moscow reverses its actions in Ukraine, Tillerson said."
    assert same_point(a, b)
    assert not same_point("Sanctions will remain in place.", "Sanctions will not remain in place.")
    assert not same_point(
        "The conflict has claimed more than 10,000 lives since 2014.",
        "The conflict has claimed more than 1,000 lives since 2014.",
    )
    assert not same_point(
        "Tillerson met NATO foreign ministers in Brussels on Tuesday.",
        "Mattis criticized Russian meddling in the US elections last November.",
    )
    assert point_similarity(a, a) == 1.0


def test_merge_keeps_one_point_with_both_sources():
    p1 = _pt("Tillerson said sanctions against Russia will stay until Moscow returns Crimea.", "a1", "Reuters", 3, 0.9)
    p2 = _pt("Sanctions against Russia will stay until Moscow returns Crimea, Tillerson said.", "a2", "AP", 5, 0.7)
    p3 = _pt("NATO allies agreed to raise defence spending to two percent of GDP by 2024.", "a2", "AP", 8, 0.6)
    merged = Merger().merge([p1, p2, p3])
    assert len(merged) == 2
    top = merged[0]
    assert top.sources == ("Reuters", "AP") or top.sources == ("AP", "Reuters")
    assert {(c.article_id, c.sentence) for c in top.citations} == {("a1", 3), ("a2", 5)}
    assert top.score == 0.9


def test_syndicated_copy_corroborates_unselected_sentences(tmp_path):
    """A point from one article cites the other article's matching sentence even if not selected."""
    (tmp_path / "r.txt").write_text(
        "LONDON (Reuters) - Britain will send 200 more troops to Estonia next year, the defence ministry said on Monday.\n"
        "The deployment is part of a NATO mission to reassure Baltic allies worried by Russia.\n",
        encoding="utf-8",
    )
    (tmp_path / "s.txt").write_text(
        "LONDON (AP) - Britain will send 200 more troops to Estonia next year, the UK defence ministry said Monday.\n"
        "The deployment is part of a NATO mission to reassure the Baltic allies worried by Russia.\n",
        encoding="utf-8",
    )
    arts = load_articles([tmp_path]).articles
    by_id = {a.id: a for a in arts}
    spans = {a.id: split_sentences(a.text) for a in arts}
    only_first = [_pt(spans[arts[0].id][0].text, arts[0].id, arts[0].source, 0, 0.9)]
    (merged,) = Merger().merge(only_first, by_id, spans)
    assert set(merged.sources) == {"Reuters", "AP"}
    assert {c.article_id for c in merged.citations} == set(by_id)


def test_probability_at_least_agrees_with_the_full_model():
    """The shortcut that skips the quadratic feature decides exactly like the full model."""
    from briefing import samepoint
    from briefing.clean import clean_text
    from briefing.sentences import to_sentences
    from conftest import CNN_SEED, REUTERS_SEED

    sents = [s for p in (REUTERS_SEED, CNN_SEED) for s in to_sentences(clean_text(p.read_text(encoding="utf-8")).text)]
    variants = [" ".join(s.split()[:-3]) + "." for s in sents] + [s.replace("Russia", "Moscow") for s in sents]
    pool = sents + variants
    checked = passed = 0
    for i, a in enumerate(pool):
        for b in pool[i + 1 :: 7]:
            for p_min in (0.3, 0.55, 0.8):
                full = samepoint.probability(a, b) >= p_min
                assert samepoint.probability_at_least(a, b, p_min) == full, (a, b, p_min)
                checked += 1
                passed += full
    assert checked > 1000 and 0 < passed < checked


def test_chains_are_split(monkeypatch):
    """A ~ B and B ~ C do not put A and C in one point when A and C state different facts."""
    import briefing.merge as merge

    a = "Ministers agreed sanctions against Russian banks in Brussels on Monday."
    b = "Ministers agreed sanctions against Russian banks and energy firms on Monday."
    c = "Sanctions against Russian energy firms were agreed by ministers on Monday."
    related = {frozenset((a, b)), frozenset((b, c))}
    monkeypatch.setattr(merge, "same_point", lambda x, y, t=0.0: x == y or frozenset((x, y)) in related)
    points = [_pt(a, "a1", "Reuters", 0, 0.9), _pt(b, "a2", "AP", 0, 0.8), _pt(c, "a3", "AFP", 0, 0.7)]
    merged = Merger(corroborate=False).merge(points)
    groups = sorted(sorted(c.source for c in p.citations) for p in merged)
    assert groups == [["AFP"], ["AP", "Reuters"]]
