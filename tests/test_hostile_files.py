"""Issue 12, files, text and settings: symlinks out of input folders and the inbox, very deep
inboxes, bidi controls, lone surrogates, Markdown syntax, long core properties, absurd settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from docx import Document

from briefing import load_articles, load_settings
from briefing.cli import main
from briefing.errors import ConfigError
from briefing.pipeline import build_brief
from briefing.textsafety import core_property, markdown_to_text, strip_bidi
from conftest import REUTERS_SEED

GOOD = REUTERS_SEED.read_text(encoding="utf-8")
SECRET = "TOP-SECRET-c0ffee sanctions Russia NATO Ukraine officials said on Tuesday."


def _docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


@pytest.fixture
def secret_outside(tmp_path):
    secret = tmp_path / "private" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text((SECRET + " ") * 20 + "\n" + GOOD, encoding="utf-8")
    return secret


def test_symlinks_out_of_an_input_folder_are_not_followed(tmp_path, secret_outside):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "secret.txt").symlink_to(secret_outside)
    (src / "etc").symlink_to("/etc")
    result = load_articles([src])
    assert [a.path for a in result.articles] == [str(src / "good.txt")]
    reasons = {Path(s.input).name: s.reason for s in result.skipped}
    assert set(reasons) == {"secret.txt", "etc"}
    assert all("outside the folder" in r for r in reasons.values())
    # the explicit option follows them
    followed = load_articles([src], follow_symlinks=True)
    assert any("TOP-SECRET" in a.text for a in followed.articles)


def test_build_brief_lists_the_link_and_leaks_nothing(tmp_path, secret_outside):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "secret.txt").symlink_to(secret_outside)
    out = tmp_path / "brief.docx"
    assert main(["build", str(src), "-o", str(out), "--summarizer", "lead"]) == 0
    text = _docx_text(out)
    assert "TOP-SECRET" not in text and "outside the folder" in text


def test_inbox_symlinks_are_neither_read_nor_archived(tmp_path, secret_outside):
    from briefing.archive import Archive
    from briefing.daily import run_daily

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_text(GOOD, encoding="utf-8")
    (inbox / "secret.txt").symlink_to(secret_outside)
    (inbox / "etc").symlink_to("/etc")
    settings = load_settings(archive=tmp_path / "a.sqlite3", briefs_dir=tmp_path / "briefs", inbox=inbox)
    brief, path = run_daily("2026-11-20", settings)
    assert "TOP-SECRET" not in _docx_text(path)
    assert {Path(s.input).name for s in brief.skipped} == {"secret.txt", "etc"}
    with Archive(settings.archive) as archive:
        dump = "\n".join(str(r) for r in archive.conn.execute("SELECT * FROM articles"))
    assert "TOP-SECRET" not in dump


def _rm_deep(top):
    """Flatten a chain top/d/d/d... iteratively (shutil.rmtree, and so pytest's clean-up,
    would hit RecursionError on it)."""
    fd = os.open(top, os.O_RDONLY)
    try:
        while True:
            try:
                sub = os.open("d", os.O_RDONLY, dir_fd=fd)
            except FileNotFoundError:
                break
            try:
                for name in os.listdir(sub):
                    if name == "d":
                        os.rename("d", "d.tmp", src_dir_fd=sub, dst_dir_fd=fd)
                    else:
                        os.unlink(name, dir_fd=sub)
            finally:
                os.close(sub)
            os.rmdir("d", dir_fd=fd)
            try:
                os.rename("d.tmp", "d", src_dir_fd=fd, dst_dir_fd=fd)
            except FileNotFoundError:
                break
    finally:
        os.close(fd)


def test_inbox_1500_folders_deep(tmp_path):
    from briefing.daily import run_daily

    inbox = tmp_path / "inbox"
    deep = inbox
    os.makedirs(inbox)
    fd = os.open(inbox, os.O_RDONLY)
    try:  # build with relative paths: the absolute path is longer than PATH_MAX
        cur = fd
        for _ in range(1500):
            os.mkdir("d", dir_fd=cur)
            nxt = os.open("d", os.O_RDONLY, dir_fd=cur)
            if cur != fd:
                os.close(cur)
            cur = nxt
        with open(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=cur), "w") as fh:
            fh.write(GOOD)
        os.close(cur)
    finally:
        os.close(fd)
    (inbox / "top.txt").write_text(GOOD.replace("Reuters", "AP"), encoding="utf-8")
    settings = load_settings(archive=tmp_path / "a.sqlite3", briefs_dir=tmp_path / "briefs", inbox=deep)
    try:
        brief, path = run_daily("2026-11-20", settings)  # no RecursionError
        assert path.is_file() and len(brief.sources) >= 1
    finally:
        _rm_deep(inbox)
    assert list(inbox.iterdir()) == [inbox / "top.txt"]


def test_bidi_controls_and_surrogates_never_reach_the_document(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    spoof = "The minister \u202eder\u202c said \u2066sanctions\u2069 would stay \ud800in place. "
    (src / "a.txt").write_text(spoof + GOOD, encoding="utf-8", errors="surrogatepass")
    out = tmp_path / "b.docx"
    assert main(["build", str(src), "-o", str(out), "--summarizer", "lead",
                 "--title", "Brief \u202egnp.exe\u202c"]) == 0
    doc = Document(str(out))
    text = _docx_text(out) + doc.core_properties.title
    for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufffd":
        assert ch not in text
    assert strip_bidi("a\u202eb\ud800c") == "abc"


def test_markdown_syntax_is_rendered_as_text(tmp_path):
    md = (
        "# Sanctions talks\n\n"
        "> **Ministers agreed** a new package of [sanctions](https://example.org/s) on Russia "
        "on Tuesday, officials said in Brussels after long talks.\n\n"
        "| Country | Vote |\n|---|---|\n| France | yes |\n\n"
        "The *measures* take effect next month, the `council` said in a statement on Tuesday.\n\n"
        "![chart](https://example.org/c.png) Officials expect further steps against Russia soon, ministers said.\n"
    )
    (tmp_path / "a.md").write_text(md, encoding="utf-8")
    result = load_articles([tmp_path])
    text = result.articles[0].text
    for syntax in ("**", "](", "> ", "|---", "| ", "`", "![", "*measures*"):
        assert syntax not in text, syntax
    assert "Ministers agreed a new package of sanctions on Russia" in text
    assert "chart" not in text
    assert markdown_to_text("__a__ ~~b~~ <https://x.org>") == "a b https://x.org"


@pytest.mark.parametrize("field", ["title", "author"])
def test_core_properties_over_255_characters_are_cut(tmp_path, field):
    value = ("Ministers " * 60).strip()
    out = tmp_path / "b.docx"
    settings = load_settings(**{field: value}, summarizer="lead")
    build_brief([REUTERS_SEED], settings).save_docx(out)
    props = Document(str(out)).core_properties
    got = getattr(props, field)
    assert len(got) <= 255 and got.endswith("\u2026") and got.startswith("Ministers Ministers")
    if field == "title":
        assert value in _docx_text(out)  # the cover keeps the whole title


def test_twelve_long_section_names_fit_the_keywords(tmp_path):
    sections = tmp_path / "s.toml"
    sections.write_text("".join(
        f'[[section]]\nkey = "s{i}"\ntitle = "Section number {i} about sanctions and energy policy"\n'
        f'order = {i}\n[section.terms]\nsanctions = 3\n' for i in range(12)), encoding="utf-8")
    out = tmp_path / "b.docx"
    assert main(["build", str(REUTERS_SEED), "-o", str(out), "--sections", str(sections), "--summarizer", "lead"]) == 0
    assert len(Document(str(out)).core_properties.keywords) <= 255
    assert core_property("x" * 300) == "x" * 254 + "\u2026"


@pytest.mark.parametrize(
    "overrides, fragment",
    [({"max_article_bytes": 2**70}, "max_article_bytes"), ({"date_format": "%Y" * 50_000}, "date_format"),
     ({"title": "t" * 100_000}, "title"), ({"fetch_timeout": 1e300}, "fetch_timeout"),
     ({"fetch_max_bytes": 2**62}, "fetch_max_bytes"), ({"user_agent": "u" * 10_000}, "user_agent")],
)
def test_absurd_settings_are_one_line_errors(overrides, fragment):
    with pytest.raises(ConfigError, match=fragment) as info:
        load_settings(**overrides)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("flag", ["--config", "--sections"])
def test_dev_zero_as_config_or_sections_is_refused(flag, tmp_path, capsys):
    code = main(["build", str(REUTERS_SEED), "-o", str(tmp_path / "b.docx"), flag, "/dev/zero"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code != 0 and len(err) == 1 and "not a regular file" in err[0]


def test_huge_config_file_is_refused(tmp_path):
    cfg = tmp_path / "big.toml"
    cfg.write_text("# " + "x" * (2 * 1024 * 1024) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="byte limit"):
        load_settings(cfg)
