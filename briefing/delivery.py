"""Delivery: e-mail the brief (.docx attached, key points in the body) over SMTP.

The body is plain text with an HTML alternative (key points and sections, briefing.mailhtml).

Settings (or ``BRIEFING_SMTP_*`` environment variables): ``smtp_host``, ``smtp_port`` (587),
``smtp_starttls`` (true), ``smtp_username``, ``smtp_password``, ``smtp_sender``, ``smtp_timeout``.
The password is a SecretStr: it is never logged or put into an error message.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.errors import ConfigError, DeliveryError
from briefing.models import Brief

if TYPE_CHECKING:  # smtplib, ssl and email are imported when a message is sent
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
    ):
        self.host = host
        self.port = port
        self.starttls = starttls
        self.username = username
        self._password = password  # str or SecretStr; never logged
        self.timeout = timeout
        self.ssl_context = ssl_context

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
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
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
