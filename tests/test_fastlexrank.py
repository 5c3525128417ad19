"""FastLexRank must pick exactly the sentences sumy's LexRankSummarizer picks."""

from __future__ import annotations

import html
import math
import xml.etree.ElementTree as ET

import pytest

from briefing.fastlexrank import lexrank_scores, similarity_matrix
from briefing.ingest import load_articles
from briefing.sections import SectionMatcher, load_sections
from briefing.sentences import split_sentences, to_sentences
from briefing.summarize import SUMMARIZERS, FastLexRank, LexRank, Selector, _eligible, get_summarizer

from conftest import EVAL_DATA, SEEDS

CNN_DIR = EVAL_DATA / "cnn-corpus"


def _candidates(text: str) -> list[str]:
    """The sentences the Selector hands a summarizer."""
    return [s.text for s in split_sentences(text)[:150] if _eligible(s, 6, 80)]


def _cnn_text(path) -> str:
    root = ET.parse(path).getroot()
    paragraphs = []
    for para in root.iter("paragraph"):
        sentences = [html.unescape((c.text or "").replace("&apost;", "'")).strip() for c in para.iter("content")]
        paragraphs.append(" ".join(s for s in sentences if s))
    return "\n".join(p for p in paragraphs if p)


def _sumy_raw(sentences: list[str]) -> list[float]:
    """sumy's own LexRank scores, captured the way briefing.summarize captures them."""
    captured: dict[str, list[float]] = {}
    summarizer = LexRank()._make()
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    from briefing.summarize import _Tokenizer

    doc = ObjectDocumentModel([Paragraph([SumySentence(s, _Tokenizer()) for s in sentences])])

    def capture(doc_sentences, count, rating, *args, **kwargs):
        captured["r"] = [float(rating[s]) for s in doc_sentences]
        return ()

    summarizer._get_best_sentences = capture
    summarizer(doc, len(sentences))
    return captured["r"]


def test_registry_lexrank_is_the_fast_one_and_sumy_is_kept():
    assert SUMMARIZERS["lexrank"] is FastLexRank
    assert SUMMARIZERS["lexrank-sumy"] is LexRank
    assert get_summarizer("lexrank").name == "lexrank"
    assert get_summarizer("lexrank-sumy").name == "lexrank-sumy"


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_same_scores_and_selection_as_sumy_on_seeds(seed):
    article = load_articles([seed]).articles[0]
    sentences = _candidates(article.text)
    assert len(sentences) > 5
    fast_raw = lexrank_scores(sentences)
    sumy_raw = _sumy_raw(sentences)
    assert fast_raw == pytest.approx(sumy_raw, rel=1e-9, abs=1e-12)
    assert FastLexRank().rate(sentences) == LexRank().rate(sentences)

    spans = split_sentences(article.text)
    matcher = SectionMatcher(load_sections())
    fast_points = Selector(FastLexRank(), matcher, sentences=5, per_section=2).select(article, spans)
    sumy_points = Selector(LexRank(), matcher, sentences=5, per_section=2).select(article, spans)
    assert [p.citations[0].sentence for p in fast_points] == [p.citations[0].sentence for p in sumy_points]
    assert [p.score for p in fast_points] == [p.score for p in sumy_points]


@pytest.mark.skipif(not CNN_DIR.is_dir(), reason=f"CNN corpus not found at {CNN_DIR} (../shared/eval-data)")
def test_same_ratings_as_sumy_on_cnn_corpus_sample():
    files = sorted(CNN_DIR.glob("*.xml"))[::12]  # about 85 articles spread over the categories
    assert len(files) >= 50
    compared = 0
    for path in files:
        sentences = _candidates(_cnn_text(path))
        if len(sentences) < 2:
            continue
        fast, ref = FastLexRank().rate(sentences), LexRank().rate(sentences)
        assert fast == ref, f"{path.name}: rankings differ"
        top = sorted(range(len(fast)), key=lambda i: (-fast[i], i))[:5]
        assert top == sorted(range(len(ref)), key=lambda i: (-ref[i], i))[:5]
        compared += 1
    assert compared >= 50


@pytest.mark.parametrize(
    "sentences",
    [
        ["Only one sentence here about the sanctions on Russia."],
        # duplicates: sumy keys its ratings by text, so identical sentences share one rating
        [
            "The ministers met in Brussels on Tuesday to discuss sanctions.",
            "Oil prices rose sharply after the announcement in Vienna.",
            "The ministers met in Brussels on Tuesday to discuss sanctions.",
            "Sanctions on Russian banks will remain in place, ministers said.",
        ],
        # a sentence of stop words only has no terms; another shares every term with all others
        [
            "It is what it is and that is all there is to it.",
            "Russia Russia Russia sanctions.",
            "Russia sanctions talks continue.",
            "Russia sanctions were extended again.",
        ],
        # terms in every sentence get idf < 0, and in all but one idf == 0 (sumy's log(N/(1+n)))
        [
            "NATO allies agreed on spending targets.",
            "NATO allies disagreed on spending targets.",
            "NATO allies debated the targets.",
        ],
    ],
    ids=["single", "duplicates", "stopwords-only", "negative-idf"],
)
def test_edge_cases_match_sumy(sentences):
    fast_raw = lexrank_scores(sentences)
    sumy_raw = _sumy_raw(sentences)
    assert len(fast_raw) == len(sentences)
    for f, s in zip(fast_raw, sumy_raw):
        assert (math.isnan(f) and math.isnan(s)) or f == pytest.approx(s, rel=1e-9, abs=1e-12)
    assert FastLexRank().rate(sentences) == LexRank().rate(sentences)


@pytest.mark.filterwarnings("ignore:invalid value encountered in divide:RuntimeWarning")  # sumy's 0/0
def test_all_stopword_article_is_rated_without_error():
    sentences = ["It is what it is.", "And so it was, and so it is."]
    ratings = FastLexRank().rate(sentences)
    assert ratings == LexRank().rate(sentences)
    assert len(ratings) == 2


def test_similarity_is_symmetric_with_unit_diagonal():
    sentences = to_sentences(
        "Sanctions on Russia were extended by the EU. The EU extended sanctions on Russian banks. "
        "Oil prices fell in Asian trading. Ministers met in Vienna on Friday. "
        "Gas flows through Ukraine resumed."
    )
    sim = similarity_matrix(sentences)
    assert sim.shape == (5, 5)
    assert (abs(sim - sim.T) < 1e-12).all()
    # a term in 2 of 5 sentences has idf log(5/3) > 0: the first two sentences are linked
    assert sim[0, 1] > 0.1 and sim[0, 2] == 0.0 and sim[2, 3] == 0.0
    assert all(abs(sim[i, i] - 1.0) < 1e-9 for i in range(5))


def test_empty_input():
    assert lexrank_scores([]) == []
    assert FastLexRank().rate([]) == []
