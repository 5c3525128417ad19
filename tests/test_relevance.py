"""Relevance: a sentence joins a section only on enough evidence; sections stand alone (issue 11)."""

from __future__ import annotations

import re

import pytest
from conftest import EVAL_DATA, SEEDS

import briefing
from briefing import ConfigError, Router, load_sections
from briefing.models import Citation, Point, Story
from briefing.sections import SectionMatcher, rarity, term_key


@pytest.fixture(scope="module")
def matcher():
    return SectionMatcher(load_sections())


def _user_sections(tmp_path, body):
    f = tmp_path / "s.toml"
    f.write_text(body, encoding="utf-8")
    return load_sections(f)


# ---- matching words -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "a, b",
    [("sanction", "sanctions"), ("sanction", "sanctioned"), ("meddle", "meddling"), ("meddled", "meddle"),
     ("ally", "allies"), ("election", "elections"), ("Ukraine", "Ukraine's"), ("pledge", "pledges")],
)
def test_inflections_share_a_key(a, b):
    assert term_key(a) == term_key(b)


@pytest.mark.parametrize(
    "a, b",
    [("review", "reviewers"), ("review", "reviewer"), ("contribution", "contributed"),
     ("contribution", "contributing"), ("new", "news"), ("interfere", "interference")],
)
def test_derived_words_are_other_words(a, b):
    assert term_key(a) != term_key(b)


def test_reviewers_never_match_review(tmp_path):
    specs = _user_sections(
        tmp_path, '[[section]]\nkey="audit"\ntitle="Audit"\nmin_score=2\n[section.terms]\nreview=5\n'
    )
    m = SectionMatcher(specs)
    assert m.topics("Reviewers praised the film at its premiere.") == ()
    assert m.scores("Reviewers praised the film at its premiere.")["audit"] == 0
    assert [k for k, _ in m.topics("The review of the contract was published on Monday.")] == ["audit"]


def test_rarity_comes_from_the_packaged_table():
    # "said" is in nearly every news article, "Donbas" in almost none: the table must know that.
    assert rarity(term_key("said")) < 0.3
    assert rarity(term_key("government")) < 1.0
    assert rarity(term_key("donbas")) == 1.0
    assert rarity(term_key("zzqxnotaword")) == 1.0


# ---- the evidence rule --------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Simple human error also contributed to the blackouts, the grid operator said.",
        "Parents can make contributions of up to 1,200 pounds a year to the child's account.",
        "The fighters pledged allegiance to ISIS in a video released on Sunday.",
        "The donors pledged fresh money for the flood victims at Monday's conference.",
        "Film reviewers praised the director's new budget thriller.",
        "The chancellor will present his budget to parliament before the election.",
        "Voters in the general election will be asked about public spending.",
        "Consumer spending accounts for about two thirds of the economy.",
    ],
)
def test_generic_words_alone_never_route(matcher, text):
    assert matcher.topics(text) == ()


@pytest.mark.parametrize(
    "text, key",
    [
        ("NATO allies argued over burden sharing at the summit in Brussels.", "nato_burden_sharing"),
        ("Trump told Nato allies to spend more on defence at talks in Brussels in May.", "nato_burden_sharing"),
        ("Only five of 29 NATO members meet the alliance's 2% of GDP defense spending goal.", "nato_burden_sharing"),
        ("Russian hackers meddled in the election, the intelligence agencies concluded.", "election_interference"),
        ("Separatists shelled Donetsk again overnight, the army in Kyiv said.", "ukraine"),
        ("The EU extended its sanctions against Russian banks and energy firms.", "sanctions"),
        ("The earlier measures included asset freezes and travel bans.", "sanctions"),
    ],
)
def test_phrases_and_several_rare_terms_route(matcher, text, key):
    topics = matcher.topics(text)
    assert topics and topics[0][0] == key


def test_a_shared_term_never_decides_the_section(matcher):
    # "Russia" is listed by two sections: it tells the brief's topic, not which section.
    assert matcher.topics("Russia, Moscow and the Kremlin were in the news, Putin said.") == ()
    assert matcher.topics("Sanctions will remain until Moscow leaves Crimea.")[0][0] == "sanctions"


def test_excluded_terms_veto_a_section(tmp_path):
    specs = _user_sections(
        tmp_path,
        '[[section]]\nkey="aid"\ntitle="Aid"\nmin_score=2\nexclude=["allegiance", "child trust fund"]\n'
        "[section.terms]\npledge=2\ncontributions=2\ndonors=2\n",
    )
    m = SectionMatcher(specs)
    assert [k for k, _ in m.topics("Donors pledged contributions to the fund.")] == ["aid"]
    assert m.topics("Donors pledged allegiance to the group.") == ()
    assert m.topics("Donors pledged contributions to the Child Trust Fund.") == ()
    assert m.scores("Donors pledged contributions to the Child Trust Fund.")["aid"] == 0


def test_default_sections_exclude_childcare_and_allegiance(matcher):
    assert matcher.topics(
        "NATO allies may pay contributions into a child trust fund, the pledge says, to meet 2 percent."
    ) == ()
    assert [k for k, _ in matcher.topics(
        "NATO allies pledged contributions to meet the 2 percent goal."
    )] == ["nato_burden_sharing"]


def test_default_sanctions_exclude_a_doping_sanction(matcher):
    """Stop 26, a brief of Dragnet set D19: a post on Lance Armstrong's doping charges ("... no "evidence" to support
    the sanction, ... the information provided by USADA ...") sat in Sanctions."""
    assert matcher.topics("Supporters say there is no evidence to support the sanction the USADA imposed on him.") == ()
    assert [k for k, _ in matcher.topics("The EU extended its sanctions on Russia's banks on Monday.")] == ["sanctions"]


def test_blank_exclude_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="exclude"):
        _user_sections(tmp_path, '[[section]]\nkey="a"\ntitle="A"\nexclude=[" "]\n[section.terms]\nx=3\n')


# ---- routing stories -----------------------------------------------------------------------

def _pt(text, score, matcher, article="a1", source="Reuters", sentence=0):
    return Point(
        text=text, score=score, topics=matcher.topics(text),
        citations=(Citation(article_id=article, source=source, sentence=sentence, start=0, end=1),),
    )


def test_points_without_evidence_join_no_section_and_key_point_is_on_topic(matcher):
    lead = _pt("The minister arrived in Brussels on Tuesday for two days of talks with his counterparts.", 0.9, matcher, sentence=0)
    fact = _pt("The EU extended its sanctions against Russian banks and energy firms until July.", 0.6, matcher, sentence=5)
    detail = _pt("The package bans transshipment of Russian gas through European ports.", 0.55, matcher, sentence=6)
    aside = _pt("He later visited a chocolate factory and a museum near the Grand Place.", 0.5, matcher, sentence=12)
    elsewhere = _pt("Markets were calm on Friday, traders said in a note to clients.", 0.5, matcher, article="a2", sentence=5)
    assert not (lead.topics or detail.topics or aside.topics or elsewhere.topics)
    story = Story(id="s1", headline="t", articles=("a1", "a2"), outlets=("Reuters",), lead=lead,
                  supporting=(fact, detail, aside, elsewhere), topics=fact.topics, weight=1.0)
    key, sections, _ = Router(load_sections()).route_stories([story])
    placed = [p.text for s in sections for p in s.points]
    # the next sentence continues the on-topic one; the off-topic lead, the aside and another
    # article's sentence are not carried into the section by their story
    assert placed == [fact.text, detail.text]
    assert [p.text for p in key] == [fact.text]


def test_a_point_the_selector_found_leaning_only_ever_leads(matcher):
    fact = _pt("The EU extended its sanctions against Russian banks and energy firms until July.", 0.6, matcher)
    leaning = _pt("The package also bans transshipment of sanctioned Russian gas through European ports.",
                  0.9, matcher, sentence=4).model_copy(update={"stands_alone": False})
    assert leaning.topics and fact.topics
    story = Story(id="s3", headline="t", articles=("a1",), outlets=("Reuters",), lead=leaning,
                  supporting=(fact,), topics=fact.topics, weight=1.0)
    key, sections, shown = Router(load_sections()).route_stories([story])
    sanctions = next(s for s in sections if s.key == "sanctions")
    assert [p.text for p in sanctions.points] == [fact.text]  # not beneath the fact that stands
    assert [p.text for p in key] == [fact.text]
    alone = Story(id="s4", headline="t", articles=("a1",), outlets=("Reuters",), lead=leaning,
                  topics=leaning.topics, weight=1.0)
    key, sections, _ = Router(load_sections()).route_stories([alone])
    # the section's only material on the story: it leads rather than the section losing the story
    assert [p.text for s in sections for p in s.points] == [leaning.text]
    assert key == ()  # but it is no key point: those are read alone at the top of the brief
    off = _pt("Markets were calm on Friday, traders said in a note to clients.", 0.5, matcher, sentence=0)
    other = Story(id="s5", headline="t", articles=("a1",), outlets=("Reuters",),
                  lead=off.model_copy(update={"stands_alone": False}),
                  supporting=(_pt("Oil prices rose two percent in London trading on Friday.", 0.4, matcher, sentence=2),),
                  weight=1.0)
    _, sections, _ = Router(load_sections(), other_news=True).route_stories([other])
    shown_other = next(s for s in sections if s.key == "other-news").stories[0]
    # a story shown whole leads with what stands alone, and shows nothing leaning beneath it
    assert shown_other.lead.text.startswith("Oil prices") and shown_other.supporting == ()
    tweet = _pt("They are spending too much time trying to prove collusion - there is no collusion.", 0.5,
                matcher, sentence=2).model_copy(update={"stands_alone": False})
    unreadable = Story(id="s6", headline="t", articles=("a1",), outlets=("Reuters",), lead=tweet, weight=1.0)
    _, sections, shown = Router(load_sections(), other_news=True).route_stories([unreadable])
    assert shown == () and all(not s.stories for s in sections)  # nothing of it reads alone: not shown


def test_a_section_leads_with_a_point_that_stands_alone(matcher):
    lean = _pt("His comments on Friday echo earlier calls to keep sanctions on Russia in place.", 0.9, matcher)
    fact = _pt("The EU extended its sanctions against Russian banks and energy firms until July.", 0.6, matcher)
    assert lean.topics and fact.topics
    story = Story(id="s2", headline="t", articles=("a1",), outlets=("Reuters",), lead=lean,
                  supporting=(fact,), topics=fact.topics, weight=1.0)
    _, sections, _ = Router(load_sections()).route_stories([story])
    sanctions = next(s for s in sections if s.key == "sanctions")
    assert [p.text for p in sanctions.points] == [fact.text, lean.text]


# ---- briefs: the seeds, a mixed day, other news -------------------------------------------

OFFTOPIC = {
    "beer.txt": "Craft beer sales rose 20% last year as drinkers turned away from big brands.\n\n"
    "The brewery pledged to double its output and to make contributions to a local charity, its "
    "founder said on Monday.\n\nHuman error also contributed to a spill at the plant, which "
    "reviewers of the safety report described as minor.",
    "hospital.txt": "A judge ruled on Tuesday that the hospital must keep the teenager on life "
    "support while the family's appeal is heard.\n\nThe family's lawyers said the review of her "
    "case by independent doctors had been flawed.\n\nSupporters pledged donations for her care.",
    "tax.txt": "Chancellor Philip Hammond unveiled a tax plan that cuts income tax for low earners before the "
    "election.\n\nVoters will be asked to back the plan, which raises public spending on schools, "
    "at the general election in May.\n\nThe budget also raises pension contributions for employers.",
}


def _key_point_lines(markdown: str) -> list[str]:
    block = markdown.split("## Key points", 1)[1].split("\n## ", 1)[0]
    return [ln[2:] for ln in block.splitlines() if ln.startswith("- ")]


def _seed_texts() -> str:
    return " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def mixed_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("mixed")
    for name, text in OFFTOPIC.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


@pytest.mark.parametrize("other_news", [False, True])
def test_mixed_day_key_points_on_topic(mixed_dir, tmp_path, other_news):
    settings = briefing.load_settings(other_news=other_news, date="2017-12-08")
    brief = briefing.build_brief([SEEDS, mixed_dir], settings)
    out = brief.save_markdown(tmp_path / "brief.md")
    lines = _key_point_lines(out.read_text(encoding="utf-8"))
    seeds = _seed_texts()
    assert lines
    for line in lines:  # read back from the brief: each key point is a seed sentence
        sentence = re.sub(r"\s*\*\([^)]*\)\*.*$", "", line).strip()
        assert sentence[:60] in seeds, line
    off_ids = {s.id for s in brief.sources if s.path and s.path.endswith(tuple(OFFTOPIC))}
    assert len(off_ids) == 3
    titles = [s.title for s in brief.sections]
    in_sections = {c.article_id for s in brief.sections if s.key != "other-news" for p in s.points for c in p.citations}
    assert not (in_sections & off_ids)
    if other_news:
        other = next(s for s in brief.sections if s.title == "Other news")
        assert {c.article_id for p in other.points for c in p.citations} == off_ids
    else:
        assert "Other news" not in titles


@pytest.mark.skipif(not (EVAL_DATA / "cnn-corpus").is_dir(), reason="needs ../shared/eval-data (CNN, BBC)")
def test_mixed_day_from_eval_data(tmp_path):
    from briefing.evaluate.routing import mixed_day

    brief, kps = mixed_day(EVAL_DATA, SEEDS, tmp_path)
    assert kps and all(ok for _, ok in kps), kps


def test_every_seed_section_carries_its_own_main_fact(seed_brief):
    from briefing.route import _stands_alone

    for section in seed_brief.sections:
        first = section.points[0]
        assert section.key in dict(first.topics), (section.title, first.text)
        assert _stands_alone(first), (section.title, first.text)
    sanctions = next(s for s in seed_brief.sections if s.key == "sanctions")
    assert "sanctions against Russia will remain in place" in sanctions.points[0].text
    for kp in seed_brief.key_points:  # a key point never empties the section it came from
        assert any(kp.text == p.text for s in seed_brief.sections for p in s.points)


# ---- the labelled set ----------------------------------------------------------------------

def test_held_out_routing_precision_above_floor():
    """Floors from the held-out half (429 sentences, 96 on a section): shipped precision 87%
    over 79 routed sentences, recall 72%. 80% precision and 60% recall sit about two standard
    errors below (binomial, n=79 and n=96): a change that loses real precision or recall fails,
    noise does not. The matching before issue 11 scored 32% precision on the same sentences."""
    from briefing.evaluate.routing import BEFORE, load_labelled, old_matcher, score

    rows = [r for r in load_labelled() if r.split == "test"]
    assert len(rows) > 300 and sum(r.label != "none" for r in rows) > 80
    now = score(rows, SectionMatcher(load_sections()))["all"]
    before = score(rows, old_matcher(load_sections(BEFORE)))["all"]
    assert now.precision >= 0.80, now
    assert now.recall >= 0.60, now
    assert now.precision > before.precision + 0.3


def test_labelled_set_is_split_by_article():
    from briefing.evaluate.routing import load_labelled

    rows = load_labelled()
    halves = {}
    for r in rows:
        halves.setdefault(r.source, set()).add(r.split)
    assert all(len(v) == 1 for v in halves.values())
    assert {r.label for r in rows} == {"none", "ukraine", "sanctions", "nato_burden_sharing", "election_interference"}


def test_a_section_gets_no_story_that_cannot_lead_it(matcher):
    main = _pt("Separatists shelled Donetsk again overnight, the army in Kyiv said.", 0.9, matcher)
    lean = _pt("They have the ability to impose sanctions on Russian banks.", 0.5, matcher)
    assert dict(lean.topics).get("sanctions")
    story = Story(id="s3", headline="t", articles=("a1",), outlets=("Reuters",), lead=main,
                  supporting=(lean,), topics=main.topics, weight=1.0)
    _, sections, _ = Router(load_sections()).route_stories([story])
    by_key = {s.key: s for s in sections}
    assert [p.text for p in by_key["ukraine"].points] == [main.text]
    assert by_key["sanctions"].points == ()  # "They have ..." alone would lead it: left out


def test_a_section_can_require_one_of_its_words():
    from briefing.models import SectionSpec
    from briefing.sections import SectionMatcher

    spec = SectionSpec(
        key="ei", title="Election interference", min_score=3.0,
        terms={"interference": 3, "meddling": 4}, phrases={"foreign interference": 3},
        requires=("election", "elections", "voters", "dnc"),
    )
    m = SectionMatcher([spec])
    assert m.topics("China said it would allow no foreign interference in Tibet-related affairs.") == ()
    assert m.topics("Officials warned of foreign interference in the coming elections in France.")
    free = SectionMatcher([spec.model_copy(update={"requires": ()})])
    assert free.topics("China said it would allow no foreign interference in Tibet-related affairs.")


def test_a_story_shown_whole_keeps_beneath_its_lead_only_other_openings_and_on_topic_picks(matcher):
    lead = _pt("Senegal has confirmed its first Ebola case, the country's health ministry said on Friday.",
               0.9, matcher, article="a1", sentence=0)
    second = _pt("Senegal is the fifth country in the region where the virus has spread.", 0.6, matcher,
                 article="a1", sentence=1)
    other = _pt("Guinea closed its border with Senegal last week to stop the outbreak spreading, officials said.",
                0.5, matcher, article="a2", sentence=0)
    assert not (lead.topics or second.topics or other.topics)
    story = Story(id="s7", headline="t", articles=("a1", "a2"), outlets=("Reuters",), lead=lead,
                  supporting=(second, other), weight=1.0)
    _, sections, _ = Router(load_sections(), other_news=True).route_stories([story])
    shown = next(s for s in sections if s.key == "other-news").stories[0]
    # the article's own second sentence continues its lead ("the virus"); another outlet's opening stands
    assert shown.lead.text == lead.text and [p.text for p in shown.supporting] == [other.text]


def test_a_pick_opening_on_a_connective_leads_no_section(matcher):
    """The seed brief (stop 21): the CNN article's only election-interference pick, "But Trump
    believes ... that it won’t be possible to “make a deal,” ..., the officials said.", led that
    section's share of the story; a sentence opening on "But" answers one before it. An unnamed
    speaker alone still may lead a section's share."""
    but = _pt("But Trump believes that probes into Russian election meddling make a deal impossible, the officials said.",
              0.9, matcher, sentence=23).model_copy(update={"stands_alone": False})
    assert but.topics
    story = Story(id="s7", headline="t", articles=("a1",), outlets=("CNN",), lead=but, topics=but.topics, weight=1.0)
    _, sections, shown = Router(load_sections()).route_stories([story])
    assert all(not s.stories for s in sections) and shown == ()
    unnamed = _pt("Russia meddled in the election through hacking and disinformation, the officials said.", 0.9, matcher,
                  sentence=23).model_copy(update={"stands_alone": False})
    story = Story(id="s8", headline="t", articles=("a1",), outlets=("CNN",), lead=unnamed, topics=unnamed.topics, weight=1.0)
    _, sections, _ = Router(load_sections()).route_stories([story])
    assert [p.text for s in sections for p in s.points] == [unnamed.text]


def test_a_quotation_opening_on_a_pronoun_leads_no_section_whatever_a_bracket_mends():
    """Stop 23, a mixed day's PNG: Sanctions led with "“That's very much on everybody's mind,” [Condoleezza
    Rice] told reporters ... on new sanctions on Iran." (the bracket named the speaker; what "that" is, the
    bullet never says)."""
    from briefing.models import Edit
    from briefing.route import _stands_alone

    text = ("“That's very much on everybody's mind,” she told reporters on her plane as she flew to a meeting on new "
            "sanctions on Iran.")
    at = text.index("she")
    quote = Point(text=text, score=0.8, edits=(Edit(start=at, end=at + 3, text="[Condoleezza Rice]"),),
                  citations=(Citation(article_id="a1", source="AP", sentence=3, start=0, end=1),))
    assert not _stands_alone(quote) and not _stands_alone(quote, strict=False)
    said = "Rice said the allies would agree new sanctions on Iran, she told reporters on Tuesday."
    at = said.index("she")
    resolved = Point(text=said, score=0.8, edits=(Edit(start=at, end=at + 3, text="[Condoleezza Rice]"),),
                     citations=(Citation(article_id="a1", source="AP", sentence=3, start=0, end=1),))
    assert _stands_alone(resolved, strict=False)


def test_the_brief_never_says_the_same_sentence_twice(matcher):
    """Stop 25, CleanPortalEval: two posts of one series open on the site's standing introduction ("In with
    Chris Hayes team puts out a daily call ..."), each its own story: the brief says it once, and the weaker
    story leads with its own next point (or is not shown when it has nothing else)."""
    intro = "The team puts out a daily call to the Twitter and Facebook communities for the best things online."
    first = Story(id="s1", headline="a", articles=("a1",), outlets=("MSNBC",),
                  lead=_pt(intro, 0.9, matcher, article="a1"),
                  supporting=(_pt("A dog that rides the subway alone was the favourite on Tuesday.", 0.5, matcher,
                                  article="a1", sentence=1),), weight=2.0)
    second = Story(id="s2", headline="b", articles=("a2",), outlets=("MSNBC",),
                   lead=_pt(intro, 0.9, matcher, article="a2"),
                   supporting=(_pt("A cat that opens doors was the favourite on Wednesday.", 0.5, matcher,
                                   article="a2", sentence=1),), weight=1.0)
    only = Story(id="s3", headline="c", articles=("a3",), outlets=("MSNBC",), lead=_pt(intro, 0.9, matcher, article="a3"),
                 weight=0.5)
    _, sections, shown = Router((), other_news=True).route_stories([first, second, only])
    said = [p.text for s in sections for p in s.points]
    assert said.count(intro) == 1
    assert "A cat that opens doors was the favourite on Wednesday." in said
    assert [s.id for s in shown] == ["s1", "s2"]  # s3 had nothing the brief did not already say
