"""The library entry points the evaluation measures: summarize_article, summarize_cluster,
same_point (with point_similarity behind it), and the NewsRank summarizer."""

from __future__ import annotations

import pytest

import briefing
from briefing.errors import SummarizerError
from briefing.samepoint import DEFAULT_THRESHOLD, point_similarity, same_point
from briefing.newsrank import NewsRank
from briefing.samepoint import overlap_coefficient, sentence_info
from briefing.sentences import to_words
from briefing.settings import Settings
from briefing.summarize import SUMMARIZERS

ARTICLE = """BRUSSELS (Reuters) - European Union leaders agreed on Thursday to extend economic sanctions against Russia for another six months.
The decision keeps in place measures against Russia's banking, energy and defence sectors until the end of July.
"We will not lift sanctions until the Minsk agreements are fully implemented," the summit chairman told reporters.
Follow us on Twitter for the latest news from the summit and sign up for our newsletter.
Several leaders had argued for a softer line, pointing to the cost of the measures for European exporters.
Italy and Hungary said the sanctions should be reviewed in the summer if the fighting in eastern Ukraine stops.
Reporting by Jan Strupczewski; Editing by Alison Williams
"""

SYNDICATED = """LONDON (AP) - European Union leaders agreed on Thursday to extend economic sanctions against Russia for another six months.
Germany's chancellor said the bloc remained united on the question of sanctions after a long night of talks.
The leaders also discussed migration and the bloc's budget for the next seven years at the two-day summit.
"""


def test_summarize_article_in_article_order_and_cleaned():
    out = briefing.summarize_article(ARTICLE, sentences=3)
    assert len(out) == 3
    cleaned = briefing.ingest.article_from_text(ARTICLE).text
    positions = [cleaned.index(s) for s in out]
    assert positions == sorted(positions)  # article order
    assert not any("(Reuters)" in s or "Reporting by" in s for s in out)  # cleaned as the pipeline cleans
    assert not any("Follow us" in s for s in out)  # boilerplate is never worth a place


def test_summarize_article_method_and_defaults():
    lead = briefing.summarize_article(ARTICLE, sentences=2, method="lead")
    assert lead[0].startswith("European Union leaders agreed") and lead[1].startswith("The decision keeps")
    default_n = Settings.model_fields["sentences"].default
    assert len(briefing.summarize_article(ARTICLE)) == min(default_n, 5)
    assert briefing.summarize_article("") == []
    with pytest.raises(SummarizerError):
        briefing.summarize_article(ARTICLE, method="no-such-method")


def test_summarize_cluster_merges_and_keeps_the_budget():
    out = briefing.summarize_cluster([ARTICLE, SYNDICATED], words=60)
    assert sum(len(to_words(s)) for s in out) <= 60
    assert sum("agreed on Thursday to extend economic sanctions" in s for s in out) == 1  # stated once
    # the point both articles state (corroborated) comes first
    assert "extend economic sanctions" in out[0]
    for i, a in enumerate(out):
        for b in out[i + 1 :]:
            assert not same_point(a, b)
    longer = briefing.summarize_cluster([ARTICLE, SYNDICATED], words=300)
    assert len(longer) > len(out)
    assert briefing.summarize_cluster([]) == []
    with pytest.raises(SummarizerError):
        briefing.summarize_cluster([ARTICLE], words=0)


def test_same_point_outcomes_numbers_names_negation():
    a = "EU leaders said sanctions against Russia will remain in place until the Minsk agreements are implemented."
    assert not same_point(a, a.replace("will remain in place", "will be lifted"))
    assert not same_point("Sanctions will remain.", "Sanctions will be lifted.")
    assert not same_point(a, a.replace("will remain", "will not remain"))
    assert not same_point(
        "Britain will send 200 more troops to Estonia next year.",
        "Britain will send 800 more troops to Estonia next year.",
    )
    assert not same_point("Merkel met Macron in Berlin on Tuesday.", "Merkel met Putin in Berlin on Tuesday.")
    assert same_point(
        "Britain will send 200 more troops to Estonia next year, the defence ministry said on Monday.",
        "Britain will send 200 more troops to Estonia next year, the UK defence ministry said Monday.",
    )
    assert same_point(
        "Tillerson said US sanctions against Russia will remain in place until Moscow reverses its actions in Ukraine.",
        "U.S. sanctions against Russia will remain in place until Moscow reverses its actions in Ukraine, Tillerson said.",
    )


def test_point_similarity_never_exceeds_the_overlap_coefficient():
    """The merger's candidate blocking is lossless only while this bound holds."""
    sentences = [
        "EU leaders agreed on Thursday to extend economic sanctions against Russia for six months.",
        "Economic sanctions against Russia were extended by six months on Thursday.",
        "The leaders also discussed migration at the summit.",
        "Russia said the sanctions were illegal and would fail.",
        "Germany's chancellor said the bloc remained united.",
    ]
    for a in sentences:
        assert point_similarity(a, a) == 1.0
        for b in sentences:
            if a != b:
                s = point_similarity(a, b)
                assert 0.0 <= s <= overlap_coefficient(sentence_info(a).content, sentence_info(b).content)
                assert s == point_similarity(b, a)


def test_thresholds_and_default_summarizer_in_step():
    assert Settings.model_fields["merge_threshold"].default == DEFAULT_THRESHOLD
    assert Settings.model_fields["summarizer"].default == "newsrank"
    assert SUMMARIZERS["newsrank"] is NewsRank


def test_newsrank_uses_position_quality_and_boilerplate():
    body = [
        "The central bank raised interest rates by half a point on Wednesday to fight rising inflation.",
        "Follow us on Twitter and sign up for our daily newsletter for more updates from the markets.",
        "Why?",
        "Economists had expected the central bank to raise interest rates to fight inflation this year.",
        "Officials said inflation remained far above the bank's target despite earlier increases in rates.",
    ]
    ratings = NewsRank().rate(body)
    assert len(ratings) == len(body) and all(0 < r <= 1 for r in ratings) and max(ratings) == 1.0
    assert ratings[0] == 1.0  # the lead sentence, central and informative
    assert ratings[1] == min(ratings[:2] + ratings[3:])  # boilerplate below every real sentence
    assert ratings[2] < ratings[3]  # a bare question carries nothing
    # position: the same sentence later in the article is worth less
    same = ["Rates rose sharply across the region after the central bank moved on Wednesday."] * 2
    assert NewsRank(centrality=0.0).raw_scores(same)[0] > NewsRank(centrality=0.0).raw_scores(same)[1]
    assert NewsRank().rate([]) == []
