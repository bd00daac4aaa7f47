"""The course file's SQLite schema, its version and the migrations between versions."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from teamtool.errors import CourseFileError
from teamtool.store.milestone_binding import bind_unbound_milestones

#: PRAGMA application_id of a teamtool course file ("TmTl").
APPLICATION_ID = 0x546D546C
SCHEMA_VERSION = 5

_V1 = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE attributes(
    name TEXT PRIMARY KEY, kind TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE students(
    id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '',
    section TEXT NOT NULL DEFAULT '', lms_id TEXT NOT NULL DEFAULT '',
    login_id TEXT NOT NULL DEFAULT '', raw TEXT NOT NULL DEFAULT '{}',
    attributes TEXT NOT NULL DEFAULT '{}', dropped INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL);
CREATE TABLE team_sets(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, created TEXT NOT NULL,
    criteria TEXT NOT NULL DEFAULT '{}', locked TEXT NOT NULL DEFAULT '[]');
CREATE TABLE team_members(
    team_set_id INTEGER NOT NULL REFERENCES team_sets(id) ON DELETE CASCADE,
    team TEXT NOT NULL, student_id TEXT NOT NULL, position INTEGER NOT NULL,
    team_position INTEGER NOT NULL,
    PRIMARY KEY(team_set_id, student_id));
CREATE TABLE milestones(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, max_points REAL NOT NULL,
    team_set_id INTEGER REFERENCES team_sets(id) ON DELETE SET NULL,
    position INTEGER NOT NULL, settings TEXT NOT NULL DEFAULT '{}');
CREATE TABLE team_grades(
    milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,
    team TEXT NOT NULL, grade REAL NOT NULL, PRIMARY KEY(milestone_id, team));
CREATE TABLE surveys(
    id INTEGER PRIMARY KEY,
    milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,
    file TEXT NOT NULL, layout TEXT NOT NULL, scale TEXT NOT NULL, imported TEXT NOT NULL,
    header TEXT NOT NULL, rows TEXT NOT NULL, report TEXT NOT NULL DEFAULT '[]');
CREATE TABLE ratings(
    milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,
    rater TEXT NOT NULL, ratee TEXT NOT NULL, value REAL NOT NULL,
    label TEXT NOT NULL DEFAULT '', comment TEXT NOT NULL DEFAULT '',
    survey_id INTEGER REFERENCES surveys(id) ON DELETE SET NULL,
    PRIMARY KEY(milestone_id, rater, ratee));
CREATE TABLE overrides(
    milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,
    student_id TEXT NOT NULL, grade REAL NOT NULL, reason TEXT NOT NULL CHECK(reason <> ''),
    created TEXT NOT NULL, PRIMARY KEY(milestone_id, student_id));
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE audit(
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL);
"""

#: Version 2: a rater's general comment about their team gets its own column. Before, the
#: Google Forms, Microsoft Forms and Qualtrics imports kept it in ``comment`` of the rater's
#: self-rating (those layouts had no other comment), so it moves; the members layout joined it
#: to the member comments, which cannot be told apart, so those stay as they are.
_V2 = """
ALTER TABLE ratings ADD COLUMN general_comment TEXT NOT NULL DEFAULT '';
UPDATE ratings SET general_comment = comment, comment = ''
    WHERE comment <> '' AND survey_id IN (
        SELECT id FROM surveys WHERE layout IN ('google', 'msforms', 'qualtrics'));
"""


def _v3(conn: sqlite3.Connection) -> None:
    """Version 3: a milestone grades one concrete team set. Milestones that followed "the
    newest team set" (no team set stored) are bound to one (see ``milestone_binding``), and a
    team set that a milestone grades can no longer be deleted (before, ON DELETE SET NULL
    unbound the milestone silently)."""
    conn.execute(
        "CREATE TRIGGER team_set_graded BEFORE DELETE ON team_sets "
        "WHEN EXISTS (SELECT 1 FROM milestones WHERE team_set_id = OLD.id) "
        "BEGIN SELECT RAISE(ABORT, 'a milestone grades this team set'); END"
    )
    bind_unbound_milestones(conn)


#: Version 4: each team set's mentors (one per team, by team name; ``store/mentor_store.py``).
_V4 = """
CREATE TABLE team_mentors(
    team_set_id INTEGER NOT NULL REFERENCES team_sets(id) ON DELETE CASCADE,
    team TEXT NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL DEFAULT '',
    PRIMARY KEY(team_set_id, team));
"""

#: Version 5: each team's token ledger, one row per milestone and team that spent or asked for
#: tokens (late days, resubmissions, and the grade before a resubmission). The course's token
#: setting is a row of ``settings`` (key "tokens"), which needs no schema change.
_V5_TOKENS = """
CREATE TABLE IF NOT EXISTS token_uses(
    milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,
    team TEXT NOT NULL,
    days_late INTEGER NOT NULL DEFAULT 0 CHECK(days_late >= 0),
    resubmissions INTEGER NOT NULL DEFAULT 0 CHECK(resubmissions >= 0),
    original_grade REAL CHECK(original_grade IS NULL OR original_grade >= 0),
    PRIMARY KEY(milestone_id, team));
"""

#: MIGRATIONS[v] upgrades a file of schema version v to v + 1 (index 0 creates a new file):
#: SQL statements, or a function run inside the migration's transaction.
MIGRATIONS: list[str | Callable[[sqlite3.Connection], None]] = [
    _V1,
    _V2,
    _v3,
    _V4,
    _V5_TOKENS,
]


def prepare(conn: sqlite3.Connection, file: str) -> None:
    """Create or migrate the schema; refuse files that are not ours or come from a newer teamtool."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    if app_id != APPLICATION_ID and (tables or version):
        raise CourseFileError("this is not a teamtool course file", file=file, code="not-a-course")
    if version > SCHEMA_VERSION:
        raise CourseFileError(
            f"this course file was saved by a newer teamtool (format {version}; this teamtool "
            f"reads up to format {SCHEMA_VERSION}); update teamtool to open it",
            file=file,
            code="newer-version",
        )
    if version == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in range(version, SCHEMA_VERSION):
            migration = MIGRATIONS[step]
            if callable(migration):
                migration(conn)
                continue
            for statement in _statements(migration):
                conn.execute(statement)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
