"""The Brief as Markdown, for e-mail bodies and terminals (``briefing build --format md``).

The same parts as the Word document, from the same Brief: title and cover lines, Key points, one
section per heading in configured order (each story its lead, with every outlet of the story,
and its supporting points as a nested list), Key quotes (a table), Sources (numbered) and Inputs
skipped. Attributions link to the article when its URL is known.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from briefing.models import Brief, Citation, Point, Story
from briefing.render import format_date, link_target

_SPACES = re.compile(r"\s+")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def _text(value: str) -> str:
    """One line of Markdown text: whitespace collapsed, Markdown's special characters escaped."""
    return _MD_SPECIAL.sub(r"\\\1", _SPACES.sub(" ", value).strip())


def _link(label: str, url: str | None) -> str:
    if not url:
        return _text(label)
    return f"[{_text(label)}](<{url.replace('>', '%3E').replace(' ', '%20')}>)"


class _Writer:
    def __init__(self, brief: Brief, date_format: str):
        self.brief = brief
        self.date_format = date_format
        self.urls = {ref.id: link_target(ref.url) for ref in brief.sources if link_target(ref.url)}

    def date(self, value) -> str:
        return format_date(value, self.date_format)

    def attribution(self, citations: Sequence[Citation], also: Sequence[tuple[str, str]] = ()) -> str:
        by_source: dict[str, str | None] = {}
        for c in citations:
            if by_source.get(c.credit) is None:
                by_source[c.credit] = self.urls.get(c.article_id)
        for source, article_id in also:
            if by_source.get(source) is None:
                by_source[source] = self.urls.get(article_id)
        text = "*(" + "; ".join(_link(s, u) for s, u in by_source.items()) + ")*"
        outlets = len({c.source for c in citations} | {source for source, _ in also})
        if outlets > 1:
            text += f" **\u2714 {outlets} outlets**"
        return text

    def bullet(self, point: Point, also: Sequence[tuple[str, str]] = (), indent: str = "",
               first_reported=None) -> str:
        if first_reported is not None:
            lead = f"**Developing story, first reported {self.date(first_reported)}:** "
        else:
            lead = f"**Previously reported {self.date(point.first_reported)}:** " if point.first_reported else ""
        return f"{indent}- {lead}{_text(point.display)} {self.attribution(point.citations, also)}"

    def story(self, story: Story) -> list[str]:
        outlets = {c.source for c in story.lead.citations}
        by_id = {ref.id: ref for ref in self.brief.sources}
        also = []
        for article_id in story.articles:
            ref = by_id.get(article_id)
            if ref is not None and ref.source not in outlets:
                also.append((ref.source, article_id))
                outlets.add(ref.source)
        lines = [self.bullet(story.lead, also, first_reported=story.first_reported)]
        lines += [self.bullet(p, indent="  ") for p in story.supporting]
        return lines

    def render(self) -> str:
        b = self.brief
        out = [f"# {_text(b.title)}", "", f"**{self.date(b.date)}**", ""]
        if b.period:
            first, last = b.period
            covered = self.date(first) if first == last else f"{self.date(first)} to {self.date(last)}"
        else:
            covered = "article dates not given"
        from briefing.attribution import describe_sources

        out.append(f"- Period covered: {covered}")
        out.append(f"- Sources read: {_text(describe_sources(r.source for r in b.sources))}")
        if b.handling and b.handling.strip():
            out.append(f"- Handling: **{_text(b.handling)}**")
        out.append("")
        if b.key_points:
            out += ["## Key points", ""] + [self.bullet(p) for p in b.key_points] + [""]
        for section in b.sections:
            out += [f"## {_text(section.title)}", ""]
            if section.stories:
                for story in section.stories:
                    out += self.story(story)
            else:
                out.append(f"*{_text(section.note or 'Nothing on this topic in this brief.')}*")
            out.append("")
        if b.quotes:
            out += ["## Key quotes", "", "| Speaker | Quote | Source |", "|---|---|---|"]
            for q in b.quotes:
                sources = "; ".join(
                    _link(s, next((self.urls.get(c.article_id) for c in q.citations if c.source == s and self.urls.get(c.article_id)), None))
                    for s in q.sources
                )
                out.append(f"| {_text(q.who)} | \u201c{_text(q.text)}\u201d | {sources} |")
            out.append("")
        out += ["## Sources", ""]
        for i, ref in enumerate(b.sources, 1):
            target = link_target(ref.url)
            if target:
                where = _link(target, target)
            elif ref.url and ref.url.strip():
                where = f"*{_text(ref.url)}*"
            else:
                where = f"*{_text(Path(ref.path).name if ref.path else ref.id)}*"
            date = f", {self.date(ref.date)}" if ref.date else ", date not given"
            out.append(f"{i}. **{_text(ref.source)}:** {_text(ref.title)}{date}. {where}")
        out.append("")
        if b.skipped:
            out += ["### Inputs skipped", ""]
            out += [f"- **{_text(s.input)}:** {_text(s.reason)}" for s in b.skipped]
            out.append("")
        return "\n".join(out).rstrip("\n") + "\n"


def render_markdown(brief: Brief, date_format: str = "%-d %B %Y") -> str:
    """The brief as a Markdown string."""
    return _Writer(brief, date_format).render()
