"""Property-based tests: arbitrary bytes and Unicode through ingest, cleaning, sentence splitting,
rendering, the whole pipeline, web pages and feeds. Never an unhandled exception, and every .docx
written opens again with python-docx.

Derandomized with no example database, so CI runs the same examples every time; each property
tries MAX examples (SLOW_MAX for rendering and the whole pipeline).
"""

from __future__ import annotations

import codecs
import datetime as dt
import re

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import Brief, Citation, Point, Section, Skipped, SourceRef, load_settings
from briefing._io import path_within, safe_filename, xml_safe
from briefing.clean import clean_text
from briefing.ingest import InputSkipped, article_from_text, decode, read_article
from briefing.pipeline import brief_from_articles
from briefing.render import render_docx
from briefing.sentences import split_sentences, to_words

MAX = 200
SLOW_MAX = 100  # rendering and the whole pipeline: ~50 ms an example
PROFILE = dict(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Every code point, surrogates and controls included.
ANY_CHAR = st.characters(codec=None, exclude_categories=())
# Pieces that exercise the cleaner and the splitter: abbreviations, initials, quotes, datelines,
# boilerplate markers, odd spaces and line breaks.
PIECES = st.sampled_from(
    [
        " ", "\n", "\r\n", "\r", "\t", "\u00a0", "\u2028", "\u200b", "\ufeff", ". ", "? ", "! ", "… ",
        "U.S. ", "H.R. McMaster ", "Jan. 5 ", "Mr. ", "e.g. ", "“", "”", "‘", "’", '"', "'", "(", ")",
        "[L8N1O63LC]", "BRUSSELS (Reuters) - ", "Washington CNN — ", "Story highlights\n",
        "03:52 - Source: CNN\n", "Reporting by A; Editing by B\n", "photo.jpg ", "---\ntitle: x\n---\n",
        "Russia ", "Ukraine ", "sanctions ", "NATO ", "election ", "The minister said ", "Kyiv",
        "\x00", "\x07", "\x1b", "\ufffd", "\ud800", "\uffff", "é", "Ş", "日本", "🙂", "\u0301",
    ]
)
NEWSY = st.lists(st.one_of(PIECES, st.text(ANY_CHAR, max_size=12)), max_size=60).map("".join)
TEXT = st.one_of(st.text(ANY_CHAR, max_size=400), NEWSY)
# Article-shaped text: paragraphs of sentences (words from the sections' topics and arbitrary
# Unicode) with the pieces above between them, so that many examples get through cleaning.
WORD = st.one_of(
    st.sampled_from(
        "Russia Ukraine NATO sanctions election Moscow Kyiv minister said talks border troops gas "
        "the a of in on and to will would U.S. Putin Trump Tillerson allies interference".split()
    ),
    st.text(ANY_CHAR, min_size=1, max_size=8),
)
SENTENCE = st.builds(
    lambda words, end: " ".join(words).capitalize() + end,
    st.lists(WORD, min_size=3, max_size=25),
    st.sampled_from([".", "?", "!", ".”", "…", ".)", ""]),
)
ARTICLE = st.lists(
    st.one_of(st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join), PIECES), min_size=1, max_size=10
).map("\n".join)
BYTES = st.one_of(
    st.binary(max_size=600),
    TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
    NEWSY.map(lambda t: t.encode("cp1252", "ignore")),
    NEWSY.map(lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le", "surrogatepass")),
    NEWSY.map(lambda t: t.encode("utf-16-be", "surrogatepass")),
    NEWSY.map(lambda t: codecs.BOM_UTF32_BE + t.encode("utf-32-be", "surrogatepass")),
)

@settings(max_examples=MAX, **PROFILE)
@given(BYTES)
def test_decode_never_fails(data):
    assert isinstance(decode(data), str)


@settings(max_examples=MAX, **PROFILE)
@given(data=BYTES)
def test_reading_any_file_gives_an_article_or_a_reason(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("prop") / "a.txt"
    path.write_bytes(data)
    try:
        article = read_article(path)
    except InputSkipped as exc:
        assert str(exc)
        return
    assert article.text.strip() and article.title
    assert not XML_ILLEGAL.search(article.text) and not XML_ILLEGAL.search(article.title)
    assert "\r" not in article.text


@settings(max_examples=MAX, **PROFILE)
@given(TEXT)
def test_cleaning_never_fails_and_leaves_clean_lines(text):
    cleaned = clean_text(text)
    assert not XML_ILLEGAL.search(cleaned.text)
    if cleaned.text:
        assert all(line.strip() == line and line for line in cleaned.text.split("\n"))


@settings(max_examples=MAX, **PROFILE)
@given(TEXT)
def test_sentences_are_exact_slices_that_cover_the_text(text):
    spans = split_sentences(text)
    covered = [False] * len(text)
    last_end = 0
    for i, s in enumerate(spans):
        assert s.index == i
        assert last_end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text and s.text.strip()
        assert "\n" not in s.text  # a sentence never runs across a paragraph break
        for k in range(s.start, s.end):
            covered[k] = True
        last_end = s.end
    leftover = "".join(c for c, hit in zip(text, covered) if not hit)
    assert not leftover.strip(), f"text outside every sentence: {leftover!r}"
    to_words(text)


@settings(max_examples=MAX, **PROFILE)
@given(TEXT, TEXT)
def test_file_names_from_titles_stay_in_their_folder(tmp_path_factory, title, date_text):
    folder = tmp_path_factory.mktemp("names")
    for raw in (title, date_text, f"{date_text}-{title}"):
        name = safe_filename(raw)
        assert name and "/" not in name and "\x00" not in name and not name.startswith(".")
        assert len(name.encode("utf-8")) <= 200
        path = path_within(folder, raw, ".docx")
        assert path.parent == folder
        assert path.resolve().parent == folder.resolve()


def _point(text: str, source: str, n: int) -> Point:
    return Point(
        text=text,
        score=0.5,
        citations=(Citation(article_id=f"a{n}", source=source, sentence=n, start=0, end=max(1, len(text))),),
    )


@st.composite
def briefs(draw):
    small = st.text(ANY_CHAR, max_size=40)
    points = [_point(draw(TEXT), draw(small), n) for n in range(draw(st.integers(0, 4)))]
    sections = tuple(
        Section(key=f"s{i}", title=draw(small), points=tuple(points[i::2]), note=draw(st.none() | small))
        for i in range(draw(st.integers(0, 2)))
    )
    return Brief(
        title=draw(small),
        date=draw(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))),
        created=dt.datetime(2017, 12, 8, 7, 0),
        key_points=tuple(points[:2]),
        sections=sections,
        sources=tuple(
            SourceRef(id=f"a{n}", source=draw(small), title=draw(small), url=draw(st.none() | small), path=draw(st.none() | small))
            for n in range(draw(st.integers(0, 3)))
        ),
        skipped=tuple(Skipped(input=draw(small), reason=draw(small)) for _ in range(draw(st.integers(0, 2)))),
        summarizer=draw(small),
        handling=draw(st.none() | small),
        author=draw(small),
    )


def _norm(text: str) -> str:
    """What Word keeps of text: XML-legal characters; python-docx writes \\r as a line break."""
    return xml_safe(text).replace("\r", "\n")


@settings(max_examples=SLOW_MAX, **PROFILE)
@given(brief=briefs())
def test_any_brief_renders_to_a_docx_that_opens(tmp_path_factory, brief):
    out = tmp_path_factory.mktemp("render") / "b.docx"
    render_docx(brief, out)
    doc = Document(str(out))
    paras = [p.text for p in doc.paragraphs]
    assert paras[0] == _norm(brief.title)
    body = "\n".join(paras)
    for point in brief.key_points:
        assert _norm(point.text) in body
    for s in brief.skipped:
        assert _norm(f"{s.input}: {s.reason}") in paras
    assert not list(out.parent.glob("*.tmp")) and not list(out.parent.glob(".*.tmp"))


@settings(max_examples=SLOW_MAX, **PROFILE)
@given(texts=st.lists(st.one_of(ARTICLE, ARTICLE, TEXT), min_size=1, max_size=3), summarizer=st.sampled_from(["lead", "lexrank", "luhn"]))
def test_any_text_through_the_whole_pipeline(tmp_path_factory, texts, summarizer):
    articles, skipped = [], []
    for i, text in enumerate(texts):
        try:
            articles.append(article_from_text(text, path=f"in/{i}.txt"))
        except InputSkipped as exc:
            skipped.append(Skipped(input=f"in/{i}.txt", reason=str(exc)))
    if not articles:
        return
    brief = brief_from_articles(articles, load_settings(summarizer=summarizer, date="2017-12-08"), skipped=skipped)
    by_id = {a.id: a for a in articles}
    for point in brief.points:  # copied verbatim: some citation's offsets give back its text
        assert any(by_id[c.article_id].text[c.start : c.end] == point.text for c in point.citations)
    out = tmp_path_factory.mktemp("e2e") / "brief.docx"
    brief.save_docx(out)
    paras = [p.text for p in Document(str(out)).paragraphs]
    assert len(paras) >= 2 and "Sources" in paras



HTML = st.one_of(
    TEXT,
    st.builds(
        lambda title, body, junk: f"<html><head><title>{title}</title></head><body>{junk}<article>"
        + "".join(f"<p>{p}</p>" for p in body) + f"</article>{junk}</body></html>",
        st.text(ANY_CHAR, max_size=30),
        st.lists(st.one_of(ARTICLE, TEXT), max_size=4),
        st.sampled_from(["", "<nav>Home</nav>", "<script>x()</script>", "<!--", "<![CDATA[", "&amp;&#0;&#xD800;&lol;", "<?xml?>"]),
    ),
)


@settings(max_examples=SLOW_MAX, **PROFILE)
@given(page=HTML, as_bytes=st.booleans())
def test_any_web_page_gives_an_article_or_a_reason(page, as_bytes):
    from briefing.html import article_from_html

    data = page.encode("utf-8", "surrogatepass") if as_bytes else page
    try:
        article = article_from_html(data, url="https://example.org/a")
    except InputSkipped as exc:
        assert str(exc)
        return
    assert article.text.strip() and not XML_ILLEGAL.search(article.text + article.title)


@settings(max_examples=MAX, **PROFILE)
@given(BYTES)
def test_any_feed_document_gives_entries_or_a_reason(data):
    from briefing.feeds import FeedSpec, parse_feed

    entries, skipped = parse_feed(FeedSpec(name="f", url="https://example.org/rss"), data)
    assert all(e.link.startswith(("http://", "https://")) for e in entries)
    assert all(s.reason for s in skipped)
