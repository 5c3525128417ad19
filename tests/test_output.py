"""One output module (briefing.output): the format of a path is decided there, and build, daily
and the library (Brief.save_*) all write through it."""

from __future__ import annotations

import ast
import datetime as dt
import json
import subprocess
import sys
import zipfile

import pytest
from _newsroom import CEASEFIRE

import briefing
import briefing.output
from briefing.cli import main
from conftest import ROOT, SEEDS


@pytest.mark.parametrize("name, fmt", [("b.docx", "docx"), ("b.md", "md"), ("B.MARKDOWN", "md"), ("b.json", "json")])
def test_the_extension_picks_the_format(seed_brief, tmp_path, name, fmt):
    written = briefing.save_brief(seed_brief, tmp_path / name)
    assert written == tmp_path / name
    data = written.read_bytes()
    if fmt == "docx":
        assert zipfile.is_zipfile(written)
    elif fmt == "json":
        assert briefing.Brief.model_validate_json(data) == seed_brief
    else:
        assert data.decode().startswith(f"# {seed_brief.title}")


def test_mismatch_and_unknown_names_are_refused(seed_brief, tmp_path):
    with pytest.raises(briefing.OutputError, match="is a .md file but the format asked for is json"):
        briefing.save_brief(seed_brief, tmp_path / "b.md", "json")
    with pytest.raises(briefing.OutputError, match="cannot tell the format"):
        briefing.save_brief(seed_brief, tmp_path / "b.txt")
    with pytest.raises(briefing.OutputError, match="unknown output format"):
        briefing.save_brief(seed_brief, tmp_path / "b", "html")
    assert list(tmp_path.iterdir()) == []  # nothing written
    # an unusual name is fine when the format is said
    assert json.loads(briefing.save_brief(seed_brief, tmp_path / "b.txt", "json").read_text())["title"]


def test_brief_save_methods_are_the_same_writer(seed_brief, tmp_path):
    a = seed_brief.save_markdown(tmp_path / "a.md").read_text()
    b = briefing.save_brief(seed_brief, tmp_path / "b.md").read_text()
    assert a == b
    assert seed_brief.save_json(tmp_path / "a.json").read_text() == briefing.save_brief(seed_brief, tmp_path / "b.json").read_text()


def test_the_data_model_does_not_import_its_views():
    tree = ast.parse((ROOT / "briefing" / "models.py").read_text())
    top = {n.module for n in tree.body if isinstance(n, ast.ImportFrom)}
    top |= {a.name for n in tree.body if isinstance(n, ast.Import) for a in n.names}
    assert not top & {"briefing.render", "briefing.markdown", "briefing.pdf", "briefing.output", "docx"}
    code = ("import sys, briefing.models; print([m for m in ('briefing.render', 'briefing.markdown', "
            "'briefing.pdf', 'briefing.output', 'docx') if m in sys.modules])")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.stdout.strip() == "[]", r.stdout + r.stderr


def test_the_settings_format_names_the_default_output(seed_brief, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = briefing.load_settings(format="md")
    written = briefing.write_brief(seed_brief, settings)
    assert written == briefing.output.Path("out/brief.md")
    assert written.read_text().startswith("# ")
    # an explicit output that contradicts the settings' format is refused, not written
    with pytest.raises(briefing.OutputError):
        briefing.write_brief(seed_brief, settings, tmp_path / "x.docx")


@pytest.fixture
def calls(monkeypatch):
    seen: list[tuple[str, str | None]] = []
    real = briefing.output.save_brief

    def spy(brief, path, format=None, **kw):
        seen.append((briefing.output.Path(path).suffix, format))
        return real(brief, path, format, **kw)

    monkeypatch.setattr(briefing.output, "save_brief", spy)
    return seen


def test_build_daily_and_library_write_through_briefing_output(calls, tmp_path, seed_brief, monkeypatch):
    assert main(["build", str(SEEDS), "-o", str(tmp_path / "b.md"), "-q"]) == 0
    assert calls == [(".md", "md")]
    seed_brief.save_docx(tmp_path / "lib.docx")
    assert calls[-1] == (".docx", "docx")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(CEASEFIRE.text(), encoding="utf-8")
    settings = briefing.load_settings(archive=tmp_path / "a.sqlite3", briefs_dir=tmp_path / "briefs", inbox=inbox)
    _, path = briefing.run_daily(dt.date(2026, 11, 20), settings)
    assert calls[-1] == (".docx", "docx") and len(calls) == 3
    assert path.is_file()
