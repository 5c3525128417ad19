"""Benchmark corpora: N article files built from the CNN Corpus, near-duplicates included.

The first pass over the corpus writes each article as it is. Beyond the corpus's size, article
``k`` is a light, deterministic edit of article ``k % size`` (seeded by ``k``): published under
another outlet's name, one paragraph dropped, a word or two changed ("said" -> "says"), sometimes two
paragraphs swapped. Real feeds look like this: the same wire story under several mastheads.
"""

from __future__ import annotations

import random
from pathlib import Path

from cnn import CnnArticle, cnn_files, read_cnn

OUTLETS = ("Reuters", "AP", "AFP", "BBC", "The Guardian", "Bloomberg", "Politico", "Al Jazeera")
_SWAPS = (("said", "says"), ("told", "said to"), ("on Monday", "Monday"), ("percent", "per cent"))


def load_cnn(folder: Path | None = None) -> list[CnnArticle]:
    files = cnn_files(folder) if folder else cnn_files()
    return [a for a in (read_cnn(f) for f in files) if len(a.paragraphs) >= 2]


def variant(base: CnnArticle, k: int, copy: int) -> tuple[str, list[str], str]:
    """(source, paragraphs, title) of the copy-th edit of base; copy 0 is the article itself."""
    paragraphs = list(base.paragraphs)
    if copy == 0:
        return "CNN", paragraphs, base.title
    rng = random.Random(k)
    if len(paragraphs) > 3:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    for _ in range(2):
        i = rng.randrange(len(paragraphs))
        old, new = _SWAPS[rng.randrange(len(_SWAPS))]
        paragraphs[i] = paragraphs[i].replace(old, new, 1)
    if len(paragraphs) > 4 and rng.random() < 0.5:
        i = rng.randrange(1, len(paragraphs) - 1)
        paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
    source = OUTLETS[(k + copy) % len(OUTLETS)]
    return source, paragraphs, base.title


def write_corpus(folder: Path, n: int, articles: list[CnnArticle]) -> list[Path]:
    """Write n article files (front matter + one paragraph per line) under folder."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n):
        base = articles[k % len(articles)]
        copy = k // len(articles)
        source, paragraphs, title = variant(base, k, copy)
        url = base.url + (f"?copy={copy}" if copy else "")
        text = (
            "---\n"
            f"title: {title}\n"
            f"source: {source}\n"
            f"date: {base.date}\n"
            f"url: {url}\n"
            "---\n" + "\n\n".join(paragraphs) + "\n"
        )
        path = folder / f"{k:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
