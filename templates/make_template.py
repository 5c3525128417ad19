"""Regenerate templates/brief-template.docx, the default house style of the brief.

Run it with ``python templates/make_template.py`` after changing the style below. The result is an
ordinary Word document with no body text: open it in Word, restyle (fonts, colours, margins,
heading and list styles) and save it as your own template. The brief uses these styles:
Title, Subtitle, Heading 1, Heading 2, Normal, List Bullet, List Number (required), and Header,
Footer, Hyperlink, Light List Accent 1 (optional: see briefing.render.OPTIONAL_STYLES).
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt, RGBColor

NAVY = RGBColor(0x1F, 0x3A, 0x5F)
GREY = RGBColor(0x55, 0x5F, 0x6B)
LINK = RGBColor(0x1F, 0x5F, 0xA8)
BODY_FONT = "Liberation Sans"  # metric-compatible with Arial; Word substitutes Arial if absent


def build(path: Path) -> Path:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.3))
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)

    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.15

    title = styles["Title"]
    title.font.name = BODY_FONT
    title.font.size = Pt(24)
    title.font.bold = True
    title.font.color.rgb = NAVY

    subtitle = styles["Subtitle"]
    subtitle.font.name = BODY_FONT
    subtitle.font.size = Pt(11)
    subtitle.font.italic = False
    subtitle.font.color.rgb = GREY

    for name, size in (("Heading 1", 14), ("Heading 2", 12)):
        h = styles[name]
        h.font.name = BODY_FONT
        h.font.size = Pt(size)
        h.font.bold = True
        h.font.color.rgb = NAVY
        h.paragraph_format.space_before = Pt(14 if name == "Heading 1" else 10)
        h.paragraph_format.space_after = Pt(4)
        h.paragraph_format.keep_with_next = True

    for name in ("List Bullet", "List Number"):
        s = styles[name]
        s.font.name = BODY_FONT
        s.paragraph_format.space_after = Pt(3)

    quote = styles["Quote"]
    quote.font.name = BODY_FONT
    quote.font.color.rgb = GREY

    for name in ("Header", "Footer"):
        if name not in [s.name for s in styles]:
            styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH).base_style = normal
        hf = styles[name]
        hf.font.name = BODY_FONT
        hf.font.size = Pt(8.5)
        hf.font.color.rgb = GREY
        hf.paragraph_format.space_after = Pt(0)

    if "Hyperlink" not in [s.name for s in styles]:
        link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        link.font.color.rgb = LINK
        link.font.underline = True

    doc.core_properties.title = "Policy brief template"
    doc.core_properties.author = "briefing"
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("brief-template.docx")
    print(build(target))
