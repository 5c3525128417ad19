"""Issue 13: the CLI, daily runs and e-mail behave as users of each expect."""

from __future__ import annotations

import datetime as _dt
import socket
import time
from pathlib import Path

import pytest

from briefing.cli import main, output_format
from briefing.errors import ConfigError, DeliveryError, NothingReadError, UsageError
from conftest import SEEDS


@pytest.mark.parametrize("name,fmt", [("b.docx", "docx"), ("b.md", "md"), ("b.MARKDOWN", "md"), ("b.json", "json")])
def test_output_extension_picks_the_format(name, fmt):
    assert output_format(Path(name), None) == fmt


@pytest.mark.parametrize("name,flag,words", [
    ("b.pdf", None, "--pdf"), ("b.txt", None, "cannot tell the format"), ("b.md", "docx", "--format docx"),
])
def test_output_mismatch_is_refused(name, flag, words):
    with pytest.raises(UsageError, match=words):
        output_format(Path(name), flag)


def test_build_md_by_extension_and_exit_2_for_mismatch(tmp_path, capsys):
    out = tmp_path / "b.md"
    assert main(["build", str(SEEDS), "-o", str(out), "--summarizer", "lead", "-q"]) == 0
    assert out.read_text().startswith("#") and capsys.readouterr().out == ""
    assert main(["build", str(SEEDS), "-o", str(tmp_path / "x.pdf")]) == 2
    assert not (tmp_path / "x.pdf").exists()


def test_stdin_and_stdout(tmp_path, monkeypatch, capsysbinary):
    import io
    import sys

    text = (SEEDS / sorted(p.name for p in SEEDS.iterdir() if p.suffix == ".txt")[0]).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    assert main(["build", "-", "-o", "-", "--format", "md", "--summarizer", "lead"]) == 0
    got = capsysbinary.readouterr()
    assert got.out.startswith(b"#") and b"wrote stdout" in got.err


def test_bad_flag_value_exits_2_naming_the_flag(capsys):
    assert main(["build", str(SEEDS), "--sentences", "0"]) == 2
    assert "(from --sentences)" in capsys.readouterr().err


def test_help_mentions_html_and_environment():
    from briefing.cli import make_parser

    text = make_parser()._subparsers._group_actions[0].choices["build"].format_help()
    assert ".html" in text and "BRIEFING_" in text and "--verbose" in text and "--quiet" in text


def test_daily_with_nothing_configured_exits_3(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["daily", "--archive", str(tmp_path / "a.sqlite3")]) == 3
    err = capsys.readouterr().err
    assert "nothing can be collected" in err and err[:4].isdigit()  # timestamped for cron


def test_daily_exits_3_when_every_feed_is_down(tmp_path, monkeypatch):
    from briefing.daily import run_daily
    from briefing.settings import load_settings

    port = _free_port()
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'[[feed]]\nname = "Down"\nurl = "http://127.0.0.1:{port}/rss.xml"\n')
    s = load_settings(archive=tmp_path / "a.sqlite3", feeds_file=feeds, briefs_dir=tmp_path / "b",
                      fetch_retries=0, fetch_timeout=2)
    with pytest.raises(NothingReadError, match="nothing could be read"):
        run_daily("2026-11-20", s)
    assert not (tmp_path / "b" / "2026-11-20.docx").exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_smtp_fails_before_the_run(tmp_path):
    from briefing.daily import run_daily
    from briefing.settings import load_settings

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    s = load_settings(archive=tmp_path / "a.sqlite3", inbox=inbox, briefs_dir=tmp_path / "b",
                      smtp_host="127.0.0.1", smtp_port=_free_port(), smtp_timeout=2)
    with pytest.raises(DeliveryError, match="cannot reach SMTP server.*not starting the run"):
        run_daily("2026-11-20", s, email_to="desk@example.org")
    assert not (tmp_path / "a.sqlite3").exists()


def test_relative_feed_links_are_resolved():
    from briefing.feeds import FeedSpec, parse_feed

    rss = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
           b'<item><title>A</title><link>/world/a.html</link></item>'
           b'<item><title>B</title><link>b.html</link></item></channel></rss>')
    feed = FeedSpec(name="W", url="http://news.example/feeds/rss.xml")
    entries, skipped = parse_feed(feed, rss)
    assert [e.link for e in entries] == ["http://news.example/world/a.html", "http://news.example/feeds/b.html"]
    assert skipped == []


def test_entry_dates_follow_the_time_zone():
    from briefing.feeds import _entry_date

    stamp = time.strptime("2026-11-20 23:30", "%Y-%m-%d %H:%M")  # UTC: 00:30 on the 21st in Brussels
    from zoneinfo import ZoneInfo

    assert _entry_date({"published_parsed": stamp}, ZoneInfo("Europe/Brussels")) == _dt.date(2026, 11, 21)
    assert _entry_date({"published_parsed": stamp}, ZoneInfo("UTC")) == _dt.date(2026, 11, 20)


def test_feed_title_beats_junk_page_titles():
    from briefing.unattended import junk_title

    assert junk_title("Home", "EU agrees sanctions")
    assert junk_title("EU agrees sanctions | Example News", "EU agrees sanctions")
    assert junk_title("example", "EU agrees sanctions", None, "https://www.example.com/a")
    assert not junk_title("EU agrees new sanctions on Russian energy", "EU sanctions", "Reuters", "https://x.org/a")


def test_bad_timezone_is_a_config_error():
    from briefing.settings import load_settings

    with pytest.raises(ConfigError, match="timezone"):
        load_settings(timezone="Mars/Olympus")


def test_lock_names_only_a_live_holder(tmp_path):
    from briefing.daily import RunLock
    from briefing.errors import RunLockedError
    from briefing.unattended import live_holder

    assert live_holder("pid 999999999 since 2026-01-01T00:00:00") is None
    lock = tmp_path / "a.lock"
    with RunLock(lock):
        with pytest.raises(RunLockedError, match=r"held by pid \d+"):
            RunLock(lock).acquire()
    assert (tmp_path / "a.lock.pid").read_text() == ""  # a finished run is not named later


def test_email_has_an_html_alternative(seed_brief, seed_docx):
    from briefing.delivery import brief_message

    msg = brief_message(seed_brief, seed_docx, ["desk@example.org"], "b@example.org")
    html = msg.get_body(preferencelist=("html",))
    plain = msg.get_body(preferencelist=("plain",))
    assert html is not None and plain is not None
    body = html.get_content()
    assert "<h2" in body and "Key points" in body
    for section in seed_brief.sections:
        assert section.title.replace("&", "&amp;") in body
    assert seed_brief.key_points[0].text[:40].replace("&", "&amp;").replace('"', "&quot;")[:20] in body
