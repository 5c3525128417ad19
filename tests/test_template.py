"""The Word template: a user's own template is honoured; one missing a style fails clearly."""

from __future__ import annotations

import datetime as dt
import importlib.util

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

import briefing
from briefing.cli import main
from briefing.render import OPTIONAL_STYLES, REQUIRED_STYLES, default_template_path, render_docx
from conftest import ROOT, SEEDS


def _user_template(tmp_path, *, drop: str | None = None, font: str = "DejaVu Serif"):
    """The default template restyled as an organisation would: other fonts, sizes, margins."""
    doc = Document(str(default_template_path()))
    doc.styles["Normal"].font.name = font
    doc.styles["Normal"].font.size = Pt(12)
    doc.styles["Heading 1"].font.name = "DejaVu Sans Mono"
    doc.sections[0].left_margin = Cm(3.1)
    if drop:
        el = doc.styles[drop].element
        el.getparent().remove(el)
    path = tmp_path / f"house-{drop or 'ok'}.docx"
    doc.save(str(path))
    return path


def _tiny_brief(url: str | None = "https://example.org/a") -> briefing.Brief:
    cite = briefing.Citation(article_id="a1", source="Example News", sentence=0, start=0, end=30)
    point = briefing.Point(text="Ministers met in Brussels today.", score=0.9, citations=(cite,))
    return briefing.Brief(
        title="House Brief", date=dt.date(2017, 12, 8), created=dt.datetime(2017, 12, 8, 7, 0),
        key_points=(point,),
        sources=(briefing.SourceRef(id="a1", source="Example News", title="Ministers meet", url=url),),
    )


def test_shipped_template_has_every_style(tmp_path):
    names = {s.name for s in Document(str(default_template_path())).styles}
    assert set(REQUIRED_STYLES) <= names
    assert set(OPTIONAL_STYLES) <= names


def test_make_template_regenerates_an_equivalent_template(tmp_path):
    spec = importlib.util.spec_from_file_location("make_template", ROOT / "templates" / "make_template.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    made = Document(str(module.build(tmp_path / "t.docx")))
    shipped = Document(str(default_template_path()))
    for name in (*REQUIRED_STYLES, "Hyperlink", "Header", "Footer"):
        a, b = made.styles[name], shipped.styles[name]
        assert (a.font.name, a.font.size, a.font.bold) == (b.font.name, b.font.size, b.font.bold), name
    assert made.sections[0].left_margin == shipped.sections[0].left_margin


def test_user_template_fonts_and_margins_are_honoured(tmp_path, seed_brief):
    template = _user_template(tmp_path)
    out = render_docx(seed_brief, tmp_path / "b.docx", template=template)
    doc = Document(str(out))
    assert doc.styles["Normal"].font.name == "DejaVu Serif"
    assert doc.styles["Normal"].font.size == Pt(12)
    assert doc.styles["Heading 1"].font.name == "DejaVu Sans Mono"
    assert abs(doc.sections[0].left_margin - Cm(3.1)) < Cm(0.01)  # stored in twips
    # no run overrides the template's fonts: the brief's text is shown in the house style
    runs = [r for p in doc.paragraphs for r in p.runs]
    assert runs and all(r.font.name is None and r.font.size is None for r in runs)
    default = Document(str(render_docx(seed_brief, tmp_path / "d.docx")))
    assert default.styles["Normal"].font.name != "DejaVu Serif"


def test_template_given_on_the_command_line(tmp_path, capsys):
    template = _user_template(tmp_path, font="DejaVu Sans Condensed")
    out = tmp_path / "cli.docx"
    code = main(["build", str(SEEDS), "-o", str(out), "--template", str(template), "--date", "2017-12-08"])
    assert code == 0, capsys.readouterr().err
    assert Document(str(out)).styles["Normal"].font.name == "DejaVu Sans Condensed"


@pytest.mark.parametrize("style", ["List Number", "Heading 1", "List Bullet"])
def test_template_missing_a_style_names_it(tmp_path, style):
    template = _user_template(tmp_path, drop=style)
    with pytest.raises(briefing.TemplateError) as info:
        render_docx(_tiny_brief(), tmp_path / "b.docx", template=template)
    assert f"lacks the style(s) the brief needs: {style}" in str(info.value)
    assert not (tmp_path / "b.docx").exists()


def test_cli_missing_style_is_one_clear_line(tmp_path, capsys):
    template = _user_template(tmp_path, drop="List Number")
    out = tmp_path / "cli.docx"
    code = main(["build", str(SEEDS), "-o", str(out), "--template", str(template)])
    err = capsys.readouterr().err
    assert code == 1
    assert "List Number" in err and "Traceback" not in err and "KeyError" not in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_missing_optional_hyperlink_style_falls_back_to_blue_underline(tmp_path):
    template = _user_template(tmp_path, drop="Hyperlink")
    doc = Document(str(render_docx(_tiny_brief(), tmp_path / "b.docx", template=template)))
    links = [h for p in doc.paragraphs for h in p._p.findall(qn("w:hyperlink"))]
    assert links
    for h in links:
        rpr = h.find(qn("w:r")).find(qn("w:rPr"))
        assert rpr.find(qn("w:rStyle")) is None
        assert rpr.find(qn("w:u")) is not None and rpr.find(qn("w:color")) is not None


def test_hyperlink_style_used_when_present(tmp_path):
    doc = Document(str(render_docx(_tiny_brief(), tmp_path / "b.docx")))
    link_id = doc.styles["Hyperlink"].style_id
    links = [h for p in doc.paragraphs for h in p._p.findall(qn("w:hyperlink"))]
    assert len(links) == 2  # the attribution and the source list entry
    assert {h.find(qn("w:r")).find(qn("w:rPr")).find(qn("w:rStyle")).get(qn("w:val")) for h in links} == {link_id}
    # one relationship per URL, however often it is linked
    assert len({h.get(qn("r:id")) for h in links}) == 1
    assert [r.target_ref for r in doc.part.rels.values() if r.is_external] == ["https://example.org/a"]


def test_url_that_is_not_a_web_address_is_not_a_link(tmp_path):
    doc = Document(str(render_docx(_tiny_brief(url="javascript:alert(1)"), tmp_path / "b.docx")))
    assert not [h for p in doc.paragraphs for h in p._p.findall(qn("w:hyperlink"))]
    assert any(p.text.endswith("javascript:alert(1)") for p in doc.paragraphs)
