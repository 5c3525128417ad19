"""Small file helpers shared by the stages: atomic writes and XML-safe text."""

from __future__ import annotations

import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

from briefing.errors import OutputError

# Characters XML 1.0 forbids (python-docx raises ValueError on them), plus lone surrogates
# and the two non-characters U+FFFE/U+FFFF; and the bidi embedding/override/isolate controls
# (U+202A-U+202E, U+2066-U+2069), which can make a line display as something else (spoofing).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")


# _XML_ILLEGAL's ASCII characters, as bytes: an ASCII text's are deleted by bytes.translate, far
# faster than the pattern's scan (most texts are ASCII and hold none)
_XML_ILLEGAL_ASCII = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20))


def xml_safe(text: str) -> str:
    """Return text without the characters that cannot appear in an XML (Word) document."""
    if text.isascii():
        raw = text.encode("ascii")
        kept = raw.translate(None, _XML_ILLEGAL_ASCII)
        return text if len(kept) == len(raw) else kept.decode("ascii")
    return _XML_ILLEGAL.sub("", text)


def _prepare_target(path: str | Path) -> Path:
    target = Path(path)
    if target.is_symlink():  # write the file the link points to; keep the link
        target = Path(os.path.realpath(target))
    if target.is_dir():
        raise OutputError(f"cannot write {target}: it is a directory")
    if target.exists() and not target.is_file():
        # a device, pipe or socket: renaming over it would replace it (as root, even /dev/null)
        raise OutputError(f"cannot write {target}: not a regular file")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create folder {target.parent}: {exc.strerror or exc}") from exc
    return target


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: alive, someone else's
        return True
    return True


def _remove_stale_temps(target: Path) -> None:
    """Delete temporary files beside target left by writers that were killed (their pid is gone)."""
    prefix = f".{target.name}."
    try:
        entries = os.scandir(target.parent)
    except OSError:
        return
    with entries:
        for entry in entries:
            name = entry.name
            if not (name.startswith(prefix) and name.endswith(".tmp")):
                continue
            pid = name[len(prefix) :].split(".", 1)[0]
            if pid.isdigit() and int(pid) != os.getpid() and not _pid_alive(int(pid)):
                try:
                    os.unlink(entry.path)
                except OSError:
                    pass


def _file_mode(target: Path) -> int:
    """Permissions for the new file: those of the file it replaces, else 0666 less the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: str | Path, write: Callable[[Path], object]) -> Path:
    """Call write(tmp) on a temporary file beside path, then rename it over path.

    A reader (or a crash) sees either the old file or the new one, whole, never a part. The
    temporary file is named ``.NAME.PID.XXXX.tmp``; one left by a writer that was killed is
    removed by the next write to the same path. The new file keeps the old one's permissions.
    """
    target = _prepare_target(path)
    _remove_stale_temps(target)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent
        )
    except OSError as exc:
        raise OutputError(f"cannot write in {target.parent}: {exc.strerror or exc}") from exc
    tmp = Path(tmp_name)
    try:
        try:
            os.fchmod(fd, _file_mode(target))
        finally:
            os.close(fd)
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)
    return target


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Write text as UTF-8 to path atomically."""
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


_UNSAFE_NAME = re.compile(r"[^\w\-. ]+")
_MAX_NAME_BYTES = 200


def safe_filename(text: str, default: str = "brief") -> str:
    """A file name made from text (a title, a date): no folder separators, no leading dot.

    Whatever text holds ("../../etc/passwd", NUL, "/", "C:\\", control characters), the result is a
    single path component that stays inside the folder it is joined to.
    """
    name = unicodedata.normalize("NFKC", xml_safe(text))
    name = _UNSAFE_NAME.sub("-", name)
    name = re.sub(r"[\s-]*-[\s-]*", "-", name).strip(" .-")
    encoded = name.encode("utf-8")[:_MAX_NAME_BYTES]
    name = encoded.decode("utf-8", errors="ignore").strip(" .-")
    return name or default


def path_within(folder: str | Path, name: str, suffix: str = "") -> Path:
    """folder / safe_filename(name) + suffix, checked to be a direct child of folder."""
    base = Path(folder)
    candidate = base / (safe_filename(name) + suffix)
    if candidate.resolve().parent != base.resolve():
        raise OutputError(f"file name {name!r} would leave the folder {base}")
    return candidate
