"""Strip a user template of active and external parts before a brief is built on it.

Removed from every part (document, headers, footers, ...): relationships to external targets
(``TargetMode="External"``: linked pictures, remote templates, frames), embedded objects and
their relationships (OLE objects, ActiveX controls, ``altChunk`` imports, sub-documents), and
fields that pull in or run content when the brief is opened (INCLUDETEXT, INCLUDEPICTURE, LINK,
DDE, DDEAUTO, IMPORT, INCLUDE, MACROBUTTON, AUTOTEXT...). Elements that referred to a removed
relationship are removed with it, so the package stays valid.
"""

from __future__ import annotations

import re
from typing import Any

_DANGEROUS_RELS = ("/aFChunk", "/oleObject", "/package", "/control", "/activeXControl", "/subDocument",
                   "/frame", "/attachedTemplate", "/vbaProject", "/wordVbaData", "/keyMapCustomizations")
_FIELD = re.compile(r"^\s*(INCLUDETEXT|INCLUDEPICTURE|INCLUDE|LINK|DDE|DDEAUTO|IMPORT|MACROBUTTON|"
                    r"AUTOTEXT|AUTOTEXTLIST|GLOSSARY|DATABASE|HYPERLINK)\b", re.IGNORECASE)
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DROP_TAGS = {f"{{{_W_NS}}}altChunk", f"{{{_W_NS}}}object", f"{{{_W_NS}}}control", f"{{{_W_NS}}}subDoc"}


def strip_template(doc: Any) -> int:
    """Remove active and external content from a python-docx Document in place; how much."""
    removed = 0
    for part in list(doc.part.package.iter_parts()):
        gone: set[str] = set()
        for rel_id, rel in list(part.rels.items()):
            if rel.is_external or rel.reltype.endswith(_DANGEROUS_RELS):
                del part.rels[rel_id]
                gone.add(rel_id)
                removed += 1
        element = getattr(part, "_element", None)
        if element is None:
            continue
        removed += _clean_xml(element, gone)
    return removed


def _clean_xml(root: Any, gone: set[str]) -> int:
    removed = 0
    for el in list(root.iter()):
        parent = el.getparent()
        if parent is None:
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _DROP_TAGS or (gone and any(
            k.startswith(f"{{{_R_NS}}}") and v in gone for k, v in el.attrib.items()
        )):
            parent.remove(el)
            removed += 1
        elif tag == f"{{{_W_NS}}}instrText" and _FIELD.match(el.text or ""):
            el.text = " "
            removed += 1
        elif tag == f"{{{_W_NS}}}fldSimple" and _FIELD.match(el.get(f"{{{_W_NS}}}instr", "")):
            idx = parent.index(el)
            for child in list(el):  # keep the field's last result as plain text
                parent.insert(idx, child)
                idx += 1
            parent.remove(el)
            removed += 1
    return removed
