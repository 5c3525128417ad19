"""The story summarizer (briefing.storysum) and the cross-validation it is measured by
(briefing.evaluate.clustercv): folds, choosers that never see the held-out fold, verbatim and
non-redundant output, and the story stage going through the same code path."""

from __future__ import annotations

import pytest

import briefing
from briefing import storysum
from briefing.evaluate.clustercv import FastRouge, crossvalidate, fold_split, grid_chooser
from briefing.samepoint import same_point
from conftest import EVAL_DATA
from test_stories import SANCTIONS, _day

# --- the cross-validation machinery ---------------------------------------------------------------


def test_folds_are_disjoint_cover_everything_and_are_fixed():
    folds = fold_split(81, 4)
    flat = [i for f in folds for i in f]
    assert sorted(flat) == list(range(81))  # every cluster in exactly one fold
    assert sorted(len(f) for f in folds) == [20, 20, 20, 21]
    assert folds == fold_split(81, 4)  # seeded: the same split every run
    assert folds != fold_split(81, 4, seed=1)
    assert folds[0] != list(range(21))  # shuffled, not cut in order


def test_each_fold_is_chosen_on_the_other_folds_only():
    seen: list[tuple[int, ...]] = []

    def chooser(train):
        seen.append(tuple(train))
        return len(seen)

    result = crossvalidate(30, chooser, folds=4)
    assert len(result) == 4 and [f.chosen for f in result] == [1, 2, 3, 4]
    for fold, train in zip(result, seen):
        assert set(train) == set(fold.train)
        assert not set(fold.train) & set(fold.test)
        assert set(fold.train) | set(fold.test) == set(range(30))


def test_grid_chooser_never_sees_the_held_out_clusters():
    """A parameter that only pays off on fold 0's clusters: a chooser that looked at them would
    take it for fold 0; an honest one takes it only for the folds whose training includes them."""
    split = fold_split(40, 4)
    trap = set(split[0])
    calls: list[int] = []

    def score(p, i):
        calls.append(i)
        if p == "cheat":
            return 100.0 if i in trap else 0.0
        return 10.0

    chooser = grid_chooser(["honest", "cheat"], score)
    asked: list[set[int]] = []

    def recording(train):
        calls.clear()
        choice = chooser(train)
        asked.append(set(calls))
        return choice

    result = crossvalidate(40, recording, folds=4)
    assert result[0].chosen == "honest"
    assert [f.chosen for f in result[1:]] == ["cheat"] * 3
    for fold, items in zip(result, asked):
        assert items == set(fold.train) and not items & set(fold.test)


def test_fast_rouge_matches_rouge_score():
    from briefing.evaluate.metrics import Rouge

    ref = ["Storms hit the coast on Monday, leaving thousands of homes without power.",
           "Schools stay closed on Tuesday, officials said."]
    cand = ["Thousands of homes lost power when storms hit the coast on Monday.",
            "Repair crews worked through the night to restore it."]
    full = Rouge().score(ref, cand)
    fast = FastRouge()
    assert fast.score(ref, cand, 2) == pytest.approx(full["rouge2"])
    assert fast.score(ref, cand, 1) == pytest.approx(full["rouge1"])
    assert fast.score(ref, ["Nothing in common here at all."], 2) == 0.0


# --- summarize_cluster: verbatim, non-redundant, within budget ------------------------------------

STORM = [
    "Storms hit the coast on Monday and thousands of homes lost power across three counties.\n"
    "Repair crews worked through the night to restore electricity to the worst-hit towns.\n"
    "The utility said most customers would be reconnected by Wednesday evening at the latest.\n"
    "Schools in the region will stay closed on Tuesday, the education office said.",
    "Thousands of homes lost power across three counties when storms hit the coast on Monday.\n"
    "Schools in the region will stay closed on Tuesday, the education office said.\n"
    "Forecasters warned that a second band of heavy rain could arrive by Thursday morning.",
    "Storms hit the coast on Monday and thousands of homes lost power across three counties.\n"
    "Repair crews worked through the night to restore electricity to the worst-hit towns.\n"
    "One man was taken to hospital after a tree fell on his car near the harbour.",
]


def test_summarize_cluster_is_verbatim_and_never_repeats_itself():
    out = briefing.summarize_cluster(STORM, words=80)
    assert out
    for s in out:
        assert any(s in text for text in STORM)  # copied, never rewritten
    assert len(out) == len(set(out))
    for i in range(len(out)):
        for j in range(i + 1, len(out)):
            assert not same_point(out[i], out[j])
    assert sum(len(s.split()) for s in out) <= 80
    # the sentence three outlets carry comes first; the copies of it do not come back
    assert out[0].startswith(("Storms hit the coast", "Thousands of homes lost power"))
    assert not any(s.startswith("Thousands of homes") for s in out[1:])


@pytest.mark.skipif(not EVAL_DATA.is_dir(), reason=f"evaluation data not found at {EVAL_DATA}")
def test_summarize_cluster_on_real_clusters_is_verbatim_and_non_redundant():
    from briefing.evaluate.data import load_multinews
    from briefing.ingest import InputSkipped, article_from_text

    def cleaned_text(t: str) -> str:
        try:
            return article_from_text(t).text
        except InputSkipped:  # a page notice ("The IP address has changed"): no article text
            return ""

    clusters = load_multinews(EVAL_DATA / "multi-news" / "clusters.tsv")[:6]
    for c in clusters:
        cleaned = [cleaned_text(t) for t in c.documents]
        out = briefing.summarize_cluster(list(c.documents), words=300)
        assert out and sum(len(s.split()) for s in out) <= 300 + 10
        assert all(any(s in text for text in cleaned) for s in out)
        assert not any(same_point(a, b) for k, a in enumerate(out) for b in out[k + 1:])


def test_weights_change_the_choice_and_the_grid_holds_the_shipped_weights():
    assert storysum.DEFAULT_WEIGHTS in storysum.WEIGHT_GRID
    from briefing.evaluate.clustercv import CANDIDATE_GRID

    assert briefing.api.CLUSTER_CANDIDATES in CANDIDATE_GRID  # chosen with the weights, by the same CV
    pool = briefing.api.cluster_pool(STORM)
    assert pool is not None
    lead_only = storysum.StoryWeights(1.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    last_first = storysum.StoryWeights(-1.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    a = [p.text for p in pool.choose(lead_only)]
    b = [p.text for p in pool.choose(last_first)]
    assert a[0].startswith("Storms hit the coast") and a != b
    assert sorted(a) == sorted(b)  # the same candidates, in another order


# --- the story stage goes through the same code path ----------------------------------------------


def test_the_story_stage_orders_points_with_the_story_summarizer(tmp_path, monkeypatch):
    calls: list[int] = []
    real = storysum.StoryPool.order

    def spy(self, *args, **kwargs):
        out = real(self, *args, **kwargs)
        calls.append(len(out))
        return out

    monkeypatch.setattr(storysum.StoryPool, "order", spy)
    brief = briefing.build_brief([_day(tmp_path)], briefing.load_settings(date="2026-11-21", other_news=True))
    assert calls, "a multi-article story was built without briefing.storysum"
    story = next(s for s in brief.stories if "Reuters" in s.outlets)
    texts = [p.text for p in story.points]
    assert len(texts) == len(set(texts))
    assert not any(same_point(a, b) for k, a in enumerate(texts) for b in texts[k + 1:])
    assert all(any(t in body for _, _, body in SANCTIONS) for t in texts)
