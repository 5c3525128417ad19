"""Read the CNN Corpus (../shared/eval-data/cnn-corpus/*.xml) into plain article texts."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

CNN_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval-data" / "cnn-corpus"


@dataclass(frozen=True)
class CnnArticle:
    name: str
    title: str
    url: str
    date: str
    paragraphs: tuple[str, ...]  # each paragraph: its sentences joined by a space


def _unescape(text: str) -> str:
    # The corpus is double-escaped in places ("&amp;apost;" -> "&apost;" after XML parsing).
    return html.unescape(text.replace("&apost;", "'")).strip()


def read_cnn(path: Path) -> CnnArticle:
    root = ET.parse(path).getroot()
    paragraphs = []
    for para in root.iter("paragraph"):
        sentences = [_unescape(c.text or "") for c in para.iter("content")]
        text = " ".join(s for s in sentences if s)
        if text:
            paragraphs.append(text)
    return CnnArticle(
        name=path.stem,
        title=_unescape(root.findtext("title") or path.stem),
        url=root.get("link", ""),
        date=(root.get("date_published") or "")[:10],
        paragraphs=tuple(paragraphs),
    )


def cnn_files(folder: Path = CNN_DIR) -> list[Path]:
    return sorted(folder.glob("*.xml"))
