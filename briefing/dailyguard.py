"""Guards for daily runs: sane dates, final earlier briefs, a damaged archive as one line, and
articles left by a killed run adopted by the next one.

* ``check_day(day)``: a brief's date between 1900-01-01 and 9998-12-31 (the look-back window
  and date arithmetic stay valid); otherwise ConfigError.
* ``is_past(archive, day)``: once a brief exists for a later date, an earlier date's brief is
  final: a run for it collects nothing and leaves the written brief as it is.
* ``adopt_orphans(archive, day)``: articles stored by a run that never recorded its brief (it
  was killed, or could not write) are moved to ``day`` so that this run briefs them.
* ``damaged(archive)``: a context manager turning SQLite, JSON and validation errors while
  reading the archive into one-line ``ArchiveError``.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from briefing.errors import ArchiveError, ConfigError

MIN_DAY = _dt.date(1900, 1, 1)
MAX_DAY = _dt.date(9998, 12, 31)


def check_day(day: _dt.date) -> _dt.date:
    if not MIN_DAY <= day <= MAX_DAY:
        raise ConfigError(f"date {day.isoformat()} is out of range ({MIN_DAY} to {MAX_DAY})")
    return day


def is_past(archive: Any, day: _dt.date) -> bool:
    """Whether a brief for a later date than ``day`` exists: ``day``'s brief is then final."""
    row = archive.conn.execute("SELECT MAX(date) FROM briefs").fetchone()
    latest = row[0] if row else None
    return bool(latest and latest > day.isoformat())


def adopt_orphans(archive: Any, day: _dt.date) -> int:
    """Move articles whose run date is before ``day`` and has no brief to ``day``; how many."""
    with archive.transaction() as conn:
        cur = conn.execute(
            "UPDATE articles SET run_date = ? WHERE run_date < ? AND run_date NOT IN "
            "(SELECT date FROM briefs)",
            (day.isoformat(), day.isoformat()),
        )
        conn.execute(
            "UPDATE inputs SET run_date = ? WHERE run_date < ? AND run_date NOT IN "
            "(SELECT date FROM briefs)",
            (day.isoformat(), day.isoformat()),
        )
    return int(cur.rowcount or 0)


@contextlib.contextmanager
def damaged(path: Any) -> Iterator[None]:
    from pydantic import ValidationError

    try:
        yield
    except (sqlite3.DatabaseError, json.JSONDecodeError, ValidationError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ArchiveError(f"archive {path} is damaged: {first[:200]}") from None
