"""Attribution and not-sentence bullets, before and after (issue 11, items 2 and 3).

    .venv/bin/python bench/attribution.py [--data ../shared/eval-data] [--before REV] [--write]

Runs the same measurement twice, each in its own interpreter: once with the package as it was at
REV (default: the commit before attribution.py, extracted with ``git archive`` into a temporary
folder) and once with this tree's. ``--write`` puts the table into docs/quality.md under its own
heading (replacing an earlier copy of that section).

Measured:
- Multi-News (81 clusters, 251 documents, no URLs): articles whose text names its outlet (a
  dateline "(AP) —", "(CNN)", a copyright line "Copyright 2018 The Associated Press", a byline
  "By ..., Associated Press", a wire credit "Reporting by ...; Editing by ...", found by this
  script's own patterns, not the package's), and how many of them are credited to that outlet;
  articles credited "Unknown"; documents skipped as having no article text.
- CNN Corpus (1,010 articles): credited "Unknown" from the text alone, and with the article's
  URL (its ``link``).
- Bullets of one brief per Multi-News cluster (default sections, ``other_news = true`` so every
  story is shown): how many are a photo caption or credit, a headline or deck (no final
  punctuation), a player notice, a crawler or page notice, a prompt, or open with a dateline
  (patterns of this script).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "f8ab53f"  # main before issue 11's attribution work
HEADING = "## Attribution and not-sentence bullets (issue 11)"

# --- this script's own view of "the text names its outlet" ------------------------------------
_NAMES = {"ap": "AP", "associated press": "AP", "cnn": "CNN", "reuters": "Reuters", "afp": "AFP"}
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.,'’ /-]{0,60}?\s*)?\((?P<o>AP|CNN|Reuters|AFP|UPI|[A-Z][A-Z0-9]{2,9})\)\s*(?:[-—–]|(?<=\(CNN\)))"
)
_AP_COPYRIGHT = re.compile(r"Copyright \d{4} (?:The )?Associated Press|©\s*\d{4} (?:The )?Associated Press", re.I)
_AP_BYLINE = re.compile(r"^By [A-Z][^,\n]{2,60}, (?:The )?(?:Associated Press|AP)\b", re.M)
_REUTERS_CREDIT = re.compile(r"Reporting by .{2,200}?(?:Editing|Writing) by", re.S)


def named_outlet(text: str) -> str | None:
    """The outlet a document's text names as its author, by this script's patterns."""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    for p in paragraphs[:4]:
        m = _DATELINE.match(p)
        if m:
            return _NAMES.get(m.group("o").lower(), m.group("o"))
    if _AP_COPYRIGHT.search(text) or _AP_BYLINE.search(text):
        return "AP"
    if _REUTERS_CREDIT.search(text):
        return "Reuters"
    return None


# --- this script's own view of a bullet that is not a sentence ---------------------------------
_KINDS = (
    ("caption or photo credit", re.compile(
        r"\((?:AP |Reuters |AFP )?Photo\b|Getty Images|Image copyright|Image caption|Media caption"
        r"|\((?:Associated Press|AP|Reuters)\)\s*$|\bPhoto(?:graph)?:|\bPhoto by\b|\bBack to Gallery\b")),
    ("player notice", re.compile(r"Media playback|autoplay|JUST WATCHED|\bEmbed\b|Copy this code", re.I)),
    ("crawler or page notice", re.compile(
        r"These crawls|Internet Archive|Archive-It|Tweet with a location|JavaScript is disabled"
        r"|IP address (?:has changed|for this domain)|page is not available", re.I)),
    ("prompt", re.compile(r"^(?:Read more|READ MORE|Subscribe|Sign up)|newsletters?\b", re.I)),
    ("headline or deck", re.compile(r"[^.!?…\"”’')\]]\s*$")),
)
_POINT_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ /]{2,}(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)*)?\s*(?:\([^)]{1,20}\))?\s*(?:[—–]|\s-\s)"
    r"|\([A-Z][A-Za-z]{1,9}\)\s)"
)


def bullet_kind(text: str) -> str | None:
    for kind, pattern in _KINDS:
        if pattern.search(text):
            return kind
    if _POINT_DATELINE.match(text):
        return "opens with a dateline"
    return None


# --- measuring with whichever briefing is importable ---------------------------------------------


def _multinews(data: Path):
    from briefing.evaluate.data import load_multinews

    return load_multinews(data / "multi-news" / "clusters.tsv")


def measure(data: Path) -> dict:
    from briefing.ingest import InputSkipped, article_from_text
    from briefing.pipeline import brief_from_articles
    from briefing.settings import load_settings

    out: dict = {}
    # Multi-News: attribution per document.
    clusters = _multinews(data)
    docs = named = credited = unknown = skipped = read = 0
    misses: list[str] = []
    articles_by_cluster = []
    for c in clusters:
        arts = []
        for i, doc in enumerate(c.documents):
            docs += 1
            expect = named_outlet(doc)
            try:
                a = article_from_text(doc, path=f"multinews/{c.id}-{i}.txt")
            except InputSkipped:
                skipped += 1
                if expect:
                    named += 1
                    misses.append(f"{c.id}-{i}: skipped, names {expect}")
                continue
            read += 1
            arts.append(a)
            unknown += a.source == "Unknown"
            if expect:
                named += 1
                if a.source.lower() == expect.lower():
                    credited += 1
                else:
                    misses.append(f"{c.id}-{i}: {a.source!r}, names {expect}")
        articles_by_cluster.append(arts)
    out["multinews"] = dict(
        documents=docs, read=read, skipped=skipped, names_outlet=named, credited=credited,
        unknown=unknown, misses=misses,
    )
    # CNN Corpus: Unknown from the text alone and with the URL.
    from briefing.evaluate.data import _unescape

    n = unk_text = unk_url = cnn_url = 0
    for f in sorted((data / "cnn-corpus").glob("*.xml")):
        try:
            root = ET.parse(f).getroot()
        except ET.ParseError:
            continue
        text = "\n".join(
            " ".join(_unescape(c.text or "") for c in p.iter("content"))
            for p in root.findall("./article/paragraph")
        )
        link = root.get("link") or None
        try:
            a = article_from_text(text, path=f.name)
            b = article_from_text(text, path=f.name, url=link)
        except InputSkipped:
            continue
        n += 1
        unk_text += a.source == "Unknown"
        unk_url += b.source == "Unknown"
        cnn_url += b.source == "CNN"
    out["cnn"] = dict(articles=n, unknown_text_only=unk_text, unknown_with_url=unk_url, cnn_with_url=cnn_url)
    # Bullets of one brief per cluster.
    settings = load_settings(other_news=True)
    kinds: Counter[str] = Counter()
    bullets = 0
    examples: dict[str, list[str]] = {}
    all_bullets: list[str] = []
    for arts in articles_by_cluster:
        if not arts:
            continue
        brief = brief_from_articles(arts, settings)
        for p in brief.points:
            bullets += 1
            all_bullets.append(p.text)
            k = bullet_kind(p.text)
            if k:
                kinds[k] += 1
                examples.setdefault(k, []).append(p.text[:140])
    out["bullets"] = dict(total=bullets, kinds=dict(kinds), examples={k: v[:5] for k, v in examples.items()})
    out["all_bullets"] = all_bullets
    return out


def _run(code: Path, data: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(code))
    r = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--measure", "--data", str(data)],
        env=env, capture_output=True, text=True, cwd=str(code), timeout=3600,
    )
    if r.returncode != 0:
        raise SystemExit(r.stderr[-3000:])
    return json.loads(r.stdout)


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "0/0"


def table(before: dict, after: dict, rev: str) -> str:
    mb, ma = before["multinews"], after["multinews"]
    cb, ca = before["cnn"], after["cnn"]
    bb, ba = before["bullets"], after["bullets"]
    kinds = ["caption or photo credit", "headline or deck", "player notice", "crawler or page notice",
             "prompt", "opens with a dateline"]
    lines = [
        HEADING,
        "",
        f"`bench/attribution.py` (before: {rev}; after: this tree). Outlet named in the text and "
        "bullet kinds are found by the script's own patterns, not the package's.",
        "",
        "| measure | before | after |",
        "|---|---|---|",
        f"| Multi-News: documents whose text names its outlet, credited to it | {_pct(mb['credited'], mb['names_outlet'])} | {_pct(ma['credited'], ma['names_outlet'])} |",
        f"| Multi-News: articles credited \"Unknown\" | {_pct(mb['unknown'], mb['read'])} | {_pct(ma['unknown'], ma['read'])} |",
        f"| Multi-News: documents skipped (no article text) | {mb['skipped']}/{mb['documents']} | {ma['skipped']}/{ma['documents']} |",
        f"| CNN Corpus: \"Unknown\", text only | {_pct(cb['unknown_text_only'], cb['articles'])} | {_pct(ca['unknown_text_only'], ca['articles'])} |",
        f"| CNN Corpus: \"Unknown\", with the URL | {_pct(cb['unknown_with_url'], cb['articles'])} | {_pct(ca['unknown_with_url'], ca['articles'])} |",
        f"| CNN Corpus: credited CNN, with the URL | {_pct(cb['cnn_with_url'], cb['articles'])} | {_pct(ca['cnn_with_url'], ca['articles'])} |",
        f"| Multi-News briefs: bullets | {bb['total']} | {ba['total']} |",
    ]
    for k in kinds:
        lines.append(f"| bullets: {k} | {bb['kinds'].get(k, 0)} | {ba['kinds'].get(k, 0)} |")
    if ma["misses"]:
        lines += ["", "Not credited after: " + "; ".join(ma["misses"][:10])]
    return "\n".join(lines) + "\n"


def write_section(path: Path, section: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if HEADING in text:
        start = text.index(HEADING)
        nxt = text.find("\n## ", start + len(HEADING))
        text = text[:start] + section + ("\n" + text[nxt + 1:] if nxt != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval-data")
    ap.add_argument("--before", default=BEFORE)
    ap.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--write", action="store_true", help="add the table to docs/quality.md")
    ap.add_argument("--bullets", type=Path, help="write the after run's bullets here, one a line")
    args = ap.parse_args(argv)
    data = args.data.resolve()
    if not (data / "multi-news" / "clusters.tsv").is_file():
        print(f"no evaluation data under {data}", file=sys.stderr)
        return 2
    if args.measure:
        json.dump(measure(data), sys.stdout)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.before, "briefing", "templates"],
                                 capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        # templates/ is the package briefing.templates in the installed layout.
        os.rename(Path(tmp) / "templates", Path(tmp) / "briefing" / "templates")
        before = _run(Path(tmp), data)
    after = _run(ROOT, data)
    section = table(before, after, args.before)
    print(section)
    for k, v in after["bullets"]["examples"].items():
        print(f"after, {k}:", *v[:3], sep="\n  ")
    if args.bullets:
        args.bullets.write_text("\n".join(after["all_bullets"]) + "\n", encoding="utf-8")
    if args.write:
        write_section(ROOT / "docs" / "quality.md", section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
