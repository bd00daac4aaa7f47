"""The use case for the window and the demo, previous mentors from a team list, the team
exports' mentor columns, and the sentences of an infeasible request."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from teamtool.export.team_lists import export_team_set
from teamtool.mentors import Mentor, MentorError, assign_mentors, read_mentors
from teamtool.mentors.course import assign_for_course
from teamtool.mentors.output import write_assignment
from teamtool.mentors.previous import read_previous
from teamtool.model import MentorRef, Roster, TeamSet
from teamtool.store import Course

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
V3 = Path(__file__).resolve().parents[1] / "store" / "data" / "v3_two_team_sets.teamtool"


def test_assign_for_course_stores_the_mentors_of_the_newest_set(tmp_path: Path) -> None:
    path = Path(shutil.copy(V3, tmp_path / "c.teamtool"))
    path.chmod(0o600)
    with Course.open(path) as course:
        mentors = read_mentors(SAMPLES / "mentors.csv", course.roster())
        result = assign_for_course(course, mentors, same_section=True)
        newest = course.team_sets()[-1]
        assert course.team_mentors(newest.id or 0) == result.refs()
        assert sorted(result.loads.values()) == [1, 1, 2, 2, 2, 2, 2]


def test_an_infeasible_request_stores_nothing(tmp_path: Path, roster: Roster) -> None:
    path = Path(shutil.copy(V3, tmp_path / "c.teamtool"))
    path.chmod(0o600)
    lone = [Mentor("Ana Lee", "ana@example.edu", capacity=11)]
    with Course.open(path) as course, pytest.raises(MentorError) as caught:
        assign_for_course(course, lone)
    assert (
        "12 teams (Team 1, Team 2, Team 3, Team 4, Team 5, Team 6 and 6 more) need a mentor "
        "each, but the only mentors they may have, Ana Lee, can take 11 teams together (capacity)"
    ) in str(caught.value)
    with Course.open(path) as course:
        assert course.team_mentors(course.team_sets()[-1].id or 0) == {}


def test_section_rule_in_words(teams: TeamSet, roster: Roster) -> None:
    mentors = [
        Mentor("Ana Lee", "ana@example.edu", sections=frozenset({"L01"})),
        Mentor("Ben Ode", "ben@example.edu", sections=frozenset({"L01"})),
    ]
    with pytest.raises(MentorError) as caught:
        assign_mentors(teams, mentors, roster, same_section=True)
    message = str(caught.value)
    assert "no mentor may take team Team 7." in message
    assert "Ana Lee is of another section than Team 7 (same section asked)." in message
    assert "let mentors take teams of other sections" in message
    assert sorted(assign_mentors(teams, mentors, roster).loads.values()) == [6, 6]


def test_team_list_carries_mentors_and_is_read_back_as_previous(
    tmp_path: Path, teams: TeamSet, roster: Roster
) -> None:
    mentors = {"Team 1": MentorRef("=Ana Lee", "ana@example.edu"), "Team 2": MentorRef("Ben")}
    path = export_team_set(teams, roster, tmp_path / "teams.csv", mentors)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        written = list(csv.DictReader(fh))
    assert list(written[0])[:7] == [
        "student_id",
        "team",
        "name",
        "email",
        "section",
        "mentor",
        "mentor_email",
    ]
    by_team = {r["team"]: (r["mentor"], r["mentor_email"]) for r in written}
    assert by_team["Team 1"] == ("'=Ana Lee", "ana@example.edu")  # formula-safe
    assert by_team["Team 2"] == ("Ben", "")
    assert by_team["Team 3"] == ("", "")
    previous = read_previous(path, roster)
    assert previous["s1005"] == "'=Ana Lee"
    assert previous["s1002"] == "Ben"
    assert len(previous) == 8  # Teams 1 and 2 hold 4 students each
    book = export_team_set(teams, roster, tmp_path / "teams.xlsx", mentors)
    sheet = load_workbook(book).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert header[5:7] == ["mentor", "mentor_email"]
    cell = sheet.cell(row=2, column=6)
    assert (cell.value, cell.data_type) == ("=Ana Lee", "s")  # text, never a formula
    plain = export_team_set(teams, roster, tmp_path / "plain.csv")
    assert "mentor" not in plain.read_text(encoding="utf-8-sig").splitlines()[0]


def test_previous_mentors_kept_for_the_most_students(teams: TeamSet, roster: Roster) -> None:
    """Everyone had Ben before. Even loads come first: 12 teams for 8 mentors is 1 or 2 each,
    so Ben (capacity 3) keeps 2 teams, 8 students; with capacity 1 he keeps 1 team."""
    mentors = [Mentor(f"TA {i}", f"ta{i}@example.edu") for i in range(7)]
    previous = dict.fromkeys(teams.students(), "BEN@example.edu")  # matched by email
    for capacity, kept in ((3, 8), (1, 4)):
        ben = Mentor("Ben Ode", "ben@example.edu", capacity=capacity)
        result = assign_mentors(teams, [*mentors, ben], roster, previous=previous)
        assert result.loads["Ben Ode"] == kept // 4
        assert [lv.name for lv in result.levels] == ["load-range", "load-spread", "previous"]
        assert result.levels[-1].value == kept
    assert all("mentored 4 of 4 members before" in t.why for t in result.teams if t.kept)


def test_assignment_csv_is_formula_safe(tmp_path: Path, teams: TeamSet, roster: Roster) -> None:
    mentors = [Mentor("@admin", "a@example.edu"), Mentor("+Ben", "b@example.edu")]
    result = assign_mentors(teams, mentors, roster)
    text = write_assignment(result, tmp_path / "m.csv").read_text(encoding="utf-8-sig")
    assert "'@admin" in text
    assert "'+Ben" in text
    assert "\n@" not in text
    assert ",+" not in text


def test_avoid_without_a_roster_matches_members_ignoring_case() -> None:
    teams = TeamSet("t", {"A": ["s1", "s2"], "B": ["s3", "s4"]})
    mentors = [
        Mentor("Ana Lee", "ana@example.edu", avoid=("S1",)),
        Mentor("Ben Ode", "ben@example.edu"),
    ]
    pulled = {"s1": "Ana Lee", "s2": "Ana Lee"}  # continuity alone would give Ana team A
    result = assign_mentors(teams, mentors, previous=pulled)
    assert {t.team: t.mentor.name for t in result.teams} == {"A": "Ben Ode", "B": "Ana Lee"}


def test_the_windows_team_export_passes_the_mentors_on(
    tmp_path: Path, teams: TeamSet, roster: Roster
) -> None:
    from ui.teams.export_actions import export

    mentors = {"Team 4": MentorRef("Marta Duarte", "marta.duarte@example.edu")}
    written = export("csv", teams, roster, tmp_path / "teams", mentors)
    with written.open(encoding="utf-8-sig", newline="") as fh:
        team4 = [r for r in csv.DictReader(fh) if r["team"] == "Team 4"]
    assert [r["mentor_email"] for r in team4] == ["marta.duarte@example.edu"] * 4


def test_sections_compare_ignoring_case_and_an_unknown_section_is_warned(
    teams: TeamSet, roster: Roster
) -> None:
    mentors = [
        Mentor("Ana Lee", "ana@example.edu", sections=frozenset({"l01"})),
        Mentor("Ben Ode", "ben@example.edu", sections=frozenset({"L02 "})),
        Mentor("Cy Ray", "cy@example.edu", sections=frozenset({"L1"})),
    ]
    result = assign_mentors(teams, mentors, roster, same_section=True)
    assert result.loads == {"Ana Lee": 6, "Ben Ode": 6, "Cy Ray": 0}
    warning = (
        "Cy Ray's section L1 is no team's section (the teams' are L01, L02): with "
        "--same-section they mentor no team"
    )
    assert result.warnings == [warning]
