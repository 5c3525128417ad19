"""Key quotes (issue 11, item 7): the speaker's role, one name per person, turned-around quotes."""

from __future__ import annotations

import briefing
from briefing.markdown import render_markdown
from briefing.quotes import QuoteFinder, Speakers, turns_around
from briefing.sentences import split_sentences


def _quotes(text: str, source: str = "CNN", aid: str = "a1") -> tuple[briefing.Quote, ...]:
    finder = QuoteFinder(max_quotes=5)
    ref = briefing.SourceRef(id=aid, source=source, title="T")
    finder.add(ref, split_sentences(text))
    return finder.quotes()


def test_speaker_gets_full_name_and_role_given_at_first_mention():
    text = (
        "Rex Tillerson, U.S. Secretary of State, arrived in Brussels on Thursday for talks.\n"
        "“We will continue to hold Russia accountable to its Minsk commitments,” Tillerson said."
    )
    (q,) = _quotes(text)
    assert q.speaker == "Rex Tillerson"
    assert q.role == "U.S. Secretary of State"
    assert q.who == "Rex Tillerson, U.S. Secretary of State"


def test_role_before_the_name():
    text = (
        "U.S. Secretary of State Rex Tillerson arrived in Brussels for talks with allies.\n"
        "“NATO allies stand firm in our support of Ukraine’s sovereignty,” Tillerson said."
    )
    (q,) = _quotes(text)
    assert q.who == "Rex Tillerson, U.S. Secretary of State"


def test_no_role_when_the_article_gives_none():
    text = "Ella Ebaugh was on the boat with friends.\n“It was the scariest night of my whole life,” Ella said."
    (q,) = _quotes(text)
    assert (q.speaker, q.role) == ("Ella Ebaugh", None)


def test_one_person_under_one_name():
    text = (
        "Ella Ebaugh, a 17-year-old student, was on the boat with two friends.\n"
        "“It was the scariest night of my whole life, honestly,” Ella said.\n"
        "“I never want to go out on that lake ever again,” Ebaugh said later.\n"
        "“We were lucky that the coast guard found us,” said Ella Ebaugh."
    )
    quotes = _quotes(text)
    assert {q.speaker for q in quotes} == {"Ella Ebaugh"}
    assert len(quotes) == 2  # at most two per speaker, now that she is one speaker


def _two_articles(a: str, b: str) -> tuple[briefing.Quote, ...]:
    """The key quotes of two articles, "a" (AP) and "b" (CNN)."""
    finder = QuoteFinder(max_quotes=5)
    finder.add(briefing.SourceRef(id="a", source="AP", title="T"), split_sentences(a))
    finder.add(briefing.SourceRef(id="b", source="CNN", title="T"), split_sentences(b))
    return finder.quotes()


def test_one_name_across_articles():
    a = "Alexander Hristov, a dairy scientist at Penn State, ran the trial.\n“The cows ate normally and gave as much milk as before,” Hristov said."
    b = "The additive was tested on a farm.\n“We saw methane fall by about a third in the herd,” Hristov said."
    quotes = _two_articles(a, b)
    assert len(quotes) == 2
    assert {q.who for q in quotes} == {"Alexander Hristov, a dairy scientist at Penn State"}


def test_connective_is_not_part_of_the_speaker():
    (q,) = _quotes("But Ivanka Trump says in a response: “Paid leave is an investment in America's working families.”")
    assert q.speaker == "Ivanka Trump"


def test_turned_around_quote_is_left_out():
    text = (
        "Senator Jane Doe spoke to reporters in Washington on Tuesday afternoon.\n"
        "“We will never vote for this bill under any circumstances,” Doe said.\n"
        "But she later said she could support an amended version of the bill.\n"
        "“The budget has to be balanced before the end of the year,” Doe said."
    )
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["The budget has to be balanced before the end of the year"]


def test_turns_around():
    assert turns_around("But he later said he could support it.")
    assert turns_around("However, the minister walked the comments back on Friday.")
    assert turns_around("The senator, however, said she might change her mind.")
    assert not turns_around("The vote is expected on Thursday.")


def test_role_stops_at_another_name():
    people = Speakers(["Earlier Friday, Tillerson and Defense Secretary James Mattis criticized Russia."])
    assert people.role("James Mattis") == "Defense Secretary"


def test_speakers_map_short_forms():
    people = Speakers(["Defense Secretary James Mattis met Michael Fallon in London.", "Mattis spoke first."])
    assert people.name("Mattis") == "James Mattis"
    assert people.role("James Mattis") == "Defense Secretary"


def test_seed_brief_key_quotes_show_roles(seed_brief):
    md = render_markdown(seed_brief)
    assert seed_brief.quotes
    for q in seed_brief.quotes:
        assert f"| {q.who} |" in md
    assert any(q.speaker == "Rex Tillerson" and q.role and "Secretary of State" in q.role for q in seed_brief.quotes)
    assert any(q.who == "Alexey Pushkov, a senior Russian lawmaker" for q in seed_brief.quotes)


def test_a_surname_only_speaker_takes_the_one_full_name_another_article_gives():
    """Stop 20: "Maduro" and "Clapper" stood alone in the Key quotes of Multi-News briefs, though
    another article of the story (or a long title before the name) gave the full name and role."""
    a = "Kellogg pulled out of Venezuela on Tuesday.\nVenezuelan President Nicolás Maduro responded on state television."
    b = ("Socialist Maduro has blamed companies for shortages.\n"
         "“We’ve begun judicial proceedings against the business leaders of Kellogg’s,” Maduro said on Tuesday.")
    (q,) = _two_articles(a, b)
    assert q.who == "Nicolás Maduro, Venezuelan President"


def test_a_surname_two_people_share_stays_as_written():
    a = "Ferguson Police Chief Thomas Jackson spoke on Friday.\nThe Rev. Jesse Jackson visited the town on Sunday."
    b = "Protests went on.\n“He is a gentleman and a quiet officer, by all accounts,” Jackson said on Friday."
    (q,) = _two_articles(a, b)
    assert q.speaker == "Jackson"


def test_a_long_title_before_the_name_is_the_role():
    text = ("White House Press Secretary Sarah Huckabee Sanders said Monday that the senator had been invited.\n"
            "“We hope that she will join with us and be a part of things,” Sanders said.\n"
            "Former Director of National Intelligence James Clapper said on Sunday that more was to come.\n"
            "“Not addressed is potential involvement of the Russian government,” Clapper said.")
    quotes = _quotes(text)
    assert {q.who for q in quotes} == {"Sarah Huckabee Sanders, White House Press Secretary",
                                       "James Clapper, Former Director of National Intelligence"}


def test_a_speaker_described_before_the_name_is_the_person_not_the_description():
    """Multi-News, stop 20: "JFK's" and "FOX" were key-quote speakers."""
    from briefing.quotes import find_quotes

    (q,) = find_quotes('Jackie "suffered a miscarriage and learned that carrying a child would be hard for her," '
                       "recalled JFK's friend and adviser Ken O'Donnell.")
    assert q[0] == "Ken O'Donnell"
    (q,) = find_quotes("“How difficult is that to watch, do you think now?” asked FOX 4 Reporter James Rose.")
    assert q[0] == "James Rose"
    (q,) = find_quotes("“We will not accept this at all,” said Rex Tillerson, the secretary of state.")
    assert q[0] == "Rex Tillerson"


def test_a_role_with_a_lowercase_noun_before_the_name():
    """Saved pages, set D: "Chargers coach Anthony Lynn" stood in Key quotes as "Anthony Lynn"."""
    text = ("Chargers coach Anthony Lynn recognizes that his team's playoff hopes are slim after Monday's loss.\n"
            "“We talked all along about everything we wanted was still in front of us,” Lynn said.")
    (q,) = _quotes(text)
    assert q.who == "Anthony Lynn, Chargers coach"


def test_a_quote_of_the_us_president_is_the_person_named_with_that_title():
    """Stop 22 (a BBC page of set N): "..., the US President said: “NATO WASN'T THERE ...”" was
    credited to "US" in Key quotes."""
    from briefing.models import SourceRef
    from briefing.quotes import QuoteFinder
    from briefing.sentences import split_sentences

    text = ("The memo follows a series of attacks on the organisation by US President Donald Trump.\n"
            "In a post after a meeting with Nato Secretary General Mark Rutte, the US President said: "
            "“NATO WASN'T THERE WHEN WE NEEDED THEM, AND THEY WON'T BE THERE IF WE NEED THEM AGAIN.”\n")
    finder = QuoteFinder()
    finder.add(SourceRef(id="a1", source="BBC", title="Nato"), split_sentences(text))
    assert [q.speaker for q in finder.quotes()] == ["Donald Trump"]
    finder = QuoteFinder()
    finder.add(SourceRef(id="a2", source="BBC", title="Nato"),
               split_sentences("At the summit on Monday, the President said: “We will not be leaving the alliance at all.”\n"))
    assert finder.quotes() == ()  # nobody named with the title: no quote rather than a wrong speaker


def test_who_a_person_is_written_before_the_name_is_not_the_name():
    """Stop 26, a brief of Dragnet set D19: "Neighbor Nate Reynolds, 22, said ..." gave a speaker "Neighbor Nate
    Reynolds"."""
    from briefing.quotes import find_quotes

    quote = "“It sounded like a sonic boom, I thought a plane had crashed,”"
    assert find_quotes(f"{quote} Neighbor Nate Reynolds, 22, said.") == [
        ("Nate Reynolds", "It sounded like a sonic boom, I thought a plane had crashed")]
    assert find_quotes(f"{quote} Mother Teresa said.")[0][0] == "Mother Teresa"  # two words: a name


def test_a_title_cut_short_before_the_name_is_the_role_written_out():
    """Multi-News cluster 27696 (read at stop 27): "Sen. Marco Rubio detailed ..." gave the key quote no role; the
    title before the name is the role, written out ("Senator"). A name with no title keeps no role."""
    from briefing.quotes import Speakers

    people = Speakers(["Sen. Marco Rubio detailed his support for the immigration proposal on Sunday.",
                       "\"What we have in place today is horrible for America,\" Rubio said."])
    assert people.role("Marco Rubio") == "Senator"
    people = Speakers(["Rep. Nancy Pelosi of California spoke first.", "\"We will pass it,\" Pelosi said."])
    assert people.role("Nancy Pelosi") == "Representative"
    assert Speakers(["Marco Rubio spoke on Sunday.", "\"No,\" Rubio said."]).role("Marco Rubio") is None


def test_a_district_attorney_is_a_role():
    """metascraper's NBC News page (stop 28): "Kenosha County District Attorney Michael Graveley" was quoted with no
    role; the family's "attorney, Benjamin Crump" in lower case is not a title before a name."""
    from briefing.quotes import Speakers

    s = Speakers([
        "Kenosha County District Attorney Michael Graveley told reporters that the officers had a strong case.",
        "Blake's family attorney, Benjamin Crump, said Graveley wrongfully denied the community its chance.",
        '"If you do not believe you can prove a case, you have an obligation not to charge," Graveley said.',
    ])
    assert s.role(s.name("Graveley")) == "Kenosha County District Attorney"
    assert s.role(s.name("Crump")) is None
