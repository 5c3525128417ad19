"""The HTML part of the brief's e-mail: key points and sections, readable in any mail client.

Plain inline styles only (mail clients drop <style> blocks and scripts), one column no wider
than 640 px, every outlet linked to its article when the URL is known, everything escaped.
"""

from __future__ import annotations

import html

from briefing.models import Brief, Point

_FONT = "font-family:Calibri,Helvetica,Arial,sans-serif"
_MUTED = "color:#5f6b7a"
_ACCENT = "#1f4e79"


def _attribution(point: Point, urls: dict[str, str]) -> str:
    parts: dict[str, str | None] = {}
    for c in point.citations:
        if parts.get(c.credit) is None:
            parts[c.credit] = urls.get(c.article_id)
    shown = [
        f'<a href="{html.escape(u, quote=True)}" style="color:{_ACCENT}">{html.escape(s)}</a>' if u
        else html.escape(s)
        for s, u in parts.items()
    ]
    badge = (
        f' <span style="background:#e2efda;color:#375623;border-radius:3px;padding:0 4px;'
        f'font-size:12px;font-style:normal">&#10004; {len(point.sources)} outlets</span>'
        if len(point.sources) > 1 else ""
    )
    return f'<span style="{_MUTED};font-style:italic">({"; ".join(shown)})</span>{badge}'


def _points(points: tuple[Point, ...], urls: dict[str, str]) -> str:
    items = "".join(
        f'<li style="margin:0 0 8px 0">{html.escape(p.display)} {_attribution(p, urls)}</li>' for p in points
    )
    return f'<ul style="margin:4px 0 16px 0;padding-left:20px">{items}</ul>'


def message_html(brief: Brief, date_text: str, attachment: str) -> str:
    """The whole HTML document of the e-mail."""
    urls = {s.id: s.url for s in brief.sources if s.url}
    h2 = f'style="{_FONT};color:{_ACCENT};font-size:18px;margin:20px 0 6px 0;border-bottom:1px solid #d0d7de"'
    out = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">'
        f"<title>{html.escape(brief.title)}</title></head>",
        '<body style="margin:0;padding:16px;background:#f4f6f8">',
        f'<div style="{_FONT};max-width:640px;margin:0 auto;background:#ffffff;padding:20px 24px;'
        'border:1px solid #d0d7de;border-radius:6px;font-size:15px;line-height:1.45;color:#1b1f23">',
        f'<h1 style="{_FONT};font-size:24px;margin:0;color:{_ACCENT}">{html.escape(brief.title)}</h1>',
        f'<p style="{_MUTED};margin:4px 0 0 0">{html.escape(date_text)}'
        + (f" &middot; {html.escape(brief.handling)}" if brief.handling else "")
        + f" &middot; {len(brief.sources)} source{'s' if len(brief.sources) != 1 else ''}</p>",
        f"<h2 {h2}>Key points</h2>",
    ]
    if brief.key_points:
        out.append(_points(brief.key_points, urls))
    else:
        out.append(f'<p style="{_MUTED}">No new key points since the last brief.</p>')
    for section in brief.sections:
        out.append(f"<h2 {h2}>{html.escape(section.title)}</h2>")
        if section.points:
            out.append(_points(section.points, urls))
        else:
            note = section.note or "Nothing on this topic."
            out.append(f'<p style="{_MUTED};font-style:italic">{html.escape(note)}</p>')
    out += [
        f'<p style="{_MUTED};font-size:13px;margin-top:20px">The full brief, with key quotes and every '
        f"source, is attached: {html.escape(attachment)}.</p>",
        "</div></body></html>",
    ]
    return "\n".join(out) + "\n"
