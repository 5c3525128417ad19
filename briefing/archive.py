"""The archive: every article read and every brief written, in one SQLite file.

- An article is stored once. It is found again by any URL it was read from (normalised:
  lower-case host, no fragment, no tracking parameters, no default port, no trailing slash) and by
  a hash of its normalised text, so a syndicated copy under another URL is recognised as the same
  article.
- Each article remembers the date of the daily run that first collected it (``run_date``): that
  run owns it, and running the same date again uses the same articles.
- Inbox files are remembered by a hash of their bytes, with the article they gave or the reason
  they could not be used.
- Each brief is recorded with its points (text, section, sources, story, and the date it was
  first reported when it is not new) and its stories: a story is kept under the id it was first
  briefed with, with each day's headline, article ids and grouping terms (``story_days``); its
  heaviest terms index it (``story_keys``), so a later article finds the stories it may continue
  by an index look-up. Recording the same date again replaces that brief's rows.

The schema is versioned (``PRAGMA user_version``) and upgraded by the migrations in MIGRATIONS,
each applied in its own transaction. Every write happens inside a transaction.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from briefing.errors import ArchiveError
from briefing.models import Article, Brief, Skipped

MIGRATIONS: tuple[tuple[int, str], ...] = (
    (
        1,
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            url TEXT,
            source TEXT NOT NULL,
            title TEXT NOT NULL,
            published TEXT,
            run_date TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE TABLE article_urls (
            url TEXT PRIMARY KEY,
            article INTEGER NOT NULL REFERENCES articles(id)
        );
        CREATE TABLE inputs (
            key TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            run_date TEXT NOT NULL,
            article INTEGER REFERENCES articles(id),
            reason TEXT,
            seen_at TEXT NOT NULL
        );
        CREATE TABLE briefs (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL,
            title TEXT NOT NULL,
            created TEXT NOT NULL,
            summarizer TEXT NOT NULL,
            n_sources INTEGER NOT NULL
        );
        CREATE TABLE brief_points (
            brief INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            section TEXT,
            key_point INTEGER NOT NULL DEFAULT 0,
            text TEXT NOT NULL,
            sources TEXT NOT NULL,
            article_ids TEXT NOT NULL,
            first_reported TEXT,
            PRIMARY KEY (brief, position)
        );
        """,
    ),
    (
        2,
        """
        CREATE TABLE brief_articles (
            brief INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            article INTEGER NOT NULL REFERENCES articles(id),
            PRIMARY KEY (brief, article)
        );
        CREATE INDEX articles_run_date ON articles(run_date);
        CREATE INDEX inputs_run_date ON inputs(run_date);
        """,
    ),
    (
        3,
        """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            story_key TEXT NOT NULL UNIQUE,
            headline TEXT NOT NULL
        );
        CREATE TABLE story_days (
            brief INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            story INTEGER NOT NULL REFERENCES stories(id),
            headline TEXT NOT NULL,
            article_ids TEXT NOT NULL,
            terms TEXT NOT NULL,
            PRIMARY KEY (brief, story)
        );
        CREATE TABLE story_keys (
            term TEXT NOT NULL,
            story INTEGER NOT NULL REFERENCES stories(id),
            brief INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            PRIMARY KEY (term, story, brief)
        );
        CREATE INDEX story_days_story ON story_days(story);
        CREATE INDEX articles_article_id ON articles(article_id);
        ALTER TABLE brief_points ADD COLUMN story_key TEXT;
        CREATE INDEX brief_points_story ON brief_points(story_key);
        """,
    ),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid|ref|ref_src)$", re.I)
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalize_url(url: str) -> str:
    """A URL in the form used to recognise it: scheme and host lower-cased, default port,
    fragment, tracking parameters and trailing slash dropped, query parameters sorted."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    port = parts.port if parts.port and (scheme, parts.port) not in {("http", 80), ("https", 443)} else None
    netloc = f"{host}:{port}" if port else host
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    if len(path) > 1:
        path = path.rstrip("/")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not _TRACKING.match(k)))
    if scheme in ("http", "https"):
        scheme = "http"  # the same page over http and https is the same page
    return urlunsplit((scheme, netloc, path, query, ""))


def content_hash(text: str) -> str:
    """A hash of an article's words only: case, punctuation and spacing do not count."""
    norm = unicodedata.normalize("NFKC", text).casefold()
    norm = " ".join(_NON_WORD.sub(" ", norm).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def bytes_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class RecordedPoint:
    """A point of a recorded brief."""

    date: _dt.date
    text: str
    sources: tuple[str, ...]
    section: str | None
    first_reported: _dt.date | None


@dataclass(frozen=True)
class ArchivedStory:
    """A story briefed on earlier days, as the archive knows it: its key (the id of the Story it
    was first briefed as), headline, the date it was first reported, its articles and their
    outlets, its grouping terms summed over its days (``briefing.stories.Signature`` stems and
    weights), and the points the briefs gave for it."""

    key: str
    headline: str
    first_reported: _dt.date
    last_reported: _dt.date
    article_ids: tuple[str, ...]
    terms: tuple[tuple[str, float], ...]
    points: tuple[RecordedPoint, ...]


STORY_KEY_TERMS = 16  # a story is indexed by its day's heaviest stems (story_keys)
MAX_STORY_TERMS = 60


@dataclass(frozen=True)
class BriefRecord:
    """A recorded brief."""

    id: int
    date: _dt.date
    path: str
    title: str
    created: _dt.datetime
    n_sources: int
    article_ids: tuple[str, ...]
    points: tuple[RecordedPoint, ...]


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back the open transaction, if any; the error that led here is the one to report."""
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def _damage(conn: sqlite3.Connection, version: int) -> str | None:
    """Why the database cannot be used as an archive (damaged, or someone else's), or None."""
    try:
        check = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    except sqlite3.DatabaseError as exc:
        return f"is damaged ({exc})"
    if check != ["ok"]:
        return "is damaged (" + " ".join(" ".join(check).split())[:200] + ")"
    if version == 0 and tables:
        return f"is not a briefing archive (it holds other tables: {', '.join(sorted(tables)[:5])})"
    return None


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


class Archive:
    """The SQLite archive. Open it with ``with Archive(path) as archive:``."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None

    # -- opening and migrating -------------------------------------------------------------
    def open(self) -> Archive:
        if self._conn is not None:
            return self
        try:
            if str(self.path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=30)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 30000")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except (sqlite3.Error, OSError) as exc:
            raise ArchiveError(f"cannot open archive {self.path}: {exc}") from None
        if version > SCHEMA_VERSION:
            conn.close()
            raise ArchiveError(
                f"archive {self.path} has schema version {version}, newer than this briefing "
                f"understands ({SCHEMA_VERSION}); upgrade briefing"
            )
        problem = _damage(conn, version)
        if problem:
            conn.close()
            raise ArchiveError(
                f"archive {self.path} {problem}; it was left untouched: restore a backup, or move it "
                "away to start a new archive"
            )
        self._conn = conn
        try:
            self.migrate()
        except sqlite3.Error as exc:
            self.close()
            raise ArchiveError(f"cannot upgrade archive {self.path}: {exc}") from None
        return self

    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> int:
        """Apply the migrations the file has not had yet, each in its own transaction."""
        current = self.version
        for version, script in MIGRATIONS:
            if version <= current:
                continue
            with self.transaction():
                for statement in script.split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {int(version)}")
            current = version
        return current

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Archive:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ArchiveError("archive is not open")
        return self._conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE ... COMMIT, ROLLBACK on error). Re-entrant:
        an inner block joins the outer transaction."""
        conn = self.conn
        if conn.in_transaction:
            yield conn
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise ArchiveError(f"cannot write to archive {self.path}: {exc}") from None
        try:
            yield conn
        except sqlite3.DatabaseError as exc:
            _rollback(conn)
            raise ArchiveError(f"cannot write to archive {self.path}: {exc}") from None
        except BaseException:
            _rollback(conn)
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            _rollback(conn)  # SQLite may have rolled back already (disk full): keep exc's words
            raise ArchiveError(f"cannot write to archive {self.path}: {exc}") from None

    def count(self, table: str) -> int:
        """Rows in one of the archive's tables (for reports and tests)."""
        if table not in {"articles", "article_urls", "inputs", "briefs", "brief_points", "brief_articles",
                         "stories", "story_days", "story_keys"}:
            raise ValueError(f"unknown table {table!r}")
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    # -- articles ---------------------------------------------------------------------------
    def find_url(self, url: str) -> int | None:
        row = self.conn.execute(
            "SELECT article FROM article_urls WHERE url = ?", (normalize_url(url),)
        ).fetchone()
        return int(row[0]) if row else None

    def knows_url(self, url: str) -> bool:
        return self.find_url(url) is not None

    def find_text(self, text: str) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (content_hash(text),)
        ).fetchone()
        return int(row[0]) if row else None

    def add_article(
        self, article: Article, run_date: _dt.date, urls: Iterable[str] = ()
    ) -> tuple[int, bool]:
        """Store an article unless it is already known (by URL or by content); return its row id
        and whether it was new. URLs it is known by are recorded either way."""
        all_urls = [u for u in dict.fromkeys([*(urls or ()), article.url or ""]) if u]
        with self.transaction() as conn:
            existing = None
            for u in all_urls:
                existing = self.find_url(u)
                if existing is not None:
                    break
            if existing is None:
                existing = self.find_text(article.text)
            new = existing is None
            if new:
                cur = conn.execute(
                    "INSERT INTO articles (article_id, content_hash, url, source, title, published,"
                    " run_date, first_seen, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        article.id,
                        content_hash(article.text),
                        article.url,
                        article.source,
                        article.title,
                        article.date.isoformat() if article.date else None,
                        run_date.isoformat(),
                        _now(),
                        article.model_dump_json(),
                    ),
                )
                assert cur.lastrowid is not None
                existing = cur.lastrowid
            for u in all_urls:
                conn.execute(
                    "INSERT OR IGNORE INTO article_urls (url, article) VALUES (?, ?)",
                    (normalize_url(u), existing),
                )
        assert existing is not None
        return existing, new

    def articles_for(self, run_date: _dt.date) -> list[Article]:
        """The articles first collected by the run of run_date, in the order they were stored."""
        rows = self.conn.execute(
            "SELECT data FROM articles WHERE run_date = ? ORDER BY id", (run_date.isoformat(),)
        ).fetchall()
        return [Article.model_validate_json(r[0]) for r in rows]

    # -- inbox inputs -----------------------------------------------------------------------
    def input_seen(self, key: str) -> bool:
        return self.conn.execute("SELECT 1 FROM inputs WHERE key = ?", (key,)).fetchone() is not None

    def record_input(
        self,
        key: str,
        name: str,
        run_date: _dt.date,
        *,
        article: int | None = None,
        reason: str | None = None,
    ) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO inputs (key, name, run_date, article, reason, seen_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (key, name, run_date.isoformat(), article, reason, _now()),
            )

    def skipped_for(self, run_date: _dt.date) -> list[Skipped]:
        """Inbox inputs of run_date that could not be used, with their reasons."""
        rows = self.conn.execute(
            "SELECT name, reason FROM inputs WHERE run_date = ? AND reason IS NOT NULL ORDER BY rowid",
            (run_date.isoformat(),),
        ).fetchall()
        return [Skipped(input=n, reason=r) for n, r in rows]

    # -- briefs -----------------------------------------------------------------------------
    def record_brief(
        self,
        brief: Brief,
        path: str | Path,
        story_terms: Mapping[str, Sequence[tuple[str, float]]] | None = None,
    ) -> int:
        """Record (or re-record) the brief of brief.date with its points, articles and stories.

        Each story the brief shows is stored under its id (a development of an earlier story
        carries that story's id, so it continues it) with this day's headline, article ids and
        grouping terms (``story_terms[story.id]``: the summed signature stems of the day's
        articles of the story); its heaviest terms index it for later days (story_keys)."""
        day = brief.date.isoformat()
        section_of = {id(p): s.key for s in brief.sections for p in s.points}
        key_ids = {id(p) for p in brief.key_points}
        story_terms = story_terms or {}
        with self.transaction() as conn:
            conn.execute("DELETE FROM briefs WHERE date = ?", (day,))
            conn.execute("DELETE FROM stories WHERE id NOT IN (SELECT story FROM story_days)")
            cur = conn.execute(
                "INSERT INTO briefs (date, path, title, created, summarizer, n_sources)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (day, str(path), brief.title, brief.created.isoformat(), brief.summarizer,
                 len(brief.sources)),
            )
            assert cur.lastrowid is not None
            brief_id = cur.lastrowid
            for pos, point in enumerate(brief.points):
                conn.execute(
                    "INSERT INTO brief_points (brief, position, section, key_point, text, sources,"
                    " article_ids, first_reported, story_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        brief_id,
                        pos,
                        section_of.get(id(point)),
                        int(id(point) in key_ids),
                        point.text,
                        json.dumps(list(point.sources)),
                        json.dumps(list(point.article_ids)),
                        point.first_reported.isoformat() if point.first_reported else None,
                        point.story_id,
                    ),
                )
            for story in brief.stories:
                self._record_story(brief_id, story.id, story.headline, story.articles,
                                   story_terms.get(story.id, ()))
            ids = [s.id for s in brief.sources]
            if ids:
                marks = ",".join("?" * len(ids))
                conn.execute(
                    "INSERT OR IGNORE INTO brief_articles (brief, article) SELECT ?, id FROM "
                    f"articles WHERE article_id IN ({marks})",
                    (brief_id, *ids),
                )
        return brief_id

    def _record_story(
        self, brief_id: int, key: str, headline: str, article_ids: Sequence[str],
        terms: Sequence[tuple[str, float]],
    ) -> None:
        conn = self.conn
        conn.execute("INSERT OR IGNORE INTO stories (story_key, headline) VALUES (?, ?)", (key, headline))
        story = int(conn.execute("SELECT id FROM stories WHERE story_key = ?", (key,)).fetchone()[0])
        top = sorted(((str(t), float(w)) for t, w in terms), key=lambda tw: (-tw[1], tw[0]))[:MAX_STORY_TERMS]
        conn.execute(
            "INSERT OR REPLACE INTO story_days (brief, story, headline, article_ids, terms)"
            " VALUES (?, ?, ?, ?, ?)",
            (brief_id, story, headline, json.dumps(list(article_ids)), json.dumps(top)),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO story_keys (term, story, brief) VALUES (?, ?, ?)",
            [(t, story, brief_id) for t, _ in top[:STORY_KEY_TERMS]],
        )

    def story_candidates(
        self, terms: Iterable[str], before: _dt.date, *, since: _dt.date | None = None,
        min_shared: int = 2, limit: int = 20,
    ) -> list[str]:
        """Keys of the stories briefed before ``before`` (and on or after ``since``) indexed by at
        least ``min_shared`` of terms, most shared first: an index look-up, never a scan of every
        story."""
        terms = sorted(set(terms))
        if not terms:
            return []
        marks = ",".join("?" * len(terms))
        rows = self.conn.execute(
            "SELECT s.story_key, COUNT(DISTINCT k.term) AS n FROM story_keys k "
            "JOIN briefs b ON b.id = k.brief JOIN stories s ON s.id = k.story "
            f"WHERE k.term IN ({marks}) AND b.date < ? AND b.date >= ? "
            "GROUP BY k.story HAVING n >= ? ORDER BY n DESC, s.story_key LIMIT ?",
            (*terms, before.isoformat(), (since or _dt.date.min).isoformat(), min_shared, limit),
        ).fetchall()
        return [r[0] for r in rows]

    def story(self, key: str, before: _dt.date) -> ArchivedStory | None:
        """A story as briefed before ``before``: its days' terms summed, its articles, its points."""
        rows = self.conn.execute(
            "SELECT b.date, d.headline, d.article_ids, d.terms FROM story_days d "
            "JOIN briefs b ON b.id = d.brief JOIN stories s ON s.id = d.story "
            "WHERE s.story_key = ? AND b.date < ? ORDER BY b.date",
            (key, before.isoformat()),
        ).fetchall()
        if not rows:
            return None
        terms: dict[str, float] = {}
        ids: dict[str, None] = {}
        for _, _, article_ids, day_terms in rows:
            for t, w in json.loads(day_terms):
                terms[str(t)] = terms.get(str(t), 0.0) + float(w)
            ids.update(dict.fromkeys(str(a) for a in json.loads(article_ids)))
        top = sorted(terms.items(), key=lambda tw: (-tw[1], tw[0]))[:MAX_STORY_TERMS]
        return ArchivedStory(
            key=key,
            headline=rows[0][1],
            first_reported=_dt.date.fromisoformat(rows[0][0]),
            last_reported=_dt.date.fromisoformat(rows[-1][0]),
            article_ids=tuple(ids),
            terms=tuple(top),
            points=tuple(self._points("p.story_key = ? AND b.date < ?", (key, before.isoformat()))),
        )

    def articles_by_id(self, article_ids: Sequence[str]) -> list[Article]:
        """Stored articles by their article ids (those the archive has), in the order given."""
        if not article_ids:
            return []
        marks = ",".join("?" * len(article_ids))
        rows = self.conn.execute(
            f"SELECT article_id, data FROM articles WHERE article_id IN ({marks})", tuple(article_ids)
        ).fetchall()
        found = {a: Article.model_validate_json(d) for a, d in rows}
        return [found[a] for a in article_ids if a in found]

    def _points(self, where: str, args: Sequence[object]) -> list[RecordedPoint]:
        rows = self.conn.execute(
            "SELECT b.date, p.text, p.sources, p.section, p.first_reported FROM brief_points p "
            f"JOIN briefs b ON b.id = p.brief WHERE {where} ORDER BY b.date, p.position",
            tuple(args),
        ).fetchall()
        return [
            RecordedPoint(
                date=_dt.date.fromisoformat(d),
                text=t,
                sources=tuple(json.loads(s)),
                section=sec,
                first_reported=_dt.date.fromisoformat(f) if f else None,
            )
            for d, t, s, sec, f in rows
        ]

    def points_before(self, day: _dt.date, *, since: _dt.date | None = None) -> list[RecordedPoint]:
        """Points of the briefs dated before day (and on or after since, when given)."""
        if since is None:
            return self._points("b.date < ?", (day.isoformat(),))
        return self._points("b.date < ? AND b.date >= ?", (day.isoformat(), since.isoformat()))

    def brief(self, day: _dt.date) -> BriefRecord | None:
        """The recorded brief of a date, or None."""
        row = self.conn.execute(
            "SELECT id, date, path, title, created, n_sources FROM briefs WHERE date = ?",
            (day.isoformat(),),
        ).fetchone()
        if not row:
            return None
        ids = self.conn.execute(
            "SELECT a.article_id FROM brief_articles ba JOIN articles a ON a.id = ba.article "
            "WHERE ba.brief = ? ORDER BY a.id",
            (row[0],),
        ).fetchall()
        return BriefRecord(
            id=row[0],
            date=_dt.date.fromisoformat(row[1]),
            path=row[2],
            title=row[3],
            created=_dt.datetime.fromisoformat(row[4]),
            n_sources=row[5],
            article_ids=tuple(r[0] for r in ids),
            points=tuple(self._points("b.id = ?", (row[0],))),
        )
