"""Kill `briefing build` with SIGKILL at random moments while it writes, many times.

After every kill the output path holds either the previous brief or the new one, whole: every zip
member passes its CRC check and python-docx opens it; a brief that is not the new one is byte for
byte the previous one. Temporary files left by killed writers are removed by the next write.

Most kills hit processes forked from this (already warmed-up) test process that run the CLI's
main(["build", ...]): the same code path as the `briefing` command without its 2-3 s of imports,
so many kills fit in CI. A few kills hit the real `python -m briefing build` command.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document

from briefing.cli import main
from conftest import ROOT, SEEDS

FORK_KILLS = 40
EXEC_KILLS = 3
SEED = 20171208


@dataclass
class Tally:
    kills: int = 0
    before_write: int = 0  # killed before its temporary file appeared
    during_write: int = 0  # killed while its temporary file existed: old brief must survive
    after_replace: int = 0  # killed (or finished) after the new brief was in place
    failures: list[str] = field(default_factory=list)


def _title(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        bad = z.testzip()
        assert bad is None, f"corrupt member {bad} in {path}"
    return Document(str(path)).paragraphs[0].text


def _args(out: Path, title: str) -> list[str]:
    return ["build", str(SEEDS), "-o", str(out), "--summarizer", "lead", "--title", title]


def _fork_build(out: Path, title: str) -> int:
    pid = os.fork()
    if pid == 0:  # child: run the command, never return into pytest
        code = 99
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            code = main(_args(out, title))
        finally:
            os._exit(code)
    return pid


def _temp_of(folder: Path, out: Path, pid: int) -> bool:
    prefix = f".{out.name}.{pid}."
    return any(name.startswith(prefix) for name in os.listdir(folder))


def _stamp(out: Path) -> tuple[int, int, int] | None:
    try:
        st = out.stat()
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def _writing(out: Path, pid: int, stamp: tuple | None) -> bool:
    """pid has started to write: its temporary file exists, or the brief itself changed (which
    a writer that is not atomic would do)."""
    return _temp_of(out.parent, out, pid) or _stamp(out) != stamp


def _exited(pid: int) -> bool:
    done, _ = os.waitpid(pid, os.WNOHANG)
    return done != 0


def _kill_at(
    pid: int, out: Path, *, wait_for_temp: bool, delay: float, stamp: tuple | None = None, popen=None
) -> tuple[bool, bool]:
    """Kill pid after delay (counted from its temporary file appearing, if wait_for_temp).
    Returns (saw its temporary file, was killed by the signal)."""
    saw_temp = False
    deadline = time.monotonic() + 60
    finished = False
    if wait_for_temp:
        while time.monotonic() < deadline:
            if _writing(out, pid, stamp):
                saw_temp = True
                break
            if (popen.poll() is not None) if popen else _exited(pid):
                finished = True
                break
            time.sleep(0.0002)
    if not finished:
        time.sleep(delay)
        saw_temp = saw_temp or _temp_of(out.parent, out, pid)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    if popen is not None:
        status = popen.wait(timeout=60)
        return saw_temp, status == -signal.SIGKILL
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:  # already reaped by _exited()
        return saw_temp, False
    return saw_temp, os.WIFSIGNALED(status)


def _check(
    out: Path, before: bytes, old_title: str, new_title: str, saw_temp: bool, tally: Tally
) -> tuple[bytes, str]:
    """Count the outcome of one kill; return the brief now at out and its title."""
    tally.kills += 1
    try:
        title = _title(out)
    except Exception as exc:  # noqa: BLE001 - any failure to open is the failure we count
        tally.failures.append(f"{new_title}: output unreadable: {type(exc).__name__}: {exc}")
        return before, old_title
    now = out.read_bytes()
    if title == new_title:
        tally.after_replace += 1
    elif title == old_title and now == before:
        if saw_temp:
            tally.during_write += 1
        else:
            tally.before_write += 1
    else:
        tally.failures.append(f"{new_title}: found {title!r}, neither {old_title!r} whole nor the new brief")
    return now, title


def _calibrate(out: Path) -> tuple[float, float, float]:
    """For a run that is not killed: seconds from fork until its temporary file appears, until it
    is gone (renamed over the brief), and until the process ends."""
    t0 = time.monotonic()
    pid = _fork_build(out, "Calibration")
    t_temp = t_gone = None
    while not _exited(pid):
        has = _temp_of(out.parent, out, pid)
        if has and t_temp is None:
            t_temp = time.monotonic() - t0
        elif not has and t_temp is not None and t_gone is None:
            t_gone = time.monotonic() - t0
        time.sleep(0.0002)
    t_end = time.monotonic() - t0
    assert _title(out) == "Calibration"
    t_temp = t_end * 0.8 if t_temp is None else t_temp
    return t_temp, t_gone or t_end, t_end


CALIBRATION_RUNS = 5


def _write_window(out: Path, runs: int = CALIBRATION_RUNS) -> tuple[float, float]:
    """The write window to aim kills at, measured over a few unkilled runs the way the kill loop
    sees it (from the temporary file appearing to its rename): the shortest window seen (a busy
    machine stretches some runs, never all of them), and the longest whole run."""
    windows, ends = [], []
    for _ in range(runs):
        t_temp, t_gone, t_end = _calibrate(out)
        windows.append(max(t_gone - t_temp, 0.001))
        ends.append(t_end)
    return min(windows), max(ends)


def test_sigkill_while_writing_leaves_old_or_new_brief_whole(tmp_path):
    rng = random.Random(SEED)
    out = tmp_path / "out" / "brief.docx"
    assert main(_args(out, "Brief 0")) == 0  # warms every import and cache before forking
    # Calibrated kill timing: the write window is measured over a few runs first, then the kills
    # aimed at it get delays spread evenly (stratified) over its first 80%. A kill that still
    # lands after the rename shows the window is shorter now (the machine got less busy): the
    # window aimed at shrinks to below that delay, so load changes cannot starve the test.
    window, t_end = _write_window(out)
    first_window = window
    assert main(_args(out, "Brief 0")) == 0
    tally = Tally()
    current_title, current = "Brief 0", out.read_bytes()
    max_temps = 0
    aimed = [i for i in range(1, FORK_KILLS + 1) if i % 3 != 0]
    slots = list(range(len(aimed)))
    rng.shuffle(slots)  # stratum of each aimed kill, in random order
    late = 0

    for i in range(1, FORK_KILLS + 1):
        new_title = f"Brief {i}"
        if i % 3 == 0:  # anywhere in the run
            wait, delay = False, rng.uniform(0, t_end * 1.2)
        else:  # in the write window: after the temporary file appears
            k = slots[aimed.index(i)]
            wait, delay = True, 0.8 * window * (k + rng.random()) / len(aimed)
        stamp = _stamp(out)
        pid = _fork_build(out, new_title)
        saw_temp, _ = _kill_at(pid, out, wait_for_temp=wait, delay=delay, stamp=stamp)
        after_before = tally.after_replace
        current, current_title = _check(out, current, current_title, new_title, saw_temp, tally)
        if wait and saw_temp and tally.after_replace > after_before:
            late += 1
            window = max(min(window, delay) * 0.8, 0.0005)
        max_temps = max(max_temps, sum(1 for n in os.listdir(out.parent) if n.endswith(".tmp")))

    # a run that completes removes what killed writers left behind
    assert main(_args(out, "Final")) == 0
    assert _title(out) == "Final"
    assert sorted(os.listdir(out.parent)) == ["brief.docx"]

    print(
        f"\nrun {t_end * 1000:.0f} ms, write window {first_window * 1000:.1f} ms (aimed at "
        f"{window * 1000:.1f} ms at the end, {late} aimed kills late); fork kills: {tally.kills} (before write {tally.before_write}, during write "
        f"{tally.during_write}, after replace {tally.after_replace}); most temp files at once: "
        f"{max_temps}; failures: {len(tally.failures)}"
    )
    assert tally.failures == []
    assert tally.kills == FORK_KILLS
    assert tally.during_write >= 5, "too few kills landed inside the write"


def test_sigkill_the_real_command(tmp_path):
    rng = random.Random(SEED + 1)
    out = tmp_path / "brief.docx"
    assert main(_args(out, "Brief 0")) == 0
    tally = Tally()
    current_title, current = "Brief 0", out.read_bytes()
    for i in range(1, EXEC_KILLS + 1):
        new_title = f"Brief {i}"
        stamp = _stamp(out)
        proc = subprocess.Popen(
            [sys.executable, "-m", "briefing", *_args(out, new_title)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        saw_temp, _ = _kill_at(proc.pid, out, wait_for_temp=True, delay=rng.uniform(0, 0.03), stamp=stamp, popen=proc)
        current, current_title = _check(out, current, current_title, new_title, saw_temp, tally)
    assert tally.failures == []
    assert tally.kills == EXEC_KILLS
    assert main(_args(out, "Final")) == 0
    assert sorted(os.listdir(out.parent)) == ["brief.docx"]


def test_concurrent_builds_to_the_same_path(tmp_path):
    """Four builds write the same brief at once: the last rename wins, whole; nothing is left over."""
    out = tmp_path / "brief.docx"
    assert main(_args(out, "Brief 0")) == 0
    for round_ in range(3):
        titles = [f"Round {round_} writer {w}" for w in range(4)]
        pids = [_fork_build(out, t) for t in titles]
        for pid in pids:
            _, status = os.waitpid(pid, 0)
            assert os.waitstatus_to_exitcode(status) == 0
        assert _title(out) in titles
        assert sorted(os.listdir(tmp_path)) == ["brief.docx"]


def test_a_worker_killed_mid_run_is_one_clear_error(tmp_path, monkeypatch, capsys):
    """SIGKILL one process of the per-article pool (as the OOM killer would): exit 1, one line,
    the previous brief untouched."""
    import shutil

    import briefing.ingest as ingest
    from conftest import REUTERS_SEED

    src = tmp_path / "in"
    src.mkdir()
    for i in range(6):
        shutil.copy(REUTERS_SEED, src / f"a{i}.txt")
    shutil.copy(REUTERS_SEED, src / "z-dies.txt")
    out = tmp_path / "brief.docx"
    assert main(_args(out, "Before")) == 0
    before = out.read_bytes()
    real = ingest.read_article

    def read_or_die(path, **kw):  # runs in the forked worker
        if str(path).endswith("z-dies.txt"):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, **kw)

    monkeypatch.setattr(ingest, "read_article", read_or_die)
    monkeypatch.setenv("BRIEFING_WORKERS", "2")
    capsys.readouterr()
    args = ["build", str(src), "-o", str(out), "--summarizer", "lead", "--title", "After"]
    assert main(args) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "a worker process died" in err[0]
    assert out.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["brief.docx", "in"]
