"""Sentence splitting: offline, with offsets; abbreviations, initials and quotes handled."""

import pytest

from briefing.clean import clean_text
from briefing.sentences import split_sentences, to_sentences
from conftest import CNN_SEED, REUTERS_SEED


@pytest.mark.parametrize(
    "text, expected",
    [
        ("U.S. officials met U.N. envoys on Monday. They agreed.", 2),
        ("On Jan. 5 Gen. Smith met H.R. McMaster in Washington.", 1),
        ("He lives in the U.S. The next day he left.", 2),
        ("Tillerson called the claims “illegitimate.” His comments echo Haley.", 2),
        ("He said, “We will continue. The sanctions will remain.” Then he left.", 3),
        ("Is it over? Nobody knows! The talks resume.", 3),
    ],
)
def test_split_counts(text, expected):
    assert len(to_sentences(text)) == expected, to_sentences(text)


def test_offsets_point_into_text():
    text = "First line here.\nSecond line, with U.S. officials. And a third."
    spans = split_sentences(text)
    assert [s.index for s in spans] == [0, 1, 2]
    for s in spans:
        assert text[s.start : s.end] == s.text


def _seed_sentences(path):
    return [s.text for s in split_sentences(clean_text(path.read_text(encoding="utf-8")).text)]


def test_reuters_seed_initialisms_not_split():
    sents = _seed_sentences(REUTERS_SEED)
    assert len(sents) == 22
    assert sents[0].startswith("U.S. Secretary of State")
    assert any("deploy U.N. troops to eastern Ukraine" in s for s in sents)
    assert not any(s in {"U.S.", "U.N."} for s in sents)
    assert all(not s.startswith(("S.", "N.")) for s in sents)


def test_cnn_seed_names_and_quotes():
    sents = _seed_sentences(CNN_SEED)
    mcmaster = [s for s in sents if "McMaster" in s]
    assert len(mcmaster) == 1 and "H.R. McMaster" in mcmaster[0]
    assert "At his confirmation hearings in January, Tillerson called Russia’s claims on Crimea “illegitimate.”" in sents
    # a quotation with an inner quote and parentheses stays one sentence
    assert any(s.endswith("Clinton must be happy.”") and s.startswith("In response to Mattis") for s in sents)
    # every sentence ends with terminal punctuation (optionally a closing quote)
    assert all(s.rstrip("”’\")").endswith((".", "?", "!")) for s in sents)


def test_no_download_and_no_punkt_needed(monkeypatch, tmp_path):
    """Splitting and summarizing work with NLTK data unavailable and downloads forbidden."""
    import nltk

    def forbidden(*a, **k):
        raise AssertionError("nltk.download() must never be called")

    monkeypatch.setattr(nltk, "download", forbidden)
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    from briefing.summarize import get_summarizer

    text = clean_text(REUTERS_SEED.read_text(encoding="utf-8")).text
    ratings = get_summarizer("lexrank").rate(to_sentences(text))
    assert len(ratings) == 22 and max(ratings) == 1.0


def test_middle_initials_ranks_and_case_names_do_not_end_sentences():
    text = (
        "A famous photograph showing General Ulysses S. Grant astride his horse is a composite. "
        "Investigators made the determination, Det.-Sgt. Susan Gomes said. "
        "In Whole Woman's Health v. Hellerstedt, the court ruled against Texas. "
        "He lives in the U.S. The rest of his family does not."
    )
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "A famous photograph showing General Ulysses S. Grant astride his horse is a composite.",
        "Investigators made the determination, Det.-Sgt. Susan Gomes said.",
        "In Whole Woman's Health v. Hellerstedt, the court ruled against Texas.",
        "He lives in the U.S.",
        "The rest of his family does not.",
    ]


def test_sentences_glued_without_a_space_are_split_but_initials_and_domains_are_not():
    text = 'Experts said it is overdue."The stress is building," Graves said.Most quakes were big. He moved to St.Louis. Visit CNN.com today.'
    assert [s.text for s in split_sentences(text)] == [
        "Experts said it is overdue.",
        '"The stress is building," Graves said.',
        "Most quakes were big.",
        "He moved to St.Louis.",
        "Visit CNN.com today.",
    ]


def test_right_honourable_is_no_sentence_end():
    """Saved pages, set H (stop 21): "Grenada’s Prime Minister ..., Dr the Rt. Hon. Dickon Mitchell, ..."
    was cut after "Rt."."""
    from briefing.sentences import to_sentences

    text = ("Grenada’s Prime Minister and Chairman of the OECS Authority, Dr the Rt. Hon. Dickon Mitchell, attended "
            "a roundtable in Barbados. He spoke on Monday.")
    assert len(to_sentences(text)) == 2


def test_a_sentence_glued_to_one_opening_on_a():
    """Stop 22, set N: "... topped the list for several years.A series of incidents ..." was one sentence."""
    text = "The state has topped the list for several years.A series of incidents from across the state have emerged."
    assert to_sentences(text) == ["The state has topped the list for several years.",
                                  "A series of incidents from across the state have emerged."]
    assert len(to_sentences("He moved to the U.S.A in 1990 and found work.")) == 1
