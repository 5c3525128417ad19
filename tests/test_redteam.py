"""Issue 12, red-team round two: cases designed beyond the report (docs/robustness.md lists
them with what each does). Each case is one parametrized test id below, grouped by RT-number."""

from __future__ import annotations

import gzip
import os
import zlib

import pytest

from briefing import load_articles, load_settings
from briefing.errors import ConfigError
from briefing.netguard import CappedDecoder, UnsafeURLError, check_url, redact, url_problem
from briefing.textsafety import core_property, markdown_to_text, strip_bidi
from conftest import REUTERS_SEED

GOOD = REUTERS_SEED.read_text(encoding="utf-8")

# RT-01..RT-14: more spellings of non-public addresses
NON_PUBLIC = [
    "http://[0:0:0:0:0:ffff:7f00:1]/", "http://0/", "http://127.000.000.001/", "http://017700000001/",
    "http://[::ffff:7f00:1]/", "http://192.0.2.1/", "http://198.18.0.1/", "http://240.0.0.1/",
    "http://255.255.255.255/", "http://[ff02::1]/", "http://user@127.0.0.1/", "http://[::1%25lo]/",
    "https://169.254.169.254:443/latest/", "http://0x0a.0x00.0x00.0x01/",
]


@pytest.mark.parametrize("url", NON_PUBLIC)
def test_rt_non_public_spellings(url):
    with pytest.raises(UnsafeURLError):
        check_url(url)


# RT-15..RT-22: URLs that are not fetchable at all
@pytest.mark.parametrize("url", ["http://h.example:65536/", "http://h.example:0/", "http://h.example: 80/",
                                 "javascript:alert(1)", "file:///etc/passwd", "ftp://h.example/", "http:///x",
                                 "gopher://127.0.0.1:25/"])
def test_rt_unfetchable_urls(url):
    assert url_problem(url) is not None
    with pytest.raises(UnsafeURLError):
        check_url(url, ["0.0.0.0/0", "::/0"])  # even with everything allowed


# RT-23..RT-27: credentials in every place a URL can appear
@pytest.mark.parametrize("text, expected", [
    ("https://u:p@h.example/x", "https://h.example/x"),
    ("failed: HTTP://U:P@H.EXAMPLE/x (timeout)", "failed: HTTP://H.EXAMPLE/x (timeout)"),
    ("http://token@h.example/", "http://h.example/"),
    ("two http://a:b@x.example and https://c:d@y.example/", "two http://x.example and https://y.example/"),
    ("mail bob@example.org stays", "mail bob@example.org stays"),
])
def test_rt_redaction(text, expected):
    assert redact(text) == expected


# RT-28..RT-32: compressed bodies
def test_rt_truncated_gzip_is_an_error_or_partial_never_a_crash():
    data = gzip.compress(b"x" * 100_000)[:-20]
    out = b"".join(CappedDecoder("gzip", 10**6).feed(data))
    assert len(out) <= 100_000


def test_rt_garbage_declared_as_gzip():
    with pytest.raises(UnsafeURLError, match="cannot be decoded"):
        CappedDecoder("gzip", 10**6).feed(b"this is not gzip at all")


def test_rt_multi_member_gzip():
    data = gzip.compress(b"a" * 10) + gzip.compress(b"b" * 10)
    assert b"".join(CappedDecoder("gzip", 100).feed(data)) == b"a" * 10 + b"b" * 10


def test_rt_zlib_deflate():
    assert b"".join(CappedDecoder("deflate", 100).feed(zlib.compress(b"hello"))) == b"hello"


def test_rt_triple_gzip_bomb_fed_byte_by_byte():
    bomb = gzip.compress(gzip.compress(gzip.compress(b"\0" * (32 * 1024 * 1024))))
    dec = CappedDecoder("gzip, gzip, gzip", 1024 * 1024)
    with pytest.raises(UnsafeURLError, match="byte limit"):
        for i in range(len(bomb)):
            dec.feed(bomb[i:i + 1])
    assert dec.size <= 1024 * 1024 + 64 * 1024


# RT-33..RT-38: text spoofing and Markdown
@pytest.mark.parametrize("ch", ["\u202a", "\u202b", "\u202d", "\u2067", "\u2068", "\udfff"])
def test_rt_bidi_and_surrogates(ch):
    assert strip_bidi(f"a{ch}b") == "ab"


# RT-39..RT-44
@pytest.mark.parametrize("md, text", [
    ("> > nested **quote**", "nested quote"),
    ("- [x](http://a) and [y][ref]", "x and y"),
    ("```\ncode\n```", "code"),
    ("***\n", ""),
    ("<b>bold</b> `x`", "bold x"),
    ("1. **_both_**", "both"),
])
def test_rt_markdown(md, text):
    assert markdown_to_text(md).strip() == text


# RT-45..RT-47: properties
@pytest.mark.parametrize("value", ["x" * 10_000, "word " * 1000, "line\r\nbreak " * 50])
def test_rt_core_property(value):
    got = core_property(value)
    assert len(got) <= 255 and "\n" not in got and "\r" not in got


# RT-48..RT-53: settings bounds
@pytest.mark.parametrize("overrides", [
    {"max_entries_per_feed": 0}, {"fetch_deadline": 0}, {"fetch_deadline": 10**9},
    {"max_entries_per_feed": 10**9}, {"title": ""}, {"date_format": ""},
])
def test_rt_settings_bounds(overrides):
    with pytest.raises(ConfigError):
        load_settings(**overrides)


def test_rt_allowed_hosts_from_the_environment(monkeypatch):
    monkeypatch.setenv("BRIEFING_ALLOWED_HOSTS", '["10.0.0.0/8", "intranet.example"]')
    assert load_settings().allowed_hosts == ("10.0.0.0/8", "intranet.example")


# RT-55..RT-58: symlinks
def test_rt_symlink_inside_the_folder_is_read(tmp_path):
    (tmp_path / "real.txt").write_text(GOOD, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "alias.txt").symlink_to("../real.txt")
    result = load_articles([tmp_path])
    assert len(result.articles) == 1  # the same file once, not refused


def test_rt_chain_of_links_leading_out(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text(GOOD, encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    (src / "b.txt").symlink_to(outside)
    (src / "a.txt").symlink_to(src / "b.txt")  # a -> b -> outside
    result = load_articles([src])
    assert result.articles == () and len(result.skipped) == 2


def test_rt_symlinked_folder_out(tmp_path):
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "s.txt").write_text(GOOD, encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    (src / "dir").symlink_to(tmp_path / "secret")
    result = load_articles([src])
    assert result.articles == () and "outside the folder" in result.skipped[0].reason


def test_rt_root_itself_a_symlink(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "link").symlink_to(real)
    assert len(load_articles([tmp_path / "link"]).articles) == 1  # the named folder is what it points at


def test_rt_inbox_symlink_to_dev_zero(tmp_path):
    from briefing.daily import run_daily

    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "good.txt").write_text(GOOD, encoding="utf-8")
    (inbox / "zero.txt").symlink_to("/dev/zero")
    settings = load_settings(archive=tmp_path / "a.sqlite3", briefs_dir=tmp_path / "b", inbox=inbox)
    brief, _ = run_daily("2026-11-20", settings)
    assert len(brief.sources) == 1 and any("zero.txt" in s.input for s in brief.skipped)
    assert os.path.getsize(settings.archive) < 10 * 1024 * 1024
