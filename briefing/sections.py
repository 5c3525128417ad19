"""Section definitions: data in a TOML file, not code.

The default definitions ship as ``templates/sections.toml`` (installed inside the package). A user
file has the same shape::

    [[section]]
    key = "ukraine"                 # short identifier, unique
    title = "Ukraine"               # heading in the brief
    description = "The war, Crimea, the Minsk process."
    order = 1                       # sections appear in this order
    min_score = 3.0                 # a sentence needs this topic score to belong here
    [section.terms]                 # single words, matched on their stem, with weights
    ukraine = 3
    crimea = 3
    [section.phrases]               # multi-word phrases, matched case-insensitively
    "eastern ukraine" = 2

A sentence's topic score for a section is the sum of the weights of the distinct terms and phrases
it contains. SectionMatcher computes it; routing and section-aware selection both use it.
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from briefing._nlp import lower_stem, stem
from briefing.errors import ConfigError
from briefing.limits import read_small_text
from briefing.models import SectionSpec
from briefing.sentences import words

_ALLOWED_TOP = {"section"}


def default_sections_path() -> Path:
    """The packaged default section definitions."""
    return Path(str(resources.files("briefing.templates") / "sections.toml"))


def load_sections(path: str | Path | None = None) -> tuple[SectionSpec, ...]:
    """Read section definitions from a TOML file (default: the packaged ones), in order."""
    file = Path(path) if path else default_sections_path()
    try:
        data = tomllib.loads(read_small_text(file, "section file"))
    except FileNotFoundError:
        raise ConfigError(f"section file not found: {file}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read section file {file}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"section file {file} is not valid TOML: {exc}") from None
    unknown = set(data) - _ALLOWED_TOP
    if unknown:
        raise ConfigError(
            f"section file {file}: unknown top-level key(s) {', '.join(sorted(unknown))}; "
            "define sections as [[section]] tables"
        )
    raw = data.get("section", [])
    if not isinstance(raw, list) or not raw:
        raise ConfigError(f"section file {file} defines no sections ([[section]] tables)")
    specs = []
    for i, entry in enumerate(raw, 1):
        if not isinstance(entry, dict):
            raise ConfigError(f"section file {file}, section #{i}: not a table; use [[section]]")
        try:
            spec = SectionSpec.model_validate(entry)
        except ValidationError as exc:
            problems = "; ".join(_problem(e) for e in exc.errors())
            raise ConfigError(f"section file {file}, section #{i}: {problems}") from None
        if not spec.terms and not spec.phrases:
            raise ConfigError(f"section file {file}, section {spec.key!r}: no terms or phrases")
        problem = _check_spec(spec)
        if problem:
            raise ConfigError(f"section file {file}, section {spec.key!r}: {problem}")
        specs.append(spec)
    keys = [s.key for s in specs]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise ConfigError(f"section file {file}: section key(s) defined twice: {', '.join(dupes)}")
    return tuple(sorted(specs, key=lambda s: (s.order, keys.index(s.key))))


def _problem(error: dict) -> str:
    """One validation error of a [[section]] table, in the words of the file."""
    where = ".".join(str(p) for p in error["loc"]) or "section"
    if error["type"] == "extra_forbidden":
        allowed = list(SectionSpec.model_fields)
        close = difflib.get_close_matches(str(error["loc"][-1]), allowed, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return f"{where}: unknown key ({hint}allowed: {', '.join(allowed)})"
    return f"{where}: {error['msg']}"


def _check_spec(spec: SectionSpec) -> str | None:
    """What is wrong with a section beyond its types (blank names, weights that are not numbers)."""
    if not spec.key.strip():
        return "key is empty"
    if not spec.title.strip():
        return "title is empty"
    if not math.isfinite(spec.min_score):
        return f"min_score must be a finite number, not {spec.min_score}"
    for kind, weights in (("terms", spec.terms), ("phrases", spec.phrases)):
        for word, weight in weights.items():
            if not word.strip():
                return f"{kind}: an empty {kind[:-1]}"
            if not math.isfinite(weight):
                return f"{kind}.{word}: weight must be a finite number, not {weight}"
            if kind == "terms" and len(word.split()) > 1:
                return f"terms.{word}: a term is one word; put {word!r} under [section.phrases]"
    return None


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in phrase.lower().split()]
    return re.compile(r"\b" + r"[\s\-]+".join(words) + r"\b")


class SectionMatcher:
    """Scores text against section definitions."""

    def __init__(self, sections: Sequence[SectionSpec]):
        self.sections = tuple(sections)
        self._terms = [
            {stem(t.lower()): float(w) for t, w in s.terms.items()} for s in self.sections
        ]
        self._phrases = [
            [(_phrase_pattern(p), float(w)) for p, w in s.phrases.items()] for s in self.sections
        ]
        # A phrase's first word must occur in the text: a cheap test before the regex search.
        self._firsts = [[(p.lower().split() or [""])[0] for p in s.phrases] for s in self.sections]

    def scores(self, text: str) -> dict[str, float]:
        """Topic score of text for every section, by section key."""
        stems = set(map(lower_stem, words(text)))
        lowered = text.lower().replace("’", "'")
        out: dict[str, float] = {}
        for spec, terms, phrases, firsts in zip(self.sections, self._terms, self._phrases, self._firsts):
            score = sum(w for t, w in terms.items() if t in stems)
            score += sum(
                w for (pat, w), first in zip(phrases, firsts) if first in lowered and pat.search(lowered)
            )
            out[spec.key] = score
        return out

    def topics(self, text: str) -> tuple[tuple[str, float], ...]:
        """Sections whose threshold text reaches, best first, as (key, score) pairs."""
        scored = self.scores(text)
        hits = [
            (spec.key, scored[spec.key])
            for spec in self.sections
            if scored[spec.key] >= spec.min_score
        ]
        return tuple(sorted(hits, key=lambda kv: -kv[1]))

    def keys(self) -> Iterable[str]:
        return (s.key for s in self.sections)
