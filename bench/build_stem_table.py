"""Build briefing/data/stems.tsv.gz: the Snowball stems of the 60,000 most frequent English words.

briefing._nlp.stem looks a word up in this table before running NLTK's English Snowball stemmer
(pure Python, about 6 microseconds a word): every worker process of a large run otherwise stems
the day's whole vocabulary again. The table is a memo of that same stemmer, so results do not
change; it only saves time.

The word list is wordfreq's (Robyn Speer et al., frequencies from Wikipedia, subtitles, news,
books, web text, Twitter and Reddit), so it owes nothing to the evaluation or benchmark corpora
in ../shared/eval-data. wordfreq is needed only to rebuild the table (it is not a dependency):

    python -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq nltk
    /tmp/wf/bin/python bench/build_stem_table.py

Format: three lines, each tab-separated, in the same order: the words (lowercase), their stems, and
their frequencies in English (wordfreq's share of all tokens). The frequencies give story grouping
a background: how common a stem is in English at large (briefing.stories.background_share).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "briefing" / "data" / "stems.tsv.gz"
WORDS = 60000


def main() -> int:
    from nltk.stem.snowball import EnglishStemmer
    from wordfreq import top_n_list, word_frequency

    stem = EnglishStemmer().stem
    words = [w for w in top_n_list("en", WORDS) if w and "\t" not in w and "\n" not in w and w == w.lower()]
    freqs = "\t".join(f"{word_frequency(w, 'en'):.3g}" for w in words)
    data = ("\t".join(words) + "\n" + "\t".join(stem(w) for w in words) + "\n" + freqs + "\n").encode("utf-8")
    with open(OUT, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0) as gz:
        gz.write(data)
    print(f"{len(words):,} words -> {OUT} ({OUT.stat().st_size:,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
