"""Course-file safety: created private (0600), checked read-only before it is opened for
writing, SQLite's errors said as the user needs them (a full disk, a damaged file).

SQLite creates its ``-journal`` (and ``-wal``/``-shm``) files with the permissions of the
database file, so a course file created 0600 keeps its journal 0600 too.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from teamtool.errors import CourseFileError
from teamtool.store import schema

#: SQLite primary result codes (https://sqlite.org/rescode.html).
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_NOTADB = 11, 13, 26
SQLITE_READONLY, SQLITE_READONLY_ROLLBACK = 8, 776


def create_private(path: Path) -> None:
    """Create the empty course file, readable and writable by its owner only."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise CourseFileError(
            "a file with this name exists already; choose another name",
            file=str(path),
            code="exists",
        ) from None
    except OSError as exc:
        raise CourseFileError(
            f"the course file cannot be created ({exc.strerror or exc})",
            file=str(path),
            code="cannot-create",
        ) from exc
    os.close(fd)


def check_before_writing(path: Path) -> None:
    """Open ``path`` read-only and refuse it, unchanged, if it is not a teamtool course file,
    comes from a newer teamtool or fails ``PRAGMA quick_check``.

    A file left by a crash in the middle of a change (a hot journal) cannot be read read-only:
    SQLite's recovery rolls the change back first, as any program opening it would, and the
    file is checked after that.
    """
    try:
        try:
            _check_read_only(path)
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode != SQLITE_READONLY_ROLLBACK:
                raise
            _recover(path)
            _check_read_only(path)
    except sqlite3.DatabaseError as exc:
        raise course_file_error(exc, path) from exc


def _check_read_only(path: Path) -> None:
    """``schema.prepare`` on the read-only connection raises for foreign and newer files
    before it writes anything; an older file stops at its first write (the migration), which
    the write-mode open that follows does."""
    conn = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
    try:
        try:
            schema.prepare(conn, path.name)
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode != SQLITE_READONLY:
                raise
        rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
        if rows != ["ok"]:
            raise CourseFileError(damaged_text("; ".join(rows)), file=str(path), code="damaged")
    finally:
        conn.close()


def read_only_uri(path: Path) -> str:
    """SQLite's read-only URI of ``path``: ``file:///C:/x``, ``file:////server/share/x`` (a
    Windows network path: SQLite wants an empty authority), ``file:///home/x%23y``."""
    posix = path.resolve().as_posix()
    return "file://" + ("" if posix.startswith("/") else "/") + quote(posix, safe="/:") + "?mode=ro"


def _recover(path: Path) -> None:
    """Let SQLite roll back the change a crash left half done (it does so on the first read)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def damaged_text(detail: str) -> str:
    return (
        f"the course file is damaged ({detail}); teamtool will not change it. Open a backup "
        "copy, or keep this file for a repair"
    )


def course_file_error(exc: sqlite3.DatabaseError, path: Path) -> CourseFileError:
    """The error the user sees for SQLite's ``exc`` on the course file ``path``."""
    found = file_problem(exc, path)
    if found is not None:
        return found
    return CourseFileError(
        f"this is not a teamtool course file, or it is damaged ({exc})",
        file=str(path),
        code="not-a-course",
    )


def file_problem(exc: sqlite3.Error, path: Path) -> CourseFileError | None:
    """A full disk, a damaged file or a file that is not a database; None for other errors."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code == SQLITE_FULL:
        return CourseFileError(
            f"the disk is full: {path} was not changed; free some space and try again",
            code="disk-full",
        )
    if code == SQLITE_CORRUPT:
        return CourseFileError(damaged_text(str(exc)), file=str(path), code="damaged")
    if code == SQLITE_NOTADB:
        return CourseFileError(
            "this is not a teamtool course file", file=str(path), code="not-a-course"
        )
    return None
