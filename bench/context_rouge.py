"""What preferring self-contained sentences costs in ROUGE: CNN Corpus single articles (the gold
extract's length k), the default summarizer through the pipeline's Selector, with and without
``self_contained``, and as the brief selects its bullets (``bullets``: back-references into the
article count, no filling with sentences that lean on it), side by side in one run.

    .venv/bin/python bench/context_rouge.py [--limit N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from briefing.api import _article  # noqa: E402
from briefing.evaluate.data import load_cnn  # noqa: E402
from briefing.evaluate.metrics import Rouge, mean_scores  # noqa: E402
from briefing.sentences import split_sentences  # noqa: E402
from briefing.summarize import Selector, get_summarizer  # noqa: E402

DATA = HERE.parent.parent / "shared" / "eval-data"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    docs = load_cnn(args.data / "cnn-corpus", limit=args.limit)
    rouge = Rouge()
    summarizer = get_summarizer("newsrank")
    print(f"{len(docs)} CNN Corpus articles, newsrank, k = gold sentences\n")
    print("| selector | ROUGE-1 F | ROUGE-2 F | ROUGE-L F |\n|---|---:|---:|---:|")
    for label, on, bullets, opening in (
        ("self_contained = false", False, False, None),
        ("self_contained = true (default; an article summary)", True, False, None),
        ("self_contained = true, bullets = true, from anywhere (opening_bullets = 0)", True, True, None),
        ("self_contained = true, bullets = true, opening_bullets = 2 (the brief's selector)", True, True, 1),
    ):
        outs = []
        for d in docs:
            article = _article(d.text)
            if article is None:
                outs.append([])
                continue
            sel = Selector(
                summarizer, None, sentences=len(d.reference), per_section=0, self_contained=on, bullets=bullets,
                max_position=opening,
            )
            outs.append([p.text for p in sel.select(article, split_sentences(article.text))])
        m = mean_scores(rouge.score(d.reference, o) for d, o in zip(docs, outs))
        keys = sorted(m)
        print(f"| {label} | " + " | ".join(f"{m[k]:.4f}" for k in keys) + " |", "   ", keys)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
