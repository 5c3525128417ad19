"""Benchmark corpora of DISTINCT articles: Reuters-21578, the CNN Corpus and BBC News, mixed.

    from distinct import load_pool, write_distinct
    pool = load_pool()                       # every distinct article, in a fixed seeded order
    write_distinct(folder, 10_000, pool)     # the first 10,000 of that order, one file each

Sources, all under ../shared/eval-data:

- ``reuters-21578/articles.jsonl``: 17,401 Reuters newswire articles from 1987, one JSON object a line
  (id, date, title, dateline, topics, places, paragraphs). Credited "Reuters", dated with their 1987
  date; the dateline becomes a wire dateline ("SALVADOR (Reuters) - ...") as briefing's cleaner reads it.
- ``cnn-corpus/*.xml``: the CNN Corpus (about 1,010 articles; bench/cnn.py reads it), credited "CNN".
- ``bbc/articles/<category>/NNN.txt``: BBC News articles, the first line the title, credited "BBC";
  undated. A file that is not valid UTF-8 (``sport/199.txt``) is decoded as cp1252, as briefing's
  ingest would.

Each file is written with the front matter briefing's ingest recognises (``title``, ``source``,
``date``, ``url``) and the paragraphs separated by blank lines. Texts that are exact duplicates after
whitespace is collapsed are kept once (the first in source order), so every file is a different
article. The pool's order is a seeded shuffle of all sources together, so any prefix mixes them and
a smaller corpus is always a prefix of a larger one.
"""

from __future__ import annotations

import datetime as _dt
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVAL_DATA = HERE.parent.parent / "shared" / "eval-data"
SEED = 20_261_202

REUTERS = Path("reuters-21578") / "articles.jsonl"
CNN = Path("cnn-corpus")
BBC = Path("bbc") / "articles"

# "SALVADOR, Feb 26 -", "NEW YORK, March 3 -", "THE HAGUE, April 8 -": the place before the date.
_DATELINE = re.compile(r"^\s*(?P<place>.*?)\s*,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*[-–—]*\s*$")
_MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1)}


class DataMissing(Exception):
    """The evaluation data is not where the benchmark looks for it."""


@dataclass(frozen=True)
class Item:
    """One article to write: where it came from, its metadata and its paragraphs."""

    key: str  # "reuters:17", "cnn:<file stem>", "bbc:sport/199"
    source: str
    title: str
    date: str  # ISO date or ""
    url: str
    paragraphs: tuple[str, ...]

    def text(self) -> str:
        meta = [f"title: {_one_line(self.title)}", f"source: {self.source}"]
        if self.date:
            meta.append(f"date: {self.date}")
        if self.url:
            meta.append(f"url: {self.url}")
        return "---\n" + "\n".join(meta) + "\n---\n" + "\n\n".join(self.paragraphs) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _reuters_date(value: str) -> str:
    """'26-FEB-1987 15:01:01.79' -> '1987-02-26'; '' if unreadable."""
    try:
        day, month, year = value.split()[0].split("-")
        return _dt.date(int(year), _MONTHS[month.upper()[:3]], int(day)).isoformat()
    except (ValueError, KeyError, IndexError):
        return ""


def _reuters_place(dateline: str) -> str:
    m = _DATELINE.match(dateline or "")
    place = m.group("place").strip(" ,-") if m else ""
    return place if place[:1].isupper() else ""


def reuters_items(path: Path) -> Iterator[Item]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            obj = json.loads(line)
            paragraphs = [_one_line(p) for p in obj.get("paragraphs") or () if p and p.strip()]
            if not paragraphs:
                continue
            place = _reuters_place(obj.get("dateline", ""))
            if place:
                paragraphs[0] = f"{place} (Reuters) - {paragraphs[0]}"
            yield Item(
                key=f"reuters:{obj['id']}",
                source="Reuters",
                title=_one_line(obj.get("title") or "") or paragraphs[0][:80],
                date=_reuters_date(obj.get("date", "")),
                url="",
                paragraphs=tuple(paragraphs),
            )


def cnn_items(folder: Path) -> Iterator[Item]:
    from cnn import cnn_files, read_cnn

    for f in cnn_files(folder):
        a = read_cnn(f)
        if a.paragraphs:
            yield Item(f"cnn:{a.name}", "CNN", a.title, a.date, a.url, tuple(a.paragraphs))


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def bbc_items(folder: Path) -> Iterator[Item]:
    for f in sorted(folder.glob("*/*.txt")):
        lines = _decode(f.read_bytes()).replace("\r\n", "\n").split("\n")
        title = lines[0].strip()
        body = "\n".join(lines[1:])
        paragraphs = tuple(_one_line(p) for p in re.split(r"\n\s*\n", body) if p.strip())
        if title and paragraphs:
            yield Item(f"bbc:{f.parent.name}/{f.stem}", "BBC", title, "", "", paragraphs)


def sources(data: Path = EVAL_DATA) -> dict[str, Path]:
    """The three sources' paths under data; DataMissing naming what is absent."""
    paths = {"reuters": data / REUTERS, "cnn": data / CNN, "bbc": data / BBC}
    missing = [f"{name} ({p})" for name, p in paths.items() if not p.exists()]
    if missing:
        raise DataMissing(
            f"evaluation data not found under {data}: missing {', '.join(missing)}. "
            "The distinct-article benchmark needs reuters-21578/articles.jsonl, cnn-corpus/*.xml "
            "and bbc/articles/<category>/*.txt there."
        )
    return paths


def load_pool(data: Path = EVAL_DATA, seed: int = SEED) -> list[Item]:
    """Every distinct article of the three sources, in a fixed seeded order mixing them."""
    paths = sources(data)
    seen: set[str] = set()
    pool: list[Item] = []
    for items in (reuters_items(paths["reuters"]), cnn_items(paths["cnn"]), bbc_items(paths["bbc"])):
        for item in items:
            body = " ".join(" ".join(item.paragraphs).split())
            if body in seen:
                continue
            seen.add(body)
            pool.append(item)
    pool.sort(key=lambda i: i.key)  # the shuffle's input does not depend on directory order
    random.Random(seed).shuffle(pool)
    return pool


def write_distinct(folder: Path, n: int | None, pool: list[Item]) -> list[Path]:
    """Write the first n articles of pool (all of them if n is None) as files under folder."""
    folder.mkdir(parents=True, exist_ok=True)
    chosen = pool if n is None else pool[:n]
    if n is not None and n > len(pool):
        raise ValueError(f"asked for {n:,} distinct articles; the pool has {len(pool):,}")
    paths = []
    for k, item in enumerate(chosen):
        path = folder / f"{k:05d}.txt"
        path.write_text(item.text(), encoding="utf-8")
        paths.append(path)
    return paths


def mix(pool: list[Item], n: int | None = None) -> dict[str, int]:
    """How many articles of each outlet the first n of pool hold."""
    counts: dict[str, int] = {}
    for item in pool if n is None else pool[:n]:
        counts[item.source] = counts.get(item.source, 0) + 1
    return counts
