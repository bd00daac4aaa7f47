"""The token ledger of a course file: its entries over its milestones, in course order."""

from __future__ import annotations

from teamtool.files.gradesfile import TeamGrades
from teamtool.store import Course, TokenEntry
from teamtool.tokens.apply import TokenOutcome, apply_tokens
from teamtool.tokens.ledger import LedgerRow, TokenUse, team_ledger


def course_tokens(course: Course) -> TokenOutcome | None:
    """The ledger of every team with an entry and the grades it leaves; None without entries
    (a course that does not use tokens adjusts its grades as they are)."""
    entries = course.token_entries()
    if not entries:
        return None
    grades = TeamGrades()
    grades.has_token_columns = True
    for milestone in course.milestones():
        if milestone.id is None:
            continue
        grades[milestone.name] = dict(milestone.grades)
        grades.max_points[milestone.name] = milestone.max_points
        for team, entry in entries.get(milestone.id, {}).items():
            use = TokenUse(milestone.name, entry.days_late, entry.resubmissions)
            grades.token_uses.setdefault(milestone.name, {})[team] = use
            if entry.original_grade is not None:
                grades.original_grades.setdefault(milestone.name, {})[team] = entry.original_grade
    return apply_tokens(grades, course.token_settings())


def team_ledger_rows(course: Course, team: str) -> list[tuple[int, LedgerRow, TokenEntry]]:
    """One team's ledger over every milestone of the course (milestone id, row, entry), as the
    window's ledger table shows it: a milestone without an entry spends nothing."""
    entries = course.token_entries()
    ids = [(m.id, m.name) for m in course.milestones() if m.id is not None]
    kept = [entries.get(mid, {}).get(team, TokenEntry()) for mid, _ in ids]
    uses = [
        TokenUse(name, e.days_late, e.resubmissions) for (_, name), e in zip(ids, kept, strict=True)
    ]
    rows = team_ledger(team, uses, course.token_settings())
    return [(mid, row, e) for (mid, _), row, e in zip(ids, rows, kept, strict=True)]


def store_token_columns(course: Course, grades: TeamGrades) -> int:
    """Keep the token columns of a grades file (read by ``load_team_grades``) as the course's
    ledger entries, milestones matched by name; returns the number of entries stored. The
    demo and the sample course call this after adding the milestones of the file."""
    ids = {m.name: m.id for m in course.milestones() if m.id is not None}
    stored = 0
    for name, uses in grades.token_uses.items():
        if name not in ids:
            continue
        for team, use in uses.items():
            original = grades.original_grades.get(name, {}).get(team)
            entry = TokenEntry(use.days_late, use.resubmissions, original)
            if not entry.empty:
                course.set_token_entry(ids[name], team, entry)
                stored += 1
    return stored
