"""The public API is typed: mypy sees real types behind every name exported from briefing."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap

import pytest

import briefing
from conftest import ROOT

WRONG = """\
import briefing

brief: int = briefing.build_brief(["seeds/"])
settings: str = briefing.load_settings(summarizer="lsa")
points: list[int] = briefing.summarize_article("One. Two.", sentences=2)
briefing.same_point("a", 3)
from_texts: str = briefing.build_brief_from_texts(["Some text."], sections=[briefing.Text(text="x")])
"""

RIGHT = """\
from pathlib import Path

import briefing

settings: briefing.Settings = briefing.load_settings(summarizer="lsa", sentences=3)
brief: briefing.Brief = briefing.build_brief(["seeds/"], settings)
for point in brief.key_points:
    text: str = point.text
    sources: list[str] = list(point.sources)
loaded: briefing.LoadResult = briefing.load_articles([Path("seeds")])
articles: list[briefing.Article] = list(loaded.articles)
chosen: list[str] = briefing.summarize_article("One sentence here. Another one.", sentences=1)
merged: list[str] = briefing.summarize_cluster(["a b c.", "d e f."], words=50)
same: bool = briefing.same_point("a", "b")
error: type[briefing.BriefingError] = briefing.TemplateError
written: Path = briefing.write_brief(brief, settings, "out/x.docx")
section = briefing.SectionSpec(key="eu", title="EU", terms={"brussels": 2.0})
texts: list[briefing.Text | str] = [briefing.Text(text="One. Two.", source="Reuters"), "Three. Four."]
from_texts: briefing.Brief = briefing.build_brief_from_texts(texts, settings, sections=[section])
from_files: briefing.Brief = briefing.build_brief(["seeds/"], settings, sections=(section,))
"""


@pytest.fixture(scope="module")
def mypy_run(tmp_path_factory):
    work = tmp_path_factory.mktemp("typing")
    (work / "wrong.py").write_text(WRONG)
    (work / "right.py").write_text(RIGHT)
    # follow-imports=silent: the snippets are checked against briefing's real signatures, and
    # only the snippets' own errors are reported (the package's internals are not under test).
    r = subprocess.run(
        [sys.executable, "-m", "mypy", "--follow-imports=silent", "--no-error-summary",
         "--cache-dir", str(work / ".mypy_cache"), "wrong.py", "right.py"],
        cwd=work, capture_output=True, text=True, timeout=600,
        env={**os.environ, "MYPYPATH": str(ROOT)},  # the editable install's import hook is invisible to mypy
    )
    return r


def test_mypy_catches_a_wrong_annotation(mypy_run):
    out = mypy_run.stdout
    assert mypy_run.returncode == 1, out + mypy_run.stderr
    assert 'wrong.py:3: error: Incompatible types in assignment (expression has type "Brief", variable has type "int")' in out
    assert 'wrong.py:4: error' in out and '"Settings"' in out
    assert 'wrong.py:5: error' in out
    assert 'wrong.py:6: error: Argument 2 to "same_point"' in out
    assert 'wrong.py:7: error' in out and '"Text"' in out  # a Text where a SectionSpec belongs


def test_correct_use_of_the_public_api_type_checks(mypy_run):
    errors = [line for line in mypy_run.stdout.splitlines() if line.startswith("right.py")]
    assert errors == []


def test_type_checking_imports_mirror_the_lazy_table():
    """Every lazily exported name is also imported under TYPE_CHECKING, from the same module."""
    tree = ast.parse((ROOT / "briefing" / "__init__.py").read_text())
    typed: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for imp in node.body:
                if isinstance(imp, ast.ImportFrom):
                    for alias in imp.names:
                        assert alias.asname == alias.name  # re-exported explicitly
                        typed[alias.name] = imp.module or ""
    assert typed == briefing._LAZY
    assert set(briefing.__all__) >= set(typed)


def test_import_briefing_stays_lazy():
    code = textwrap.dedent("""
        import sys, briefing
        heavy = [m for m in ("briefing.archive", "briefing.feeds", "briefing.delivery", "httpx", "nltk") if m in sys.modules]
        print(heavy)
    """)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.stdout.strip() == "[]", r.stdout + r.stderr
