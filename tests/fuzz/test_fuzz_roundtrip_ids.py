"""Arbitrary student ids through the whole command line: a survey -> ``teamtool ratings`` ->
cleaned ratings -> ``teamtool adjust`` -> Canvas grades CSV, plain grades CSV and feedback, and
the Canvas group-set CSV; every id is read back exactly as it was (issue 14, item 13)."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from teamtool.canvas.grade_column import load_canvas_column
from teamtool.cli import main
from teamtool.export.safe import unescape_identifier
from teamtool.export.team_lists import export_canvas_groups, export_team_set
from teamtool.files.teamfile import load_team_set
from teamtool.model import Rating, Roster, Student, TeamSet
from teamtool.ratings import write_ratings_csv

# What students' ids really begin with, and what formulas and CSV files are made of.
SYMBOLS = [*"-+@='.!|(_ #,\";$%&*/:<>?[]^`{}~", "é", "Ø", "ß", "中", "0", "1", "a", "Z"]
ids = st.one_of(
    st.text(st.sampled_from(SYMBOLS), min_size=1, max_size=8),
    st.text(st.characters(categories=("L", "N", "P", "S")), min_size=1, max_size=8),
    st.builds(
        "".join, st.lists(st.sampled_from(["-", "+", "@", "=", "'", "s10", "x", "1"]), min_size=1)
    ),
).filter(lambda s: s == s.strip() and s != "")
class_ids = st.lists(ids, min_size=4, max_size=7, unique_by=str.casefold)
TEAMS = ("-Team 1", "@Team 2")  # team names a spreadsheet would take for formulas too
FUZZ = settings(max_examples=30, deadline=None)  # HYPOTHESIS_PROFILE=explore: 300 passed


def canvas_ids(path: Path, column: int) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    return [unescape_identifier(row[column]) for row in rows[1:] if "Points Possible" not in row[0]]


def run(*args: str) -> None:
    code = main(list(args))
    assert code == 0, args


@FUZZ
@example(student_ids=["-x12", "+1", "@jo.smith", "=1+1"])
@example(student_ids=["'=x", "'-y", "-cmd|' /C calc'!A0", "@SUM(1)"])
@given(student_ids=class_ids)
def test_arbitrary_ids_survive_ratings_adjust_and_canvas(student_ids: list[str]) -> None:
    half = len(student_ids) // 2
    team_set = TeamSet("teams", {TEAMS[0]: student_ids[:half], TEAMS[1]: student_ids[half:]})
    roster = Roster(
        [Student(sid, f"Student {chr(65 + i)}", f"s{i}@example.edu", lms_id=str(9000 + i),
                 login_id=sid) for i, sid in enumerate(student_ids)]
    )  # fmt: skip
    ratings = [
        Rating(rater, ratee, float(1 + (i + j) % 5))
        for members in team_set.teams.values()
        for i, rater in enumerate(members)
        for j, ratee in enumerate(members)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # Our team list is both the roster and the teams file (student_id, team, name, email).
        teams = export_team_set(team_set, roster, folder / "teams.csv")
        survey = write_ratings_csv(ratings, folder / "survey.csv")
        grades = folder / "grades.csv"
        grades.write_text(
            "team,grade,max,milestone\n-Team 1,80,100,M1\n@Team 2,90,100,M1\n",
            encoding="utf-8",
        )
        cleaned, out, canvas = folder / "cleaned.csv", folder / "out.csv", folder / "canvas.csv"
        run("ratings", str(survey), "--roster", str(teams), "--teams", str(teams),
            "--out", str(cleaned))  # fmt: skip
        run("adjust", "--teams", str(teams), "--roster", str(teams), "--ratings", str(cleaned),
            "--grades", str(grades), "--out", str(out), "--canvas", str(canvas))  # fmt: skip
        assert load_team_set(teams, None).teams.keys() == team_set.teams.keys()
        assert sorted(canvas_ids(cleaned, 0)) == sorted(r.rater for r in ratings)
        assert sorted(canvas_ids(out, 0)) == sorted(student_ids)
        assert set(load_canvas_column(canvas, "M1")) == set(student_ids)
        assert sorted(canvas_ids(canvas, 2)) == sorted(student_ids)  # SIS User ID
        groups = export_canvas_groups(team_set, roster, folder / "groups.csv")
        back = load_team_set(groups, roster)
        assert {t: sorted(m) for t, m in back.teams.items()} == {
            t: sorted(m) for t, m in team_set.teams.items()
        }
