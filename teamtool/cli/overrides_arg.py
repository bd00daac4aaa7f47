"""``teamtool adjust --override`` and ``--overrides FILE``: instructor overrides, all checked."""

from __future__ import annotations

import argparse
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from teamtool.errors import InputError
from teamtool.names import fold
from teamtool.problems import Problems

#: milestone -> student id -> (grade, reason), as ``adjust_milestone`` takes them.
Overrides = dict[str, dict[str, tuple[float, str]]]


OVERRIDE_HELP = (
    'replace one student\'s adjusted grade: "STUDENT=GRADE:reason", e.g. '
    '"s1011=80:missed the survey (illness)"; with several milestones put the milestone first, '
    '"M2 Prototype/s1011=80:reason". GRADE from 0 to the milestone\'s maximum (above it only '
    "with --no-max-cap); the reason is required and is written to every output (repeatable)"
)
FILE_HELP = (
    "overrides from a CSV/XLSX file with the columns student_id, grade, reason and, with "
    "several milestones, milestone"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--override`` (repeatable) and ``--overrides FILE``."""
    parser.add_argument(
        "--override",
        action="append",
        metavar="[MILESTONE/]STUDENT=GRADE:REASON",
        help=OVERRIDE_HELP,
    )
    parser.add_argument("--overrides", metavar="FILE.csv", help=FILE_HELP)


@dataclass
class _Checker:
    """Checks overrides against the adjusted milestones and the students in teams."""

    maxima: Mapping[str, float]  # milestone -> maximum points
    students: Collection[str]
    above_max: bool
    problems: Problems
    teams_file: str

    def __post_init__(self) -> None:
        self.out: Overrides = {}
        self._ids = {fold(s): s for s in self.students}
        self._where: dict[tuple[str, str], str] = {}

    def milestone(self, text: str, add: _Adder) -> str | None:
        name = " ".join(text.split())
        if not name:
            if len(self.maxima) == 1:
                return next(iter(self.maxima))
            add("no-milestone", f"which milestone? {self._known()}", "ms")
            return None
        found = next((m for m in self.maxima if fold(m) == fold(name)), None)
        if found is None:
            add("unknown-milestone", f'no milestone "{name}" is adjusted; {self._known()}', "ms")
        return found

    def _known(self) -> str:
        return "the milestones are " + ", ".join(f'"{m}"' for m in self.maxima)

    def add(
        self, milestone: str | None, student: str, grade: str, reason: str, add: _Adder, at: str
    ) -> None:
        sid = self._ids.get(fold(student))
        ok = True
        if not student.strip():
            ok = add("empty-student", "the student id is empty", "student")
        elif sid is None:
            ok = add(
                "unknown-student",
                f'student "{student.strip()}" is in no team of {self.teams_file}',
                "student",
            )
        from teamtool.number_text import read_number

        reading = read_number(grade)
        value = reading.value
        top = self.maxima.get(milestone or "")
        if value is None:
            ok = add("bad-grade", f"the grade {reading.error}", "grade")
        elif value < 0:
            ok = add("grade-out-of-range", f"the grade {value:g} is below 0", "grade")
        elif top is not None and value > top and not self.above_max:
            ok = add(
                "grade-out-of-range",
                f"the grade {value:g} is above {top:g}, the maximum of {milestone} "
                "(allowed only with --no-max-cap)",
                "grade",
            )
        if not reason.strip():
            ok = add(
                "no-reason", "an override needs a reason (it is kept in the outputs)", "reason"
            )
        if not ok or milestone is None or sid is None or value is None:
            return
        if (milestone, sid) in self._where:
            first = self._where[(milestone, sid)]
            add("duplicate-override", f"{sid} has an override for {milestone} already ({first})")
            return
        self._where[(milestone, sid)] = at
        self.out.setdefault(milestone, {})[sid] = (value, reason.strip())


class _Adder:
    """Adds a problem at one place (an argument, or a file row); returns False for chaining."""

    def __init__(
        self,
        problems: Problems,
        *,
        label: str = "",
        file: str = "",
        row: int | None = None,
        columns: Mapping[str, str] | None = None,
    ) -> None:
        self.problems, self.label, self.file, self.row = problems, label, file, row
        self.columns = columns or {}

    def __call__(self, code: str, message: str, part: str = "") -> bool:
        text = f"{self.label}: {message}" if self.label else message
        column = self.columns.get(part) if self.file else None
        self.problems.add(code, text, file=self.file or None, row=self.row, column=column)
        return False


def _from_argument(item: str, checker: _Checker) -> None:
    add = _Adder(checker.problems, label=f'--override "{item}"')
    milestone_text, rest = "", item
    for name in sorted(checker.maxima, key=len, reverse=True):
        parts = item.split("/", name.count("/") + 1)  # the name's own slashes, then one more
        if len(parts) == name.count("/") + 2 and fold("/".join(parts[:-1])) == fold(name):
            milestone_text, rest = name, parts[-1]
            break
    else:
        head = item.partition("=")[0]
        if "/" in head:  # a milestone that is not adjusted: reported as unknown
            milestone_text, _, student = head.rpartition("/")
            rest = student + item[len(head) :]
    who, eq, value = rest.partition("=")
    grade, colon, reason = value.partition(":")
    if not eq:
        add("usage", 'write it as "STUDENT=GRADE:reason"')
        return
    milestone = checker.milestone(milestone_text, add)
    checker.add(milestone, who, grade, reason if colon else "", add, f'--override "{item}"')


def _from_file(path: str, checker: _Checker) -> None:
    from teamtool.files import headers
    from teamtool.files.headers import Header
    from teamtool.files.tables import read_grid

    grid = read_grid(path, raise_errors=False)
    checker.problems.extend(grid.problems)
    header = Header(grid.rows[0] if grid.rows else [])
    cols = {
        "student": header.find(headers.OVERRIDE_STUDENT),
        "grade": header.find(headers.OVERRIDE_GRADE),
        "reason": header.find(headers.OVERRIDE_REASON),
        "ms": header.find(headers.OVERRIDE_MILESTONE),
    }
    missing = [k for k in ("student", "grade", "reason") if cols[k] is None]
    if missing:
        raise InputError(
            "an overrides file needs the columns student_id, grade and reason"
            + (" (and milestone, with several milestones)" if len(checker.maxima) > 1 else "")
            + "; found: "
            + ", ".join(grid.rows[0] if grid.rows else []),
            file=grid.file,
            row=1,
            code="missing-column",
        )
    names = {k: grid.rows[0][i] for k, i in cols.items() if i is not None}
    for row, cells in grid.iter_rows(1):
        if not any(c.strip() for c in cells):
            continue
        cell = {k: cells[i] if i is not None and i < len(cells) else "" for k, i in cols.items()}
        add = _Adder(checker.problems, file=grid.file, row=row, columns=names)
        milestone = checker.milestone(cell["ms"], add)
        checker.add(milestone, cell["student"], cell["grade"], cell["reason"], add, f"row {row}")


def collect_overrides(
    items: Sequence[str] | None,
    file: str | None,
    maxima: Mapping[str, float],
    students: Collection[str],
    *,
    above_max: bool = False,
    teams_file: str = "the teams file",
) -> Overrides:
    """Read ``--override`` values and the ``--overrides`` file; every problem is raised at once.

    ``maxima`` maps each adjusted milestone to its maximum points; ``students`` are the ids of
    the students in teams. ``above_max`` lets a grade exceed the maximum (``--no-max-cap``).
    """
    problems = Problems()
    checker = _Checker(maxima, students, above_max, problems, Path(teams_file).name)
    for item in items or ():
        _from_argument(item, checker)
    if file:
        _from_file(file, checker)
    problems.raise_if_errors(InputError)
    return checker.out
