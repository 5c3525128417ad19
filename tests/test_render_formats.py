"""Other outputs from the same Brief: Markdown (--format md), JSON, and PDF through LibreOffice."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

import briefing
from briefing.cli import main
from briefing.markdown import render_markdown
from briefing.pdf import docx_to_pdf, soffice_path
from briefing.render import format_date
from conftest import SEEDS, verbatim_outside_brackets


def test_markdown_has_every_part(seed_brief):
    md = render_markdown(seed_brief)
    lines = md.splitlines()
    assert lines[0] == f"# {seed_brief.title}"
    assert f"**{format_date(seed_brief.date)}**" in lines
    h2 = [line[3:] for line in lines if line.startswith("## ")]
    assert h2 == ["Key points", *[s.title for s in seed_brief.sections], "Key quotes", "Sources"]
    for point in seed_brief.points:
        shown = point.display.replace("[", "\\[").replace("]", "\\]")  # Markdown-escaped brackets
        assert verbatim_outside_brackets(point) and f"- {shown} *({'; '.join(point.sources)})*" in md
    for section in seed_brief.sections:  # story shape: supporting points nested under the lead
        for story in section.stories:
            for point in story.supporting:
                assert f"  - {point.display.replace('[', chr(92) + '[').replace(']', chr(92) + ']')} *(" in md
    assert "| Speaker | Quote | Source |" in lines
    for q in seed_brief.quotes:
        assert f"| {q.who} | \u201c{q.text}\u201d | {'; '.join(q.sources)} |" in lines
    numbered = [line for line in lines if line[:1].isdigit() and ". **" in line]
    assert len(numbered) == len(seed_brief.sources)
    assert "" not in [line.strip() for line in md.split("\n\n")]  # no doubled blank lines
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_markdown_links_corroboration_and_skipped():
    cites = (
        briefing.Citation(article_id="a", source="Reuters", sentence=0, start=0, end=10),
        briefing.Citation(article_id="b", source="CNN", sentence=3, start=40, end=50),
    )
    point = briefing.Point(text="NATO ministers met in Brussels.", score=1.0, citations=cites)
    brief = briefing.Brief(
        title="T", date="2017-12-08", created="2017-12-08T07:00:00Z", key_points=(point,),
        sources=(briefing.SourceRef(id="a", source="Reuters", title="A", url="https://r.example/a"),
                 briefing.SourceRef(id="b", source="CNN", title="B", path="in/b.txt")),
        skipped=(briefing.Skipped(input="in/c.txt", reason="empty file"),),
    )
    md = render_markdown(brief)
    assert "- NATO ministers met in Brussels. *([Reuters](<https://r.example/a>); CNN)* **\u2714 2 outlets**" in md
    assert "2. **CNN:** B, date not given. *b.txt*" in md  # an undated article says so
    assert "### Inputs skipped\n\n- **in/c.txt:** empty file" in md


def test_cli_format_md_and_json(tmp_path, capsys):
    md, js = tmp_path / "b.md", tmp_path / "b.json"
    assert main(["build", str(SEEDS), "--format", "md", "-o", str(md), "--date", "2017-12-08"]) == 0
    assert main(["build", str(SEEDS), "--format", "json", "-o", str(js), "--date", "2017-12-08"]) == 0
    data = json.loads(js.read_text(encoding="utf-8"))
    text = md.read_text(encoding="utf-8")
    assert data["quotes"] and all(q["text"] in text for q in data["quotes"])
    assert all(p["text"] in text for p in data["key_points"])


def test_pdf_without_soffice_says_so(tmp_path, monkeypatch, seed_docx, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no soffice here
    with pytest.raises(briefing.OutputError, match="soffice is not on PATH"):
        docx_to_pdf(seed_docx, tmp_path / "b.pdf")
    code = main(["build", str(SEEDS), "-o", str(tmp_path / "b.docx"), "--pdf"])
    err = capsys.readouterr().err
    assert code == 1 and "soffice is not on PATH" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "b.pdf").exists()


def test_pdf_when_soffice_exits_0_but_writes_nothing(tmp_path, monkeypatch, seed_docx):
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake.parent))
    with pytest.raises(briefing.OutputError, match="LibreOffice wrote no PDF"):
        docx_to_pdf(seed_docx, tmp_path / "b.pdf")
    assert not (tmp_path / "b.pdf").exists()


@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed; CI installs it")
def test_pdf_through_libreoffice(tmp_path, capsys):
    out = tmp_path / "brief.md"
    code = main(["build", str(SEEDS), "-o", str(out), "--format", "md", "--pdf", "--date", "2017-12-08",
                 "--title", "Morning Brief Europe"])
    assert code == 0, capsys.readouterr().err
    pdf = tmp_path / "brief.pdf"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True, env=dict(os.environ)).stdout
        for needed in ("Morning Brief Europe", "Key points", "Key quotes", "Sources", "Page 1 of"):
            assert needed in text, needed
