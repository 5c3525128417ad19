"""The command line: thin commands, clear errors, help text everywhere."""

import argparse
import json
import shutil
import subprocess
import sys

from docx import Document

from briefing.cli import main, make_parser
from conftest import CNN_SEED, ROOT, SEEDS


def _run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "briefing", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_every_command_and_option_has_help():
    parser = make_parser()
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert subs
    choices = subs[0].choices
    assert "build" in choices
    helps = {c.dest: c.help for c in subs[0]._choices_actions}
    for name, sub in choices.items():
        assert helps.get(name), f"command {name} has no help"
        for action in sub._actions:
            if action.option_strings or action.dest != "help":
                assert action.help, f"{name}: option {action.option_strings or action.dest} has no help"


def test_build_writes_docx_from_another_directory(tmp_path):
    out = tmp_path / "b.docx"
    r = _run("build", str(SEEDS), "-o", str(out), "--sentences", "3", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert f"wrote {out}" in r.stdout
    assert "Sources" in [p.text for p in Document(str(out)).paragraphs]


def test_build_json_format(tmp_path):
    out = tmp_path / "b.json"
    assert main(["build", str(SEEDS), "-o", str(out), "--format", "json", "--summarizer", "luhn"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["summarizer"] == "luhn" and len(data["sections"]) == 4


def test_skipped_inputs_reported_on_stderr(tmp_path):
    shutil.copy(CNN_SEED, tmp_path / "cnn.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    r = _run("build", str(tmp_path), str(tmp_path / "nope.txt"), "-o", str(tmp_path / "b.docx"))
    assert r.returncode == 0, r.stderr
    assert "skipped" in r.stderr and "empty.txt: empty file" in r.stderr
    assert "nope.txt: no such file or directory" in r.stderr
    assert (tmp_path / "b.docx").exists()


def test_errors_are_one_clean_line(tmp_path):
    r = _run("build", str(SEEDS), "-o", str(tmp_path / "b.docx"), "--summarizer", "gpt")
    assert r.returncode == 2  # a bad value
    assert "Traceback" not in r.stderr and "unknown summarizer" in r.stderr
    (tmp_path / "empty.txt").write_bytes(b"")
    r = _run("build", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "b.docx"))
    assert r.returncode == 1 and "no usable article" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "b.docx").exists()


def test_missing_seeds_folder_is_explained(tmp_path):
    r = _run("build", cwd=tmp_path)
    assert r.returncode != 0
    assert "no seeds/ folder" in r.stderr and "Traceback" not in r.stderr


def test_output_is_a_directory(tmp_path):
    r = _run("build", str(SEEDS), "-o", str(tmp_path))
    assert r.returncode == 1 and "is a directory" in r.stderr


def test_main_freezes_what_the_run_built_at_exit_only(tmp_path):
    """main() registers one exit handler (however often it runs) that moves every tracked object
    to the permanent generation; nothing is frozen while the process still runs."""
    import atexit
    import gc

    from briefing import cli

    calls = []
    real_register, real_unregister = atexit.register, atexit.unregister
    try:
        atexit.register = lambda f, *a, **k: calls.append(("register", f)) or f  # type: ignore[assignment]
        atexit.unregister = lambda f: calls.append(("unregister", f))  # type: ignore[assignment]
        assert main(["build", str(SEEDS), "-o", str(tmp_path / "a.json"), "--format", "json"]) == 0
        assert main(["build", str(SEEDS), "-o", str(tmp_path / "b.json"), "--format", "json"]) == 0
    finally:
        atexit.register, atexit.unregister = real_register, real_unregister
    assert [c for c in calls if c[1] is cli._freeze_at_exit] == [
        ("unregister", cli._freeze_at_exit), ("register", cli._freeze_at_exit)
    ] * 2
    assert gc.get_freeze_count() == 0  # the run itself leaves nothing frozen
    gc.collect()
    try:
        cli._freeze_at_exit()
        assert gc.get_freeze_count() > 1000
    finally:
        gc.unfreeze()
    assert gc.get_freeze_count() == 0


def test_cli_process_exits_cleanly_with_its_output(tmp_path):
    out = tmp_path / "brief.md"
    proc = subprocess.run(
        [sys.executable, "-m", "briefing", "build", str(SEEDS), "-o", str(out), "--format", "md"],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8").startswith("#")
