"""A survey imported against teams it was not made for says so first, with the counts.

samples/surveys/m1_long.csv holds 188 ratings of the 12 sample teams (samples/teams.csv). In
"Other teams" each team's second member moved to the next team, so 71 of the 188 ratings are
between students who are no longer teammates: each moved student's 3 ratings of their old
teammates and the 3 they received from them, 12 × 6 = 72, less the rating the non-respondent
Ivan Petrov did not give.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from teamtool.cli import main
from teamtool.files.teamfile import load_team_set
from teamtool.model import Roster, TeamSet
from teamtool.ratings import import_survey
from teamtool.ratings.team_check import WRONG_TEAMS_SHARE
from teamtool.roster import import_roster

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SURVEY = SAMPLES / "surveys" / "m1_long.csv"


def sample_roster() -> Roster:
    return import_roster(SAMPLES / "roster.csv").roster


def moved(teams: TeamSet, members: int) -> TeamSet:
    """The first ``members`` teams each send their second member to the next team."""
    names = list(teams.teams)
    out: dict[str, list[str]] = {t: [] for t in names}
    for i, team in enumerate(names):
        for j, sid in enumerate(teams.teams[team]):
            out[names[(i + 1) % len(names)] if j == 1 and i < members else team].append(sid)
    return TeamSet("Other teams", out)


def write_teams(team_set: TeamSet, path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student_id", "team"])
        writer.writerows([sid, team] for team, ids in team_set.teams.items() for sid in ids)
    return path


def test_a_survey_against_other_teams_says_so_first() -> None:
    roster = sample_roster()
    teams = load_team_set(SAMPLES / "teams.csv", roster)
    result = import_survey(SURVEY, roster, moved(teams, 12))
    first = next(iter(result.problems))
    assert (first.code, first.severity) == ("wrong-teams", "warning")
    assert first.message == (
        "71 of 188 ratings (38 %) are between students in different teams of “Other teams” "
        "and are left out: is this the right team set? The survey may have been made for "
        "other teams."
    )
    assert result.problems.codes().count("out-of-team") == 71
    assert len(result.ratings) == 188 - 71


@pytest.mark.parametrize("moved_members", [0, 1, 3])
def test_a_few_ratings_outside_the_teams_are_no_alarm(moved_members: int) -> None:
    """One student who changed team gives 6 of 188 ratings outside (3 %); three give 18 (10 %)."""
    roster = sample_roster()
    teams = load_team_set(SAMPLES / "teams.csv", roster)
    result = import_survey(SURVEY, roster, moved(teams, moved_members))
    outside = result.problems.codes().count("out-of-team")
    assert outside == 6 * moved_members
    assert outside / 188 <= WRONG_TEAMS_SHARE
    assert "wrong-teams" not in result.problems.codes()


def test_the_cli_prints_the_warning_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = sample_roster()
    other = write_teams(moved(load_team_set(SAMPLES / "teams.csv", roster), 12), tmp_path / "t.csv")
    args = ["ratings", str(SURVEY), "--roster", str(SAMPLES / "roster.csv")]
    assert main([*args, "--teams", str(other), "--out", str(tmp_path / "r.csv")]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("m1_long.csv: 71 of 188 ratings (38 %) are between students in")
    assert first.endswith("[warning: wrong-teams]")
