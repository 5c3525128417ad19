"""The daily run: collect what is new, brief it, write ``out/briefs/YYYY-MM-DD.docx``, record it.

    brief, path = briefing.run_daily("2026-11-21", settings)

1. Collect. Feeds (``settings.feeds_file``) are read and each entry whose URL the archive does not
   know is downloaded and extracted; every file in the inbox folder (``settings.inbox``) that the
   archive has not seen (by a hash of its bytes) is read, whatever its timestamps. New articles
   are stored in the archive as belonging to this date; an article the archive already has (same
   URL, or the same text under another URL) is not used again.
2. Brief. The articles that belong to this date are grouped into stories together with the
   archived stories they may continue (briefing.developments). A story an article continues is
   a development: only what is new appears under it, "first reported DATE". A point that an
   earlier brief already reported is not new: it is dropped, unless a source that did not report
   it then adds to it, in which case it is listed under "Previously reported" with the date it
   was first reported. A near-duplicate of an archived article adds nothing. Key points are new
   points only.
3. Write and record. The brief goes to ``settings.briefs_dir/YYYY-MM-DD.docx`` and into the
   archive with its points and stories (each with its articles and grouping terms).

Running the same date again gives the same brief and adds no rows. A lock file beside the archive
(``briefing.sqlite3.lock``) stops two runs at once: the second raises RunLockedError.
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from briefing.archive import Archive, bytes_hash
from briefing.developments import History
from briefing.errors import ConfigError, NothingReadError, OutputError, RunLockedError
from briefing.ingest import TEXT_SUFFIXES, InputSkipped, display_path, read_article
from briefing.models import Article, Brief, Section, Skipped, SourceRef, loose_story
from briefing.settings import Settings, load_settings

log = logging.getLogger(__name__)

PREVIOUSLY_REPORTED_KEY = "previously-reported"
PREVIOUSLY_REPORTED_TITLE = "Previously reported"
PREVIOUSLY_REPORTED_NOTE = "Points of earlier briefs that new sources add to."
NOTHING_NEW = "Nothing new on this topic today."
LOOKBACK_DAYS = 90


# -- the lock -----------------------------------------------------------------------------------
class RunLock:
    """An exclusive lock on a file, held for the duration of a run (``with RunLock(path):``).

    A portable OS lock (filelock: flock(2) on POSIX, msvcrt on Windows), so a run that dies
    releases it. Beside it, ``<lock>.pid`` says which run holds it ("pid N since T"); it is cleared
    when the run ends, and a holder whose process is gone is never named.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.holder_path = self.path.with_name(self.path.name + ".pid")
        self._lock: Any = None

    def acquire(self) -> RunLock:
        import filelock

        from briefing.unattended import live_holder

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a+", encoding="utf-8"):
                pass
        except OSError as exc:  # a read-only out/ folder, and the like
            raise OutputError(f"cannot write the lock file {self.path}: {exc.strerror or exc}") from None
        lock = filelock.FileLock(str(self.path), timeout=0)
        try:
            lock.acquire()
        except filelock.Timeout:
            try:
                holder = live_holder(self.holder_path.read_text(encoding="utf-8"))
            except OSError:
                holder = None
            raise RunLockedError(
                f"another daily run is in progress (lock file {self.path}"
                + (f" held by {holder}" if holder else "")
                + "); not starting a second one"
            ) from None
        self.holder_path.write_text(
            f"pid {os.getpid()} since {_dt.datetime.now().replace(microsecond=0).isoformat()}\n", encoding="utf-8"
        )
        self._lock = lock
        return self

    def release(self) -> None:
        if self._lock is not None:
            try:
                self.holder_path.write_text("", encoding="utf-8")  # no finished run is named later
            except OSError:
                pass
            self._lock.release()
            self._lock = None

    def __enter__(self) -> RunLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def lock_path(settings: Settings) -> Path:
    """The lock file of the daily runs that share an archive."""
    return settings.archive.with_name(settings.archive.name + ".lock")


def brief_path(settings: Settings, day: _dt.date) -> Path:
    return Path(settings.briefs_dir) / f"{day.isoformat()}.docx"


# -- collecting ---------------------------------------------------------------------------------
def collect_inbox(
    inbox: Path, archive: Archive, day: _dt.date, *, max_bytes: int, unreadable: list[Skipped] | None = None,
    follow_symlinks: bool = False,
) -> int:
    """Store every inbox file the archive has not seen; return how many were new.

    Entries that cannot be read this time (no permission, a pipe, a broken symlink or a symlink
    loop) are not recorded, so a later run tries them again; they go to ``unreadable`` so that
    this run's brief lists them.
    """
    from briefing.html import HTML_SUFFIXES, read_html_article

    if not inbox.is_dir():
        raise ConfigError(f"inbox folder not found: {inbox}")
    new = 0
    files = []
    from briefing.fswalk import walk_inbox

    for p, why in walk_inbox(inbox, follow_symlinks=follow_symlinks):
        if why is not None:  # a symlink out of the inbox: listed, never read
            if unreadable is not None:
                unreadable.append(Skipped(input=display_path(p), reason=why))
            continue
        if p.is_file():
            files.append(p)
            continue
        try:
            read_article(p, max_bytes=max_bytes)  # explains why it is not a readable file
        except InputSkipped as exc:
            log.warning("inbox: cannot read %s: %s", p, exc)
            if unreadable is not None:
                unreadable.append(Skipped(input=display_path(p), reason=str(exc)))
    for path in files:
        try:
            st = path.stat()
            if st.st_size <= max_bytes:
                key = "file:" + bytes_hash(path.read_bytes())
            else:  # not read at all: known by name, size and time instead of its bytes
                key = f"large-file:{path.resolve()}:{st.st_size}:{st.st_mtime_ns}"
        except OSError as exc:
            log.warning("inbox: cannot read %s: %s", path, exc)
            if unreadable is not None:
                why = "permission denied" if isinstance(exc, PermissionError) else f"cannot read: {exc.strerror or exc}"
                unreadable.append(Skipped(input=display_path(path), reason=why))
            continue
        # Bytes that gave an article are known by their hash alone (a renamed copy is not news);
        # an unusable file by its hash and name, so that another file with the same bytes (every
        # empty file has the same hash) is still listed on the day it arrives.
        skip_key = f"{key}:{display_path(path)}"
        if archive.input_seen(key) or archive.input_seen(skip_key):
            continue
        new += 1
        suffix = path.suffix.lower()
        try:
            if suffix in TEXT_SUFFIXES:
                article = read_article(path, max_bytes=max_bytes)
            elif suffix in HTML_SUFFIXES:
                article = read_html_article(path, max_bytes=max_bytes)
            else:
                known = ", ".join(sorted(TEXT_SUFFIXES | HTML_SUFFIXES))
                raise InputSkipped(f"not an article file ({suffix or 'no extension'}); expected {known}")
        except InputSkipped as exc:
            archive.record_input(skip_key, display_path(path), day, reason=str(exc))
            log.info("inbox: skipped %s: %s", path, exc)
            continue
        with archive.transaction():
            row, is_new = archive.add_article(article, day)
            why = None
            if not is_new:  # a copy of an article already stored: listed, not briefed twice
                title, first_day = archive.conn.execute(
                    "SELECT title, run_date FROM articles WHERE id = ?", (row,)
                ).fetchone()
                why = f"same article as {title!r} (first read for {first_day}), counted once"
            archive.record_input(key, display_path(path), day, article=row, reason=why)
    return new


def _collect_feeds(
    feeds_file: Path, archive: Archive, day: _dt.date, fetcher: Any, settings: Settings
) -> tuple[list[Skipped], int]:
    """collect_feeds_into, with dates in settings.timezone; also how many feeds could be read."""
    from briefing.feeds import collect_feeds, load_feeds
    from briefing.unattended import zone

    result = collect_feeds(load_feeds(feeds_file), fetcher, known=archive.knows_url, tz=zone(settings.timezone))
    with archive.transaction():
        for item in result.items:
            archive.add_article(item.article, day, urls=item.urls)
    return list(result.skipped), result.feeds_read


# -- what is new ---------------------------------------------------------------------------------
def daily_brief(
    articles: Sequence[Article],
    settings: Settings,
    history: History,
    *,
    skipped: Iterable[Skipped] = (),
) -> tuple[Brief, dict[str, tuple[tuple[str, float], ...]]]:
    """Brief the day's articles story by story against the stories of earlier briefs
    (briefing.developments): a story an article continues is a development (only what is new
    appears under it, marked with the date the story was first reported); a near-duplicate of an
    archived article adds nothing; an old point a new outlet adds to is listed under "Previously
    reported". Returns the brief and each shown story's grouping terms (for the archive)."""
    from briefing.developments import day_stories
    from briefing.pipeline import brief_from_stories, results_from_articles
    from briefing.quotes import QuoteFinder
    from briefing.sections import load_sections

    sections = load_sections(settings.sections_file)
    results = results_from_articles(articles, settings, sections)
    quotes = QuoteFinder(max_quotes=settings.quotes)
    sources: list[SourceRef] = []
    for r in results:
        if isinstance(r.ref, SourceRef):  # always: these articles were read already
            sources.append(r.ref)
            quotes.add(r.ref, r.sentences)
    day = day_stories(results, settings, history, sections)
    brief = brief_from_stories(
        day.stories, settings, sources=sources, skipped=list(skipped), quotes=quotes,
        sections=sections, empty_note=NOTHING_NEW,
    )
    if day.corroborating:
        brief = brief.model_copy(update={"sections": brief.sections + (
            Section(
                key=PREVIOUSLY_REPORTED_KEY,
                title=PREVIOUSLY_REPORTED_TITLE,
                description=PREVIOUSLY_REPORTED_NOTE,
                # each point its own line, "Previously reported DATE" (not a developing story)
                stories=tuple(loose_story(p).model_copy(update={"first_reported": None})
                              for p in day.corroborating),
            ),
        )})
    log.info(
        "brief %s: %d articles, %d stories (%d developments of earlier stories), %d new points, "
        "%d previously reported with a new source, %d repeats left out, %d near-duplicate articles",
        brief.date, len(articles), len(brief.stories), day.developments, day.fresh,
        len(day.corroborating), day.repeats, day.near_duplicates,
    )
    terms = {s.id: day.terms[s.id] for s in brief.stories if s.id in day.terms}
    return brief, terms


# -- the run -----------------------------------------------------------------------------------
def _as_date(value: _dt.date | str | None) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"invalid date {value!r}: expected YYYY-MM-DD") from None


def run_daily(
    date: _dt.date | str | None = None,
    settings: Settings | None = None,
    *,
    email_to: Sequence[str] | str | None = None,
    fetcher: Any = None,
    resend: bool = False,
    check_smtp: bool = True,
) -> tuple[Brief, Path]:
    """Run the daily brief for date (default: settings.date, else today in settings.timezone);
    return (brief, path).

    Inputs come from settings.feeds_file and settings.inbox; the archive is settings.archive.
    With email_to, the brief is also sent by e-mail (see briefing.delivery): the SMTP server is
    checked before anything is collected, and a date already delivered is not sent again unless
    resend. NothingReadError (CLI exit 3) when nothing is configured, or when no feed could be
    read and no article belongs to the date.
    """
    from briefing import unattended

    settings = settings or load_settings()
    day = _as_date(date) or settings.date or unattended.today(settings.timezone)
    settings = settings.model_copy(update={"date": day})
    recipients = None
    mailer = None
    if email_to:  # check the delivery set-up before the run, not after it
        from briefing.delivery import mailer_from_settings, parse_recipients

        recipients = parse_recipients(email_to)
        mailer = mailer_from_settings(settings)
        if check_smtp:
            unattended.check_smtp(mailer)
    if settings.feeds_file is None and settings.inbox is None:
        raise NothingReadError(
            f"daily {day}: no feeds file and no inbox configured (feeds_file, inbox or --feeds, "
            "--inbox); nothing can be collected"
        )

    from briefing.dailyguard import adopt_orphans, check_day, damaged, is_past

    check_day(day)
    with RunLock(lock_path(settings)), Archive(settings.archive) as archive, damaged(settings.archive):
        past = is_past(archive, day)  # a later brief exists: this day's inputs are final
        if not past:
            adopt_orphans(archive, day)  # what a killed run stored is briefed now
        skipped: list[Skipped] = []
        feeds_read = 0
        if settings.feeds_file is not None and not past:
            if fetcher is None:
                from briefing.feeds import Fetcher

                fetcher = Fetcher.from_settings(settings)
            got, feeds_read = _collect_feeds(Path(settings.feeds_file), archive, day, fetcher, settings)
            skipped.extend(got)
        if settings.inbox is not None and not past:
            collect_inbox(
                Path(settings.inbox), archive, day, max_bytes=settings.max_article_bytes, unreadable=skipped,
                follow_symlinks=settings.follow_symlinks,
            )

        articles = archive.articles_for(day)
        if not articles and not feeds_read and settings.inbox is None:
            why = "; ".join(f"{s.input}: {s.reason}" for s in skipped[:3]) or "the inbox is empty"
            raise NothingReadError(f"daily {day}: nothing could be read ({why}); no brief written")
        skipped = archive.skipped_for(day) + skipped
        since = day - _dt.timedelta(days=LOOKBACK_DAYS)
        brief, story_terms = daily_brief(articles, settings, History(archive, day, since), skipped=skipped)

        previous = archive.brief(day)
        if previous is not None and set(previous.article_ids) == {s.id for s in brief.sources}:
            brief = brief.model_copy(update={"created": previous.created})  # same run, same brief
        if past and previous is not None and Path(previous.path).is_file():
            path = Path(previous.path)  # an earlier brief is final: never rewritten
        else:
            from briefing.output import save_brief

            path = save_brief(
                brief, brief_path(settings, day), "docx", template=settings.template,
                date_format=settings.date_format,
            )
            archive.record_brief(brief, path, story_terms)
        log.info("daily %s: wrote %s (%d sources, %d points, %d skipped)",
                 day, path, len(brief.sources), len(brief.points), len(brief.skipped))

        if recipients:
            from briefing.delivery import send_brief

            sent = unattended.delivered(archive.conn, day)
            if sent and not resend:
                log.info("daily %s: already e-mailed at %s; not sending again (--resend to send)", day, sent)
            else:
                send_brief(brief, path, recipients, settings, mailer=mailer)
                unattended.record_delivery(archive.conn, day, recipients)
    return brief, path
