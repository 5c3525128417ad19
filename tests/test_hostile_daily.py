"""Issue 12, templates and daily runs: active/external template parts, dates out of range, final
earlier briefs, damaged archives, a killed run's articles, read-only out/, CR/LF in the title."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from _privileges import run_cli_without_file_override
from briefing import load_settings
from briefing.archive import Archive
from briefing.cli import main
from briefing.daily import collect_inbox, run_daily
from briefing.errors import ArchiveError, NothingReadError
from briefing.render import default_template_path
from conftest import CNN_SEED, REUTERS_SEED

BAIT = "http://attacker.example/steal"


def _hostile_template(tmp_path: Path) -> Path:
    doc = Document(str(default_template_path()))
    header = doc.sections[0].header
    p = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
    run = p.add_run()
    for kind, text in (("begin", None), (None, f' INCLUDETEXT "{BAIT}/secret.docx" '), ("separate", None),
                       (None, None), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text:
            el = OxmlElement("w:instrText")
            el.text = text
        else:
            el = OxmlElement("w:t")
            el.text = "x"
        run._r.append(el)
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), f' INCLUDEPICTURE "{BAIT}/p.png" \\d ')
    p._p.append(simple)
    rid = header.part.relate_to(BAIT + "/linked.png", RT.IMAGE, is_external=True)
    blip = OxmlElement("w:hyperlink")
    blip.set(qn("r:id"), rid)
    p._p.append(blip)
    doc.part.relate_to(BAIT + "/chunk.html", RT.A_F_CHUNK, is_external=True)
    doc.part.relate_to(BAIT + "/ole.bin", RT.OLE_OBJECT, is_external=True)
    chunk = OxmlElement("w:altChunk")
    doc.element.body.append(chunk)
    path = tmp_path / "hostile.docx"
    doc.save(str(path))
    return path


def test_template_external_and_active_parts_are_stripped(tmp_path):
    template = _hostile_template(tmp_path)
    with zipfile.ZipFile(template) as z:  # the bait really is in the template
        assert any(BAIT.encode() in z.read(n) for n in z.namelist())
    out = tmp_path / "b.docx"
    assert main(["build", str(REUTERS_SEED), "-o", str(out), "--template", str(template), "--summarizer", "lead"]) == 0
    with zipfile.ZipFile(out) as z:
        blob = b"".join(z.read(n) for n in z.namelist())
    for bad in (BAIT.encode(), b"INCLUDETEXT", b"INCLUDEPICTURE", b"altChunk", b"oleObject", b"aFChunk"):
        assert bad not in blob, bad
    Document(str(out))  # still a valid package


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31"])
def test_dates_out_of_range_are_one_line(day, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    assert main(["daily", "--date", day, "--inbox", str(tmp_path / "in")]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "out of range" in err[0]


def _settings(tmp_path, inbox):
    return load_settings(archive=tmp_path / "a.sqlite3", briefs_dir=tmp_path / "briefs", inbox=inbox)


def test_earlier_briefs_are_final(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(REUTERS_SEED, inbox)
    settings = _settings(tmp_path, inbox)
    _, day1 = run_daily("2026-11-20", settings)
    shutil.copy(CNN_SEED, inbox)
    _, day2 = run_daily("2026-11-21", settings)
    before = day1.read_bytes()
    (inbox / "third.txt").write_text(REUTERS_SEED.read_text(encoding="utf-8").replace("Reuters", "AP") + "\nA third copy.\n", encoding="utf-8")
    mtime = day1.stat().st_mtime_ns
    again, path = run_daily("2026-11-20", settings)  # re-running an earlier day changes nothing
    assert path == day1 and day1.read_bytes() == before and day1.stat().st_mtime_ns == mtime
    assert len(again.sources) == 1
    with Archive(settings.archive) as archive:  # nothing was collected into the past
        assert archive.count("articles") == 2
    brief3, _ = run_daily("2026-11-22", settings)  # the file held back is briefed on the next day
    assert len(brief3.sources) == 1


@pytest.mark.parametrize("damage", ["drop briefs", "bad json", "drop brief_points"])
def test_damaged_archive_with_the_right_version_is_one_line(damage, tmp_path, capsys, monkeypatch):
    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(REUTERS_SEED, inbox)
    settings = _settings(tmp_path, inbox)
    run_daily("2026-11-20", settings)
    conn = sqlite3.connect(settings.archive)
    if damage == "bad json":
        conn.execute("UPDATE articles SET data = '{not json'")
    else:
        conn.execute(f"DROP TABLE {damage.split()[1]}")
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveError, match="damaged"):
        run_daily("2026-11-20", settings)


def test_articles_stored_by_a_killed_run_are_briefed_next_time(tmp_path):
    import datetime as dt

    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(REUTERS_SEED, inbox)
    settings = _settings(tmp_path, inbox)
    with Archive(settings.archive) as archive:  # the run of the 20th stored it, then was killed
        assert collect_inbox(inbox, archive, dt.date(2026, 11, 20), max_bytes=10**7) == 1
    brief, _ = run_daily("2026-11-21", settings)
    assert len(brief.sources) == 1  # not lost
    try:  # and briefed once: nothing new the day after
        again, _ = run_daily("2026-11-22", settings)
    except NothingReadError:
        pass
    else:
        assert again.sources == () and not again.points


def test_read_only_out_is_one_line(tmp_path):
    (tmp_path / "in").mkdir()
    shutil.copy(REUTERS_SEED, tmp_path / "in")
    (tmp_path / "out").mkdir()
    os.chmod(tmp_path / "out", 0o555)
    try:
        r = run_cli_without_file_override("daily", "--date", "2026-11-20", "--inbox", str(tmp_path / "in"),
                                          cwd=tmp_path)
    finally:
        os.chmod(tmp_path / "out", 0o755)
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 1 and len(lines) == 1 and "Permission denied" in lines[0], r.stderr


def test_cr_lf_in_the_title_does_not_break_e_mail(tmp_path, monkeypatch):

    sent = []

    class FakeSMTP:
        def __init__(self, *a, **kw):
            pass

        def connect(self, *a, **kw):
            return 220, b"ok"

        def __enter__(self):
            return self

        def __exit__(self, *a):
            return False

        def starttls(self, *a, **kw):
            pass

        def login(self, *a, **kw):
            pass

        def ehlo(self, *a, **kw):
            return 250, b"ok"

        def has_extn(self, *a, **kw):
            return True

        def noop(self, *a, **kw):
            return 250, b"ok"

        def send_message(self, msg, *a, **kw):
            sent.append(msg)
            return {}

        def quit(self):
            pass

    import smtplib

    monkeypatch.setattr(smtplib, "SMTP", FakeSMTP)
    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(REUTERS_SEED, inbox)
    settings = load_settings(archive=tmp_path / "a.sqlite3", briefs_dir=tmp_path / "briefs", inbox=inbox,
                             title="Brief\r\nBcc: victim@example.org", smtp_host="mail.example",
                             smtp_sender="b@example.org", smtp_starttls=False)
    run_daily("2026-11-20", settings, email_to="desk@example.org")
    assert len(sent) == 1
    assert "\n" not in sent[0]["Subject"] and "\r" not in sent[0]["Subject"]
    assert sent[0]["Bcc"] is None


class TricklingSMTP:
    """An SMTP server on 127.0.0.1 that greets and answers EHLO at once, then trickles: from the
    command ``trickle_from`` on (or from the greeting), it sends its answer one byte every
    ``pause`` seconds, forever (a multi-line reply that never ends). Bounded: it stops itself
    after ``lifetime`` seconds, or when closed."""

    def __init__(self, trickle_from: str = "MAIL", pause: float = 0.5, lifetime: float = 30.0):
        import socket
        import threading

        self.trickle_from = trickle_from
        self.pause = pause
        self.lifetime = lifetime
        self.stop = threading.Event()
        self.commands: list[str] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _trickle(self, conn) -> None:
        import itertools

        for byte in itertools.cycle(b"250-still thinking\r\n"):
            if self.stop.wait(self.pause):
                return
            conn.sendall(bytes([byte]))

    def _serve(self) -> None:
        import time

        end = time.monotonic() + self.lifetime
        while not self.stop.is_set() and time.monotonic() < end:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(self.lifetime)
                try:
                    if self.trickle_from == "GREETING":
                        self._trickle(conn)
                        continue
                    conn.sendall(b"220 trickle.test ESMTP\r\n")
                    reader = conn.makefile("rb")
                    for raw in reader:
                        line = raw.decode("ascii", "replace").strip()
                        self.commands.append(line)
                        verb = line.split(" ")[0].upper()
                        if verb == self.trickle_from:
                            self._trickle(conn)
                            break
                        if verb in ("EHLO", "HELO"):
                            conn.sendall(b"250-trickle.test\r\n250 SIZE 10000000\r\n")
                        elif verb == "QUIT":
                            conn.sendall(b"221 bye\r\n")
                            break
                        else:
                            conn.sendall(b"250 ok\r\n")
                except OSError:
                    pass
        self.listener.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)


@pytest.fixture
def trickling():
    servers = []

    def start(**kw):
        servers.append(TricklingSMTP(**kw))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def _mail_settings(tmp_path, port, deadline):
    inbox = tmp_path / "in"
    inbox.mkdir(exist_ok=True)
    shutil.copy(REUTERS_SEED, inbox)
    return load_settings(archive=tmp_path / "a.sqlite3", briefs_dir=tmp_path / "briefs", inbox=inbox,
                         smtp_host="127.0.0.1", smtp_port=port, smtp_starttls=False,
                         smtp_sender="b@example.org", smtp_timeout=5, smtp_deadline=deadline)


def test_trickling_smtp_server_cannot_hang_delivery(tmp_path, trickling, capsys, monkeypatch):
    """The server passes the pre-run check, then answers MAIL FROM one byte every 0.5 s (each
    byte well within the 5 s per-operation timeout): delivery gives up after the 2 s deadline
    with one line, and the brief is written and recorded."""
    import time

    from briefing.cli import main

    server = trickling(trickle_from="MAIL", pause=0.5)
    settings = _mail_settings(tmp_path, server.port, 2)
    monkeypatch.setenv("BRIEFING_SMTP_DEADLINE", "2")
    t0 = time.monotonic()
    code = main(["daily", "-q", "--date", "2026-11-20", "--inbox", str(settings.inbox), "--archive", str(settings.archive),
                 "--email", "desk@example.org"] + ["--config", str(_config(tmp_path, settings))])
    took = time.monotonic() - t0
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1, err
    assert "did not finish the delivery within 2 s" in err[0] and "smtp_deadline" in err[0]
    assert took < 2 + 10  # the deadline, plus the run itself on a busy machine
    assert any(c.upper().startswith("MAIL FROM") for c in server.commands)  # it got that far
    assert (tmp_path / "briefs" / "2026-11-20.docx").is_file()  # the brief is still written
    with Archive(settings.archive) as archive:
        assert archive.brief(dt.date(2026, 11, 20)) is not None


def test_trickling_greeting_fails_the_pre_run_check_in_time(tmp_path, trickling):
    import time

    from briefing.errors import DeliveryError

    server = trickling(trickle_from="GREETING", pause=0.3)
    settings = _mail_settings(tmp_path, server.port, 1.5)
    t0 = time.monotonic()
    with pytest.raises(DeliveryError, match=r"did not finish the pre-run check within 1.5 s"):
        run_daily("2026-11-20", settings, email_to="desk@example.org")
    assert time.monotonic() - t0 < 1.5 + 5
    assert not (tmp_path / "briefs").exists()  # checked before anything was collected or written


def _config(tmp_path, settings):
    path = tmp_path / "mail.toml"
    path.write_text(
        f'smtp_host = "127.0.0.1"\nsmtp_port = {settings.smtp_port}\nsmtp_starttls = false\n'
        f'smtp_sender = "b@example.org"\nsmtp_timeout = 5\nbriefs_dir = "{tmp_path / "briefs"}"\n',
        encoding="utf-8",
    )
    return path
