"""What unattended daily runs need beyond the brief: the run's time zone, an SMTP check before the
run, a record of delivered dates (no second e-mail without ``--resend``) and an honest lock holder.
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
import sqlite3
from collections.abc import Sequence
from typing import Any

from briefing.errors import DeliveryError

log = logging.getLogger(__name__)

_DELIVERIES = """
CREATE TABLE IF NOT EXISTS deliveries (
    run_date TEXT NOT NULL,
    recipients TEXT NOT NULL,
    sent_at TEXT NOT NULL
)
"""


# -- time zone ----------------------------------------------------------------------------------
def zone(name: str | None) -> _dt.tzinfo:
    """The IANA zone named (``Europe/Brussels``), else the machine's own; ConfigError if unknown."""
    from briefing.schedule import get_timezone

    return get_timezone(name)


def today(name: str | None) -> _dt.date:
    """Today's date in the configured zone (a brief at 00:30 local time is for the local day)."""
    return _dt.datetime.now(zone(name)).date()


def local_date(utc: Any, tz: _dt.tzinfo) -> _dt.date | None:
    """A feed's parsed time (a UTC ``time.struct_time``) as a date in tz."""
    import calendar

    try:
        stamp = calendar.timegm(utc)
    except (TypeError, ValueError, OverflowError):
        return None
    return _dt.datetime.fromtimestamp(stamp, _dt.timezone.utc).astimezone(tz).date()


# -- titles --------------------------------------------------------------------------------------
_GENERIC_TITLES = {
    "home", "homepage", "home page", "news", "latest news", "breaking news", "untitled", "index",
    "article", "page", "story", "welcome", "404", "not found", "error",
}
_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")


def junk_title(page: str, feed: str, source: str | None = None, url: str | None = None) -> bool:
    """True when a page's metadata title should give way to its feed entry's title: it is empty
    or generic ("Home"), just the site's name, or the feed's title with the site glued on
    ("EU agrees sanctions | Example News")."""
    p = " ".join(page.split()).strip()
    f = " ".join(feed.split()).strip()
    low = p.lower().rstrip(" .…")
    if not low or low in _GENERIC_TITLES:
        return True
    names = {n.lower() for n in (source,) if n}
    if url:
        from urllib.parse import urlsplit

        host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
        names |= {host, host.split(".")[0]}
    if low in names or low.replace(" ", "") in names:
        return True
    if f and f.lower() != low and f.lower() in low:
        rest = low.replace(f.lower(), "", 1)
        if any(rest.startswith(sep.rstrip()) or rest.strip().startswith(sep.strip()) for sep in _SEPARATORS):
            return True
    return False


# -- SMTP before the run ------------------------------------------------------------------------
def check_smtp(mailer: Any) -> None:
    """Connect to the mailer's server and greet it; DeliveryError when it cannot be reached, so a
    run that would fail to deliver fails before it collects and writes anything."""
    import smtplib

    where = f"{mailer.host}:{mailer.port}"
    try:
        from briefing.delivery import smtp_session

        with smtp_session(mailer, "the pre-run check") as smtp:
            code, _ = smtp.ehlo()
            if code >= 400:
                raise DeliveryError(f"SMTP server {where} refused the greeting ({code}); not starting the run")
    except smtplib.SMTPException as exc:
        raise DeliveryError(f"SMTP server {where} is not usable ({type(exc).__name__}); not starting the run") from None
    except OSError as exc:
        raise DeliveryError(f"cannot reach SMTP server {where}: {exc.strerror or exc}; not starting the run") from None


# -- delivered dates ----------------------------------------------------------------------------
def delivered(conn: sqlite3.Connection, day: _dt.date) -> str | None:
    """When the brief for day was last e-mailed (ISO time), or None."""
    conn.execute(_DELIVERIES)
    row = conn.execute(
        "SELECT MAX(sent_at) FROM deliveries WHERE run_date = ?", (day.isoformat(),)
    ).fetchone()
    return row[0] if row and row[0] else None


def record_delivery(conn: sqlite3.Connection, day: _dt.date, recipients: Sequence[str]) -> None:
    conn.execute(_DELIVERIES)
    conn.execute(
        "INSERT INTO deliveries (run_date, recipients, sent_at) VALUES (?, ?, ?)",
        (day.isoformat(), ", ".join(recipients), _dt.datetime.now().astimezone().isoformat(timespec="seconds")),
    )
    conn.commit()


# -- the lock holder ----------------------------------------------------------------------------
def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    except OSError:  # pragma: no cover - not POSIX
        return True
    return True


def live_holder(text: str) -> str | None:
    """The lock file's 'pid N since T' when process N still runs, else None (a finished run)."""
    text = text.strip()
    parts = text.split()
    if len(parts) >= 2 and parts[0] == "pid" and parts[1].isdigit():
        return text if pid_alive(int(parts[1])) else None
    return None
