"""Each team set's mentors in the course file: team name -> mentor (name and email)."""

from __future__ import annotations

from collections.abc import Mapping

from teamtool.errors import CourseFileError
from teamtool.model import MentorRef
from teamtool.store.base import CourseBase


class MentorStore(CourseBase):
    """Mentor operations of a course file (table ``team_mentors``, format 4)."""

    def team_mentors(self, team_set_id: int) -> dict[str, MentorRef]:
        """Team name -> its mentor, for the teams of the set that have one (in team order)."""
        rows = self.conn.execute(
            "SELECT m.team, m.name, m.email FROM team_mentors m "
            "JOIN (SELECT team, min(team_position) AS position FROM team_members "
            "      WHERE team_set_id = ? GROUP BY team) t ON t.team = m.team "
            "WHERE m.team_set_id = ? ORDER BY t.position",
            (team_set_id, team_set_id),
        ).fetchall()
        return {team: MentorRef(name, email) for team, name, email in rows}

    def set_team_mentors(
        self, team_set_id: int, mentors: Mapping[str, MentorRef]
    ) -> dict[str, MentorRef]:
        """Replace the set's mentors with ``mentors``; returns the ones before (for undo)."""
        teams = self._teams(team_set_id)
        unknown = [team for team in mentors if team not in teams]
        if unknown:
            raise CourseFileError(
                f"team set {team_set_id} has no team {', '.join(repr(t) for t in unknown)}",
                code="unknown-team",
            )
        before = self.team_mentors(team_set_id)
        with self.transaction() as c:
            c.execute("DELETE FROM team_mentors WHERE team_set_id = ?", (team_set_id,))
            c.executemany(
                "INSERT INTO team_mentors(team_set_id, team, name, email) VALUES (?, ?, ?, ?)",
                [(team_set_id, team, m.name, m.email) for team, m in mentors.items()],
            )
            self.audit("set-mentors", team_set_id=team_set_id, teams=len(mentors))
        return before

    def set_team_mentor(
        self, team_set_id: int, team: str, mentor: MentorRef | None
    ) -> MentorRef | None:
        """Give one team a mentor (None: none); returns the mentor before (for undo)."""
        mentors = self.team_mentors(team_set_id)
        before = mentors.pop(team, None)
        if mentor is not None:
            mentors[team] = mentor
        self.set_team_mentors(team_set_id, mentors)
        return before

    def _teams(self, team_set_id: int) -> set[str]:
        self.known_row("team_sets", "1", team_set_id, "team set")
        rows = self.conn.execute(
            "SELECT DISTINCT team FROM team_members WHERE team_set_id = ?", (team_set_id,)
        )
        return {r[0] for r in rows}
