"""Shared fixtures: project paths and one seed brief built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
EVAL_DATA = ROOT.parent / "shared" / "eval-data"
REUTERS_SEED = SEEDS / "000_41486dca4cf9b297.txt"
CNN_SEED = SEEDS / "002_2a1c33e9a189450b.txt"


@pytest.fixture(scope="session")
def seed_brief():
    import briefing

    settings = briefing.load_settings(date="2017-12-08")
    return briefing.build_brief([SEEDS], settings)


@pytest.fixture(scope="session")
def seed_docx(seed_brief, tmp_path_factory):
    path = tmp_path_factory.mktemp("brief") / "brief.docx"
    seed_brief.save_docx(path)
    return path


@pytest.fixture
def server():
    """A news site (feeds and pages) on 127.0.0.1 for the test, closed afterwards."""
    from _newsroom import NewsServer

    srv = NewsServer().start()
    yield srv
    srv.close()


def verbatim_outside_brackets(point) -> bool:
    """The words a bullet shows outside its square-bracketed edits are exactly the verbatim
    sentence's words outside the edited spans (nothing changed but what is in brackets), and every
    edit's text is bracketed."""
    display = point.display
    if display.count("[") - point.text.count("[") != len(point.edits):
        return False
    shown, kept, pos = display, [], 0
    for e in sorted(point.edits, key=lambda e: (e.start, e.end)):
        if not (e.text.strip().startswith("[") and e.text.strip().endswith("]")):
            return False
        kept.append(point.text[pos : e.start])
        pos = e.end
        shown = shown.replace(e.text, "\0", 1)
    kept.append(point.text[pos:])
    return shown.split("\0") == kept


@pytest.fixture(autouse=True)
def _quiet_smtp_server_log(monkeypatch):
    """aiosmtpd's server thread logs "connection lost" after a test's end, into a stream pytest has closed
    ("--- Logging error ---" in the output); its records stay with the logger (no test reads them)."""
    import logging

    monkeypatch.setattr(logging.getLogger("mail.log"), "propagate", False)
