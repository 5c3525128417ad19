"""The scheduler: run the daily brief every day at a set time, until told to stop.

    briefing schedule --at 07:00 --timezone Europe/Brussels

Built on APScheduler 3 (a BlockingScheduler with a cron trigger). Each run is logged; a run that
fails is logged with its error and the scheduler goes on to the next day. A run missed because
the machine was asleep still happens if it is less than an hour late (runs do not pile up, and
never overlap). SIGINT and SIGTERM stop the scheduler cleanly: a run in progress finishes first.

For tests, the trigger (when to fire) and the clock (what "today" is) can be injected.
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
import signal
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from briefing.errors import ConfigError

log = logging.getLogger(__name__)

_AT = re.compile(r"^(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)$")


def parse_at(value: str) -> tuple[int, int]:
    """'07:00' -> (7, 0). Raises ConfigError for anything else."""
    m = _AT.match(value.strip())
    if not m:
        raise ConfigError(f"invalid time {value!r}: expected HH:MM, e.g. 07:00")
    return int(m.group("h")), int(m.group("m"))


def get_timezone(name: str | None) -> _dt.tzinfo:
    """A timezone by IANA name ('Europe/Brussels'); the machine's local zone when None."""
    if not name:
        from tzlocal import get_localzone

        return get_localzone()
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"unknown timezone {name!r}: use an IANA name such as Europe/Brussels") from None


class DailySchedule:
    """Calls job(today) every day at a set local time. ``run()`` blocks until ``stop()``."""

    def __init__(
        self,
        job: Callable[[_dt.date], Any],
        *,
        at: str = "07:00",
        timezone: str | _dt.tzinfo | None = None,
        trigger: Any = None,
        clock: Callable[[], _dt.datetime] | None = None,
        misfire_grace: int = 3600,
    ):
        from apscheduler.schedulers.background import BackgroundScheduler
        from apscheduler.triggers.cron import CronTrigger

        self.job = job
        self.hour, self.minute = parse_at(at)
        self.tz = timezone if isinstance(timezone, _dt.tzinfo) else get_timezone(timezone)
        self.trigger = trigger or CronTrigger(hour=self.hour, minute=self.minute, timezone=self.tz)
        self.clock = clock or (lambda: _dt.datetime.now(self.tz))
        self.scheduler = BackgroundScheduler(
            timezone=self.tz,
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": misfire_grace},
        )
        self.scheduler.add_job(self._run_once, self.trigger, id="daily", name="daily brief")
        self.runs = 0
        self.failures = 0
        self.stopped = threading.Event()
        self._stop_requested = False
        from apscheduler.events import EVENT_SCHEDULER_STARTED

        self.scheduler.add_listener(self._on_started, EVENT_SCHEDULER_STARTED)

    def next_run(self, now: _dt.datetime | None = None) -> _dt.datetime | None:
        """When the trigger fires next after now (default: the clock's now)."""
        return self.trigger.get_next_fire_time(None, now or self.clock())

    def _run_once(self) -> None:
        day = self.clock().date()
        self.runs += 1
        log.info("daily run %d for %s: starting", self.runs, day)
        try:
            result = self.job(day)
        except BaseException as exc:  # noqa: BLE001 - a failed run must not stop the scheduler
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            self.failures += 1
            log.error("daily run for %s failed: %s: %s", day, type(exc).__name__, exc)
            log.debug("traceback", exc_info=True)
            return
        log.info("daily run for %s: done%s", day, f" ({result})" if result is not None else "")

    def run(self, *, handle_signals: bool = True) -> None:
        """Run until stop() or SIGINT/SIGTERM. Signals are handled only in the main thread.

        The scheduler runs in a background thread; this thread only waits. A signal handler just
        sets a flag (taking no lock, so it cannot deadlock with the thread it interrupts); the wait
        loop sees it and shuts the scheduler down here, after the run in progress, if any."""
        installed: list[tuple[int, Any]] = []
        if handle_signals and threading.current_thread() is threading.main_thread():
            for wanted in (signal.SIGINT, signal.SIGTERM):
                installed.append((wanted, signal.signal(wanted, self._on_signal)))
        try:
            self.scheduler.start()
            while not self._stop_requested:
                time.sleep(0.1)
            signalled = getattr(self, "_signal", None)
            log.info("received %s: stopping", signalled) if signalled else log.info("stopping")
            if self.scheduler.running:
                self.scheduler.shutdown(wait=True)
        finally:
            for sig, previous in installed:
                signal.signal(sig, previous)
            self.stopped.set()
            log.info("scheduler stopped after %d run(s), %d failed", self.runs, self.failures)

    def _on_started(self, _event: Any) -> None:
        job = self.scheduler.get_job("daily")
        nxt = getattr(job, "next_run_time", None)
        log.info(
            "scheduler started: daily brief at %02d:%02d %s; next run %s",
            self.hour, self.minute, self.tz, nxt.isoformat() if nxt else "never",
        )

    def _on_signal(self, signum: int, _frame: Any) -> None:
        self._signal = signal.Signals(signum).name
        self._stop_requested = True  # no logging or locks in a signal handler

    def stop(self) -> None:
        """Stop after the run in progress, if any (run() returns)."""
        self._stop_requested = True


def run_schedule(
    at: str,
    timezone: str | None = None,
    settings: Any = None,
    *,
    email_to: Sequence[str] | str | None = None,
) -> DailySchedule:
    """Run ``run_daily`` every day at ``at`` (HH:MM) in timezone until SIGINT/SIGTERM."""
    from briefing.daily import run_daily
    from briefing.settings import load_settings

    settings = settings or load_settings()
    timezone = timezone or settings.timezone
    if timezone and timezone != settings.timezone:  # the runs' dates follow the schedule's zone
        settings = settings.model_copy(update={"timezone": timezone})
    if email_to:  # a wrong address or a missing SMTP server is reported now, not at 07:00
        from briefing.delivery import mailer_from_settings, parse_recipients

        email_to = parse_recipients(email_to)
        mailer_from_settings(settings)

    def job(day: _dt.date) -> str:
        brief, path = run_daily(day, settings, email_to=email_to)
        new = sum(1 for p in brief.points if p.first_reported is None)
        return f"wrote {path}: {len(brief.sources)} articles, {new} new points"

    schedule = DailySchedule(job, at=at, timezone=timezone)
    schedule.run()
    return schedule
