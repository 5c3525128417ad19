"""Bad configuration, templates and output paths.

Each case: exit 1, one line on stderr that names the file and the problem, the previous brief at
the output path untouched, and no partial output or temporary file left behind.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from docx import Document

from _privileges import run_cli_without_file_override
from briefing.cli import main
from conftest import ROOT, SEEDS

TEMPLATE = ROOT / "templates" / "brief-template.docx"
GOOD_SECTION = '[[section]]\nkey = "energy"\ntitle = "Energy"\nterms = { gas = 3, russia = 3 }\n'

SECTIONS = {
    "syntax-error": ('[[section]\nkey = "x"\n', ["is not valid TOML", "line 1"]),
    "unknown-top-level-key": ("colour = 1\n" + GOOD_SECTION, ["unknown top-level key(s) colour"]),
    "unknown-key-in-section": (GOOD_SECTION + 'colour = "red"\n', ["section #1", "colour: unknown key"]),
    "misspelt-key": (
        '[[section]]\nkey = "a"\ntitle = "A"\nterm = { gas = 3 }\n',
        ["term: unknown key", "did you mean 'terms'?"],
    ),
    "duplicated-section": (GOOD_SECTION + GOOD_SECTION.replace("Energy", "Energy again"), ["defined twice: energy"]),
    "duplicated-table": (
        '[[section]]\nkey = "a"\ntitle = "A"\n[section.terms]\ngas = 3\n[section.terms]\noil = 2\n',
        ["is not valid TOML", "twice"],
    ),
    "no-sections-empty-file": ("", ["defines no sections"]),
    "no-sections-empty-list": ("section = []\n", ["defines no sections"]),
    "section-not-a-table": ("section = [1, 2]\n", ["section #1: not a table"]),
    "no-terms": ('[[section]]\nkey = "a"\ntitle = "A"\n', ["section 'a': no terms or phrases"]),
    "weight-not-a-number": (
        '[[section]]\nkey = "a"\ntitle = "A"\nterms = { gas = "lots" }\n',
        ["terms.gas", "valid number"],
    ),
    "weight-nan": ('[[section]]\nkey = "a"\ntitle = "A"\nterms = { gas = nan }\n', ["terms.gas", "finite"]),
    "min-score-inf": (GOOD_SECTION + "min_score = inf\n", ["min_score must be a finite number"]),
    "empty-term": ('[[section]]\nkey = "a"\ntitle = "A"\nterms = { "" = 3 }\n', ["an empty term"]),
    "phrase-as-term": (
        '[[section]]\nkey = "a"\ntitle = "A"\nterms = { "gas pipeline" = 3 }\n',
        ["put 'gas pipeline' under [section.phrases]"],
    ),
    "empty-title": ('[[section]]\nkey = "a"\ntitle = " "\nterms = { gas = 3 }\n', ["title is empty"]),
    "not-utf8": (b"\xff\xfe[[section]]\x00", ["cannot read section file"]),
}

CONFIGS = {
    "unknown-key": ('titel = "Morning"\n', ["titel: unknown setting", "did you mean 'title'?"]),
    "syntax-error": ("title = \n", ["is not valid TOML", "line 1"]),
    "wrong-type": ('sentences = "many"\n', ["sentences:", "valid integer"]),
    "out-of-range": ("sentences = 0\n", ["sentences:", "greater than or equal to 1"]),
    "unknown-summarizer": ('summarizer = "gpt"\n', ["unknown summarizer 'gpt'"]),
    "unknown-format": ('format = "pdf"\n', ["format:"]),
    "not-utf8": (b"title = \"\xff\"\n", ["cannot read config file"]),
}


def _template_variant(path: Path, change) -> Path:
    """A copy of the packaged template with each member passed through change(name, data)."""
    with zipfile.ZipFile(TEMPLATE) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = change(name, src.read(name))
            if data is not None:
                dst.writestr(name, data)
    return path


def _drop_style(name: str, data: bytes, style: str = "List Bullet") -> bytes:
    if name != "word/styles.xml":
        return data
    text = data.decode("utf-8")
    pattern = r'<w:style [^>]*>(?:(?!</w:style>).)*?<w:name w:val="' + re.escape(style) + r'"/>.*?</w:style>'
    out, n = re.subn(pattern, "", text, flags=re.S)
    assert n == 1, f"style {style} not found once in the template"
    return out.encode("utf-8")


def _flip_bytes(path: Path) -> Path:
    data = bytearray(TEMPLATE.read_bytes())
    for i in range(len(data) // 4, len(data) // 4 + 300):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


def _macro_enabled(name: str, data: bytes) -> bytes:
    if name == "[Content_Types].xml":
        return data.replace(
            b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
        )
    return data


TEMPLATES = {
    "not-a-zip": (lambda d: _write(d / "t.docx", b"This is a letter, not a template.\n"), ["not a readable Word .docx"]),
    "truncated-zip": (lambda d: _write(d / "t.docx", TEMPLATE.read_bytes()[:3000]), ["not a readable Word .docx"]),
    "corrupt-bytes": (lambda d: _flip_bytes(d / "t.docx"), ["t.docx"]),
    "zip-but-not-word": (lambda d: _zip_of(d / "t.docx", {"hello.txt": "hi"}), ["not a readable Word .docx"]),
    "no-styles-part": (
        lambda d: _template_variant(d / "t.docx", lambda n, b: None if n == "word/styles.xml" else b),
        ["word/styles.xml"],
    ),
    "malformed-styles-xml": (
        lambda d: _template_variant(d / "t.docx", lambda n, b: b[: len(b) // 2] if n == "word/styles.xml" else b),
        ["is damaged"],
    ),
    "malformed-document-xml": (
        lambda d: _template_variant(d / "t.docx", lambda n, b: b"<w:document garbage" if n == "word/document.xml" else b),
        ["is damaged"],
    ),
    "lacks-a-style": (
        lambda d: _template_variant(d / "t.docx", _drop_style),
        ["lacks the style(s) the brief needs: List Bullet"],
    ),
    "macro-enabled": (lambda d: _template_variant(d / "t.docx", _macro_enabled), ["not a readable Word .docx"]),
    "a-folder": (lambda d: _mkdir(d / "t.docx"), ["is a folder"]),
    "missing": (lambda d: d / "t.docx", ["template not found"]),
}


def _write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def _zip_of(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, text in members.items():
            z.writestr(name, text)
    return path


@pytest.fixture
def old_brief(tmp_path, seed_docx):
    """An output path that already holds yesterday's brief."""
    out = tmp_path / "out" / "brief.docx"
    out.parent.mkdir()
    shutil.copy(seed_docx, out)
    return out


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fails_cleanly(argv: list[str], out: Path, must: list[str], capsys, code: int = 1) -> str:
    """code: 1 for a failed run, 2 for a bad value (settings, sections: ConfigError)."""
    before = _digest(out) if out.is_file() else None
    assert main(argv) == code
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("briefing: error: ")
    for fragment in must:
        assert fragment in lines[0], (fragment, lines[0])
    if before is not None:
        assert _digest(out) == before, "the previous brief was changed"
        Document(str(out))  # still opens
    folder = out.parent if out.parent.is_dir() else None
    if folder is not None:
        assert sorted(p.name for p in folder.iterdir() if p != out) == [], "something was left behind"
    return lines[0]


def _build_args(out: Path, *extra: str, summarizer: str | None = "lead") -> list[str]:
    fast = ["--summarizer", summarizer] if summarizer else []
    return ["build", str(SEEDS), "-o", str(out), *fast, *extra]


# --- section files -------------------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(SECTIONS))
def test_bad_section_file(case, tmp_path, old_brief, capsys):
    content, must = SECTIONS[case]
    f = _write(tmp_path / f"{case}.toml", content)
    _fails_cleanly(_build_args(old_brief, "--sections", str(f)), old_brief, [str(f), *must], capsys, code=2)


@pytest.mark.parametrize("case", ["missing", "folder"])
def test_section_file_missing_or_a_folder(case, tmp_path, old_brief, capsys):
    f = tmp_path / "sections.toml"
    if case == "folder":
        f.mkdir()
    must = ["section file not found"] if case == "missing" else ["cannot read section file"]
    _fails_cleanly(_build_args(old_brief, "--sections", str(f)), old_brief, [str(f), *must], capsys, code=2)


def test_good_section_file_still_works(tmp_path, old_brief, capsys):
    f = _write(tmp_path / "s.toml", GOOD_SECTION)
    assert main(_build_args(old_brief, "--sections", str(f))) == 0
    paras = [p.text for p in Document(str(old_brief)).paragraphs]
    assert "Energy" in paras


# --- settings files and environment ------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(CONFIGS))
def test_bad_config_file(case, tmp_path, old_brief, capsys):
    content, must = CONFIGS[case]
    f = _write(tmp_path / f"{case}.toml", content)
    args = _build_args(old_brief, "--config", str(f), summarizer=None)  # a flag would override the file
    _fails_cleanly(args, old_brief, [str(f), *must], capsys, code=2)


def test_config_file_missing(tmp_path, old_brief, capsys):
    f = tmp_path / "nope.toml"
    _fails_cleanly(_build_args(old_brief, "--config", str(f)), old_brief, [f"config file not found: {f}"], capsys, code=2)


def test_bad_environment_variable(monkeypatch, old_brief, capsys):
    monkeypatch.setenv("BRIEFING_SENTENCES", "plenty")
    _fails_cleanly(_build_args(old_brief), old_brief,
                   ["sentences: Input should be a valid integer", "(from environment variable BRIEFING_SENTENCES)"], capsys, code=2)


def test_config_pointing_at_a_bad_section_file(tmp_path, old_brief, capsys):
    bad = _write(tmp_path / "s.toml", "section = []\n")
    cfg = _write(tmp_path / "c.toml", 'sections_file = "s.toml"\n')
    _fails_cleanly(_build_args(old_brief, "--config", str(cfg)), old_brief, [str(bad), "defines no sections"], capsys, code=2)


# --- templates -------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(TEMPLATES))
def test_bad_template(case, tmp_path, old_brief, capsys):
    make, must = TEMPLATES[case]
    t = make(tmp_path)
    line = _fails_cleanly(_build_args(old_brief, "--template", str(t)), old_brief, [str(t), *must], capsys)
    assert "Traceback" not in line


def test_template_lacking_several_styles_names_them_all(tmp_path, old_brief, capsys):
    t = _template_variant(
        tmp_path / "t.docx",
        lambda n, b: _drop_style(n, _drop_style(n, b, "Subtitle"), "List Number"),
    )
    _fails_cleanly(_build_args(old_brief, "--template", str(t)), old_brief, ["Subtitle, List Number"], capsys)


# --- output paths -------------------------------------------------------------------------------


def test_output_is_a_directory(tmp_path, capsys):
    out = tmp_path / "brief.docx"
    out.mkdir()
    _fails_cleanly(_build_args(out), out, [f"cannot write {out}: it is a directory"], capsys)
    assert list(out.iterdir()) == []


def test_output_folder_is_a_file(tmp_path, capsys):
    blocker = _write(tmp_path / "out", "not a folder")
    out = blocker / "brief.docx"
    _fails_cleanly(_build_args(out), out, [f"cannot create folder {blocker}"], capsys)
    assert blocker.read_text() == "not a folder"


def test_output_is_a_pipe_or_device(tmp_path, capsys):
    out = tmp_path / "brief.docx"
    os.mkfifo(out)
    _fails_cleanly(_build_args(out), out, [f"cannot write {out}: not a regular file"], capsys)
    assert out.is_fifo()  # not replaced by a file (as root, -o /dev/null would otherwise be)


def test_output_through_a_symlink_writes_the_file_it_points_to(tmp_path, capsys):
    real = tmp_path / "archive" / "real.docx"
    real.parent.mkdir()
    link = tmp_path / "brief.docx"
    link.symlink_to(real)
    assert main(_build_args(link)) == 0
    assert link.is_symlink() and real.is_file()
    Document(str(link))


def test_read_only_folder_simulated(old_brief, monkeypatch, capsys):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("briefing._io.tempfile.mkstemp", refuse)
    _fails_cleanly(
        _build_args(old_brief), old_brief, [f"cannot write in {old_brief.parent}: Permission denied"], capsys
    )


def test_read_only_folder_for_real(tmp_path, seed_docx):
    """chmod 555, enforced even for root (the child drops its file-override capabilities)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    out = folder / "brief.docx"
    shutil.copy(seed_docx, out)
    before = _digest(out)
    folder.chmod(0o555)
    try:
        r = run_cli_without_file_override(*_build_args(out), cwd=ROOT)
    finally:
        folder.chmod(0o755)
    assert r.returncode == 1, r.stdout + r.stderr
    assert r.stderr.splitlines() == [f"briefing: error: cannot write in {folder}: Permission denied"]
    assert _digest(out) == before and [p.name for p in folder.iterdir()] == ["brief.docx"]


def _enospc(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _partial_then_enospc_docx(self, path):
    Path(path).write_bytes(b"PK\x03\x04" + b"\x00" * 1000)  # half a zip, then the disk is full
    _enospc()


def _partial_then_enospc_text(self, data, *args, **kwargs):
    with open(self, "w", encoding="utf-8") as fh:
        fh.write(data[: len(data) // 2])
    _enospc()


FULL_DISK = {
    "docx-write": ("docx", "docx.document.Document.save", _partial_then_enospc_docx),
    "json-write": ("json", "pathlib.Path.write_text", _partial_then_enospc_text),
    "docx-fsync": ("docx", "briefing._io.os.fsync", _enospc),
    "docx-rename": ("docx", "briefing._io.os.replace", _enospc),
}


@pytest.mark.parametrize("case", sorted(FULL_DISK))
def test_full_disk_simulated(case, tmp_path, monkeypatch, capsys, seed_docx):
    fmt, target, fake = FULL_DISK[case]
    out = tmp_path / "out" / f"brief.{fmt}"
    out.parent.mkdir()
    if fmt == "docx":
        shutil.copy(seed_docx, out)
    else:
        out.write_text('{"title": "yesterday"}\n', encoding="utf-8")
    before = _digest(out)
    monkeypatch.setattr(target, fake)
    assert main(_build_args(out, "--format", fmt)) == 1
    monkeypatch.undo()
    lines = capsys.readouterr().err.splitlines()
    assert lines == [f"briefing: error: cannot write {out}: No space left on device"]
    assert _digest(out) == before
    assert [p.name for p in out.parent.iterdir()] == [out.name]


UNSHARE = shutil.which("unshare")


@pytest.mark.skipif(UNSHARE is None, reason="needs util-linux unshare to mount a tiny tmpfs")
def test_full_disk_for_real(tmp_path, seed_docx):
    """A 64 KiB tmpfs in a private mount namespace: yesterday's brief fits, a second copy does not."""
    disk = tmp_path / "disk"
    disk.mkdir()
    report = tmp_path / "report.txt"
    check = textwrap.dedent(
        f"""
        import hashlib, os, sys
        out = {str(disk / 'brief.docx')!r}
        print(sorted(os.listdir({str(disk)!r})), hashlib.sha256(open(out, 'rb').read()).hexdigest())
        """
    )
    script = textwrap.dedent(
        f"""
        set -e
        mount -t tmpfs -o size=64k tmpfs {disk}
        cp {seed_docx} {disk}/brief.docx
        set +e
        {sys.executable} -m briefing build {SEEDS} -o {disk}/brief.docx --summarizer lead 2>{tmp_path}/err.txt
        echo "rc=$?" > {report}
        {sys.executable} -c "$CHECK" >> {report}
        """
    )
    r = subprocess.run(
        [UNSHARE, "--mount", "--propagation", "private", "sh", "-c", script],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, "CHECK": check},
    )
    assert r.returncode == 0, r.stderr
    rc_line, listing = report.read_text().splitlines()
    assert rc_line == "rc=1"
    assert listing == f"['brief.docx'] {_digest(seed_docx)}"
    err = (tmp_path / "err.txt").read_text()
    assert err.splitlines() == [f"briefing: error: cannot write {disk / 'brief.docx'}: No space left on device"]


def test_interrupted_write_leaves_no_temp(old_brief, monkeypatch, capsys):
    def interrupted(self, path):
        Path(path).write_bytes(b"PK")
        raise KeyboardInterrupt

    before = _digest(old_brief)
    monkeypatch.setattr("docx.document.Document.save", interrupted)
    assert main(_build_args(old_brief)) == 130
    assert _digest(old_brief) == before
    assert [p.name for p in old_brief.parent.iterdir()] == ["brief.docx"]


def test_new_brief_keeps_the_old_ones_permissions(old_brief, capsys):
    old_brief.chmod(0o640)
    assert main(_build_args(old_brief)) == 0
    assert (old_brief.stat().st_mode & 0o777) == 0o640
    fresh = old_brief.parent / "fresh.docx"
    assert main(_build_args(fresh)) == 0
    umask = os.umask(0o022)
    os.umask(umask)
    assert (fresh.stat().st_mode & 0o777) == 0o666 & ~umask


def test_stale_temp_of_a_dead_writer_is_removed(old_brief, capsys):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    stale = old_brief.parent / f".brief.docx.{dead_pid}.abc123.tmp"
    stale.write_bytes(b"PK\x03\x04 half a brief")
    alive = old_brief.parent / ".brief.docx.1.def456.tmp"  # pid 1 is alive: its writer's file is kept
    alive.write_bytes(b"in progress")
    other = old_brief.parent / ".notes.txt.1.tmp"  # not ours: kept
    other.write_bytes(b"x")
    assert main(_build_args(old_brief)) == 0
    assert not stale.exists() and alive.exists() and other.exists()

