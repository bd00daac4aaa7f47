"""Which team set a milestone grades: bound when it is added, changed only on purpose."""

from __future__ import annotations

from teamtool.errors import CourseFileError
from teamtool.store.base import CourseBase


class MilestoneTeamSets(CourseBase):
    """The team set of each milestone: a concrete one, never "the newest"."""

    def set_milestone_team_set(self, milestone_id: int, team_set_id: int | None) -> int | None:
        """Grade the milestone against another team set (audited); returns the previous one.

        ``None`` unbinds it: only the undo of binding a milestone that had none (a course file
        of an older teamtool that held no teams) needs that.
        """
        with self.transaction() as c:
            row = self.known_row("milestones", "name, team_set_id", milestone_id, "milestone")
            name, before = str(row[0]), row[1]
            c.execute("UPDATE milestones SET team_set_id=? WHERE id=?", (team_set_id, milestone_id))
            self.audit(
                "use-team-set",
                milestone=milestone_id,
                name=name,
                team_set=team_set_id,
                team_set_name=self.team_set_name(team_set_id),
                before=before,
                before_name=self.team_set_name(before),
            )
        return None if before is None else int(before)

    def newest_team_set_id(self) -> int:
        """The id of the newest team set; refused (``no-teams``) while there is none."""
        row = self.conn.execute("SELECT max(id) FROM team_sets").fetchone()
        if row[0] is None:
            raise CourseFileError(
                "a milestone grades the students' teams: form or import teams first",
                code="no-teams",
            )
        return int(row[0])

    def team_set_name(self, team_set_id: int | None) -> str | None:
        """The name of a stored team set (None for None); an unknown id is refused."""
        if team_set_id is None:
            return None
        row = self.known_row("team_sets", "name", team_set_id, "team set")
        return str(row[0])
