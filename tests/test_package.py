"""Packaging: public surface, typed marker, templates shipped as package data."""

import subprocess
import sys
import zipfile

import briefing
from conftest import ROOT


def test_public_surface():
    for name in briefing.__all__:
        assert hasattr(briefing, name), name
    for name in ("build_brief", "load_articles", "Brief", "BriefingError", "Settings", "load_settings"):
        assert name in briefing.__all__
    assert issubclass(briefing.TemplateError, briefing.BriefingError)


def test_packaged_resources_exist():
    from briefing.render import default_template_path
    from briefing.sections import default_sections_path

    assert default_template_path().is_file()
    assert default_sections_path().is_file()


def test_wheel_contains_templates_and_py_typed(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    (wheel,) = tmp_path.glob("briefing-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("briefing/py.typed", "briefing/templates/sections.toml", "briefing/templates/brief-template.docx", "briefing/cli.py", "briefing/evaluate/run.py", "briefing/data/outlets.json"):
        assert needed in names, needed
