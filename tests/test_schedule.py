"""The scheduler: when it fires, that it fires (with an injected trigger and clock), and stopping."""

from __future__ import annotations

import datetime as dt
import logging
import os
import select
import signal
import subprocess
import sys
import threading
import time
from zoneinfo import ZoneInfo

import pytest
from apscheduler.triggers.base import BaseTrigger

from briefing.errors import ConfigError
from briefing.schedule import DailySchedule, get_timezone, parse_at

BRUSSELS = ZoneInfo("Europe/Brussels")


def test_parse_at_and_timezone():
    assert parse_at("07:00") == (7, 0)
    assert parse_at("7:05") == (7, 5)
    assert parse_at("23:59") == (23, 59)
    for bad in ("24:00", "7", "07:60", "seven"):
        with pytest.raises(ConfigError):
            parse_at(bad)
    assert get_timezone("Europe/Brussels") == BRUSSELS
    with pytest.raises(ConfigError, match="unknown timezone"):
        get_timezone("Mars/Olympus_Mons")


def test_next_run_is_at_the_local_time_across_a_dst_change():
    schedule = DailySchedule(lambda day: None, at="07:00", timezone="Europe/Brussels")
    before = dt.datetime(2026, 3, 28, 6, 59, tzinfo=BRUSSELS)
    assert schedule.next_run(before) == dt.datetime(2026, 3, 28, 7, 0, tzinfo=BRUSSELS)
    after = dt.datetime(2026, 3, 28, 7, 0, 1, tzinfo=BRUSSELS)
    nxt = schedule.next_run(after)
    assert nxt == dt.datetime(2026, 3, 29, 7, 0, tzinfo=BRUSSELS)
    assert nxt.utcoffset() == dt.timedelta(hours=2)  # summer time began that night
    assert nxt.astimezone(dt.timezone.utc).hour == 5


class SoonTrigger(BaseTrigger):
    """Fires every `every` seconds from now: stands in for "07:00 every day"."""

    def __init__(self, every: float = 0.05):
        self.every = dt.timedelta(seconds=every)

    def get_next_fire_time(self, previous_fire_time, now):
        return (previous_fire_time or now) + self.every


def test_scheduler_fires_the_job_each_day_and_survives_a_failed_run(caplog):
    caplog.set_level(logging.INFO, logger="briefing")
    days = iter(dt.datetime(2026, 11, 20 + i, 7, 0, tzinfo=BRUSSELS) for i in range(100))
    seen: list[dt.date] = []
    enough = threading.Event()

    def job(day: dt.date) -> str:
        seen.append(day)
        if len(seen) >= 3:
            enough.set()
        if len(seen) == 1:
            raise RuntimeError("feed server down")
        return f"brief for {day}"

    schedule = DailySchedule(
        job, at="07:00", timezone="Europe/Brussels", trigger=SoonTrigger(), clock=lambda: next(days)
    )
    runner = threading.Thread(target=schedule.run)
    runner.start()
    try:
        assert enough.wait(30), "the scheduler did not fire three times"
    finally:
        schedule.stop()
        runner.join(10)
    assert not runner.is_alive()
    assert schedule.stopped.is_set()
    assert seen[:3] == [dt.date(2026, 11, 20), dt.date(2026, 11, 21), dt.date(2026, 11, 22)]
    assert schedule.failures == 1 and schedule.runs >= 3
    log = caplog.text
    assert "daily run for 2026-11-20 failed: RuntimeError: feed server down" in log
    assert "daily run for 2026-11-21: done (brief for 2026-11-21)" in log
    assert "scheduler stopped" in log


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_schedule_command_stops_cleanly_on_a_signal(tmp_path, sig):
    env = dict(os.environ, BRIEFING_ARCHIVE=str(tmp_path / "a.sqlite3"), PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing", "schedule", "--at", "07:00", "--timezone", "Europe/Brussels",
         "--inbox", str(tmp_path)],
        stderr=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=tmp_path,
    )
    seen = b""
    fd = proc.stderr.fileno()
    try:
        deadline = time.monotonic() + 60  # a bound, not a speed requirement
        while b"scheduler started" not in seen and time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 1.0)
            if ready:
                chunk = os.read(fd, 65536)  # unbuffered: select() sees all that is left
                if not chunk:
                    break
                seen += chunk
        head = seen.decode()
        assert "scheduler started" in head, head
        assert "07:00 Europe/Brussels" in head
        proc.send_signal(sig)
        _, rest = proc.communicate(timeout=30)
        err = head + rest.decode()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert "stopping" in err and "scheduler stopped after 0 run(s)" in err
    assert "Traceback" not in err


def test_schedule_command_rejects_a_bad_time(capsys):
    from briefing.cli import main

    assert main(["schedule", "--at", "7am"]) == 2  # a bad value: exit 2
    assert "invalid time" in capsys.readouterr().err


def test_schedule_command_checks_email_set_up_before_starting(capsys, monkeypatch):
    from briefing.cli import main

    monkeypatch.delenv("BRIEFING_SMTP_HOST", raising=False)
    assert main(["schedule", "--at", "07:00", "--email", "desk@example.org"]) == 2  # no SMTP server configured: a bad value
    assert "no SMTP server" in capsys.readouterr().err
