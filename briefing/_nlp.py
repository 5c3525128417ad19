"""Word-level helpers shared by the stages: stemming and stop words (both offline)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from sumy.nlp.stemmers import Stemmer

    return Stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """English Snowball stem of a lowercase word (NLTK's stemmer needs no data files)."""
    return str(_stemmer()(word))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """sumy's English stop-word list (shipped inside sumy)."""
    from sumy.utils import get_stop_words

    return frozenset(get_stop_words("english"))
