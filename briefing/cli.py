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
        pdf=args.pdf or None,
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
    if settings.pdf:
        print(f"wrote {written.with_suffix('.pdf')}")
    return EXIT_OK


def _daily_settings(args: argparse.Namespace):  # -> Settings
    from briefing.settings import load_settings

    return load_settings(args.config, feeds_file=args.feeds, inbox=args.inbox, archive=args.archive)


def _log_to_stderr() -> None:
    import logging

    logging.basicConfig(
        level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )


def _daily(args: argparse.Namespace) -> int:
    from briefing.daily import run_daily

    brief, path = run_daily(args.date, _daily_settings(args), email_to=args.email)
    for skipped in brief.skipped:
        print(f"briefing: skipped {_one_line(skipped.input)}: {_one_line(skipped.reason)}", file=sys.stderr)
    new = sum(1 for p in brief.points if p.first_reported is None)
    print(
        f"wrote {path} ({len(brief.sources)} new articles, {new} new points, "
        f"{len(brief.points) - new} previously reported, {len(brief.skipped)} skipped)"
    )
    return EXIT_OK


def _schedule(args: argparse.Namespace) -> int:
    from briefing.schedule import run_schedule

    _log_to_stderr()
    run_schedule(args.at, args.timezone, _daily_settings(args), email_to=args.email)
    return EXIT_OK


def _add_daily_commands(sub: argparse._SubParsersAction) -> None:
    def inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument("--feeds", type=Path, help="TOML list of RSS/Atom feeds ([[feed]] name, url, source)")
        p.add_argument("--inbox", type=Path, help="folder whose files not yet in the archive join the run")
        p.add_argument("--archive", type=Path, help="SQLite archive (default: out/briefing.sqlite3)")
        p.add_argument("--config", type=Path, help="TOML settings file")
        p.add_argument(
            "--email", metavar="TO[,TO...]",
            help="also e-mail the brief to these addresses (SMTP from settings or BRIEFING_SMTP_*)",
        )

    daily = sub.add_parser(
        "daily",
        help="collect the day's new articles and write out/briefs/YYYY-MM-DD.docx",
        description="Collect new articles from the feeds and the inbox folder (anything the "
        "archive has not seen), brief them, write out/briefs/YYYY-MM-DD.docx and record it in the "
        "archive. Points reported by an earlier brief are not repeated as new. Running the same "
        "date again gives the same brief; a second run while one is in progress exits with 1.",
    )
    daily.add_argument("--date", help="date of the brief, YYYY-MM-DD (default: today)")
    inputs(daily)
    daily.set_defaults(func=_daily)

    schedule = sub.add_parser(
        "schedule",
        help="run `briefing daily` every day at a set time (until Ctrl-C or SIGTERM)",
        description="A long-running scheduler that runs the daily brief every day at --at, logs "
        "each run to stderr, keeps going after a failed run and stops cleanly on SIGINT/SIGTERM.",
    )
    schedule.add_argument("--at", default="07:00", help="time of day, HH:MM (default: 07:00)")
    schedule.add_argument("--timezone", help="IANA timezone, e.g. Europe/Brussels (default: the machine's)")
    inputs(schedule)
    schedule.set_defaults(func=_schedule)


def _eval(args: argparse.Namespace) -> int:
    from briefing.evaluate import evaluate, summary_lines

    report = evaluate(args.data, args.json, args.markdown)
    print("\n".join(summary_lines(report)))
    print(f"wrote {args.json} and {args.markdown}")
    return EXIT_OK


def _add_eval_command(sub: argparse._SubParsersAction) -> None:
    # The same defaults as briefing.evaluate, written out so that building the parser stays cheap.
    DEFAULT_DATA_DIR, DEFAULT_JSON, DEFAULT_MARKDOWN = (
        Path("../shared/eval-data"), Path("out/eval.json"), Path("docs/quality.md")
    )
    ev = sub.add_parser(
        "eval",
        help="measure summary and duplicate-detection quality on public data sets",
        description="Measure the summarizers (CNN Corpus, Multi-News, BBC) and the duplicate "
        "decision (MSRP) in one run; print the tables and write them to JSON and Markdown.",
    )
    ev.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR,
                    help=f"folder of the evaluation data sets (default: {DEFAULT_DATA_DIR})")
    ev.add_argument("--json", type=Path, default=DEFAULT_JSON, help=f"JSON report (default: {DEFAULT_JSON})")
    ev.add_argument("--markdown", type=Path, default=DEFAULT_MARKDOWN,
                    help=f"Markdown report (default: {DEFAULT_MARKDOWN})")
    ev.set_defaults(func=_eval)


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
    build.add_argument("--summarizer", help="summarizer name: newsrank (default), lexrank, lsa, textrank, luhn, sumbasic, kl, reduction, lead")
    build.add_argument("--sentences", type=int, help="sentences chosen per article")
    build.add_argument("--format", choices=["docx", "json", "md"], help="output format: docx, json or md (Markdown) (default: docx)")
    build.add_argument("--pdf", action="store_true", help="also write a PDF beside the output, converted by LibreOffice (soffice must be on PATH)")
    build.add_argument("--sections", type=Path, help="TOML file of section definitions")
    build.add_argument("--template", type=Path, help="Word .docx template with the brief's styles")
    build.add_argument("--title", help="title of the brief")
    build.add_argument("--date", help="date of the brief, YYYY-MM-DD (default: today)")
    build.set_defaults(func=_build)
    _add_daily_commands(sub)
    _add_eval_command(sub)
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
