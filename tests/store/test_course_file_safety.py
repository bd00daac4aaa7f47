"""The course file: private (0600), checked before it is written, a full disk said plainly,
two processes writing one file."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from teamtool.cli import main
from teamtool.errors import CourseFileError
from teamtool.model import Student
from teamtool.roster import import_roster
from teamtool.store import Course
from teamtool.store.base import CourseBase
from teamtool.store.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def course_path(tmp_path: Path, samples_dir: Path) -> Path:
    path = tmp_path / "c.teamtool"
    with Course.create(path, "Test course") as course:
        course.replace_roster(import_roster(samples_dir / "roster.csv").roster, source="roster")
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_a_new_course_file_and_its_journal_are_0600(course_path: Path) -> None:
    assert mode(course_path) == 0o600
    journal = course_path.with_name(course_path.name + "-journal")
    with Course.open(course_path) as course, course.transaction() as conn:
        conn.execute("UPDATE students SET name = name || ' (edited)'")
        assert mode(journal) == 0o600  # SQLite gives its journal the database's permissions
    assert not journal.exists()


def test_the_roster_command_creates_a_private_course_file(
    samples_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "new.teamtool"
    assert main(["roster", str(samples_dir / "roster.csv"), "--course", str(path)]) == 0
    assert mode(path) == 0o600


def damage(path: Path) -> None:
    """Zero the students table's first page, as a bad disk sector would."""
    conn = sqlite3.connect(path)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'students'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(page - 1) * size : page * size] = bytes(size)
    path.write_bytes(bytes(data))


def test_a_damaged_file_is_refused_and_not_written(course_path: Path) -> None:
    damage(course_path)
    before = state(course_path)
    with pytest.raises(CourseFileError, match="damaged") as info:
        Course.open(course_path)
    assert info.value.code == "damaged"
    assert str(course_path) in str(info.value)
    assert state(course_path) == before
    assert sorted(p.name for p in course_path.parent.iterdir()) == ["c.teamtool"]


def test_a_newer_format_file_is_not_modified_at_all(course_path: Path) -> None:
    """A newer teamtool may keep its file in WAL mode: opening it must not switch it back."""
    conn = sqlite3.connect(course_path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = state(course_path)
    with pytest.raises(CourseFileError, match="newer teamtool"):
        Course.open(course_path)
    assert state(course_path) == before


def test_a_full_disk_is_said_to_be_one_and_nothing_is_half_saved(course_path: Path) -> None:
    with Course.open(course_path) as course:
        pages = course.conn.execute("PRAGMA page_count").fetchone()[0]
        course.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk holds no more
        big = Student("s9999", "Big Raw", raw={"notes": "x" * 200_000})
        with pytest.raises(CourseFileError, match="the disk is full") as info:
            course.add_student(big)
        assert info.value.code == "disk-full"
        assert str(course_path) in str(info.value)
        assert course.roster().get("s9999") is None
        course.set_meta("note", "still usable")  # the connection is not left in a transaction
    with Course.open(course_path) as again:
        assert len(again.roster()) == 48


HOLDER = """
import sys
from teamtool.model import Student
from teamtool.store import Course
with Course.open(sys.argv[1]) as course, course.transaction():
    course.add_student(Student("s8001", "Written by the other process"))
    print("holding", flush=True)
    sys.stdin.readline()  # the test says when to commit
print("committed", flush=True)
"""


def test_two_processes_writing_one_course_file(
    course_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second writer waits (up to BUSY_TIMEOUT), then is told the file is in use; nothing is
    lost, and once the first has committed the second can write."""
    monkeypatch.setattr(CourseBase, "BUSY_TIMEOUT", 0.2)
    other = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(HOLDER), str(course_path)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert other.stdin is not None
    assert other.stdout is not None
    try:
        assert other.stdout.readline() == "holding\n"
        with Course.open(course_path) as course:
            assert len(course.roster()) == 48  # reading while the other writes is fine
            with pytest.raises(CourseFileError, match="open in another teamtool") as info:
                course.add_student(Student("s8002", "Written here"))
            assert info.value.code == "locked"
            other.stdin.write("go\n")
            other.stdin.flush()
            assert other.stdout.readline() == "committed\n"
            course.add_student(Student("s8002", "Written here"))
            ids = {s.id for s in course.roster()}
        assert {"s8001", "s8002"} <= ids
    finally:
        other.stdin.close()
        other.stdout.close()
        assert other.wait(timeout=30) == 0


SPILLED = """
import os, signal, sys
from teamtool.model import Student
from teamtool.store import Course
course = Course.open(sys.argv[1])
course.conn.execute("PRAGMA cache_size = 1")  # changed pages go to the file before COMMIT
course.conn.execute("BEGIN IMMEDIATE")
course.conn.execute("UPDATE students SET raw = '{\\"notes\\": \\"' || hex(randomblob(4000)) || '\\"}'")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_crash_with_changes_already_in_the_file_is_rolled_back_on_open(
    course_path: Path,
) -> None:
    """The killed change had reached the file (a hot journal): opening rolls it back, and the
    read-only check before it does not take the journal for damage."""
    with Course.open(course_path) as course:
        before = course.roster()
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(SPILLED), str(course_path)], cwd=ROOT, check=False
    )
    assert proc.returncode == -9
    assert course_path.with_name(course_path.name + "-journal").stat().st_size > 0
    with Course.open(course_path) as course:
        assert course.roster() == before


def test_odd_file_names_are_checked_too(tmp_path: Path) -> None:
    """Characters that mean something in a URI (#, ?, %, spaces) are escaped."""
    path = tmp_path / "Fall 2026 #2 ?100% ready.teamtool"
    Course.create(path).close()
    with Course.open(path) as course:
        assert course.roster().students == []
