"""The stories stage: articles on one event form one story; the brief is built story by story."""

from __future__ import annotations

import json
from pathlib import Path

import briefing
from briefing.stories import Signature, StoryGrouper, signature
from briefing.evaluate.stories import bcubed
from conftest import verbatim_outside_brackets

SANCTIONS = [
    ("Reuters", "EU agrees new Russia sanctions targeting gas exports",
     "European Union governments agreed on Thursday a new package of sanctions against Russia that "
     "targets its exports of liquefied natural gas for the first time.\n"
     "Hungary dropped its objections after securing an exemption for pipeline oil deliveries, two "
     "officials said.\n"
     "The package also lists dozens of vessels of the shadow fleet that carries Russian oil past the "
     "price cap, the officials said.\n"
     "The Kremlin said the sanctions would hurt Europe more than Russia and promised a response."),
    ("BBC", "Russia LNG hit by latest EU sanctions package",
     "The European Union has agreed its latest package of sanctions on Russia, banning imports of "
     "Russian liquefied natural gas into the bloc.\n"
     "Hungary lifted its veto after Brussels granted an exemption for oil delivered by pipeline.\n"
     "Moscow condemned the sanctions package and said it would respond.\n"
     "Ships of the shadow fleet are also named in the package agreed by EU governments."),
    ("Politico", "EU seals Russia sanctions deal with LNG ban",
     "EU ambassadors sealed a deal on Thursday on a new round of Russia sanctions that, for the first "
     "time, targets Russian liquefied natural gas.\n"
     "Budapest dropped its objections in exchange for an exemption covering pipeline oil.\n"
     "Dozens of shadow fleet tankers are added to the sanctions list, according to the agreed text."),
]
UNRELATED = [
    ("CNN", "Heavy snow closes Alpine passes",
     "Heavy snow closed several Alpine passes in Switzerland and Austria on Thursday, stranding "
     "hundreds of drivers.\nAvalanche warnings were raised to the highest level in parts of Tyrol.\n"
     "Rail services through the Gotthard tunnel were running with delays, the operator said."),
    ("AP", "Local club wins national chess title",
     "A chess club from Leeds won the national team championship on Sunday after a final-round "
     "victory.\nThe club's youngest player, aged 12, won all seven of his games.\n"
     "Organisers said a record number of teams had entered this year's championship."),
]


def _write(folder: Path, name: str, source: str, title: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"---\nsource: {source}\ntitle: {title}\ndate: 2026-11-20\n---\n{body}\n", encoding="utf-8")
    return path


def _day(tmp_path: Path, syndicated: bool = True) -> Path:
    folder = tmp_path / "day"
    folder.mkdir()
    for i, (src, title, body) in enumerate(SANCTIONS + UNRELATED):
        _write(folder, f"{i:02d}.txt", src, title, body)
    if syndicated:  # AP runs the Reuters story with a new headline and one paragraph dropped
        src, title, body = SANCTIONS[0]
        edited = "\n".join(body.splitlines()[:2] + body.splitlines()[3:])
        _write(folder, "syndicated.txt", "AP", "Europe targets Russian gas in sanctions deal", edited)
    return folder


def _sig(i: int, text: str, title: str = "", source: str = "X") -> Signature:
    return signature(f"a{i}", source, None, title, text.splitlines(), title_given=bool(title))


def test_grouper_puts_each_event_together_and_keeps_unrelated_apart():
    docs = SANCTIONS + UNRELATED
    sigs = [_sig(i, body, title, src) for i, (src, title, body) in enumerate(docs)]
    groups = StoryGrouper().group(sigs)
    assert sorted(map(sorted, groups)) == [[0, 1, 2], [3], [4]]
    gold = ["s", "s", "s", "snow", "chess"]
    predicted = [next(k for k, g in enumerate(groups) if i in g) for i in range(len(docs))]
    assert bcubed(gold, predicted)["f1"] == 1.0


def test_every_article_in_exactly_one_story_and_a_story_may_have_one_article():
    docs = SANCTIONS + UNRELATED
    sigs = [_sig(i, body, title) for i, (_, title, body) in enumerate(docs)]
    groups = StoryGrouper().group(sigs)
    flat = sorted(i for g in groups for i in g)
    assert flat == list(range(len(docs)))
    assert any(len(g) == 1 for g in groups)


def test_grouping_does_not_compare_every_pair():
    # 400 unrelated synthetic articles with distinct vocabularies: candidates stay near zero.
    sigs = [_sig(i, f"word{i}a word{i}b word{i}c shared{i % 7} common text here") for i in range(400)]
    grouper = StoryGrouper()
    groups = grouper.group(sigs)
    assert len(groups) == 400
    assert grouper.stats.compared < 400 * 399 / 2 / 10


def test_bcubed_counts_splits_and_merges():
    assert bcubed(["a", "a", "b"], [0, 0, 1])["f1"] == 1.0
    merged = bcubed(["a", "a", "b"], [0, 0, 0])
    assert merged["recall"] == 1.0 and merged["precision"] < 1.0
    split = bcubed(["a", "a", "b"], [0, 1, 2])
    assert split["precision"] == 1.0 and split["recall"] < 1.0


def test_brief_is_built_story_by_story(tmp_path):
    brief = briefing.build_brief([_day(tmp_path)], briefing.load_settings(date="2026-11-21", other_news=True))
    sanctions = [s for s in brief.stories if "Reuters" in s.outlets]
    assert len(sanctions) == 1  # four articles, one story
    story = sanctions[0]
    assert set(story.outlets) == {"Reuters", "BBC", "Politico", "AP"}
    assert len(story.articles) == 4 and set(story.articles) <= {s.id for s in brief.sources}
    assert story.first_date == story.last_date and story.first_date.isoformat() == "2026-11-20"
    assert story.headline in {t for _, t, _ in SANCTIONS} | {"Europe targets Russian gas in sanctions deal"}
    # the syndicated copy corroborates: some point of the story cites both Reuters and AP
    assert any({"Reuters", "AP"} <= set(p.sources) for p in story.points)
    # key points: one line per story, never two for the same story
    ids = [p.story_id for p in brief.key_points]
    assert len(ids) == len(set(ids)) and None not in ids
    # unrelated articles are stories of their own
    assert all(len(s.articles) == 1 for s in brief.stories if "Reuters" not in s.outlets)
    # every point of a section belongs to a story of that section
    for section in brief.sections:
        for s in section.stories:
            assert all(p.story_id == s.id for p in s.points)


def test_story_shaped_docx_markdown_and_json(tmp_path):
    settings = briefing.load_settings(date="2026-11-21", other_news=True)
    brief = briefing.build_brief([_day(tmp_path)], settings)
    out = brief.save_docx(tmp_path / "b.docx")
    from docx import Document

    paras = [p for p in Document(str(out)).paragraphs]
    story = next(s for sec in brief.sections for s in sec.stories if len(s.articles) > 1)
    leads = [p for p in paras if p.text.startswith(story.lead.display) and p.style.name == "List Bullet"]
    assert 1 <= len(leads) <= 2  # in its section, and once more under Key points when it is one
    lead = leads[-1]
    for outlet in story.outlets:  # the lead names every outlet of the story
        assert outlet in lead.text[len(story.lead.display):]
    assert lead.text.endswith(f"\u2714\u00a0{len(story.outlets)}\u00a0outlets")
    after = paras[paras.index(lead) + 1 : paras.index(lead) + 1 + len(story.supporting)]
    assert [p.style.name for p in after] == ["List Bullet 2"] * len(story.supporting)
    assert [p.text[: len(s.display)] for p, s in zip(after, story.supporting)] == [s.display for s in story.supporting]
    assert all(verbatim_outside_brackets(s) for s in story.points)
    md = briefing.render_markdown(brief)
    for point in story.supporting:
        assert f"  - {point.display}" in md
    data = json.loads(brief.model_dump_json())
    ids = {s["id"] for s in data["sources"]}
    assert data["stories"] and all(set(s["articles"]) <= ids for s in data["stories"])


def test_off_topic_stories_stay_out_unless_asked(tmp_path):
    day = _day(tmp_path, syndicated=False)
    plain = briefing.build_brief([day], briefing.load_settings(date="2026-11-21"))
    shown = {o for s in plain.stories for o in s.outlets}
    assert "CNN" not in shown and "AP" not in shown  # snow and chess fit no section
    assert all(p.story_id in {s.id for s in plain.stories} for p in plain.key_points)
    asked = briefing.build_brief([day], briefing.load_settings(date="2026-11-21", other_news=True))
    assert [s.title for s in asked.sections][-1] == "Other news"
    assert {o for s in asked.sections[-1].stories for o in s.outlets} >= {"CNN", "AP"}


def test_daily_development_shows_only_what_is_new(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    src, title, body = SANCTIONS[0]
    _write(inbox, "day1.txt", src, title, body)
    settings = briefing.load_settings(
        date="2026-11-20", inbox=str(inbox), archive=str(tmp_path / "a.sqlite3"),
        briefs_dir=str(tmp_path / "briefs"),
    )
    briefing.run_daily("2026-11-20", settings)
    # Day 2: BBC reports the same story, restating the Reuters lead, and adds a new fact (one that
    # stands alone: "over the new sanctions package" would lean on the lead, and a section's pick
    # is read alone like any bullet)
    lines = body.splitlines()
    _write(inbox, "day2.txt", "BBC", "Russia vows response to EU gas sanctions",
           lines[0] + "\nRussia's foreign ministry summoned the EU ambassador in Moscow on Friday to "
           "protest against EU sanctions on its energy.")
    brief2, path2 = briefing.run_daily("2026-11-21", settings)
    texts = [p.text for p in brief2.points if p.first_reported is None]
    assert lines[0] not in texts  # the day-1 lead is not new
    developing = [s for sec in brief2.sections for s in sec.stories if s.first_reported is not None]
    assert developing and developing[0].first_reported.isoformat() == "2026-11-20"
    assert "summoned the EU ambassador" in developing[0].lead.text
    from docx import Document

    body2 = "\n".join(p.text for p in Document(str(path2)).paragraphs)
    assert "first reported 20 November 2026" in body2


def test_key_quotes_come_from_the_stories_shown(tmp_path):
    day = _day(tmp_path, syndicated=False)
    _write(day, "quoted.txt", "CNN", "Ski resorts count the cost of the snow",
           "Ski resorts in Tyrol lost a week of business to the closed passes on Thursday.\n"
           "\u201cWe have never seen a week like this one in forty years of running the lifts here,\u201d "
           "said Anna Berger, who runs a hotel in St. Anton.\n"
           "The regional government said it would help businesses hit by the closures.")
    _write(day, "quoted-sanctions.txt", "DW", "EU sanctions deal seals LNG ban",
           "European Union governments agreed on Thursday a new package of sanctions against Russia that "
           "targets its exports of liquefied natural gas.\n"
           "\u201cThis package hits the Kremlin where it earns the money for its war against Ukraine,\u201d "
           "said Kaja Kallas, the EU's foreign policy chief.\n"
           "Hungary dropped its objections after securing an exemption for pipeline oil deliveries.")
    brief = briefing.build_brief([day], briefing.load_settings(date="2026-11-21"))
    shown = {a for s in brief.stories for a in s.articles}
    assert brief.quotes, "the sanctions story has a quote to show"
    assert all(c.article_id in shown for q in brief.quotes for c in q.citations)
    assert "Anna Berger" not in {q.speaker for q in brief.quotes}  # the snow story is not in the brief
    # asked for off-topic stories too, the snow story is shown, and may be quoted
    asked = briefing.build_brief([day], briefing.load_settings(date="2026-11-21", other_news=True))
    said = "Anna Berger" in {q.speaker for q in asked.quotes} or any("Anna Berger" in p.text for p in asked.points)
    assert said  # quoted, or already a bullet (a quote is never repeated as a bullet)


def test_background_weighs_common_english_words_down_on_a_small_day():
    """On a day of two articles the day alone gives every shared stem the same weight; English at
    large says "people" is common and a place name is not."""
    from briefing.stories import StoryGrouper, background_df

    assert background_df(0.0, 3000, 500) == 0.0
    assert 0 < background_df(1e-6, 3000, 500) < background_df(1e-3, 3000, 500) < 3000
    a = _sig(0, "Officials said on Monday that people in Amatrice were told to leave.\nThe town was hit hard.")
    b = _sig(1, "People said on Monday that officials were told the news.\nThe report was read widely.")
    plain = StoryGrouper(background=0.0).vectors([a, b])[0]
    with_bg = StoryGrouper().vectors([a, b])[0]
    ratio = lambda v: v["amatric"] / v["peopl"]  # noqa: E731
    assert ratio(with_bg) > 2 * ratio(plain)


def test_a_small_day_keeps_a_story_together(tmp_path):
    """Four outlets on one event among unrelated articles, a day of nine: one story."""
    day = _day(tmp_path)  # the three sanctions articles, a syndicated copy and two unrelated ones
    brief = briefing.build_brief([day], briefing.load_settings(date="2026-11-21", other_news=True))
    sanctions = [s for s in brief.stories if {"Reuters", "BBC"} & set(s.outlets)]
    assert len(sanctions) == 1 and len(sanctions[0].articles) == 4


# Two undated reports on the same people: a minister's visit to a port city on one day, and the same
# minister on fishing quotas at the same summit three days later.
QUAY = [
    ("Reuters", "Harbour minister Ingrid Solberg opened the new Kvalsund ferry quay on Monday, promising "
     "faster crossings to the islands.\nSolberg cut the ribbon at the quay, built by Norvik Marine for 40 "
     "million crowns.\nThe first ferry docked an hour later with 200 passengers."),
    ("NRK", "The new ferry quay at Kvalsund opened on Tuesday after Harbour minister Ingrid Solberg's "
     "visit the day before, and crossings to the islands were already faster.\nThe quay, built by "
     "Norvik Marine, cost 40 million crowns.\nThe first ferry brought 200 passengers to the quay."),
]
QUOTAS = (
    "Harbour minister Ingrid Solberg said on Thursday that Kvalsund would keep its fishing quotas.\n"
    "Solberg told islanders in Kvalsund that the quotas for cod would not be cut next year.\n"
    "Fishing crews from the islands welcomed the promise from Solberg."
)


def test_days_apart_tells_distant_weekdays_from_the_same_or_next_day():
    from briefing.stories import days_apart

    wed, fri, thu, sun, mon = frozenset({2}), frozenset({4}), frozenset({3}), frozenset({6}), frozenset({0})
    assert days_apart(wed, fri)
    assert not days_apart(wed, thu) and not days_apart(wed, wed)
    assert not days_apart(sun, mon)  # Sunday and Monday are next to each other across the week's end
    assert not days_apart(wed, frozenset()) and not days_apart(frozenset(), frozenset())
    assert not days_apart(frozenset({1, 2}), frozenset({3}))  # one pair of neighbours is enough


def test_signature_keeps_the_weekdays_of_title_and_lead_only():
    sig = _sig(0, "Officials met on Wednesday.\nThey had talked on Tuesday.\nA vote follows on Friday.")
    assert sig.days == frozenset({1, 2})  # the third sentence is past the lead
    titled = _sig(1, "Officials met.\nNothing more.", title="Talks resume Monday")
    assert titled.days == frozenset({0})


def test_the_seed_articles_stay_two_stories():
    """Tillerson on Russia at NATO on a Wednesday, Tillerson on sanctions at NATO on a Friday: both
    undated, so only their leads' weekdays tell the two events apart."""
    from briefing.evaluate.stories import SEEDS, seed_docs

    docs = seed_docs(SEEDS)
    assert len(docs) == 2
    sigs = [d.signature for d in docs]
    assert sigs[0].days and sigs[1].days
    assert sorted(map(sorted, StoryGrouper().group(sigs))) == [[0], [1]]
    # the weekdays are what keeps them apart: without that test the words alone join them
    assert StoryGrouper(weekdays=False).group(sigs) == [[0, 1]]


def test_same_minister_different_event_stays_apart_on_a_small_day():
    quay = [_sig(i, body, source=src) for i, (src, body) in enumerate(QUAY)]
    quotas = _sig(2, QUOTAS, source="AP")
    others = [_sig(3 + i, body, title, src) for i, (src, title, body) in enumerate(UNRELATED)]
    groups = StoryGrouper().group(quay + [quotas] + others)
    assert sorted(map(sorted, groups)) == [[0, 1], [2], [3], [4]]
    # Monday and Tuesday against Thursday: without the weekday test the shared names join all three
    assert sorted(map(sorted, StoryGrouper(weekdays=False).group(quay + [quotas] + others)))[0] == [0, 1, 2]


def test_a_small_day_keeps_reports_of_one_event_from_consecutive_days_together():
    """Four outlets on the sanctions deal, one of them writing the day after (Friday, not Thursday),
    among two unrelated articles: one story."""
    src, title, body = SANCTIONS[1]
    day_after = body.replace("has agreed its latest", "agreed on Friday its latest")
    docs = SANCTIONS + [(src, title, day_after)] + UNRELATED
    sigs = [_sig(i, b, t, s) for i, (s, t, b) in enumerate(docs)]
    assert sigs[0].days == frozenset({3}) and sigs[3].days == frozenset({4})
    groups = StoryGrouper().group(sigs)
    assert sorted(map(sorted, groups)) == [[0, 1, 2, 3], [4], [5]]


def test_must_stay_apart_counts_pairs_of_stories_sharing_a_predicted_one():
    from briefing.evaluate.stories import APART, TOGETHER_DAY, Doc, _merged_pairs

    sig = _sig(0, "text")
    docs = [Doc(s, sig) for s in ("a", "a", "b", "c", "d")]
    assert _merged_pairs(docs, [0, 0, 0, 1, 1]) == 2  # a with b, c with d
    assert _merged_pairs(docs, [0, 0, 0, 1, 1], among={"a", "b", "c"}) == 1  # d is a filler
    assert _merged_pairs(docs, [0, 1, 2, 3, 4]) == 0
    # each group names at least two stories, none twice, and no story is in two groups
    named = [s for _, stories in APART for s in stories]
    assert all(len(stories) >= 2 for _, stories in APART) and len(named) == len(set(named))
    assert len(set(TOGETHER_DAY)) == 12


def test_two_outlets_restating_one_fact_in_a_story_become_one_point_citing_both(tmp_path):
    from briefing.samepoint import DEFAULT_THRESHOLD, SAME_STORY_THRESHOLD, restates, same_point

    espn = "Tennis superstar Serena Williams gave birth to a baby girl at St. Mary's Medical Center, ESPN reports."
    eonline = "Serena Williams has given birth to a baby girl, a source confirms to E!"
    assert restates(espn, eonline) and not same_point(espn, eonline, DEFAULT_THRESHOLD)
    assert SAME_STORY_THRESHOLD < DEFAULT_THRESHOLD
    day = tmp_path / "day"
    day.mkdir()
    _write(day, "espn.txt", "ESPN", "Serena Williams gives birth to baby girl",
           espn + "\nWilliams, 35, announced her pregnancy in April on social media with a photo of herself.")
    _write(day, "eonline.txt", "E! News", "Serena Williams welcomes baby girl",
           eonline + "\nThe tennis champion and her fiance, Reddit co-founder Alexis Ohanian, announced their engagement last year.")
    brief = briefing.build_brief([day], briefing.load_settings(other_news=True))
    story = next(s for s in brief.stories if "Serena Williams" in s.lead.text)
    texts = [p.text for p in story.points]
    assert sum(t in (espn, eonline) for t in texts) == 1  # the birth once, not twice in other words
    birth = next(p for p in story.points if p.text in (espn, eonline))
    assert set(birth.sources) == {"ESPN", "E! News"}  # both outlets cited on it
    # a different fact from another outlet is not folded in: numbers, a name or too few shared words
    assert not restates(espn, "Williams, 35, announced her pregnancy in April on social media with a photo of herself.")
