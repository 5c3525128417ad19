"""Writing a brief: which format a path gets, decided here and only here, and the writer for each.

    briefing.save_brief(brief, "out/brief.md")            # the extension picks the format
    briefing.save_brief(brief, "out/today", format="json") # or say it
    briefing.write_brief(brief, settings)                  # the settings' output, format and --pdf

``briefing build`` (-o), ``briefing daily`` (the archive's .docx) and the library
(``Brief.save_docx`` and friends are thin wrappers over ``save_brief``) all write through this
module, so that a name and a format never disagree: a known extension that contradicts the format
asked for is refused (OutputError) rather than, say, a Word file written under ``brief.md``.
Every writer is atomic (briefing._io). The views (render, markdown, pdf) are imported only when
used, so the data model never imports them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import OutputError

if TYPE_CHECKING:
    from briefing.models import Brief
    from briefing.settings import Settings

# The extensions briefing knows, and the format each names.
SUFFIX_FORMATS: dict[str, str] = {
    ".docx": "docx", ".md": "md", ".markdown": "md", ".json": "json", ".pdf": "pdf",
}
FORMATS = ("docx", "md", "json", "pdf")
DEFAULT_DATE_FORMAT = "%-d %B %Y"


def format_of(path: str | Path, format: str | None = None) -> str:
    """The format to write path in: ``format`` when given, else the one its extension names.
    OutputError for an unknown format, a name that says none, or a name that says another."""
    if format is not None and format not in FORMATS:
        raise OutputError(f"unknown output format {format!r}; choose one of: {', '.join(FORMATS)}")
    suffix = Path(path).suffix.lower()
    implied = SUFFIX_FORMATS.get(suffix)
    if format is None:
        if implied is None:
            raise OutputError(
                f"cannot tell the format of {path} from {suffix or 'a name without extension'!r}; "
                f"use {', '.join(SUFFIX_FORMATS)} or say the format"
            )
        return implied
    if implied is not None and implied != format:
        raise OutputError(f"{path} is a {suffix} file but the format asked for is {format}")
    return format


def save_brief(
    brief: Brief,
    path: str | Path,
    format: str | None = None,
    *,
    template: str | Path | None = None,
    date_format: str = DEFAULT_DATE_FORMAT,
) -> Path:
    """Write brief to path (atomically) in ``format`` (default: from the extension); return the
    path written. template: a Word template (.docx and .pdf); PDF needs LibreOffice."""
    fmt = format_of(path, format)
    if fmt == "json":
        from briefing._io import atomic_write_text

        return atomic_write_text(path, brief.model_dump_json(indent=2) + "\n")
    if fmt == "md":
        from briefing._io import atomic_write_text
        from briefing.markdown import render_markdown

        return atomic_write_text(path, render_markdown(brief, date_format=date_format))
    if fmt == "pdf":
        from briefing.pdf import brief_to_pdf

        return brief_to_pdf(brief, path, template=template, date_format=date_format)
    from briefing.render import render_docx

    return render_docx(brief, path, template=template, date_format=date_format)


def output_path(settings: Settings, output: str | Path | None = None) -> Path:
    """Where write_brief writes: output, else settings.output; the default name (out/brief.docx)
    takes the extension of the format the settings ask for."""
    if output is not None:
        return Path(output)
    from briefing.settings import Settings

    default = Settings.model_fields["output"].default
    if Path(settings.output) == default and settings.format != "docx":
        return default.with_suffix(f".{settings.format}")
    return Path(settings.output)


def preload(settings: Settings, output: str | Path | None = None) -> None:
    """Import what write_brief(brief, settings, output) will need (briefing.pipeline does this
    while its workers read, so the writer does not wait for the imports after them)."""
    try:
        fmt = format_of(output_path(settings, output), settings.format)
    except OutputError:
        return  # write_brief will say so
    if fmt == "md":
        import briefing.markdown  # noqa: F401
    elif fmt in ("docx", "pdf") or settings.pdf:
        import docx  # noqa: F401

        import briefing.render  # noqa: F401
        import briefing.template_safety  # noqa: F401


def write_brief(brief: Brief, settings: Settings, output: str | Path | None = None) -> Path:
    """Save the brief where and as the settings say (a PDF beside it with ``settings.pdf``);
    return the path written."""
    target = output_path(settings, output)
    template, date_format = settings.template, settings.date_format
    written = save_brief(brief, target, settings.format, template=template, date_format=date_format)
    if settings.pdf:
        from briefing.pdf import brief_to_pdf

        brief_to_pdf(
            brief, target.with_suffix(".pdf"), template=template, date_format=date_format,
            docx=written if settings.format == "docx" else None,
        )
    return written
