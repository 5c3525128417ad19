"""Delivery: e-mail the brief (.docx attached, key points in the body) over SMTP.

The body is plain text with an HTML alternative (key points and sections, briefing.mailhtml).

Settings (or ``BRIEFING_SMTP_*`` environment variables): ``smtp_host``, ``smtp_port`` (587),
``smtp_starttls`` (true), ``smtp_username``, ``smtp_password``, ``smtp_sender``, ``smtp_timeout``
(seconds per network operation) and ``smtp_deadline`` (seconds for a whole session, connect to
QUIT: a server that trickles its answers a byte at a time, which resets every per-operation
timeout, is cut off when the deadline passes; see ``smtp_session``).
The password is a SecretStr: it is never logged or put into an error message.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.errors import ConfigError, DeliveryError
from briefing.models import Brief

if TYPE_CHECKING:  # smtplib, ssl and email are imported when a message is sent
    import smtplib
    import ssl
    from email.message import EmailMessage

log = logging.getLogger(__name__)

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


def parse_recipients(value: str | Sequence[str]) -> list[str]:
    """'a@x.org, b@y.org' (or a list of such strings) -> ['a@x.org', 'b@y.org']."""
    items = [value] if isinstance(value, str) else list(value)
    out = [addr.strip() for item in items for addr in item.split(",") if addr.strip()]
    bad = [a for a in out if "@" not in a or any(c.isspace() for c in a)]
    if bad:
        raise ConfigError(f"not an e-mail address: {', '.join(bad)}")
    if not out:
        raise ConfigError("no e-mail recipient given")
    return out


def message_body(brief: Brief) -> str:
    """The plain-text body: the key points with their sources."""
    from briefing.render import attribution, format_date

    lines = [brief.title, format_date(brief.date), ""]
    if brief.key_points:
        lines.append("Key points:")
        lines += [f"- {p.display} {attribution(p)}" for p in brief.key_points]
    else:
        lines.append("No new key points since the last brief.")
    n = len(brief.sources)
    lines += ["", f"The full brief ({n} source{'s' if n != 1 else ''}) is attached."]
    return "\n".join(lines) + "\n"


def brief_message(brief: Brief, path: str | Path, to: Sequence[str], sender: str) -> EmailMessage:
    """The e-mail for a brief: key points in the body, the .docx attached."""
    from email.message import EmailMessage
    from email.utils import formatdate, make_msgid

    from briefing.render import format_date

    p = Path(path)
    msg = EmailMessage()
    msg["Subject"] = " ".join(f"{brief.title} — {format_date(brief.date)}".split())  # no CR/LF
    msg["From"] = sender
    msg["To"] = ", ".join(to)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    msg.set_content(message_body(brief))
    from briefing.mailhtml import message_html

    msg.add_alternative(message_html(brief, format_date(brief.date), p.name), subtype="html")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise DeliveryError(f"cannot attach {p}: {exc.strerror or exc}") from None
    msg.add_attachment(data, maintype=DOCX_TYPE[0], subtype=DOCX_TYPE[1], filename=p.name)
    return msg


class _Deadline:
    """A watchdog for one SMTP session: once ``seconds`` have passed it shuts the session's socket
    down (again every tick, so a socket opened late, or replaced by STARTTLS, is caught too),
    which makes the blocked read or write fail at once."""

    TICK = 0.05

    def __init__(self, smtp: Any, seconds: float):
        self.smtp = smtp
        self.seconds = seconds
        self.expired = False
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="smtp-deadline", daemon=True)

    def _watch(self) -> None:
        import socket

        end = time.monotonic() + self.seconds
        while not self._done.wait(max(0.0, min(self.TICK, end - time.monotonic()))):
            if time.monotonic() < end:
                continue
            self.expired = True
            sock = getattr(self.smtp, "sock", None)
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Deadline:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join(1.0)


@contextlib.contextmanager
def smtp_session(mailer: Mailer, what: str = "the delivery") -> Iterator[smtplib.SMTP]:
    """An open SMTP connection to the mailer's server, closed (QUIT) at the end, the whole session
    bounded by ``mailer.deadline`` seconds: past it, DeliveryError in one line."""
    import smtplib

    where = f"{mailer.host}:{mailer.port}"
    smtp = smtplib.SMTP(timeout=min(mailer.timeout, mailer.deadline))
    smtp._host = mailer.host  # type: ignore[attr-defined]  # as SMTP(host) would set it: STARTTLS checks the certificate against it
    with _Deadline(smtp, mailer.deadline) as guard:
        try:
            smtp.connect(mailer.host, mailer.port)
            with smtp:
                if guard.expired:
                    raise OSError("deadline passed")
                yield smtp
        except DeliveryError:
            raise
        except Exception:
            if guard.expired:
                raise DeliveryError(
                    f"SMTP server {where} did not finish {what} within {mailer.deadline:g} s "
                    "(smtp_deadline): it answers too slowly; gave up"
                ) from None
            raise


class Mailer:
    """Sends messages through one SMTP server."""

    def __init__(
        self,
        *,
        host: str,
        port: int = 587,
        starttls: bool = True,
        username: str | None = None,
        password: Any = None,
        timeout: float = 30.0,
        ssl_context: ssl.SSLContext | None = None,
        deadline: float = 300.0,
    ):
        self.host = host
        self.port = port
        self.starttls = starttls
        self.username = username
        self._password = password  # str or SecretStr; never logged
        self.timeout = timeout
        self.ssl_context = ssl_context
        self.deadline = deadline  # seconds for a whole session (smtp_session)

    def __repr__(self) -> str:
        return f"Mailer(host={self.host!r}, port={self.port}, starttls={self.starttls}, username={self.username!r})"

    def _secret(self) -> str | None:
        pw = self._password
        if pw is None:
            return None
        return pw.get_secret_value() if hasattr(pw, "get_secret_value") else str(pw)

    def send(self, message: EmailMessage) -> None:
        import smtplib
        import ssl

        where = f"{self.host}:{self.port}"
        try:
            with smtp_session(self) as smtp:
                smtp.ehlo()
                if self.starttls:
                    smtp.starttls(context=self.ssl_context or ssl.create_default_context())
                    smtp.ehlo()
                if self.username:
                    smtp.login(self.username, self._secret() or "")
                smtp.send_message(message)
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(
                f"SMTP server {where} refused the login for {self.username!r} ({exc.smtp_code})"
            ) from None
        except smtplib.SMTPNotSupportedError as exc:
            raise DeliveryError(f"SMTP server {where}: {exc}") from None
        except smtplib.SMTPRecipientsRefused as exc:
            raise DeliveryError(f"SMTP server {where} refused the recipients: {', '.join(exc.recipients)}") from None
        except smtplib.SMTPException as exc:
            raise DeliveryError(f"sending mail via {where} failed: {type(exc).__name__}") from None
        except ssl.SSLError as exc:
            raise DeliveryError(f"TLS with {where} failed: {exc.reason or exc}") from None
        except OSError as exc:
            raise DeliveryError(f"cannot reach SMTP server {where}: {exc.strerror or exc}") from None


def mailer_from_settings(settings: Any) -> Mailer:
    if not settings.smtp_host:
        raise ConfigError("no SMTP server: set smtp_host in the settings or BRIEFING_SMTP_HOST")
    return Mailer(
        host=settings.smtp_host,
        port=settings.smtp_port,
        starttls=settings.smtp_starttls,
        username=settings.smtp_username,
        password=settings.smtp_password,
        timeout=settings.smtp_timeout,
        deadline=settings.smtp_deadline,
    )


def send_brief(
    brief: Brief,
    path: str | Path,
    to: str | Sequence[str],
    settings: Any,
    *,
    mailer: Mailer | None = None,
) -> None:
    """E-mail the brief at path to the recipients (comma-separated or a list)."""
    recipients = parse_recipients(to)
    mailer = mailer or mailer_from_settings(settings)
    sender = settings.smtp_sender or (
        settings.smtp_username if settings.smtp_username and "@" in settings.smtp_username
        else "briefing@localhost"
    )
    message = brief_message(brief, path, recipients, sender)
    mailer.send(message)
    log.info("sent %s to %s via %s:%d", Path(path).name, ", ".join(recipients), mailer.host, mailer.port)
