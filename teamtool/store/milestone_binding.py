"""Format 3 of the course file: bind each milestone that followed "the newest team set" to one.

Format 2 stored such a milestone with no team set, so forming teams again silently graded it
against the new teams. The migration binds it to the team set that was the newest when the
milestone was last changed (its last audit-log entry: added, edited, grades, survey, settings,
overrides), which is the set its grades were last seen against; when the audit log does not
tell, or that set is gone, to the newest now. One audit entry per milestone says which.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

#: Audit actions whose ``id`` is the milestone's (the others name it as ``milestone``).
_MILESTONE_ACTIONS = {"add-milestone", "edit-milestone", "restore-milestone"}
_ADDED = {"add-team-set", "restore-team-set"}


def bind_unbound_milestones(conn: sqlite3.Connection) -> None:
    """Bind every milestone without a team set (inside the migration's transaction)."""
    unbound = conn.execute(
        "SELECT id, name FROM milestones WHERE team_set_id IS NULL ORDER BY position, id"
    ).fetchall()
    if not unbound:
        return
    names = dict(conn.execute("SELECT id, name FROM team_sets").fetchall())
    seen = _newest_at_last_change(conn, {int(r[0]) for r in unbound})
    newest = max(names) if names else None
    for milestone_id, name in unbound:
        at, then = seen.get(milestone_id, ("", None))
        if then in names:
            chosen = then
            why = f"the newest team set when the milestone was last changed ({at})"
        elif newest is not None:
            chosen = newest
            why = (
                "the newest team set now (the course file does not tell which team set was the "
                "newest when the milestone was last changed)"
            )
        else:
            chosen = None
            why = "none: the course has no teams; choose them with Use other teams once formed"
        if chosen is not None:
            conn.execute("UPDATE milestones SET team_set_id=? WHERE id=?", (chosen, milestone_id))
        detail = {
            "milestone": milestone_id,
            "name": name,
            "team_set": chosen,
            "team_set_name": names.get(chosen),
            "why": why,
        }
        conn.execute(
            "INSERT INTO audit(at, action, detail) VALUES (?, 'bind-team-set', ?)",
            (
                dt.datetime.now().isoformat(timespec="seconds"),
                json.dumps(detail, ensure_ascii=False),
            ),
        )


def _newest_at_last_change(
    conn: sqlite3.Connection, milestones: set[int]
) -> dict[int, tuple[str, int | None]]:
    """Milestone id -> (time of its last audit entry, the newest team set then), by replaying
    the audit log: which team sets existed at each entry."""
    alive: set[int] = set()
    out: dict[int, tuple[str, int | None]] = {}
    for at, action, text in conn.execute("SELECT at, action, detail FROM audit ORDER BY id"):
        try:
            detail = json.loads(text)
        except ValueError:
            continue
        if not isinstance(detail, dict):
            continue
        if action in _ADDED and isinstance(detail.get("id"), int):
            alive.add(detail["id"])
        elif action == "delete-team-set":
            alive.discard(detail.get("id"))
        about = detail.get("id") if action in _MILESTONE_ACTIONS else detail.get("milestone")
        if about in milestones:
            out[about] = (str(at), max(alive) if alive else None)
    return out
