"""Security: hostile documents, file names, templates and section files, and credentials.

- HTML and feed parsing never expands external entities (nor a billion laughs) and never fetches
  anything a document points to: every test document points at a server on 127.0.0.1 that counts
  the requests it gets, and at a secret file on disk.
- File names built from titles or dates cannot leave their folder.
- Templates and section files are data: nothing in them is executed, no macro or linked template
  passes from a template into a brief, and a template with a DTD is refused.
- SMTP credentials never appear in output, logs, error messages, the brief, the e-mail or the archive.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import socket
import sqlite3
import zipfile
from pathlib import Path

import pytest
from _newsroom import NewsServer, Route
from docx import Document

from briefing._io import path_within, safe_filename
from briefing.cli import main
from briefing.daily import brief_path, run_daily
from briefing.errors import BriefingError, ConfigError, DeliveryError
from briefing.feeds import FeedSpec, Fetcher, collect_feeds, parse_feed
from briefing.html import article_from_html
from briefing.ingest import InputSkipped
from briefing.settings import load_settings
from conftest import ROOT, SEEDS

DAY = dt.date(2026, 11, 20)
SECRET = "SECRET-7f3a9c-DO-NOT-LEAK"
TEMPLATE = ROOT / "templates" / "brief-template.docx"
PARAGRAPH = (
    "BRUSSELS (Reuters) - European Union governments agreed on Thursday a new package of sanctions "
    "against Russia that targets its exports of liquefied natural gas, diplomats said."
)
LAUGHS = '<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "' + ("&lol;" if i == 1 else f"&lol{i - 1};") * 10 + '">' for i in range(1, 10)
)


@pytest.fixture
def secret_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


def _doctype(root: str, server: NewsServer, secret: Path) -> str:
    """A DTD with every kind of entity an attacker would declare."""
    return (
        f"<!DOCTYPE {root} SYSTEM \"{server.url('/dtd/external.dtd')}\" ["
        f"{LAUGHS}"
        f'<!ENTITY file SYSTEM "file://{secret}">'
        f"<!ENTITY web SYSTEM \"{server.url('/entity/general')}\">"
        f"<!ENTITY % remote SYSTEM \"{server.url('/dtd/parameter.dtd')}\"> %remote;"
        "]>"
    )


def _hostile_feed(server: NewsServer, secret: Path, link: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        + _doctype("rss", server, secret)
        + '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" '
        'xmlns:xi="http://www.w3.org/2001/XInclude"><channel>'
        f"<title>World &lol9;</title><link>{server.url('/')}</link><description>&file; &web;</description>"
        f"<image><url>{server.url('/res/feed-logo.png')}</url></image>"
        f"<xi:include href=\"{server.url('/res/xinclude.xml')}\"/>"
        f'<xi:include href="file://{secret}" parse="text"/>'
        f"<item><title>Sanctions &lol9; &file; &web;</title><link>{link}</link>"
        f"<description>&lol9; &file; &web;</description>"
        f"<enclosure url=\"{server.url('/res/podcast.mp3')}\" type=\"audio/mpeg\" length=\"1\"/>"
        f"<media:content url=\"{server.url('/res/media.jpg')}\"/>"
        f"<comments>{server.url('/res/comments')}</comments>"
        "<pubDate>Thu, 20 Nov 2026 06:00:00 GMT</pubDate></item>"
        f"<item><title>Local file</title><link>file://{secret}</link></item>"
        "</channel></rss>"
    ).encode("utf-8")


def _hostile_page(server: NewsServer, secret: Path) -> str:
    res = server.url
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        + _doctype("html", server, secret)
        + '<html xmlns="http://www.w3.org/1999/xhtml"><head>'
        f"<title>EU sanctions &lol9; &file; &web;</title>"
        f"<base href=\"{res('/res/base/')}\"/>"
        f"<meta http-equiv=\"refresh\" content=\"0; url={res('/res/refresh')}\"/>"
        f"<link rel=\"stylesheet\" href=\"{res('/res/style.css')}\"/>"
        f"<link rel=\"canonical\" href=\"{res('/res/canonical')}\"/>"
        f"<script src=\"{res('/res/script.js')}\"></script>"
        "</head><body><article>"
        f"<h1>EU agrees new sanctions</h1><p>{PARAGRAPH}</p>"
        f"<p>{PARAGRAPH.replace('Thursday', 'Friday')} &lol9; &file; &web;</p>"
        f"<img src=\"{res('/res/img.jpg')}\" srcset=\"{res('/res/img-2x.jpg')} 2x\"/>"
        f"<iframe src=\"{res('/res/frame')}\"></iframe>"
        f"<object data=\"{res('/res/object')}\"></object><embed src=\"{res('/res/embed')}\"/>"
        f"<video poster=\"{res('/res/poster.jpg')}\"><source src=\"{res('/res/video.mp4')}\"/></video>"
        f"<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"{res('/res/svg.png')}\"/></svg>"
        "</article></body></html>"
    )


def _everything(obj) -> str:
    return repr(obj)


def _assert_nothing_leaked(text: str) -> None:
    assert SECRET not in text, "an external entity was read from disk"
    assert "lollollol" not in text, "an entity was expanded"


def _fetched(server: NewsServer) -> set[str]:
    return {p for p, n in server.hits.items() if n}


# --- feeds and HTML --------------------------------------------------------------------------------


def test_feed_parser_expands_no_entity_and_fetches_nothing(server, secret_file):
    feed = FeedSpec(name="World", url=server.url("/rss.xml"))
    entries, skipped = parse_feed(feed, _hostile_feed(server, secret_file, server.url("/story")))
    _assert_nothing_leaked(_everything((entries, skipped)))
    assert [e.link for e in entries] == [server.url("/story")]
    assert any("not http(s)" in s.reason for s in skipped)  # the file:// link is refused
    assert _fetched(server) == set()


@pytest.mark.parametrize("as_bytes", [False, True])
def test_html_parser_expands_no_entity_and_fetches_nothing(server, secret_file, as_bytes):
    page = _hostile_page(server, secret_file)
    try:
        article = article_from_html(page.encode("utf-8") if as_bytes else page, url=server.url("/story"))
    except InputSkipped as exc:  # refusing the page is fine too; leaking is not
        _assert_nothing_leaked(str(exc))
    else:
        _assert_nothing_leaked(_everything(article))
        assert "package of sanctions" in article.text
    assert _fetched(server) == set()


def test_collecting_a_hostile_feed_fetches_only_the_feed_and_its_article(server, secret_file):
    server.routes["/rss.xml"] = Route(
        _hostile_feed(server, secret_file, server.url("/story")), content_type="application/rss+xml"
    )
    server.routes["/story"] = Route(_hostile_page(server, secret_file).encode("utf-8"))
    for path in ("/dtd/external.dtd", "/dtd/parameter.dtd", "/entity/general"):  # bait, if asked
        server.routes[path] = Route(f'<!ENTITY leak "{SECRET}">'.encode(), content_type="application/xml-dtd")
    fetcher = Fetcher(timeout=2, retries=0, backoff=0.01, max_bytes=256 * 1024, allowed_hosts=["127.0.0.1"])
    result = collect_feeds([FeedSpec(name="World", url=server.url("/rss.xml"))], fetcher)
    _assert_nothing_leaked(_everything((result.items, result.skipped)))
    assert len(result.items) == 1 and "package of sanctions" in result.items[0].article.text
    assert _fetched(server) == {"/rss.xml", "/story"}


def test_billion_laughs_in_a_plain_html_page_is_harmless(server):
    html = f"<!DOCTYPE html [{LAUGHS}]><html><body><article><p>{PARAGRAPH} &lol9;</p></article></body></html>"
    article = article_from_html(html, url="https://example.org/a")
    _assert_nothing_leaked(article.text + article.title)


# --- file names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "..", ".", "/absolute/path", "a/../../b", "..\\..\\windows", "\x00nul", "~/x",
     "....//....//x", "\u2025/\u2024", "％2e％2e／x", "con", ""],
)
def test_names_from_titles_stay_in_the_folder(name, tmp_path):
    folder = tmp_path / "briefs"
    folder.mkdir()
    path = path_within(folder, name, ".docx")
    assert path.parent == folder and path.resolve().parent == folder.resolve()
    assert not safe_filename(name).startswith(".")
    path.write_text("x")  # really creatable, really inside
    assert [p.name for p in folder.iterdir()] == [path.name]


def test_hostile_titles_create_no_file_outside_the_output(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.md").write_text(
        "---\ntitle: ../../../../tmp/evil\nsource: ../../escape\ndate: 2017-12-06\n---\n" + PARAGRAPH + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out" / "brief.docx"
    before = set(tmp_path.rglob("*"))
    assert main(["build", str(src), "-o", str(out), "--title", "../../../escape/../x", "--summarizer", "lead"]) == 0
    assert set(tmp_path.rglob("*")) - before == {out.parent, out}
    assert "../../../escape/../x" in [p.text for p in Document(str(out)).paragraphs]


def test_daily_brief_names_come_from_dates_only(tmp_path):
    settings = load_settings(archive=tmp_path / "a.sqlite3", briefs_dir=tmp_path / "briefs")
    assert brief_path(settings, DAY) == tmp_path / "briefs" / "2026-11-20.docx"
    for bad in ("../../etc/x", "2026-11-20/../../x", "2026-11-20\x00", "20261120/.."):
        with pytest.raises(ConfigError, match="invalid date"):
            run_daily(bad, settings)
    assert not (tmp_path / "briefs").exists() and not (tmp_path / "a.sqlite3").exists()


# --- templates and section files are data ------------------------------------------------------


def _template_variant(path: Path, changes: dict, extra: dict | None = None) -> Path:
    with zipfile.ZipFile(TEMPLATE) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            if name in changes:
                data = changes[name](data.decode("utf-8")).encode("utf-8")
            dst.writestr(name, data)
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    return path


def _with_doctype(member_text: str, doctype: str, payload: tuple[str, str]) -> str:
    text = re.sub(r"(<\?xml[^>]*\?>)", lambda m: m.group(1) + doctype, member_text, count=1)
    return text.replace(payload[0], payload[1], 1)


@pytest.mark.parametrize(
    "member, payload",
    [
        ("docProps/core.xml", ("</cp:coreProperties>", "<cp:category>&file; &web; &lol9;</cp:category></cp:coreProperties>")),
        ("word/styles.xml", ('<w:name w:val="Title"/>', '<w:name w:val="Title"/><w:aliases w:val="&file;"/>')),
        ("word/document.xml", ("<w:body>", "<w:body><w:p><w:r><w:t>&file; &web; &lol9;</w:t></w:r></w:p>")),
    ],
)
def test_template_with_a_dtd_is_refused_unread(member, payload, tmp_path, server, secret_file, capsys):
    t = _template_variant(
        tmp_path / "t.docx", {member: lambda s: _with_doctype(s, _doctype("x", server, secret_file), payload)}
    )
    out = tmp_path / "brief.docx"
    assert main(["build", str(SEEDS), "-o", str(out), "--summarizer", "lead", "--template", str(t)]) == 1
    err = capsys.readouterr().err
    assert f"template {t} declares a DTD in {member}" in err and len(err.splitlines()) == 1
    _assert_nothing_leaked(err)
    assert not out.exists() and _fetched(server) == set()


def test_macros_and_linked_templates_do_not_pass_into_the_brief(tmp_path, capsys):
    rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    t = _template_variant(
        tmp_path / "t.docx",
        {
            "[Content_Types].xml": lambda s: s.replace(
                '<Default Extension="xml"',
                '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"',
            ),
            "word/_rels/document.xml.rels": lambda s: s.replace(
                "</Relationships>",
                '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
                'Target="vbaProject.bin"/></Relationships>',
            ),
            "word/settings.xml": lambda s: re.sub(  # the template declares xmlns:r already
                r"(<w:settings[^>]*>)", r'\1<w:attachedTemplate r:id="rIdTpl"/>', s, count=1
            ),
        },
        {
            "word/vbaProject.bin": b"Attribute VB_Name = \"ThisDocument\"\nSub AutoOpen()\nEnd Sub\n",
            "word/_rels/settings.xml.rels": (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rIdTpl" Type="{rels}/attachedTemplate" '
                'Target="http://127.0.0.1:9/evil.dotm" TargetMode="External"/></Relationships>'
            ),
        },
    )
    out = tmp_path / "brief.docx"
    assert main(["build", str(SEEDS), "-o", str(out), "--summarizer", "lead", "--template", str(t)]) == 0
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        everything = b"".join(z.read(n) for n in names)
    assert not any("vba" in n.lower() for n in names)
    assert b"AutoOpen" not in everything and b"evil.dotm" not in everything
    assert b"attachedTemplate" not in everything and b"vbaProject" not in everything
    Document(str(out))  # and the brief still opens


def test_template_zip_bomb_is_refused(tmp_path, capsys):
    t = _template_variant(tmp_path / "t.docx", {}, {"word/media/huge.bin": b"\x00" * (101 * 1024 * 1024)})
    assert t.stat().st_size < 2 * 1024 * 1024
    out = tmp_path / "brief.docx"
    assert main(["build", str(SEEDS), "-o", str(out), "--summarizer", "lead", "--template", str(t)]) == 1
    assert "unpacks to more than 100 MB" in capsys.readouterr().err and not out.exists()


CODE_LIKE = [
    "__import__('os').system('touch PWNED')",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "${7*7} $(touch PWNED) `touch PWNED`",
    "!!python/object/apply:os.system ['touch PWNED']",
    "{0.__class__}",
    "%(title)s %s %n",
]


def test_section_file_is_data_not_code(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    blocks = []
    for i, text in enumerate(CODE_LIKE):
        quoted = text.replace("\\", "\\\\").replace('"', '\\"')
        blocks.append(
            f'[[section]]\nkey = "k{i}"\ntitle = "{quoted}"\ndescription = "{quoted}"\norder = {i}\n'
            f'terms = {{ russia = 3 }}\nphrases = {{ "{quoted}" = 2 }}\n'
        )
    sections = tmp_path / "sections.toml"
    sections.write_text("\n".join(blocks), encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(f'title = "{CODE_LIKE[0]}"\nauthor = "{CODE_LIKE[2]}"\ndate_format = "%Y-%m-%d"\n', encoding="utf-8")
    out = tmp_path / "brief.docx"
    args = ["build", str(SEEDS), "-o", str(out), "--summarizer", "lead", "--sections", str(sections), "--config", str(config)]
    assert main(args) == 0
    paras = [p.text for p in Document(str(out)).paragraphs]
    assert paras[0] == CODE_LIKE[0]
    for text in CODE_LIKE:
        assert text in paras  # shown as written, never evaluated or formatted
    assert not list(tmp_path.rglob("PWNED")) and not (ROOT / "PWNED").exists()
    assert Document(str(out)).core_properties.author == CODE_LIKE[2]


# --- credentials ----------------------------------------------------------------------------------

PASSWORD = "pa55-" + SECRET


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Inbox:
    def __init__(self):
        self.raw: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):
        self.raw.append(envelope.content if isinstance(envelope.content, bytes) else envelope.content.encode())
        return "250 OK"


@pytest.fixture
def smtp(monkeypatch):
    """A plain SMTP server on 127.0.0.1 that takes AUTH without TLS (only ever on loopback)."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login == b"briefer" and auth_data.password == PASSWORD.encode()
        return AuthResult(success=ok, handled=False)

    inbox = _Inbox()
    port = _free_port()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port, authenticator=authenticator,
        auth_required=True, auth_require_tls=False,
    )
    controller.start()
    monkeypatch.setenv("BRIEFING_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("BRIEFING_SMTP_PORT", str(port))
    monkeypatch.setenv("BRIEFING_SMTP_STARTTLS", "false")
    monkeypatch.setenv("BRIEFING_SMTP_USERNAME", "briefer")
    monkeypatch.setenv("BRIEFING_SMTP_SENDER", "briefing@example.org")
    monkeypatch.setenv("BRIEFING_SMTP_TIMEOUT", "10")
    yield inbox
    controller.stop()


def _all_bytes_under(folder: Path) -> bytes:
    out = b""
    for p in folder.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            out += data
            if zipfile.is_zipfile(p):
                with zipfile.ZipFile(p) as z:
                    out += b"".join(z.read(n) for n in z.namelist())
    return out


NO_TLS_WARNING = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


@NO_TLS_WARNING
@pytest.mark.parametrize("where", ["environment", "config-file"])
@pytest.mark.parametrize("outcome", ["sent", "wrong-password", "unreachable"])
def test_smtp_password_never_leaks(where, outcome, tmp_path, smtp, monkeypatch, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    password = PASSWORD if outcome != "wrong-password" else "wrong-" + PASSWORD
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(PARAGRAPH + "\n", encoding="utf-8")
    out = tmp_path / "out"
    config = tmp_path / "config.toml"
    config.write_text(f'briefs_dir = "{out / "briefs"}"\n', encoding="utf-8")
    if where == "environment":
        monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", password)
    else:
        config.write_text(config.read_text() + f'smtp_password = "{password}"\n', encoding="utf-8")
    if outcome == "unreachable":
        monkeypatch.setenv("BRIEFING_SMTP_PORT", str(_free_port()))
    args = ["daily", "--inbox", str(inbox), "--archive", str(out / "a.sqlite3"), "--config", str(config),
            "--date", DAY.isoformat(), "--email", "desk@example.org"]
    code = main(args)
    assert code == (0 if outcome == "sent" else 1)
    captured = capsys.readouterr()
    ours = [r for r in caplog.records if not r.name.startswith("mail")]  # not the test server's own log
    text = captured.out + captured.err + "\n".join(r.getMessage() + repr(r.args) for r in ours)
    if outcome == "sent":
        (raw,) = smtp.raw
        text += raw.decode("utf-8", "replace")
        assert b"Content-Disposition: attachment" in raw
    else:
        assert smtp.raw == [] and "briefing: error: " in captured.err
    settings = load_settings(config)
    text += repr(settings) + str(settings) + settings.model_dump_json() + str(settings.model_dump())
    assert password not in text and SECRET not in text
    stored = _all_bytes_under(out)  # the brief (.docx, unzipped too) and the archive
    # unreachable: the SMTP check fails before the run, so nothing is written at all
    assert (stored or outcome == "unreachable") and password.encode() not in stored and SECRET.encode() not in stored
    if outcome == "unreachable":
        assert not (out / "a.sqlite3").exists()
        return
    with sqlite3.connect(out / "a.sqlite3") as conn:
        dump = "\n".join(conn.iterdump())
    assert SECRET not in dump


@NO_TLS_WARNING
def test_delivery_error_messages_never_carry_the_password(smtp, tmp_path):
    from briefing.delivery import Mailer, brief_message

    bad = Mailer(host="127.0.0.1", port=int(os.environ["BRIEFING_SMTP_PORT"]), starttls=False,
                 username="briefer", password="wrong-" + PASSWORD, timeout=5)
    assert PASSWORD not in repr(bad) and PASSWORD not in str(vars(bad).get("username"))
    from briefing.models import Brief

    brief = Brief(title="t", date=DAY, created=dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc))
    attachment = tmp_path / "brief.docx"
    attachment.write_bytes(b"PK")
    with pytest.raises(DeliveryError) as info:
        bad.send(brief_message(brief, attachment, ["desk@example.org"], "briefing@example.org"))
    assert "refused the login" in str(info.value)
    assert PASSWORD not in str(info.value) and SECRET not in repr(info.value)
    assert isinstance(info.value, BriefingError)
