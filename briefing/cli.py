"""The `briefing` command. Thin: each command calls one library function.

BriefingError becomes one clear line on stderr and a non-zero exit code, never a traceback:
exit 1 for a failed run, exit 2 for wrong usage (argparse's own convention).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

Command = Callable[[argparse.Namespace], int]


def _one_line(text: str) -> str:
    """text with line breaks shown as \\n, so one message stays one line on the terminal."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def _build(args: argparse.Namespace) -> int:
    from briefing.pipeline import build_brief, write_brief
    from briefing.settings import load_settings

    settings = load_settings(
        args.config,
        output=args.output,
        summarizer=args.summarizer,
        sentences=args.sentences,
        format=args.format,
        sections_file=args.sections,
        template=args.template,
        title=args.title,
        date=args.date,
    )
    inputs = args.paths or [Path("seeds")]
    if not args.paths and not Path("seeds").is_dir():
        print(
            "briefing: no inputs given and no seeds/ folder here; "
            "name the article files or folders to read (briefing build PATH...)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    brief = build_brief(inputs, settings)
    for skipped in brief.skipped:
        print(f"briefing: skipped {_one_line(skipped.input)}: {_one_line(skipped.reason)}", file=sys.stderr)
    written = write_brief(brief, settings)
    n_points = len(brief.points)
    print(
        f"wrote {written} ({len(brief.sources)} articles, {n_points} points, "
        f"{len(brief.skipped)} skipped)"
    )
    return EXIT_OK


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Turn a day's news articles into a Word policy brief.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = sub.add_parser(
        "build",
        help="build a brief from article files and folders",
        description="Read articles (.txt/.md files or folders of them), summarize, merge and "
        "route their points, and write the brief. Inputs that cannot be read are listed in the "
        "brief and on stderr; the brief is still written from the rest.",
    )
    build.add_argument("paths", nargs="*", type=Path, help="article files or folders (default: seeds/)")
    build.add_argument("-o", "--output", type=Path, help="where to write the brief (default: out/brief.docx)")
    build.add_argument("--config", type=Path, help="TOML settings file")
    build.add_argument("--summarizer", help="summarizer name: lexrank, lsa, textrank, luhn, sumbasic, kl, reduction, lead")
    build.add_argument("--sentences", type=int, help="sentences chosen per article")
    build.add_argument("--format", choices=["docx", "json"], help="output format (default: docx)")
    build.add_argument("--sections", type=Path, help="TOML file of section definitions")
    build.add_argument("--template", type=Path, help="Word .docx template with the brief's styles")
    build.add_argument("--title", help="title of the brief")
    build.add_argument("--date", help="date of the brief, YYYY-MM-DD (default: today)")
    build.set_defaults(func=_build)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from briefing.errors import BriefingError

    parser = make_parser()
    args = parser.parse_args(argv)
    if args.version:
        from briefing import __version__

        print(f"briefing {__version__}")
        return EXIT_OK
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except BriefingError as exc:
        print(f"briefing: error: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
