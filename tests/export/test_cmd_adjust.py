"""``teamtool adjust`` on the sample course: files written, numbers equal to the engine's."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from teamtool.cli.cmd_adjust import build_options, ratings_files, register
from teamtool.errors import InputError
from teamtool.files.gradesfile import load_team_grades
from teamtool.files.teamfile import load_team_set
from teamtool.grading import AdjustOptions, Method, MissingPolicy, adjust_milestone
from teamtool.ratings import read_ratings_csv
from teamtool.roster import import_roster
from teamtool.tokens import TokenSettings
from teamtool.tokens.apply import apply_tokens


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="teamtool")
    register(parser.add_subparsers())
    return parser.parse_args(["adjust", *argv])


def run(argv: list[str]) -> Any:
    args = parse(argv)
    return args.func(args)


@pytest.fixture
def sample_args(samples_dir: Path) -> list[str]:
    s = samples_dir
    return [
        "--teams", str(s / "teams.csv"),
        "--grades", str(s / "grades.csv"),
        "--roster", str(s / "roster.csv"),
        "--ratings", f"M1 Proposal={s / 'surveys' / 'm1_long.csv'}",
        "--ratings", f"M2 Prototype={s / 'surveys' / 'm2_long.csv'}",
    ]  # fmt: skip


def test_options_from_preset_and_flags() -> None:
    args = parse(["--teams", "t", "--ratings", "r", "--grades", "g", "--out", "o.csv", "--preset", "cmu",
                  "--round-grade", "1", "--penalty", "10%", "--self", "exclude", "--no-max-cap"])  # fmt: skip
    options = build_options(args)
    assert options.round_factor == 2
    assert options.cap == 1.05
    assert options.round_grade == 1
    assert options.self_mode == "exclude"
    assert not options.cap_at_max
    assert options.missing is MissingPolicy.PENALTY
    assert options.penalty == 10
    assert options.penalty_percent
    args = parse(["--teams", "t", "--ratings", "r", "--grades", "g", "--out", "o.csv", "--method", "webpa",
                  "--weighting", "50%", "--penalty", "5", "--missing", "ignore", "--no-cap"])  # fmt: skip
    options = build_options(args)
    assert options.method is Method.WEBPA
    assert options.weighting == 0.5
    assert options.cap is None
    assert options.penalty == 5
    assert not options.penalty_percent
    assert options.missing is MissingPolicy.IGNORE


def test_ratings_files_need_names_with_several_milestones() -> None:
    assert ratings_files(["m1.csv"], ["M1"]) == {"M1": "m1.csv"}
    assert ratings_files(["M2=b.csv", "M1=a=b.csv"], ["M1", "M2"]) == {
        "M1": "a=b.csv",
        "M2": "b.csv",
    }
    with pytest.raises(InputError, match='"NAME=FILE"'):
        ratings_files(["a.csv", "b.csv"], ["M1", "M2"])
    with pytest.raises(InputError, match="no ratings file for: M2"):
        ratings_files(["M1=a.csv"], ["M1", "M2"])


def test_csv_output_equals_the_engine(
    tmp_path: Path, samples_dir: Path, sample_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "grades.csv"
    assert run([*sample_args, "--out", str(out), "--preset", "cornell"]) == 0
    printed = capsys.readouterr().out
    assert "48 students in 12 teams" in printed
    assert "non-respondent" in printed
    assert f"wrote {out}" in printed
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 96
    for column in (
        "student_id",
        "team",
        "team_grade",
        "received_avg",
        "team_avg",
        "factor",
        "grade",
        "flags",
    ):
        assert column in rows[0]
    roster = import_roster(samples_dir / "roster.csv").roster
    teams = load_team_set(samples_dir / "teams.csv", roster).teams
    # The sample's Team 11 is 6 days late on M2 with 5 tokens left: no credit, team grade 0.
    grades = apply_tokens(load_team_grades(samples_dir / "grades.csv"), TokenSettings()).grades
    assert grades["M2 Prototype"]["Team 11"] == 0.0
    ratings = read_ratings_csv(samples_dir / "surveys" / "m2_long.csv", roster)
    expected = adjust_milestone(
        "M2 Prototype",
        teams,
        ratings,
        grades["M2 Prototype"],
        100,
        AdjustOptions(missing=MissingPolicy.IMPUTE),
    ).by_student()
    for row in rows:
        if row["milestone"] == "M2 Prototype":
            assert float(row["grade"]) == pytest.approx(expected[row["student_id"]].grade, abs=1e-9)
            assert ("late-no-tokens" in row["flags"]) == (row["team"] == "Team 11")


def test_workbook_canvas_and_feedback(
    tmp_path: Path, samples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "grades.xlsx"
    s = samples_dir
    argv = ["--teams", str(s / "teams.csv"), "--grades", str(s / "grades.csv"),
            "--roster", str(s / "roster.csv"), "--ratings", str(s / "surveys" / "m1_long.csv"),
            "--milestone", "M1 Proposal", "--out", str(out),
            "--canvas", str(tmp_path / "canvas.csv"), "--feedback", str(tmp_path / "feedback.csv")]  # fmt: skip
    assert run(argv) == 0
    book = load_workbook(out)
    assert book.sheetnames == ["Summary", "M1 Proposal", "Tokens", "Settings and notes", "Comments"]
    assert book["Summary"].max_row == 49
    with open(tmp_path / "canvas.csv", encoding="utf-8-sig", newline="") as fh:
        canvas = list(csv.reader(fh))
    assert canvas[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "M1 Proposal"]
    assert len(canvas) == 2 + 48
    assert (tmp_path / "feedback.csv").exists()
    assert "wrote" in capsys.readouterr().out


def test_bad_output_name_and_unknown_milestone(tmp_path: Path, sample_args: list[str]) -> None:
    with pytest.raises(InputError, match=r"\.csv or \.xlsx"):
        run([*sample_args, "--out", str(tmp_path / "grades.txt")])
    with pytest.raises(InputError, match='no milestone "M9"'):
        run([*sample_args, "--out", str(tmp_path / "g.csv"), "--milestone", "M9"])


def test_a_team_missing_from_the_grades_file_is_reported(
    tmp_path: Path, samples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Team 4 left out of the grades file: its four students get no grade, and the command
    says so instead of writing them silently empty."""
    s = samples_dir
    lines = (s / "grades.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    grades = tmp_path / "grades.csv"
    grades.write_text("".join(line for line in lines if "Team 4," not in line), encoding="utf-8")
    out = tmp_path / "out.csv"
    argv = ["--teams", str(s / "teams.csv"), "--grades", str(grades),
            "--ratings", str(s / "surveys" / "m1_long.csv"), "--milestone", "M1 Proposal",
            "--out", str(out)]  # fmt: skip
    assert run(argv) == 0
    printed = capsys.readouterr().out
    assert 'no grade for Team 4 (4 students) in "M1 Proposal"' in printed
    assert "no grade for Team 3" not in printed
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["team"] == "Team 4"]
    assert len(rows) == 4
    assert all(r["grade"] == "" for r in rows)
