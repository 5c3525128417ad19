"""Ingest: files and folders, decoding, front matter, metadata, skipped inputs."""

import datetime as dt

from briefing import load_articles
from briefing.ingest import decode
from conftest import CNN_SEED, REUTERS_SEED, SEEDS


def test_seeds_folder_loads_both_articles():
    result = load_articles([SEEDS])
    assert [a.source for a in result.articles] == ["Reuters", "CNN"]
    assert result.skipped == ()
    reuters, cnn = result.articles
    assert reuters.path == str(REUTERS_SEED) and cnn.path == str(CNN_SEED)
    assert reuters.place == "BRUSSELS"
    assert reuters.title.startswith("U.S. Secretary of State Rex Tillerson")
    assert len({a.id for a in result.articles}) == 2


def test_front_matter_sets_metadata(tmp_path):
    f = tmp_path / "story.md"
    f.write_text(
        "---\ntitle: Tillerson rules out normal ties\nsource: reuters\ndate: 2017-12-06\n"
        "url: https://example.org/story\n---\nThe minister spoke on Wednesday about the talks in Vienna.\n",
        encoding="utf-8",
    )
    (a,) = load_articles([f]).articles
    assert a.title == "Tillerson rules out normal ties"
    assert a.source == "Reuters"
    assert a.date == dt.date(2017, 12, 6)
    assert a.url == "https://example.org/story"
    assert a.text == "The minister spoke on Wednesday about the talks in Vienna."


def test_decoding_bom_cp1252_and_bad_bytes():
    assert decode("\ufeffKyiv said “no”.".encode("utf-8")) == "Kyiv said “no”."
    assert decode("Kyiv said “no”.".encode("cp1252")) == "Kyiv said “no”."
    assert decode("Kyiv said “no”.".encode("utf-16")) == "Kyiv said “no”."
    # valid UTF-8 with one stray cp1252 byte: both survive
    mixed = "Zelensky’s aide".encode("utf-8") + b" said \x93yes\x94."
    assert decode(mixed) == "Zelensky’s aide said “yes”."


def test_a_page_in_utf8_with_stray_bytes_is_read_as_utf8():
    """Stop 26, Dragnet set D12: a blogs.reuters.com page in UTF-8 with a few broken bytes in one meta tag was read
    by the parser's guess as Mac Roman, "NBC‚Äôs president" in the bullet and the title. A page whose bytes beyond
    ASCII are mostly UTF-8 is read as UTF-8; a page in cp1252 is still read as cp1252."""
    from briefing.html import article_from_html

    body = " ".join(["Alan Wurtzel, NBC’s president of research, said on the network’s call that archery is the new "
                     "curling."] + ["The network’s ratings for the Games rose again on Thursday, its researchers said."] * 4)
    page = ('<html><head><meta charset="UTF-8"><title>Archery is the ‘new’ curling</title>'
            '<meta property="og:description" content="NBC&acirc;STRAYs">'
            f"</head><body><article><p>{body}</p></article></body></html>")
    data = page.encode("utf-8").replace(b"STRAY", b"\x80\x99")
    try:
        data.decode("utf-8")
        raise AssertionError("the page should hold bytes that are not UTF-8")
    except UnicodeDecodeError:
        pass
    article = article_from_html(data, url="http://blogs.reuters.com/mediafile/2012/08/03/archery/")
    assert "NBC’s president" in article.text and "‚Ä" not in article.text
    assert article.title == "Archery is the ‘new’ curling"
    latin = page.replace("STRAY", "").replace("curling.", "curling at the café.")
    article = article_from_html(latin.encode("cp1252"), url="http://example.org/a")
    assert "NBC’s president" in article.text and "café" in article.text


def test_a_page_in_cp1252_with_no_charset_is_read_as_cp1252():
    """Stop 27, CleanEval CE13: a page of 2002 (pbs.org) with a few cp1252 bytes ("O\x92Neill") and no charset was
    read by the parser's guess with replacement characters ("O\ufffdNeill"). A page in UTF-8 is not touched."""
    from briefing.html import article_from_html

    body = " ".join(["The 1930s had been a time of tremendous economic distress, and the unemployment rate was high."]
                    * 600 + ["Professor William O’Neill has written on the history of the 1960’s."])  # 4 bytes in 55 kB
    page = f"<html><head><title>Interview: William ONeill</title></head><body><p>{body}</p></body></html>"
    article = article_from_html(page.encode("cp1252"), url="http://www.pbs.org/fmc/interviews/oneill.htm")
    assert "O’Neill has written on the history of the 1960’s" in article.text and "\ufffd" not in article.text
    article = article_from_html(page.encode("utf-8"), url="http://www.pbs.org/fmc/interviews/oneill.htm")
    assert "O’Neill has written" in article.text
    # the decision itself (the parser's guess reads the real page's 4 bytes in 55 kB as ASCII, then U+FFFD)
    from briefing.html import _utf8_or_bytes

    pad = b"<p>" + b"The 1930s had been a time of tremendous economic distress. " * 10 + b"</p>"
    data = b"<html><body>" + pad + b"<p>Professor O\x92Neill has written on the 1960\x92s.</p></body></html>"
    assert _utf8_or_bytes(data) == data.decode("cp1252") and "O’Neill" in _utf8_or_bytes(data)
    many = b"<html><body><p>" + b"\x8c\x9f\xe4\xb8" * 40 + b"</p></body></html>"  # beyond a few bytes: the parser's guess
    assert _utf8_or_bytes(many) == many
    declared = b'<html><head><meta charset="iso-8859-2"></head><body><p>Zolt\xe1n</p></body></html>'
    assert _utf8_or_bytes(declared) == declared  # a declared charset is the parser's to honour


def test_bad_inputs_are_listed_not_fatal(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The ministers met on Monday in Brussels to discuss sanctions.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes("Les ministres ont discuté des sanctions à Bruxelles lundi.".encode("cp1252"))
    (tmp_path / "fake.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = load_articles([tmp_path, tmp_path / "missing.txt"])
    used = {a.path for a in result.articles}
    assert str(good) in used and str(tmp_path / "latin.txt") in used
    reasons = {s.input.rsplit("/", 1)[-1]: s.reason for s in result.skipped}
    assert reasons["empty.txt"] == "empty file"
    assert "PDF" in reasons["fake.txt"]
    assert "not a text article" in reasons["notes.pdf"]
    assert reasons["missing.txt"] == "no such file or directory"
    latin = next(a for a in result.articles if a.path.endswith("latin.txt"))
    assert "discuté" in latin.text


def test_duplicate_file_gets_its_own_id(tmp_path):
    text = REUTERS_SEED.read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    a, b = load_articles([tmp_path]).articles
    assert a.text == b.text and a.id != b.id
