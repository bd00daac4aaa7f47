"""A team set and roster as the solver's plain data: members, sections, common free slots."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from solver.mentors import MentorData, TeamData
from teamtool.mentors.mentor import Mentor
from teamtool.model import AttributeKind, Roster, TeamSet
from teamtool.names import email_key, fold


def availability_column(roster: Roster | None) -> str | None:
    """The roster's availability column (the first, if it has several), or None."""
    if roster is None:
        return None
    columns = roster.attributes_of_kind(AttributeKind.AVAILABILITY)
    return columns[0].name if columns else None


def common_slots(members: Sequence[str], roster: Roster | None) -> frozenset[str]:
    """The free slots every member with a stated availability shares (none stated: none)."""
    column = availability_column(roster)
    if roster is None or column is None:
        return frozenset()
    people = roster.by_id()
    shared: frozenset[str] | None = None
    for sid in members:
        student = people.get(sid)
        value = student.get(column) if student is not None else None
        if isinstance(value, frozenset) and value:
            shared = value if shared is None else shared & value
    return shared or frozenset()


def team_data(team_set: TeamSet, roster: Roster | None) -> tuple[TeamData, ...]:
    """The teams as plain data; sections folded (case, accents, spaces) for comparison."""
    people = roster.by_id() if roster is not None else {}
    out = []
    for name, members in team_set.teams.items():
        sections = {fold(people[s].section) for s in members if s in people and people[s].section}
        out.append(
            TeamData(name, tuple(members), frozenset(sections), common_slots(members, roster))
        )
    return tuple(out)


def mentor_data(mentors: Sequence[Mentor], team_set: TeamSet) -> tuple[MentorData, ...]:
    """The mentors as plain data (sections folded like the teams'); an avoided id is matched
    to a team member ignoring case (without a roster nothing else checked it)."""
    members = {sid.casefold(): sid for sid in team_set.students()}
    return tuple(
        MentorData(
            m.name,
            m.capacity,
            frozenset(fold(section) for section in m.sections),
            m.slots,
            frozenset(members.get(a.casefold(), a) for a in m.avoid),
        )
        for m in mentors
    )


def previous_by_name(previous: Mapping[str, str], mentors: Sequence[Mentor]) -> dict[str, str]:
    """Student id -> previous mentor, matched to the list by name or email; mentors no longer
    on the list are left out (no one can keep them)."""
    by_key = {fold(m.name): m.name for m in mentors}
    by_key.update({email_key(m.email): m.name for m in mentors})
    out = {}
    for sid, who in previous.items():
        name = by_key.get(fold(who)) or by_key.get(email_key(who))
        if name is not None:
            out[sid] = name
    return out


def unused_sections(mentors: Sequence[Mentor], team_set: TeamSet, roster: Roster) -> list[str]:
    """Sentences for mentors whose sections no team has (a typo such as "L1" for "L01")."""
    people = roster.by_id()
    shown = sorted(
        {people[s].section for s in team_set.students() if s in people and people[s].section}
    )
    known = {fold(section) for section in shown}
    return [
        f"{m.name}'s section {', '.join(sorted(m.sections))} is no team's section (the "
        f"teams' are {', '.join(shown)}): with --same-section they mentor no team"
        for m in mentors
        if m.sections and known and not {fold(s) for s in m.sections} & known
    ]
