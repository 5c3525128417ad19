"""PDF output: the Word brief converted by LibreOffice (``briefing build --pdf``).

LibreOffice's ``soffice`` must be on PATH. It exits 0 even when a conversion fails, so the PDF is
checked (it must exist, be non-empty and start with ``%PDF``) before it is called written. Each
conversion uses its own throwaway LibreOffice profile, so runs in parallel do not collide and a
LibreOffice window the user has open is not disturbed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from briefing._io import atomic_write
from briefing.errors import OutputError

DEFAULT_TIMEOUT = 180.0


def soffice_path() -> str | None:
    """The LibreOffice executable on PATH (soffice, or libreoffice), or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: str | Path, pdf: str | Path, *, timeout: float = DEFAULT_TIMEOUT) -> Path:
    """Convert a .docx file to PDF with LibreOffice; write pdf atomically and return its path."""
    docx, pdf = Path(docx), Path(pdf)
    exe = soffice_path()
    if exe is None:
        raise OutputError(
            "cannot write a PDF: LibreOffice's soffice is not on PATH (install LibreOffice, "
            "e.g. apt-get install libreoffice-writer, or drop --pdf)"
        )
    if not docx.is_file():
        raise OutputError(f"cannot write a PDF: {docx} does not exist")
    with tempfile.TemporaryDirectory(prefix="briefing-pdf-") as tmp:
        tmpdir = Path(tmp)
        profile = tmpdir / "profile"
        outdir = tmpdir / "out"
        outdir.mkdir()
        cmd = [
            exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", str(outdir), str(docx.resolve()),
        ]
        env = dict(os.environ, HOME=str(tmpdir))
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=timeout, env=env, check=False)
        except subprocess.TimeoutExpired:
            raise OutputError(f"cannot write a PDF: LibreOffice did not finish within {timeout:.0f} s") from None
        except OSError as exc:
            raise OutputError(f"cannot write a PDF: cannot run {exe}: {exc.strerror or exc}") from None
        produced = outdir / (docx.stem + ".pdf")
        ok = produced.is_file() and produced.stat().st_size > 0
        if ok:
            with open(produced, "rb") as fh:
                ok = fh.read(5) == b"%PDF-"
        if not ok:
            detail = (done.stderr or done.stdout or b"").decode("utf-8", "replace").strip().splitlines()
            raise OutputError(
                f"LibreOffice wrote no PDF for {docx} (exit code {done.returncode}"
                + (f": {detail[-1][:200]}" if detail else "")
                + ")"
            )
        return atomic_write(pdf, lambda t: shutil.copyfile(produced, t))


def brief_to_pdf(
    brief,
    pdf: str | Path,
    settings=None,
    *,
    docx: str | Path | None = None,
    template: str | Path | None = None,
    date_format: str | None = None,
) -> Path:
    """Write the brief as PDF: convert docx when given, else a temporary .docx rendered for it
    (with template and date_format, or the settings' ones)."""
    if docx is not None:
        return docx_to_pdf(docx, pdf)
    from briefing.render import render_docx

    template = template if template is not None else getattr(settings, "template", None)
    date_format = date_format or str(getattr(settings, "date_format", "%-d %B %Y"))
    with tempfile.TemporaryDirectory(prefix="briefing-docx-") as tmp:
        path = Path(tmp) / (Path(pdf).stem + ".docx")
        render_docx(brief, path, template=template, date_format=date_format)
        return docx_to_pdf(path, pdf)
