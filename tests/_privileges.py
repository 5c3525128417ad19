"""Run the CLI in a subprocess that file permissions really apply to, even when tests run as root.

Root ignores file modes through two capabilities, CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH. The
child drops both from its capability bounding set before it execs Python, so the new process, still
uid 0, gets a permission error on a mode-000 file exactly as an ordinary user would. As a non-root
user nothing needs dropping. Used by the permission tests of test_bad_input.py and test_bad_config.py.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE = 1
CAP_DAC_READ_SEARCH = 2


def _drop_file_capabilities() -> None:  # runs in the child between fork and exec
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            err = ctypes.get_errno()
            raise OSError(err, f"prctl(PR_CAPBSET_DROP, {cap}) failed: {os.strerror(err)}")


def run_cli_without_file_override(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`python -m briefing ARGS` as a process for which file permissions are enforced."""
    preexec = _drop_file_capabilities if os.geteuid() == 0 else None
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=preexec,
    )


def can_read(path: Path) -> bool:
    """Whether a process run by run_cli_without_file_override could open path (a sanity check)."""
    preexec = _drop_file_capabilities if os.geteuid() == 0 else None
    r = subprocess.run(
        [sys.executable, "-c", "import sys; open(sys.argv[1], 'rb').close()", str(path)],
        capture_output=True,
        timeout=60,
        preexec_fn=preexec,
    )
    return r.returncode == 0
