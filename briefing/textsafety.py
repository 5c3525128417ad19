"""Text safety: bidi controls, lone surrogates, Markdown syntax and Word's property limits.

* ``strip_bidi(text)``: removes the explicit bidirectional formatting characters (embeddings,
  overrides, isolates: U+202A-U+202E, U+2066-U+2069) that can make a line display as
  something other than what it says ("Trojan Source" spoofing), and lone surrogates (which
  would otherwise become U+FFFD replacement characters).
* ``markdown_to_text(text)``: a ``.md`` article as plain text: block quotes, emphasis, links,
  images, inline code, code fences, tables and horizontal rules lose their syntax; headings and
  paragraphs stay.
* ``core_property(text)``: a value safe for a Word core property (at most 255 characters, cut
  at a word boundary with an ellipsis, single line).
"""

from __future__ import annotations

import re

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
CORE_PROPERTY_MAX = 255


def strip_bidi(text: str) -> str:
    if not text or text.isascii():  # (none of BIDI_CONTROLS is ASCII: no scan)
        return text
    return BIDI_CONTROLS.sub("", text)


_FENCE = re.compile(r"^\s*(```|~~~)")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HR = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_CODE = re.compile(r"`+([^`]*)`+")
_LIST = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])\s+")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>\n]*>")


def _inline(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    for _ in range(3):  # nested emphasis
        line = _STRONG.sub(r"\2", line)
        line = _STRIKE.sub(r"\1", line)
        line = _EM.sub(r"\2", line)
    return _HTML_TAG.sub("", line)


def markdown_to_text(text: str) -> str:
    out: list[str] = []
    for line in text.splitlines():
        if _FENCE.match(line) or _HR.match(line) or _TABLE_RULE.match(line) or _REF_DEF.match(line):
            if _HR.match(line) or _TABLE_RULE.match(line):
                out.append("")
            continue
        line = _QUOTE.sub("", line)
        line = _LIST.sub(r"\1", line)
        stripped = line.strip()
        if stripped.startswith("|") or (stripped.count("|") >= 2 and not stripped.startswith("#")):
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            line = "; ".join(c for c in cells if c)
        out.append(_inline(line))
    return "\n".join(out)


def core_property(text: str, limit: int = CORE_PROPERTY_MAX) -> str:
    value = " ".join(strip_bidi(text or "").split())
    if len(value) <= limit:
        return value
    cut = value[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ;,") + "\u2026"
