"""Helpers of the course-file tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def version(path: Path) -> int:
    """The format number a course file says it has (SQLite's ``user_version``)."""
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()
