"""Bounds for settings and for the small files briefing reads (config, sections, feed lists).

A setting outside its bounds is refused with one line (pydantic Field bounds in settings.py use
the constants here); a config-like file that is not a regular file (``/dev/zero``, a FIFO) or is
larger than ``MAX_CONFIG_BYTES`` is refused before it is read whole.
"""

from __future__ import annotations

from pathlib import Path

from briefing.errors import ConfigError

MAX_CONFIG_BYTES = 1024 * 1024
MAX_ARTICLE_BYTES = 1024 * 1024 * 1024  # 1 GiB
MAX_TEXT_SETTING = 2000  # title, handling
MAX_SHORT_SETTING = 255  # author, date_format and other one-liners
MAX_SMTP_DEADLINE = 3600.0  # seconds for a whole e-mail delivery (smtp_deadline)


def read_small_text(path: str | Path, what: str = "config file") -> str:
    """The UTF-8 text of a small regular file; ConfigError for anything else.
    FileNotFoundError / UnicodeDecodeError / OSError propagate for the caller's own messages."""
    p = Path(path)
    st = p.stat()
    import stat as _stat

    if not _stat.S_ISREG(st.st_mode):
        raise ConfigError(f"cannot read {what} {p}: not a regular file")
    if st.st_size > MAX_CONFIG_BYTES:
        raise ConfigError(f"{what} {p} is {st.st_size} bytes, over the {MAX_CONFIG_BYTES} byte limit")
    with open(p, "rb") as fh:
        data = fh.read(MAX_CONFIG_BYTES + 1)
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{what} {p} is over the {MAX_CONFIG_BYTES} byte limit")
    return data.decode("utf-8")
