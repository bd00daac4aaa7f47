"""Team tokens in the course file: the course's token setting and each team's ledger entries.

An entry is one team's late days, resubmissions and grade before the resubmission on one
milestone; a team's ledger is its entries in milestone order (the ledger's rules are in
:mod:`teamtool.tokens.ledger`). A team with no entry on a milestone asked for nothing there.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from teamtool.errors import CourseFileError, InputError
from teamtool.store.base import CourseBase
from teamtool.tokens.settings import TokenSettings

SETTING_KEY = "tokens"


@dataclass(frozen=True)
class TokenEntry:
    """What one team asked for on one milestone, as the instructor keeps it."""

    days_late: int = 0
    resubmissions: int = 0
    original_grade: float | None = None  # the grade before the resubmission

    @property
    def empty(self) -> bool:
        return not self.days_late and not self.resubmissions and self.original_grade is None


class TokenStore(CourseBase):
    """The token setting and ledger entries of the course."""

    def token_settings(self) -> TokenSettings:
        """The course's token setting (the course defaults until one is stored)."""
        stored = self.setting(SETTING_KEY)
        if not isinstance(stored, dict):
            return TokenSettings()
        known = {f.name for f in dataclasses.fields(TokenSettings)}
        try:
            return TokenSettings(**{k: v for k, v in stored.items() if k in known})
        except InputError:  # a damaged setting is shown as the defaults, never a crash
            return TokenSettings()

    def set_token_settings(self, settings: TokenSettings) -> TokenSettings:
        """Store the setting (audited); returns the previous one, for undo."""
        before = self.token_settings()
        self.set_setting(SETTING_KEY, dataclasses.asdict(settings))
        return before

    def token_entries(self) -> dict[int, dict[str, TokenEntry]]:
        """Milestone id -> team -> its entry, milestones in course order."""
        rows = self.conn.execute(
            "SELECT t.milestone_id, t.team, t.days_late, t.resubmissions, t.original_grade "
            "FROM token_uses t JOIN milestones m ON m.id = t.milestone_id "
            "ORDER BY m.position, m.id, t.team"
        ).fetchall()
        out: dict[int, dict[str, TokenEntry]] = {}
        for milestone_id, team, days, resubs, original in rows:
            grade = None if original is None else float(original)
            out.setdefault(int(milestone_id), {})[str(team)] = TokenEntry(
                int(days), int(resubs), grade
            )
        return out

    def set_token_entry(self, milestone_id: int, team: str, entry: TokenEntry) -> TokenEntry:
        """Set one team's entry on one milestone (an empty entry removes it); returns the
        previous entry (empty when there was none), for undo."""
        if entry.days_late < 0 or entry.resubmissions < 0:
            raise CourseFileError(
                "late days and resubmissions are whole numbers of 0 or more", code="bad-tokens"
            )
        if entry.original_grade is not None and entry.original_grade < 0:
            raise CourseFileError("the original grade must be 0 or more", code="bad-tokens")
        with self.transaction() as c:
            self.known_row("milestones", "1", milestone_id, "milestone")
            row = c.execute(
                "SELECT days_late, resubmissions, original_grade FROM token_uses "
                "WHERE milestone_id=? AND team=?",
                (milestone_id, team),
            ).fetchone()
            before = TokenEntry(int(row[0]), int(row[1]), row[2]) if row else TokenEntry()
            c.execute(
                "DELETE FROM token_uses WHERE milestone_id=? AND team=?", (milestone_id, team)
            )
            if not entry.empty:
                c.execute(
                    "INSERT INTO token_uses VALUES (?, ?, ?, ?, ?)",
                    (milestone_id, team, entry.days_late, entry.resubmissions,
                     entry.original_grade),
                )  # fmt: skip
            self.audit(
                "set-tokens",
                milestone=milestone_id,
                team=team,
                entry=dataclasses.asdict(entry),
                before=dataclasses.asdict(before),
            )
        return before
