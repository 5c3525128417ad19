"""The Word brief read back with python-docx: every element issue 4 asks for, on the seed articles.

``full_brief`` is the seed brief with what the two seed files lack (dates, a URL, a second outlet
carrying the same fact and quote, an input that must be skipped): the same seed texts, given
front matter, plus a short syndicated copy and an empty file.
"""

from __future__ import annotations

import re

import pytest
from docx import Document
from docx.oxml.ns import qn

import briefing
from briefing.render import format_date
from briefing.sections import load_sections
from conftest import CNN_SEED, REUTERS_SEED, verbatim_outside_brackets

REUTERS_URL = "https://www.reuters.com/article/us-nato-russia-usa/tillerson-ukraine"
AP_URL = "https://apnews.com/article/tillerson-nato-brussels"
HANDLING = "For internal use only"


def _front(text: str, **meta: str) -> str:
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in meta.items()) + "---\n" + text


@pytest.fixture(scope="module")
def full_inputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("articles")
    reuters = REUTERS_SEED.read_text(encoding="utf-8")
    cnn = CNN_SEED.read_text(encoding="utf-8")
    (d / "reuters.txt").write_text(
        _front(reuters, source="Reuters", date="2017-12-06", url=REUTERS_URL,
               title="Tillerson says no normal ties with Russia until Crimea returned"), encoding="utf-8")
    (d / "cnn.txt").write_text(
        _front(cnn, source="CNN", date="2017-03-31", title="Tillerson: sanctions stay until Russia reverses course"),
        encoding="utf-8")
    first = reuters.split("\n")[0].split(" - ", 1)[1]  # the Reuters lead, without its dateline
    # a quotation over two sentences: read whole as a quote, never picked as a bullet, so the
    # table shows it (quotes already shown as bullets are left out of the table)
    goal = next(line for line in cnn.splitlines() if line.startswith("“American and NATO support"))
    (d / "ap.txt").write_text(
        _front(first + "\n" + goal + "\nThe ministers met at the alliance's headquarters in Brussels on Wednesday.\n",
               source="AP", date="2017-12-07", url=AP_URL, title="Tillerson presses NATO allies"),
        encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def full_brief(full_inputs):
    settings = briefing.load_settings(date="2017-12-08", handling=HANDLING, author="Europe desk", key_points=4)
    return briefing.build_brief([full_inputs], settings)


@pytest.fixture(scope="module")
def full_doc(full_brief, tmp_path_factory):
    path = tmp_path_factory.mktemp("out") / "brief.docx"
    full_brief.save_docx(path)
    return Document(str(path))


def _style(p) -> str:
    return p.style.name


def _between(doc, heading: str) -> list:
    """Body paragraphs after the heading with this text, up to the next heading."""
    out, inside = [], False
    for p in doc.paragraphs:
        if _style(p).startswith("Heading"):
            if inside:
                break
            inside = p.text == heading
            continue
        if inside:
            out.append(p)
    return out


def _hyperlinks(doc, paragraph) -> list[tuple[str, str]]:
    """(text, target URL) of each real Word hyperlink in a paragraph."""
    links = []
    for h in paragraph._p.findall(qn("w:hyperlink")):
        rel = doc.part.rels[h.get(qn("r:id"))]
        assert rel.is_external
        links.append(("".join(t.text for t in h.iter(qn("w:t"))), rel.target_ref))
    return links


def _numbered_style(doc, name: str) -> bool:
    style = doc.styles[name]
    ppr = style.element.pPr
    return ppr is not None and ppr.numPr is not None and ppr.numPr.numId is not None


def test_the_fixture_has_what_the_document_must_show(full_brief):
    assert len({r.source for r in full_brief.sources}) == 3
    assert any(p.corroborated for p in full_brief.points), "a point carried by two outlets"
    assert any(len(q.sources) > 1 for q in full_brief.quotes), "a quote carried by two outlets"
    assert [s.input for s in full_brief.skipped] and full_brief.skipped[0].input.endswith("empty.txt")
    assert full_brief.period is not None


def test_cover_block(full_doc, full_brief):
    paras = full_doc.paragraphs
    assert _style(paras[0]) == "Title" and paras[0].text == full_brief.title
    assert _style(paras[1]) == "Subtitle" and paras[1].text == format_date(full_brief.date)
    first, last = full_brief.period
    assert first < last
    assert paras[2].text == f"Period covered: {format_date(first)} to {format_date(last)}"
    n, outlets = len(full_brief.sources), len({r.source for r in full_brief.sources})
    assert paras[3].text == f"Sources read: {n} articles from {outlets} outlets (1 input skipped)"
    assert paras[4].text == f"Handling: {HANDLING}"
    assert _style(paras[5]) == "Heading 1" and paras[5].text == "Key points"


def test_key_points_bottom_line_up_front(full_doc, full_brief):
    bullets = _between(full_doc, "Key points")
    assert 1 <= len(bullets) <= 5
    assert len(bullets) == len(full_brief.key_points)
    for p, point in zip(bullets, full_brief.key_points):
        assert _style(p) == "List Bullet"
        assert p.text.startswith(point.display)
        assert verbatim_outside_brackets(point)
        assert f"({'; '.join(point.sources)})" in p.text


def test_sections_in_configured_order_with_heading_styles(full_doc, full_brief):
    h1 = [p.text for p in full_doc.paragraphs if _style(p) == "Heading 1"]
    titles = [s.title for s in sorted(load_sections(), key=lambda s: s.order)]
    assert h1 == ["Key points", *titles, "Key quotes", "Sources"]
    assert [p.text for p in full_doc.paragraphs if _style(p) == "Heading 2"] == ["Inputs skipped"]
    for section in full_brief.sections:
        body = _between(full_doc, section.title)
        if section.points:
            assert [p.text.startswith(pt.display) and verbatim_outside_brackets(pt) for p, pt in zip(body, section.points)] == [True] * len(section.points)
            assert {_style(p) for p in body} <= {"List Bullet", "List Bullet 2"}
        else:
            assert [p.text for p in body] == [section.note]


def test_bullets_use_real_word_list_styles(full_doc):
    assert _numbered_style(full_doc, "List Bullet") and _numbered_style(full_doc, "List Number")
    bullets = [p for p in full_doc.paragraphs if _style(p) == "List Bullet"]
    assert bullets and not any(p.text.lstrip().startswith(("•", "-", "*")) for p in bullets)


def test_corroborated_points_are_marked(full_doc, full_brief):
    texts = {p.text for p in full_doc.paragraphs if _style(p) in ("List Bullet", "List Bullet 2")}
    leads = {s.lead.display: s for sec in full_brief.sections for s in sec.stories}
    marked = 0
    for text, story in leads.items():
        (line,) = [t for t in texts if t.startswith(text)]
        assert all(o in line[len(text):] for o in story.outlets)  # a lead names every outlet
        if len(story.outlets) > 1:
            assert line.endswith(f"\u2714\u00a0{len(story.outlets)}\u00a0outlets")
            marked += 1
    for point in full_brief.points:
        (line,) = [t for t in texts if t.startswith(point.display)]
        if point.display in leads:
            continue  # a story's lead names every outlet of the story (test_story_shape)
        cue = f"\u2714\u00a0{len(point.sources)}\u00a0outlets"  # no-break spaces: one visual unit
        if point.corroborated:
            assert line.endswith(f"({'; '.join(point.sources)}) {cue}")
            marked += 1
        else:
            assert "\u2714" not in line and "outlets" not in line[len(point.display):]
    assert marked >= 1


def test_attributions_are_real_hyperlinks_when_the_url_is_known(full_doc, full_brief):
    urls = {r.source: r.url for r in full_brief.sources}
    seen = set()
    for p in full_doc.paragraphs:
        if _style(p) != "List Bullet" or not p.text.endswith((")", "outlets")):
            continue
        links = dict(_hyperlinks(full_doc, p))
        for source, url in urls.items():
            if f"{source})" in p.text or f"{source};" in p.text:
                if url:
                    assert links.get(source) == url, (source, p.text)
                    seen.add(source)
                else:
                    assert source not in links
    assert seen == {"Reuters", "AP"}


def test_key_quotes_table(full_doc, full_brief):
    assert 1 <= len(full_brief.quotes) <= 5
    (table,) = full_doc.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Speaker", "Quote", "Source"]
    assert len(rows) == len(full_brief.quotes) + 1
    for row, quote in zip(rows[1:], full_brief.quotes):
        # the name, and beneath it (a line break) the role the article gives
        assert row == [quote.who.replace(", ", ",\n", 1) if quote.role else quote.speaker,
                       f"\u201c{quote.text}\u201d", "; ".join(quote.sources)]
    assert any(q.speaker == "Rex Tillerson" and set(q.sources) == {"CNN", "AP"} for q in full_brief.quotes)
    texts = [q.text for q in full_brief.quotes]
    for i, a in enumerate(texts):  # deduplicated like points
        for b in texts[i + 1:]:
            assert not briefing.same_point(a, b)
    # the header row repeats on a new page
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_sources_numbered_and_skipped_listed_apart(full_doc, full_brief):
    numbered = [p for p in full_doc.paragraphs if _style(p) == "List Number"]
    assert len(numbered) == len(full_brief.sources)
    for p, ref in zip(numbered, full_brief.sources):
        assert p.text.startswith(f"{ref.source}: {ref.title}, {format_date(ref.date)}.")
        assert p.runs[0].text == f"{ref.source}: " and p.runs[0].bold  # the outlet in bold
        if ref.url:
            assert p.text.endswith(ref.url)
            assert _hyperlinks(full_doc, p) == [(ref.url, ref.url)]
        else:
            assert p.text.endswith(ref.path.rsplit("/", 1)[-1])
            assert p.runs[-1].italic and p.runs[-1].text == ref.path.rsplit("/", 1)[-1]
    skipped = _between(full_doc, "Inputs skipped")
    assert [p.text for p in skipped] == [f"{s.input}: {s.reason}" for s in full_brief.skipped]
    assert {_style(p) for p in skipped} == {"List Bullet"}


def test_header_title_and_footer_page_n_of_m(full_doc, full_brief):
    section = full_doc.sections[0]
    assert full_brief.title in section.header.paragraphs[0].text
    footer = section.footer.paragraphs[0]
    instr = [el.text.strip() for el in footer._p.iter(qn("w:instrText"))]
    assert instr == ["PAGE", "NUMPAGES"]
    assert re.fullmatch(r"Page \d+ of \d+", footer.text)


def test_core_properties(full_doc, full_brief):
    props = full_doc.core_properties
    assert props.title == full_brief.title
    assert props.subject == f"Policy brief for {format_date(full_brief.date)}"
    assert props.author == "Europe desk"
    assert props.created == full_brief.created  # UTC, as python-docx reads it back
    assert props.keywords == "; ".join(s.title for s in full_brief.sections)


def _all_paragraphs(doc):
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


@pytest.mark.parametrize("which", ["full", "seeds"])
def test_no_empty_paragraphs_or_stray_spaces(which, full_doc, seed_docx):
    doc = full_doc if which == "full" else Document(str(seed_docx))
    for p in _all_paragraphs(doc):
        assert p.text.strip(), f"empty paragraph ({_style(p)})"
        assert p.text == p.text.strip(), repr(p.text)
        assert "  " not in p.text and " ." not in p.text and " ," not in p.text, repr(p.text)


def test_typographic_quotes_kept(full_doc):
    body = "\n".join(p.text for p in _all_paragraphs(full_doc))
    assert "“Our goal should be" in body and "reverses the actions”" in body


def test_plain_seed_brief_has_every_part(seed_docx, seed_brief):
    doc = Document(str(seed_docx))
    h1 = [p.text for p in doc.paragraphs if _style(p) == "Heading 1"]
    assert h1[0] == "Key points" and h1[-1] == "Sources"
    assert ("Key quotes" in h1) == bool(seed_brief.quotes)
    assert 1 <= len(_between(doc, "Key points")) <= 5
    assert doc.paragraphs[2].text == "Period covered: article dates not given"
    names = [p.text for p in doc.paragraphs if _style(p) == "List Number"]
    assert [n.endswith(r.path.rsplit("/", 1)[-1]) for n, r in zip(names, seed_brief.sources)] == [True, True]


def test_date_format_setting_is_used_everywhere(full_brief, tmp_path):
    path = full_brief.save_docx(tmp_path / "b.docx", date_format="%Y-%m-%d")
    doc = Document(str(path))
    assert doc.paragraphs[1].text == "2017-12-08"
    assert doc.paragraphs[2].text == "Period covered: 2017-03-31 to 2017-12-07"
    assert doc.core_properties.subject == "Policy brief for 2017-12-08"
