"""Walking input folders safely: iteratively (any depth, no RecursionError) and without
following symlinks that lead out of the folder the user named (unless ``follow_symlinks``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

OUTSIDE = "symlink leads outside the inbox, not followed (follow_symlinks = true allows it)"


def outside(path: str | os.PathLike, root_real: str) -> bool:
    """Whether ``path`` (after every symlink) is outside the real path ``root_real``."""
    real = os.path.realpath(path)
    return real != root_real and not real.startswith(root_real.rstrip(os.sep) + os.sep)


def walk_inbox(inbox: Path, *, follow_symlinks: bool = False) -> Iterator[tuple[Path, str | None]]:
    """(path, None) for every non-hidden non-directory entry under ``inbox`` in sorted order, or
    (path, reason) for a symlink that leads out of it. Directories are descended iteratively;
    a symlinked directory is descended only when ``follow_symlinks`` (and each real directory
    once)."""
    root_real = os.path.realpath(inbox)
    seen: set[tuple[int, int]] = set()
    found: list[tuple[Path, str | None]] = []
    stack = [Path(inbox)]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            p = Path(entry.path)
            link = entry.is_symlink()
            if link and not follow_symlinks and outside(entry.path, root_real):
                found.append((p, OUTSIDE))
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=follow_symlinks)
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(p)
            elif link and _is_dir(entry):
                continue  # a symlinked folder inside the inbox: reached through its real path
            else:
                found.append((p, None))
    found.sort(key=lambda item: item[0])
    yield from found


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a symlink loop: read_article explains it
        return False
