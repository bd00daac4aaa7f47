"""The connection to a course file: transactions that commit at once, and the audit log."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from teamtool.errors import CourseFileError
from teamtool.store import schema
from teamtool.store.file_checks import (
    check_before_writing,
    course_file_error,
    create_private,
    file_problem,
)


def now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    action: str
    detail: dict[str, object]


class CourseBase:
    """Owns the SQLite connection. Every public change runs in one transaction, committed at once."""

    #: Seconds a change waits for another program writing the same file before giving up.
    BUSY_TIMEOUT = 5.0

    def __init__(self, path: str | Path, *, create: bool = False) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise CourseFileError(
                "the course file does not exist", file=str(self.path), code="no-file"
            )
        if create:
            create_private(self.path)
        else:  # refused files (damaged, not ours, newer) are never opened for writing
            check_before_writing(self.path)
        conn = None
        try:
            conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=self.BUSY_TIMEOUT
            )
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA journal_mode = DELETE")
            schema.prepare(conn, self.path.name)
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            raise course_file_error(exc, self.path) from exc
        except CourseFileError:
            if conn is not None:
                conn.close()
            raise
        self._conn = conn
        self._depth = 0

    @property
    def conn(self) -> sqlite3.Connection:
        return self._conn

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic change: committed when the block ends, rolled back if it raises."""
        if self._depth:
            self._depth += 1
            try:
                yield self._conn
            finally:
                self._depth -= 1
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise CourseFileError(
                f"the course file cannot be changed ({exc}); is it open in another teamtool?",
                file=str(self.path),
                code="locked",
            ) from exc
        self._depth = 1
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException as exc:
            if self._conn.in_transaction:  # SQLite may have rolled back itself (a full disk)
                self._conn.execute("ROLLBACK")
            problem = file_problem(exc, self.path) if isinstance(exc, sqlite3.Error) else None
            if problem is not None:
                raise problem from exc
            raise
        finally:
            self._depth = 0

    def audit(self, action: str, **detail: object) -> None:
        """Record a change in the audit log (inside the caller's transaction)."""
        self._conn.execute(
            "INSERT INTO audit(at, action, detail) VALUES (?, ?, ?)",
            (now(), action, json.dumps(detail, ensure_ascii=False, default=str)),
        )

    def known_row(self, table: str, columns: str, row_id: int | str, what: str) -> Any:
        """The ``columns`` of the row of ``table`` whose id is ``row_id``; none is refused as
        ``"no {what} {row_id} in this course"`` (a text id quoted: ``no student with id "s1"``)
        with the code ``unknown-{what}`` (an id the caller holds that the course file does not).
        ``table`` and ``columns`` are our own names, never the user's text."""
        sql = f"SELECT {columns} FROM {table} WHERE id=?"
        row = self._conn.execute(sql, (row_id,)).fetchone()
        if row is None:
            shown = f'with id "{row_id}"' if isinstance(row_id, str) else row_id
            code = "unknown-" + what.replace(" ", "-")
            raise CourseFileError(f"no {what} {shown} in this course", code=code)
        return row

    def audit_log(self, limit: int = 500) -> list[AuditEntry]:
        rows = self._conn.execute(
            "SELECT id, at, action, detail FROM audit ORDER BY id DESC LIMIT ?", (limit,)
        ).fetchall()
        return [AuditEntry(r[0], r[1], r[2], json.loads(r[3])) for r in rows]

    # -- course-level metadata and settings -------------------------------------------------
    def meta(self, key: str, default: str = "") -> str:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))
            self.audit("set-meta", key=key, value=value)

    @property
    def name(self) -> str:
        return self.meta("name", self.path.stem)

    def setting(self, key: str, default: object = None) -> object:
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: object) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)",
                (key, json.dumps(value, ensure_ascii=False)),
            )
            self.audit("set-setting", key=key)
