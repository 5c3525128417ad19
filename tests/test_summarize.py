"""Summarize: sumy summarizers by name, ratings, section-aware selection, provenance."""

import pytest

from briefing import SUMMARIZERS, SummarizerError, get_summarizer, load_articles, load_sections
from briefing.sections import SectionMatcher
from briefing.sentences import split_sentences
from briefing.summarize import Selector
from conftest import CNN_SEED, REUTERS_SEED


@pytest.fixture(scope="module")
def cnn():
    return load_articles([CNN_SEED]).articles[0]


@pytest.mark.parametrize("name", ["lexrank", "lsa", "textrank", "luhn", "sumbasic"])
def test_each_summarizer_rates_every_sentence(name, cnn):
    sentences = [s.text for s in split_sentences(cnn.text)]
    ratings = get_summarizer(name).rate(sentences)
    assert len(ratings) == len(sentences)
    assert max(ratings) == 1.0 and all(0 < r <= 1 for r in ratings)
    assert len(set(ratings)) > 3  # it discriminates


def test_unknown_summarizer_is_a_clear_error():
    with pytest.raises(SummarizerError, match="choose one of"):
        get_summarizer("gpt")
    assert {"lexrank", "lsa", "textrank", "luhn", "sumbasic"} <= set(SUMMARIZERS)


def test_the_registry_is_one_explicit_dict():
    """SUMMARIZERS in briefing/summarize.py is the whole registry: each name is its class's own,
    every value is a Summarizer, get_summarizer reads it, and an unknown name lists every valid
    one in a BriefingError."""
    import subprocess
    import sys

    from briefing import BriefingError
    from briefing.rating import Summarizer

    assert {"newsrank", "lexrank", "lsa", "lead"} <= set(SUMMARIZERS)
    for name, cls in SUMMARIZERS.items():
        assert issubclass(cls, Summarizer) and cls.name == name
        assert type(get_summarizer(name.upper())) is cls
    with pytest.raises(BriefingError) as info:
        get_summarizer("nope")
    for name in SUMMARIZERS:
        assert name in str(info.value)
    # the same names whichever module is imported first: nothing registers itself on import
    code = "import briefing.newsrank, briefing.summarize as s; print(','.join(sorted(s.SUMMARIZERS)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == ",".join(sorted(SUMMARIZERS)), out.stderr


def test_points_carry_provenance(cnn):
    spans = split_sentences(cnn.text)
    points = Selector(get_summarizer("lexrank"), sentences=3, per_section=0).select(cnn, spans)
    assert len(points) == 3
    for p in points:
        (c,) = p.citations
        assert c.article_id == cnn.id and c.source == "CNN"
        assert cnn.text[c.start : c.end] == p.text == spans[c.sentence].text
        assert 0 < p.score <= 1 and p.method == "lexrank"


def test_sentences_per_article_is_respected(cnn):
    spans = split_sentences(cnn.text)
    for n in (1, 4, 7):
        assert len(Selector(get_summarizer("luhn"), sentences=n, per_section=0).select(cnn, spans)) == n


def test_section_aware_selection_finds_burden_sharing(cnn):
    spans = split_sentences(cnn.text)
    plain = Selector(get_summarizer("lexrank"), sentences=5, per_section=0).select(cnn, spans)
    aware = Selector(
        get_summarizer("lexrank"), SectionMatcher(load_sections()), sentences=5, per_section=2
    ).select(cnn, spans)
    wanted = ("increase their financial contributions", "the pledge guidelines")
    assert not all(any(w in p.text for p in plain) for w in wanted), "plain top-5 already has them"
    for w in wanted:
        (p,) = [p for p in aware if w in p.text]
        assert p.topics[0][0] == "nato_burden_sharing"


def test_reuters_seed_summary_is_verbatim():
    art = load_articles([REUTERS_SEED]).articles[0]
    points = Selector(get_summarizer("lsa"), sentences=4, per_section=0).select(art, split_sentences(art.text))
    assert all(p.text in art.text for p in points)


def test_whole_quotes_never_picks_a_piece_of_a_quotation(cnn):
    from briefing.summarize import quotes_balanced

    spans = split_sentences(cnn.text)
    pieces = [s.text for s in spans if not quotes_balanced(s.text)]
    assert any(t.startswith("As we have repeated") for t in pieces)
    points = Selector(
        get_summarizer("lexrank"), SectionMatcher(load_sections()), sentences=len(spans), whole_quotes=True
    ).select(cnn, spans)
    assert points and all(quotes_balanced(p.text) for p in points)
    assert not any(p.text in pieces for p in points)
