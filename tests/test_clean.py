"""Cleaning: boilerplate never reaches a summary; datelines become metadata."""

from briefing.clean import clean_text
from conftest import CNN_SEED, REUTERS_SEED


def _clean(path):
    return clean_text(path.read_text(encoding="utf-8"))


def test_reuters_dateline_becomes_metadata():
    c = _clean(REUTERS_SEED)
    assert c.source == "Reuters"
    assert c.place == "BRUSSELS"
    assert not c.text.startswith("BRUSSELS")
    assert c.text.startswith("U.S. Secretary of State Rex Tillerson said on Wednesday")


def test_reuters_wire_code_removed_and_possessive_repaired():
    c = _clean(REUTERS_SEED)
    assert "[L8N1O63LC]" not in c.text
    assert "Russia's continued use of hybrid warfare" in c.text
    assert "Putin's denial" in c.text
    assert " s " not in c.text
    assert "mandate ." not in c.text


def test_cnn_boilerplate_removed():
    c = _clean(CNN_SEED)
    assert c.source == "CNN"
    assert c.place == "Washington"
    for junk in (
        ".jpg",
        "03:52",
        "Source: CNN",
        "Story highlights",
        "Timeline: President Trump",
        "contributed to this report",
        "Hopes for a thawing relationship fading",
        "Washington CNN",
        "Both Secretary of State Rex Tillerson and Defense Secretary James Mattis criticized",
    ):
        assert junk not in c.text, junk
    assert c.text.startswith("Secretary of State Rex Tillerson said Friday")
    # what was removed is kept for auditing
    assert any("contributed to this report" in r for r in c.removed)


def test_inline_dateline_variants():
    assert clean_text("Washington (CNN) — The Senate voted on Tuesday to pass the bill.").source == "CNN"
    c = clean_text("MOSCOW (AP) - Officials met on Monday to discuss the gas deal.")
    assert (c.source, c.place) == ("AP", "MOSCOW")
    assert c.text == "Officials met on Monday to discuss the gas deal."


def test_aside_in_parentheses_is_not_a_dateline():
    c = clean_text("Senator Smith (D-Calif.) - who chairs the panel - said the vote would go ahead.")
    assert c.source is None
    assert c.text.startswith("Senator Smith")


def test_credit_lines_dropped():
    c = clean_text("The ministers met on Monday in Brussels.\n(Reporting by Robin Emmott; Editing by Alison Williams)")
    assert c.text == "The ministers met on Monday in Brussels."


def test_headline_becomes_title():
    c = clean_text("Ministers agree new sanctions\n\nThe ministers agreed on Monday to widen sanctions.")
    assert c.title == "Ministers agree new sanctions"
    assert c.text == "The ministers agreed on Monday to widen sanctions."


def test_xml_illegal_characters_removed():
    c = clean_text("The vote\x00 was held\x0b on Monday\x1f in Kyiv.")
    assert c.text == "The vote was held on Monday in Kyiv."


def test_windows_1252_control_characters_become_what_they_stand_for():
    from briefing.clean import clean_text

    text = ("\x97 San Diego lifeguards rescued 20 high school swimmers from the ocean on Tuesday, the city said.\n"
            "The coach said \x93it was the scariest day of my life\x94 and thanked the lifeguards\x81.")
    out = clean_text(text).text
    assert out.splitlines()[0].startswith("San Diego lifeguards rescued")  # the orphaned dash goes
    assert "\u201cit was the scariest day of my life\u201d" in out
    assert not any("\x80" <= ch <= "\x9f" for ch in out)


def test_datelines_and_labels_without_a_dash_are_removed():
    from briefing.clean import clean_text

    for raw, first, place in (
        ("LAHORE: An enraged mob beat a Christian couple to death on Tuesday, police said.", "An enraged mob", "Lahore"),
        ("PRETORIA/KHARTOUM, Sudanese President Omar al-Bashir flew out of South Africa on Monday.", "Sudanese President", "Pretoria/Khartoum"),
        ("THE FACT CHECKER | Rep. Adam Smith said the United States did not investigate the attacks.", "Rep. Adam Smith", None),
    ):
        cleaned = clean_text(raw + "\n\nA second paragraph follows here with more detail on the matter.")
        assert cleaned.text.startswith(first), cleaned.text
        assert cleaned.place == place
    kept = clean_text("NATO: The alliance agreed on Thursday to raise its spending targets again.\n\nMore text follows here.")
    assert kept.text.startswith("NATO: The alliance")  # an acronym before a colon is no dateline
