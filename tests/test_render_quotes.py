"""Key quotes: direct quotations whose sentence names the speaker, deduplicated like points."""

from __future__ import annotations

import pytest

import briefing
from briefing.models import SourceRef
from briefing.quotes import QuoteFinder, find_quotes
from briefing.sentences import split_sentences


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("“We hope we can close those gaps in the mandate soon,” Tillerson said.",
         [("Tillerson", "We hope we can close those gaps in the mandate soon")]),
        ("“We hope we can close those gaps in the mandate soon,” said Rex Tillerson.",
         [("Rex Tillerson", "We hope we can close those gaps in the mandate soon")]),
        ("“Our goal should be to agree at the May leaders meeting,” Tillerson told the ministers.",
         [("Tillerson", "Our goal should be to agree at the May leaders meeting")]),
        ("Alexey Pushkov, a senior Russian lawmaker, tweeted, “New US administration sounds just like the old one.”",
         [("Alexey Pushkov", "New US administration sounds just like the old one.")]),
        ('"People are still dying every day from that violence," Tillerson said on Wednesday.',
         [("Tillerson", "People are still dying every day from that violence")]),
    ],
)
def test_quotes_with_a_named_speaker(sentence, expected):
    assert find_quotes(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "“We hope we can close those gaps in the mandate soon,” he said.",  # pronoun: not named
        "“It won’t be possible to make a deal with them now,” the officials said.",  # unnamed group
        "At his hearings, Tillerson called Russia’s claims on Crimea “illegitimate.”",  # scare quote
        "Mattis called out the Putin regime for “mucking around” in other elections, officials said.",
        "We hope we can close those gaps, Tillerson said.",  # no quotation marks
    ],
)
def test_not_a_key_quote(sentence):
    assert find_quotes(sentence) == []


def _ref(i: str, source: str) -> SourceRef:
    return SourceRef(id=i, source=source, title=f"story {i}")


def test_same_quote_from_two_outlets_is_one_quote_citing_both():
    finder = QuoteFinder(max_quotes=5)
    a = "Ministers met on Friday.\n“We will uphold the agreements we have made to defend our allies,” Tillerson said."
    b = "“We will uphold the agreements we have made to defend our allies,” Tillerson told reporters in Brussels."
    c = "“Russia is choosing to be a strategic competitor right now,” Mattis said."
    for i, (text, source) in enumerate([(a, "CNN"), (b, "AP"), (c, "BBC")]):
        finder.add(_ref(str(i), source), split_sentences(text))
    quotes = finder.quotes()
    assert [(q.speaker, q.sources) for q in quotes] == [("Tillerson", ("CNN", "AP")), ("Mattis", ("BBC",))]


def test_a_quotation_split_into_sentences_is_read_whole():
    text = "“Support for Ukraine remains steadfast. Allies stand firm in our support of its sovereignty,” Tillerson said."
    finder = QuoteFinder()
    finder.add(_ref("x", "CNN"), split_sentences(text))
    (quote,) = finder.quotes()
    assert quote.text == "Support for Ukraine remains steadfast. Allies stand firm in our support of its sovereignty"


def test_at_most_max_quotes_and_two_per_speaker():
    lines = [
        "“Sanctions will remain in place until Moscow reverses its actions in Ukraine,” Tillerson said.",
        "“Allies must spend two percent of their economic output on defence by next year,” Tillerson said.",
        "“Peacekeepers could end the hostilities and allow trade to resume along the border,” Tillerson said.",
        "“Russia is choosing to be a strategic competitor on every front right now,” Mattis said.",
        "“The council will vote on a new resolution about the ceasefire monitors next week,” Haley said.",
        "“Our deterrence posture in the Baltic states is stronger than it has ever been,” Stoltenberg said.",
        "“Britain will send four more fighter jets to patrol the skies over Romania,” Fallon said.",
    ]
    finder = QuoteFinder(max_quotes=4)
    for i, line in enumerate(lines):
        finder.add(_ref(str(i), f"Outlet {i}"), split_sentences(line))
    quotes = finder.quotes()
    assert len(quotes) == 4
    assert sum(q.speaker == "Tillerson" for q in quotes) == 2


def test_seed_brief_quotes_are_verbatim_and_attributed(seed_brief):
    from conftest import CNN_SEED, REUTERS_SEED

    texts = {"CNN": CNN_SEED.read_text(encoding="utf-8"), "Reuters": REUTERS_SEED.read_text(encoding="utf-8")}
    assert 1 <= len(seed_brief.quotes) <= 5
    for q in seed_brief.quotes:
        assert q.speaker[0].isupper() and q.speaker.split()[0] not in {"He", "She", "They"}
        assert all(q.text in texts[s] for s in q.sources)
        assert q.speaker in texts[q.sources[0]]


def test_quotes_setting_zero_turns_them_off(tmp_path):
    from conftest import SEEDS

    brief = briefing.build_brief([SEEDS], briefing.load_settings(quotes=0))
    assert brief.quotes == ()


def test_quotes_already_bullets_are_left_out():
    text = (
        "“Sanctions will remain in place until Moscow reverses its actions in Ukraine,” Tillerson said.\n"
        "“Russia is choosing to be a strategic competitor on every front right now,” Mattis said."
    )
    spans = split_sentences(text)
    finder = QuoteFinder(max_quotes=1)
    finder.add(_ref("x", "CNN"), spans)
    assert finder.quotes()[0].speaker == "Tillerson"  # the first in its article, unless...
    first = spans[0]
    cite = briefing.Citation(article_id="x", source="CNN", sentence=0, start=first.start, end=first.end)
    bullet = briefing.Point(text=first.text, score=1.0, citations=(cite,))
    assert finder.quotes([bullet])[0].speaker == "Mattis"  # ...it is already a bullet
    both = QuoteFinder(max_quotes=5)
    both.add(_ref("x", "CNN"), spans)
    assert [q.speaker for q in both.quotes([bullet])] == ["Mattis"]  # never said twice
