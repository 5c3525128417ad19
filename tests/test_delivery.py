"""E-mail delivery, received by a local aiosmtpd server on 127.0.0.1 (STARTTLS and login)."""

from __future__ import annotations

import datetime as dt
import email
import logging
import shutil
import socket
import ssl
import subprocess
from email import policy

import pytest
from _newsroom import CEASEFIRE

from briefing.daily import run_daily
from briefing.delivery import message_body, parse_recipients
from briefing.errors import ConfigError, DeliveryError
from briefing.settings import load_settings

DAY1 = dt.date(2026, 11, 20)
PASSWORD = "s3cret-Pa55word"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """aiosmtpd handler keeping what it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            {
                "from": envelope.mail_from,
                "to": list(envelope.rcpt_tos),
                "tls": session.ssl is not None,
                "login": getattr(session.auth_data, "login", None),
                "message": email.message_from_bytes(envelope.content, policy=policy.default),
            }
        )
        return "250 OK"


def _authenticator(server, session, envelope, mechanism, auth_data):
    from aiosmtpd.smtp import AuthResult

    ok = auth_data.login == b"briefer" and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False, auth_data=auth_data)


def _our_log(caplog) -> str:
    """Everything logged, except by the test SMTP server itself (which logs the AUTH exchange)."""
    return "\n".join(
        r.getMessage() for r in caplog.records if r.name != "mail.log"
    )


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed: cannot make a certificate for the STARTTLS server")
    d = tmp_path_factory.mktemp("tls")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(d / "key.pem"), "-out", str(d / "cert.pem"), "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True, timeout=60,
    )
    return d / "cert.pem", d / "key.pem"


@pytest.fixture
def smtp_server(certificate, monkeypatch):
    from aiosmtpd.controller import Controller

    cert, key = certificate
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(str(cert), str(key))
    handler = Inbox()
    port = _free_port()
    controller = Controller(
        handler, hostname="127.0.0.1", port=port, tls_context=tls, require_starttls=True,
        authenticator=_authenticator, auth_required=True,
    )
    controller.start()
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the client trusts the test certificate
    monkeypatch.setenv("BRIEFING_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("BRIEFING_SMTP_PORT", str(port))
    monkeypatch.setenv("BRIEFING_SMTP_USERNAME", "briefer")
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", PASSWORD)
    monkeypatch.setenv("BRIEFING_SMTP_SENDER", "briefing@example.org")
    monkeypatch.setenv("BRIEFING_SMTP_TIMEOUT", "10")
    yield handler
    controller.stop()


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "prisoners.txt").write_text(CEASEFIRE.text(), encoding="utf-8")
    return folder


def _settings(tmp_path, inbox):
    return load_settings(archive=tmp_path / "a.sqlite3", briefs_dir=tmp_path / "briefs", inbox=inbox)


def test_brief_is_emailed_with_the_docx_attached(smtp_server, tmp_path, inbox, caplog):
    caplog.set_level(logging.DEBUG)
    settings = _settings(tmp_path, inbox)
    assert settings.smtp_host == "127.0.0.1" and settings.smtp_starttls
    brief, path = run_daily(DAY1, settings, email_to="desk@example.org, chief@example.org")

    [got] = smtp_server.messages
    assert got["to"] == ["desk@example.org", "chief@example.org"]
    assert got["from"] == "briefing@example.org"
    assert got["tls"]  # STARTTLS happened before the login
    assert got["login"] == b"briefer"
    msg = got["message"]
    assert "20 November 2026" in msg["Subject"]
    [attachment] = list(msg.iter_attachments())
    assert attachment.get_filename() == "2026-11-20.docx"
    assert attachment.get_content_type().endswith("wordprocessingml.document")
    assert attachment.get_content() == path.read_bytes()
    body = msg.get_body(("plain",)).get_content()
    assert brief.key_points
    for point in brief.key_points:
        assert point.text in body
    assert PASSWORD not in _our_log(caplog)
    assert "sent 2026-11-20.docx" in _our_log(caplog)


def test_wrong_password_is_a_delivery_error_without_the_password(smtp_server, tmp_path, inbox, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", "wrong-" + PASSWORD)
    settings = _settings(tmp_path, inbox)
    with pytest.raises(DeliveryError, match="refused the login") as info:
        run_daily(DAY1, settings, email_to="desk@example.org")
    assert PASSWORD not in str(info.value) and PASSWORD not in _our_log(caplog)
    assert PASSWORD not in repr(settings) and PASSWORD not in str(settings.model_dump())
    assert smtp_server.messages == []
    assert (tmp_path / "briefs" / "2026-11-20.docx").is_file()  # the brief itself was written


def test_unreachable_server(tmp_path, inbox, monkeypatch):
    monkeypatch.setenv("BRIEFING_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("BRIEFING_SMTP_PORT", str(_free_port()))  # nothing listens there
    with pytest.raises(DeliveryError, match="cannot reach SMTP server"):
        run_daily(DAY1, _settings(tmp_path, inbox), email_to="desk@example.org")


def test_delivery_set_up_is_checked_before_the_run(tmp_path, inbox, monkeypatch):
    monkeypatch.delenv("BRIEFING_SMTP_HOST", raising=False)
    settings = _settings(tmp_path, inbox)
    with pytest.raises(ConfigError, match="no SMTP server"):
        run_daily(DAY1, settings, email_to="desk@example.org")
    monkeypatch.setenv("BRIEFING_SMTP_HOST", "127.0.0.1")
    with pytest.raises(ConfigError, match="not an e-mail address"):
        run_daily(DAY1, _settings(tmp_path, inbox), email_to="desk@example.org, not an address")
    assert not (tmp_path / "briefs" / "2026-11-20.docx").exists()


def test_recipients_and_body():
    assert parse_recipients("a@x.org,b@y.org , ") == ["a@x.org", "b@y.org"]
    assert parse_recipients(["a@x.org", "b@y.org,c@z.org"]) == ["a@x.org", "b@y.org", "c@z.org"]
    with pytest.raises(ConfigError):
        parse_recipients(" , ")


def test_body_without_key_points():
    from briefing.models import Brief

    brief = Brief(title="Morning Brief", date=DAY1, created=dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc))
    body = message_body(brief)
    assert "Morning Brief" in body and "No new key points" in body and "0 sources" in body


def test_cli_daily_resend(smtp_server, tmp_path, inbox, monkeypatch, capsys):
    """`briefing daily` twice for one date e-mails once; `--resend` sends it again; the record of
    the delivery is the archive's, so the second run is told by the archive, not the process."""
    from briefing.cli import main

    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", list(root.handlers))  # the CLI replaces them: put them back
    monkeypatch.setattr(root, "level", root.level)
    monkeypatch.setenv("BRIEFING_BRIEFS_DIR", str(tmp_path / "briefs"))
    argv = ["daily", "--date", DAY1.isoformat(), "--inbox", str(inbox),
            "--archive", str(tmp_path / "a.sqlite3"), "--email", "desk@example.org"]
    assert main(argv) == 0
    assert len(smtp_server.messages) == 1
    assert "already e-mailed" not in capsys.readouterr().err
    assert main(argv) == 0  # the same date again: written again, not sent again
    assert len(smtp_server.messages) == 1
    said = capsys.readouterr().err  # the daily command logs to stderr, timestamped
    assert "daily 2026-11-20: already e-mailed at" in said and "--resend" in said
    assert main([*argv, "--resend"]) == 0
    assert len(smtp_server.messages) == 2
    first, again = (m["message"] for m in smtp_server.messages)
    assert again["Subject"] == first["Subject"] and again.get_body(("plain",)).get_content() == first.get_body(("plain",)).get_content()
    assert (tmp_path / "briefs" / "2026-11-20.docx").is_file()
    # another date is a first delivery again, without --resend
    other = [a if a != DAY1.isoformat() else (DAY1 + dt.timedelta(days=1)).isoformat() for a in argv]
    assert main(other) == 0
    assert len(smtp_server.messages) == 3
