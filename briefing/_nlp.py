"""Word-level helpers shared by the stages: stemming and stop words (both offline).

Both are sumy's: NLTK's English Snowball stemmer (what ``sumy.nlp.stemmers.Stemmer("english")``
wraps) and the stop-word list shipped inside sumy. They are loaded without importing the ``nltk``
package itself, whose ``__init__`` imports most of NLTK and SciPy (seconds of start-up that a
``briefing build`` would pay for a 40 ms stemmer): see ``_snowball_english``.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any


def _snowball_english() -> Any:
    """nltk.stem.snowball.EnglishStemmer, imported without running nltk/__init__.py.

    While the module loads, ``nltk``, ``nltk.stem`` and ``nltk.corpus`` are bare placeholder
    packages (the stemmer needs ``nltk.corpus.stopwords`` only with ignore_stopwords=True); then
    every ``nltk`` entry is dropped from sys.modules, so a later ``import nltk`` (sumy's other
    summarizers) loads the real package as usual. If NLTK is already imported, it is used as is.
    """
    if "nltk" in sys.modules:
        from nltk.stem.snowball import EnglishStemmer

        return EnglishStemmer
    import importlib.util
    import types

    spec = importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        from nltk.stem.snowball import EnglishStemmer  # raises the usual ImportError

        return EnglishStemmer
    root = list(spec.submodule_search_locations)[0]
    placeholders = {
        "nltk": [root],
        "nltk.stem": [f"{root}/stem"],
        "nltk.corpus": [],
    }
    for name, path in placeholders.items():
        module = types.ModuleType(name)
        module.__path__ = path
        sys.modules[name] = module
    sys.modules["nltk.corpus"].stopwords = None  # type: ignore[attr-defined]
    try:
        from nltk.stem.snowball import EnglishStemmer
    finally:
        for name in [m for m in sys.modules if m == "nltk" or m.startswith("nltk.")]:
            del sys.modules[name]
    return EnglishStemmer


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    """A callable: word -> English Snowball stem (the stemmer sumy's summarizers are given)."""
    return _snowball_english()().stem


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """English Snowball stem of a lowercase word (NLTK's stemmer needs no data files)."""
    known = stem_table().get(word)
    if known is not None:
        return known
    return str(_stemmer()(word))


STEM_TABLE = "stems.tsv.gz"


@lru_cache(maxsize=1)
def stem_table() -> dict[str, str]:
    """The packaged memo of the same stemmer for the 60,000 most frequent English words (built by
    bench/build_stem_table.py from wordfreq's list): a lookup instead of about 6 microseconds of
    pure-Python stemming a word, in every worker process of a run."""
    import gzip
    import io
    from importlib import resources

    try:
        raw = resources.files("briefing").joinpath("data", STEM_TABLE).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    words, stems = gzip.GzipFile(fileobj=io.BytesIO(raw)).read().decode("utf-8").split("\n")[:2]
    return dict(zip(words.split("\t"), stems.split("\t")))  # tab-separated lines, in one order


@lru_cache(maxsize=1)
def stem_shares() -> dict[str, float]:
    """How common each stem of the memo's words is in English: the sum of its words' shares of all
    tokens (wordfreq's frequencies, the table's third line). Empty when the table is missing."""
    import gzip
    import io
    from importlib import resources

    try:
        raw = resources.files("briefing").joinpath("data", STEM_TABLE).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    lines = gzip.GzipFile(fileobj=io.BytesIO(raw)).read().decode("utf-8").split("\n")
    if len(lines) < 3 or not lines[2]:
        return {}
    shares: dict[str, float] = {}
    for stemmed, freq in zip(lines[1].split("\t"), lines[2].split("\t")):
        shares[stemmed] = shares.get(stemmed, 0.0) + float(freq)
    return shares


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """sumy's English stop-word list (shipped inside sumy), read as sumy.utils.get_stop_words does."""
    import pkgutil

    data = pkgutil.get_data("sumy", "data/stopwords/english.txt") or b""
    return frozenset(w.rstrip() for w in data.decode("utf-8").splitlines() if w)


@lru_cache(maxsize=131072)
def lower_stem(word: str) -> str:
    """stem(word.lower()), cached per word as written (the per-sentence loops' hot path)."""
    return stem(word.lower())


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    table = stem_table()  # in wordfreq's order, most frequent first
    return frozenset(w for w, _ in zip(table, range(COMMON_WORDS)))


COMMON_WORDS = 20000


def known_word(word: str) -> bool:
    """Whether a lowercase word is among English's 20,000 most frequent (the stem memo's order)."""
    return word in _common_words()
