"""The claims store: papers and their claims kept in an embedded SQLite database across runs.

Keys and idempotency
    A paper is keyed by its `paper_id` (an arXiv version suffix such as `v2` is dropped, so a new
    version replaces the old; a paper without an id is keyed by its folded title). The store keeps
    a SHA-256 of the abstract and of the extracted claims: ingesting a paper whose abstract and
    claims are both unchanged adds nothing; a changed abstract (or a re-extraction that found
    different claims) replaces all of the paper's claims at once. Every feed a paper was seen in
    is recorded in `paper_sources`.

Transactions
    `Store.add` writes in batches, one `BEGIN IMMEDIATE` transaction per batch: a process killed
    mid-way leaves every finished batch and nothing of the unfinished one. The database runs in
    WAL mode with a busy timeout, and a batch that still meets `database is locked` is retried,
    so several writers can share one file.

Safety
    Before anything is written, the file's SQLite header and `PRAGMA application_id` are checked
    through a read-only connection: random bytes, a corrupt file or another program's database
    get a one-line `StoreError` and are left untouched. An empty (0-byte) file counts as new.

Where the database lives (`resolve_db_path`): an explicit path (`--db`) wins over
`$PAPERCLAIMS_DB`, which wins over `platformdirs.user_data_dir("paperclaims")/claims.db`.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import regex

from .errors import StoreError
from .model import COLUMNS, Claim, Paper

#: `PRAGMA application_id` of a paperclaims store: "PClm" in ASCII.
APPLICATION_ID = 0x50436C6D
#: The schema version this code writes; `MIGRATIONS` brings older stores up to it.
SCHEMA_VERSION = 1
ENV_VAR = "PAPERCLAIMS_DB"

#: The columns `Store.claims` yields: the extract columns, then where the paper came from.
STORED_COLUMNS = (*COLUMNS, "source", "date", "url")
#: The columns `paperclaims export` prints.
EXPORT_COLUMNS = (*COLUMNS, "source", "date")

_SQLITE_MAGIC = b"SQLite format 3\x00"
_BUSY_TIMEOUT_MS = 30_000
_LOCK_RETRIES = 8
# An arXiv id with its version: 2401.01234v2, arXiv:2401.01234v2, hep-th/9901001v3.
_ARXIV_VERSIONED = regex.compile(
    r"^(?P<base>(?:arxiv:)?(?:\d{4}\.\d{4,5}|[a-z][a-z.-]*/\d{7}))v\d+$", regex.IGNORECASE)
_ISO_DATE = regex.compile(r"^\d{4}-\d{2}-\d{2}")
# Claim fields in the order they are stored in the `claims` table.
_CLAIM_FIELDS = ("kind", "model", "benchmark", "metric", "value", "unit", "magnitude", "baseline",
                 "setting", "higher_is_better", "evidence", "start", "end")


def default_db_path() -> Path:
    """The per-user store: `claims.db` in the platform's user data directory."""
    import platformdirs

    return Path(platformdirs.user_data_dir("paperclaims")) / "claims.db"


def resolve_db_path(db: str | os.PathLike | None = None, environ=None) -> Path:
    """Where the store is: an explicit path, else `$PAPERCLAIMS_DB`, else the user data directory.

    An explicit `--db` wins over the environment variable: a flag typed for this one command is
    the more specific wish.
    """
    environ = os.environ if environ is None else environ
    if db:
        return Path(db).expanduser()
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]).expanduser()
    return default_db_path()


def paper_key(paper: Paper) -> str:
    """The key a paper is stored under: its id without an arXiv version, else its folded title."""
    pid = (paper.paper_id or "").strip()
    if pid:
        m = _ARXIV_VERSIONED.match(pid)
        return m["base"] if m else pid
    folded = " ".join((paper.title or "").casefold().split())
    return "title:" + hashlib.sha256(folded.encode("utf-8")).hexdigest()[:20]


@dataclass
class IngestStats:
    """What one `Store.add` did, counted in papers and claims.

    `papers_replaced` counts papers whose stored claims were swapped for new ones: a changed
    abstract, or the same abstract extracted to different claims. `papers_older` counts papers
    skipped because the store already holds a version with a later date.
    """

    papers_added: int = 0
    papers_replaced: int = 0
    papers_unchanged: int = 0
    papers_older: int = 0
    claims_added: int = 0
    claims_removed: int = 0
    batches: int = 0

    def __iadd__(self, other: "IngestStats") -> "IngestStats":
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)
        return self

    def to_dict(self) -> dict:
        return asdict(self)


# -- schema and migrations ---------------------------------------------------------------------

def _migrate_0_to_1(conn: sqlite3.Connection) -> None:
    """The first schema: meta, papers, where each paper was seen, and claims per paper version."""
    _run_script(conn, """
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE papers (
            paper_key     TEXT PRIMARY KEY,          -- paper_id without arXiv version, or title hash
            paper_id      TEXT,                      -- the id as the feed gave it (latest version)
            title         TEXT NOT NULL,
            url           TEXT,
            date          TEXT,                      -- the paper's date as the feed gave it
            source        TEXT,                      -- the feed this version came from
            abstract_sha  TEXT NOT NULL,             -- SHA-256 of the abstract: the paper version
            claims_sha    TEXT NOT NULL,             -- SHA-256 of the claims stored for it
            first_seen    TEXT NOT NULL,             -- UTC time the paper was first stored
            updated       TEXT NOT NULL              -- UTC time its claims were last written
        );
        CREATE TABLE paper_sources (
            paper_key  TEXT NOT NULL REFERENCES papers(paper_key) ON DELETE CASCADE,
            source     TEXT NOT NULL,
            date       TEXT,
            seen       TEXT NOT NULL,
            PRIMARY KEY (paper_key, source)
        );
        CREATE TABLE claims (
            paper_key        TEXT NOT NULL REFERENCES papers(paper_key) ON DELETE CASCADE,
            abstract_sha     TEXT NOT NULL,          -- the paper version the claim was read from
            seq              INTEGER NOT NULL,       -- order within the abstract
            kind             TEXT NOT NULL,
            model            TEXT,
            benchmark        TEXT,
            metric           TEXT,
            value            REAL NOT NULL,
            unit             TEXT,
            magnitude        REAL,
            baseline         TEXT,
            setting          TEXT,
            higher_is_better INTEGER,
            evidence         TEXT NOT NULL,
            start            INTEGER NOT NULL,
            "end"            INTEGER NOT NULL,
            PRIMARY KEY (paper_key, seq)
        );
        CREATE INDEX claims_by_benchmark ON claims (benchmark, metric, kind);
        CREATE INDEX papers_by_date ON papers (date);
    """)


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run `;`-separated DDL inside the current transaction (`executescript` would commit it)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


#: Migrations by the version they produce; each runs inside the opening transaction.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _migrate_0_to_1,
}


# -- opening -----------------------------------------------------------------------------------

def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _inspect(path: Path) -> tuple[str, int]:
    """Classify an existing file without writing to it: ("new", 0) or ("paperclaims", version).

    Raises StoreError for anything that is not an empty file, an empty SQLite database or a
    paperclaims store.
    """
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except IsADirectoryError:
        raise StoreError(f"{path}: is a directory, not a claims database") from None
    except OSError as err:
        raise StoreError(f"{path}: cannot read claims database: {err.strerror or err}") from None
    if not header:
        return "new", 0
    if not header.startswith(_SQLITE_MAGIC):
        raise StoreError(f"{path}: not a paperclaims database (not an SQLite file); refusing to touch it")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=_BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as err:
        raise StoreError(f"{path}: cannot open claims database: {err}") from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id == 0 and not tables:
            return "new", 0
        if app_id != APPLICATION_ID:
            raise StoreError(f"{path}: an SQLite database that is not a paperclaims store; refusing to touch it")
        if "meta" not in tables:
            raise StoreError(f"{path}: paperclaims store has no meta table (damaged?); refusing to touch it")
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        if meta.get("application") != "paperclaims":
            raise StoreError(f"{path}: meta table does not name paperclaims; refusing to touch it")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{path}: store schema version {version} is newer than this paperclaims "
                             f"understands ({SCHEMA_VERSION}); upgrade paperclaims")
        return "paperclaims", version
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{path}: corrupt or unreadable claims database ({err}); refusing to touch it") from None
    finally:
        conn.close()


class Store:
    """A claims store on one SQLite file. Open with `Store.open(path)`; use as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool):
        self._conn = conn
        self.path = path
        self.readonly = readonly

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, readonly: bool = False) -> "Store":
        """Open (creating if needed, unless `readonly`) the store at `path` (see `resolve_db_path`).

        A read-only open needs an existing store and never writes to the file.
        """
        path = resolve_db_path(path)
        exists = path.exists()
        if readonly and not exists:
            raise StoreError(f"{path}: no claims store yet (run `paperclaims extract` to fill one, "
                             f"or point --db / ${ENV_VAR} at one)")
        state, version = _inspect(path) if exists else ("new", 0)
        if readonly:
            if state == "new":
                raise StoreError(f"{path}: empty file, not a claims store yet")
            if version < SCHEMA_VERSION:
                raise StoreError(f"{path}: store schema version {version} is older than {SCHEMA_VERSION}; "
                                 f"open it for writing once (e.g. `paperclaims extract`) to upgrade it")
            conn = _connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            return cls(conn, path, readonly=True)
        if not exists:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise StoreError(f"{path.parent}: cannot create directory: {err.strerror or err}") from None
        conn = _connect(str(path))
        store = cls(conn, path, readonly=False)
        try:
            store._upgrade()
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.Error as err:
            conn.close()
            raise StoreError(f"{path}: cannot open claims database: {err}") from None
        except BaseException:
            conn.close()
            raise
        return store

    # -- lifecycle --

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def meta(self) -> dict[str, str]:
        """The store's meta table: application name, schema version, creation time."""
        return dict(self._conn.execute("SELECT key, value FROM meta"))

    def _upgrade(self) -> None:
        """Create the schema, or migrate an older one, in one transaction; re-checks under the lock."""
        conn = self._conn
        with _immediate(conn, self.path):
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if app_id == 0:
                tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if tables:  # another program's database appeared since it was inspected
                    raise StoreError(f"{self.path}: an SQLite database that is not a paperclaims store; "
                                     f"refusing to touch it")
            elif app_id != APPLICATION_ID:
                raise StoreError(f"{self.path}: an SQLite database that is not a paperclaims store; "
                                 f"refusing to touch it")
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: store schema version {version} is newer than this "
                                 f"paperclaims understands ({SCHEMA_VERSION}); upgrade paperclaims")
            for target in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[target](conn)
            if version < SCHEMA_VERSION:
                if version == 0:
                    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    conn.execute("INSERT INTO meta VALUES ('application', 'paperclaims'), ('created', ?)",
                                 (_now(),))
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))

    # -- writing --

    def add(self, items: Iterable[tuple[Paper, Sequence[Claim]]], *, batch_size: int = 500,
            on_batch: Callable[[IngestStats], None] | None = None) -> IngestStats:
        """Store papers with the claims extracted from them; one transaction per `batch_size` papers.

        Idempotent: a paper already stored with the same abstract and claims adds nothing. Returns
        the totals; `on_batch` is called with the running totals after each committed batch.
        """
        with self.ingest(batch_size=batch_size, on_batch=on_batch) as ingest:
            for paper, claims in items:
                ingest.add(paper, claims)
        return ingest.stats

    def ingest(self, *, batch_size: int = 500,
               on_batch: Callable[[IngestStats], None] | None = None) -> "Ingest":
        """A context manager taking papers one at a time, for a caller that streams as it goes.

        Every `batch_size` papers are committed together; the last, partial batch is committed when
        the block ends normally and dropped when it ends with an exception (as a kill would).
        """
        if self.readonly:
            raise StoreError(f"{self.path}: store was opened read-only")
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        return Ingest(self, batch_size, on_batch)

    def _write_batch(self, prepared: list["_Prepared"]) -> IngestStats:
        conn = self._conn
        for attempt in range(_LOCK_RETRIES + 1):
            try:
                with _immediate(conn, self.path):
                    stats = IngestStats(batches=1)
                    seen = _now()
                    for item in prepared:
                        _write_paper(conn, item, seen, stats)
                return stats
            except _Locked:
                if attempt == _LOCK_RETRIES:
                    raise StoreError(f"{self.path}: database stayed locked by another writer; try again") from None
                time.sleep(min(0.05 * 2 ** attempt, 2.0))
        raise AssertionError("unreachable")

    # -- reading --

    def claims(self, benchmark: str | None = None, kind: str | None = None, since: str | None = None,
               *, metric: str | None = None, papers_on: str | None = None) -> Iterator[dict]:
        """Stored claims as dicts of `STORED_COLUMNS`, in the order papers were first stored.

        `benchmark`, `kind` and `metric` match canonical ids exactly; `since` keeps papers dated on
        or after an ISO date (a paper's date is the feed's, else the day it was first stored);
        `papers_on` keeps every claim (resources included) of papers with a claim on a benchmark.
        """
        where, args = [], []
        if benchmark is not None:
            where.append("c.benchmark = ?"); args.append(benchmark)
        if kind is not None:
            where.append("c.kind = ?"); args.append(kind)
        if metric is not None:
            where.append("c.metric = ?"); args.append(metric)
        if since is not None:
            where.append(f"{_DATE_SQL} >= ?"); args.append(since)
        if papers_on is not None:
            where.append("c.paper_key IN (SELECT paper_key FROM claims WHERE benchmark = ?)")
            args.append(papers_on)
        sql = f"""
            SELECT p.paper_id, p.title, c.kind, c.model, c.benchmark, c.metric, c.value, c.unit,
                   c.magnitude, c.baseline, c.setting, c.higher_is_better, c.evidence, c.start,
                   c."end", p.source, {_DATE_SQL}, p.url
            FROM claims c JOIN papers p ON p.paper_key = c.paper_key
            {"WHERE " + " AND ".join(where) if where else ""}
            ORDER BY p.rowid, c.seq
        """
        try:
            cursor = self._conn.execute(sql, args)
            for row in cursor:
                out = dict(zip(STORED_COLUMNS, row))
                if out["higher_is_better"] is not None:
                    out["higher_is_better"] = bool(out["higher_is_better"])
                yield out
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: cannot read claims: {err}") from None

    def papers(self) -> Iterator[dict]:
        """Stored papers (id, title, url, date, source, first seen) with every feed they were seen in."""
        rows = self._conn.execute(f"""
            SELECT p.paper_key, p.paper_id, p.title, p.url, {_DATE_SQL}, p.source, p.first_seen,
                   (SELECT json_group_array(source) FROM paper_sources s WHERE s.paper_key = p.paper_key),
                   (SELECT count(*) FROM claims c WHERE c.paper_key = p.paper_key)
            FROM papers p ORDER BY p.rowid""")
        for key, pid, title, url, date, source, first_seen, sources, n in rows:
            yield {"paper_key": key, "paper_id": pid, "title": title, "url": url, "date": date,
                   "source": source, "first_seen": first_seen, "sources": json.loads(sources),
                   "claims": n}

    def counts(self) -> dict[str, int]:
        """How many papers and claims the store holds."""
        papers = self._conn.execute("SELECT count(*) FROM papers").fetchone()[0]
        claims = self._conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        return {"papers": papers, "claims": claims}


class Ingest:
    """Papers with their claims, added one at a time and committed in batches (see `Store.ingest`)."""

    def __init__(self, store: Store, batch_size: int, on_batch: Callable[[IngestStats], None] | None):
        self._store = store
        self._batch_size = batch_size
        self._on_batch = on_batch
        self._pending: list[_Prepared] = []
        self.stats = IngestStats()
        self.path = store.path

    def add(self, paper: Paper, claims: Sequence[Claim]) -> None:
        """Queue one paper and every claim found in it; commits when a batch is full."""
        self._pending.append(_prepare(paper, claims))
        if len(self._pending) >= self._batch_size:
            self.flush()

    def flush(self) -> None:
        """Commit the papers queued so far as one transaction."""
        if not self._pending:
            return
        self.stats += self._store._write_batch(self._pending)
        self._pending = []
        if self._on_batch:
            self._on_batch(self.stats)

    def __enter__(self) -> "Ingest":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.flush()
        else:
            self._pending = []


# A paper's date: the feed's, else the day it was first stored.
_DATE_SQL = "coalesce(p.date, substr(p.first_seen, 1, 10))"


class _Locked(Exception):
    """Another connection holds the write lock past the busy timeout."""


def _connect(target: str, uri: bool = False) -> sqlite3.Connection:
    # isolation_level=None: transactions are begun explicitly (BEGIN IMMEDIATE), never implicitly.
    try:
        conn = sqlite3.connect(target, uri=uri, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as err:
        where = target.removeprefix("file://").split("?")[0]
        raise StoreError(f"{where}: cannot open claims database: {err}") from None
    return conn


class _immediate:
    """`BEGIN IMMEDIATE` ... `COMMIT`, rolled back on any error; lock errors become `_Locked`."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn, self.path = conn, path

    def __enter__(self):
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            if _is_lock_error(err):
                raise _Locked() from None
            raise StoreError(f"{self.path}: cannot write to claims database: {err}") from None
        return self.conn

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
                return False
            except sqlite3.OperationalError as err:
                self._rollback()
                if _is_lock_error(err):
                    raise _Locked() from None
                raise StoreError(f"{self.path}: cannot commit to claims database: {err}") from None
        self._rollback()
        if isinstance(exc, sqlite3.OperationalError) and _is_lock_error(exc):
            raise _Locked() from None
        if isinstance(exc, sqlite3.DatabaseError):
            raise StoreError(f"{self.path}: claims database error: {exc}") from None
        return False

    def _rollback(self):
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")


def _is_lock_error(err: sqlite3.OperationalError) -> bool:
    text = str(err).lower()
    return "locked" in text or "busy" in text


@dataclass(frozen=True)
class _Prepared:
    """A paper ready to write: its key, version hashes and claim rows."""

    key: str
    paper: Paper
    abstract_sha: str
    claims_sha: str
    rows: tuple[tuple, ...]


def _prepare(paper: Paper, claims: Sequence[Claim]) -> _Prepared:
    rows = tuple(tuple(_column(c, name) for name in _CLAIM_FIELDS) for c in claims)
    abstract_sha = hashlib.sha256((paper.abstract or "").encode("utf-8")).hexdigest()
    claims_sha = hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()
    return _Prepared(paper_key(paper), paper, abstract_sha, claims_sha, rows)


def _column(claim: Claim, name: str):
    value = getattr(claim, name)
    if name == "higher_is_better" and value is not None:
        return int(bool(value))
    if name in ("value", "magnitude") and value is not None:
        return float(value)
    return value


def _is_older(incoming: str | None, stored: str | None) -> bool:
    """True when both dates are ISO dates and the incoming one is strictly earlier."""
    if not incoming or not stored or not (_ISO_DATE.match(incoming) and _ISO_DATE.match(stored)):
        return False
    return incoming[:10] < stored[:10]


def _write_paper(conn: sqlite3.Connection, item: _Prepared, seen: str, stats: IngestStats) -> None:
    paper = item.paper
    stored = conn.execute("SELECT abstract_sha, claims_sha, date FROM papers WHERE paper_key = ?",
                          (item.key,)).fetchone()
    if stored is None:
        conn.execute("INSERT INTO papers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (item.key, paper.paper_id, paper.title or "", paper.url, paper.date, paper.source,
                      item.abstract_sha, item.claims_sha, seen, seen))
        _insert_claims(conn, item)
        stats.papers_added += 1
        stats.claims_added += len(item.rows)
    elif stored[0] == item.abstract_sha and stored[1] == item.claims_sha:
        stats.papers_unchanged += 1
    elif stored[0] != item.abstract_sha and _is_older(paper.date, stored[2]):
        stats.papers_older += 1
    else:
        removed = conn.execute("DELETE FROM claims WHERE paper_key = ?", (item.key,)).rowcount
        conn.execute("""UPDATE papers SET paper_id = ?, title = ?, url = coalesce(?, url),
                            date = coalesce(?, date), source = coalesce(?, source),
                            abstract_sha = ?, claims_sha = ?, updated = ?
                        WHERE paper_key = ?""",
                     (paper.paper_id, paper.title or "", paper.url, paper.date, paper.source,
                      item.abstract_sha, item.claims_sha, seen, item.key))
        _insert_claims(conn, item)
        stats.papers_replaced += 1
        stats.claims_removed += removed
        stats.claims_added += len(item.rows)
    if paper.source:
        conn.execute("INSERT OR IGNORE INTO paper_sources VALUES (?, ?, ?, ?)",
                     (item.key, paper.source, paper.date, seen))


def _insert_claims(conn: sqlite3.Connection, item: _Prepared) -> None:
    conn.executemany(
        """INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [(item.key, item.abstract_sha, seq, *row) for seq, row in enumerate(item.rows)])
