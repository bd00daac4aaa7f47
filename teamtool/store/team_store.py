"""Team sets in the course file: every set kept, with its criteria and locked teams."""

from __future__ import annotations

import json

from teamtool.errors import CourseFileError
from teamtool.model import TeamSet
from teamtool.store.base import CourseBase, now


class TeamStore(CourseBase):
    """Team-set operations of a course file."""

    def team_sets(self) -> list[TeamSet]:
        """Every team set, oldest first."""
        rows = self.conn.execute("SELECT id FROM team_sets ORDER BY id").fetchall()
        return [self.team_set(r[0]) for r in rows]

    def team_set(self, team_set_id: int) -> TeamSet:
        row = self.known_row(
            "team_sets", "id, name, created, criteria, locked", team_set_id, "team set"
        )
        teams: dict[str, list[str]] = {}
        for team, sid in self.conn.execute(
            "SELECT team, student_id FROM team_members WHERE team_set_id=? "
            "ORDER BY team_position, position",
            (team_set_id,),
        ):
            teams.setdefault(team, []).append(sid)
        return TeamSet(  # teams in natural order, whatever order a solver or a file gave them
            name=row[1],
            teams=teams,
            id=row[0],
            created=row[2],
            criteria=json.loads(row[3]),
            locked=set(json.loads(row[4])),
        ).ordered()

    def add_team_set(self, team_set: TeamSet) -> int:
        """Store a new team set; returns its id (also set on ``team_set``)."""
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO team_sets(name, created, criteria, locked) VALUES (?, ?, ?, ?)",
                (
                    team_set.name,
                    team_set.created or now(),
                    json.dumps(team_set.criteria, ensure_ascii=False),
                    json.dumps(sorted(team_set.locked)),
                ),
            )
            team_set.id = int(cur.lastrowid or 0)
            self._write_members(team_set)
            self.audit(
                "add-team-set", id=team_set.id, name=team_set.name, teams=len(team_set.teams)
            )
        return team_set.id

    def save_team_set(self, team_set: TeamSet) -> TeamSet:
        """Replace a stored team set's teams, name, criteria and locks; returns the previous version."""
        if team_set.id is None:
            raise CourseFileError("this team set has not been stored yet", code="unknown-team-set")
        before = self.team_set(team_set.id)
        with self.transaction() as c:
            c.execute(
                "UPDATE team_sets SET name=?, criteria=?, locked=? WHERE id=?",
                (
                    team_set.name,
                    json.dumps(team_set.criteria, ensure_ascii=False),
                    json.dumps(sorted(team_set.locked)),
                    team_set.id,
                ),
            )
            c.execute("DELETE FROM team_members WHERE team_set_id=?", (team_set.id,))
            self._write_members(team_set)
            self.audit("edit-team-set", id=team_set.id, name=team_set.name)
        return before

    def delete_team_set(self, team_set_id: int) -> TeamSet:
        """Delete a team set; refused while a milestone grades it."""
        before = self.team_set(team_set_id)
        with self.transaction() as c:
            used = [
                str(r[0])
                for r in c.execute(
                    "SELECT name FROM milestones WHERE team_set_id=? ORDER BY position, id",
                    (team_set_id,),
                )
            ]
            if used:
                names = ", ".join(f'"{n}"' for n in used)
                raise CourseFileError(
                    f'team set "{before.name}" cannot be deleted: milestone {names} grades it; '
                    "give that milestone other teams first",
                    code="team-set-in-use",
                )
            c.execute("DELETE FROM team_sets WHERE id=?", (team_set_id,))
            self.audit("delete-team-set", id=team_set_id, name=before.name)
        return before

    def restore_team_set(self, team_set: TeamSet) -> None:
        """Put back a deleted team set with its old id (undo of a delete)."""
        with self.transaction() as c:
            c.execute(
                "INSERT INTO team_sets(id, name, created, criteria, locked) VALUES (?, ?, ?, ?, ?)",
                (
                    team_set.id,
                    team_set.name,
                    team_set.created or now(),
                    json.dumps(team_set.criteria, ensure_ascii=False),
                    json.dumps(sorted(team_set.locked)),
                ),
            )
            self._write_members(team_set)
            self.audit("restore-team-set", id=team_set.id, name=team_set.name)

    def _write_members(self, team_set: TeamSet) -> None:
        self.conn.executemany(
            "INSERT INTO team_members(team_set_id, team, student_id, position, team_position) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (team_set.id, team, sid, position, team_position)
                for team_position, (team, members) in enumerate(team_set.teams.items())
                for position, sid in enumerate(members)
            ],
        )
