"""The evaluation data: CNN Corpus, BBC News Summary, Multi-News and MSRP, read tolerantly
(double escaping, glued rows, bad bytes; see the data's README)."""

from __future__ import annotations

import csv
import html
import random
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import EvaluationError

DEFAULT_DATA_DIR = Path("../shared/eval-data")

# Sampling (deterministic) so that `make eval` stays well under 10 minutes on 2 cores.
CNN_SAMPLE = 400
BBC_SAMPLE = 300
SEED = 20260101


@dataclass(frozen=True)
class SingleDoc:
    """One article with an extractive reference summary."""

    id: str
    paragraphs: tuple[tuple[str, ...], ...]  # sentences, as the corpus splits them, per paragraph
    reference: tuple[str, ...]  # reference sentences
    title: str = ""

    @property
    def sentences(self) -> list[str]:
        return [s for p in self.paragraphs for s in p]

    @property
    def text(self) -> str:
        """The article as the pipeline reads text: one paragraph per line."""
        return "\n".join(" ".join(p) for p in self.paragraphs if p)


@dataclass(frozen=True)
class Cluster:
    """Several articles on one story with a human summary."""

    id: str
    documents: tuple[str, ...]
    summary: str


@dataclass(frozen=True)
class Pair:
    """Two sentences and whether they mean the same (MSRP's label)."""

    label: bool
    a: str
    b: str


def _unescape(text: str) -> str:
    # The CNN Corpus escapes some entities twice: "&amp;apost;" parses to "&apost;".
    text = text.replace("&apost;", "'").replace("&apos;", "'")
    return html.unescape(text).strip()


def load_cnn(directory: str | Path, limit: int | None = None) -> list[SingleDoc]:
    """CNN Corpus XML files (sorted by name; the first ``limit`` after a seeded shuffle)."""
    directory = Path(directory)
    files = sorted(directory.glob("*.xml"))
    if not files:
        raise EvaluationError(f"no CNN Corpus .xml files in {directory}")
    if limit is not None and limit < len(files):
        rng = random.Random(SEED)
        files = sorted(rng.sample(files, limit))
    docs = []
    for f in files:
        try:
            root = ET.parse(f).getroot()
        except ET.ParseError as exc:
            print(f"briefing eval: skipped {f.name}: {exc}", file=sys.stderr)
            continue
        gold = tuple(
            _unescape(s.text or "") for s in root.findall("./summaries/gold_standard/sentence")
        )
        paragraphs = tuple(
            tuple(t for t in (_unescape(c.text or "") for c in p.iter("content")) if t)
            for p in root.findall("./article/paragraph")
        )
        gold = tuple(g for g in gold if g)
        if not gold or not any(paragraphs):
            continue
        title = _unescape(root.findtext("title") or "")
        docs.append(SingleDoc(id=f.stem, paragraphs=paragraphs, reference=gold, title=title))
    return docs


def load_bbc(directory: str | Path, limit: int | None = None) -> list[SingleDoc]:
    """BBC News Summary: ``articles/<cat>/NNN.txt`` (title line, body) and ``summaries/...``."""
    directory = Path(directory)
    pairs = []
    for art in sorted((directory / "articles").glob("*/*.txt")):
        summ = directory / "summaries" / art.parent.name / art.name
        if summ.is_file():
            pairs.append((art, summ))
    if not pairs:
        raise EvaluationError(f"no BBC articles with summaries under {directory}")
    if limit is not None and limit < len(pairs):
        pairs = sorted(random.Random(SEED).sample(pairs, limit))
    from briefing.ingest import decode
    from briefing.sentences import to_sentences

    docs = []
    for art, summ in pairs:
        lines = [ln.strip() for ln in decode(art.read_bytes()).splitlines()]
        title, body = lines[0], [ln for ln in lines[1:] if ln]
        summary = decode(summ.read_bytes()).strip()
        # The summaries' sentences are run together: "$10.9bn.For the full-year".
        summary = re.sub(r"([.!?][\"'”]?)(?=[A-Z\"“])", r"\1 ", summary)
        paragraphs = tuple(tuple(to_sentences(p)) for p in body)
        ref = tuple(to_sentences(summary))
        if ref and any(paragraphs):
            docs.append(
                SingleDoc(id=f"{art.parent.name}/{art.stem}", paragraphs=paragraphs, reference=ref, title=title)
            )
    return docs


def load_multinews(path: str | Path) -> list[Cluster]:
    """Multi-News clusters TSV: row_id, split, document (articles joined by |||||), summary."""
    path = Path(path)
    if not path.is_file():
        raise EvaluationError(f"no Multi-News file at {path}")
    csv.field_size_limit(1 << 30)
    clusters = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            docs = tuple(d.strip() for d in (row.get("document") or "").split("|||||") if d.strip())
            summary = (row.get("summary") or "").strip().lstrip("–—-").strip()
            if docs and summary:
                clusters.append(Cluster(id=str(row.get("row_id")), documents=docs, summary=summary))
    return clusters


def load_msrp(path: str | Path) -> list[Pair]:
    """MSRP pairs: Quality, #1 ID, #2 ID, #1 String, #2 String; glued rows are split apart."""
    path = Path(path)
    if not path.is_file():
        raise EvaluationError(f"no MSRP file at {path}")
    pairs = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for n, line in enumerate(fh):
            fields = line.rstrip("\r\n").split("\t")
            if n == 0 and fields[0].strip().lower() == "quality":
                continue
            # A missing newline glues two rows: "...sentence.0<TAB>849568<TAB>..."
            while len(fields) >= 9:
                m = re.match(r"^(.*?)([01])$", fields[4])
                if not m:
                    break
                first = fields[:4] + [m.group(1)]
                pairs.append(Pair(label=first[0] == "1", a=first[3], b=first[4]))
                fields = [m.group(2)] + fields[5:]
            if len(fields) == 5 and fields[0] in ("0", "1"):
                pairs.append(Pair(label=fields[0] == "1", a=fields[3], b=fields[4]))
    if not pairs:
        raise EvaluationError(f"no sentence pairs in {path}")
    return pairs
