"""Every command refuses an output that is one of its inputs or another output, before writing.

The inputs are copies in ``tmp_path``: before the check existed these commands rewrote them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from teamtool.cli import main
from teamtool.demo import sample_files
from teamtool.errors import InputError
from teamtool.export.output_paths import check_outputs


@pytest.fixture
def course(samples_dir: Path, tmp_path: Path) -> Path:
    """A copy of the sample inputs: roster, teams, grades, the M1 and M2 surveys."""
    for name in ("roster.csv", "teams.csv", "grades.csv"):
        shutil.copy(samples_dir / name, tmp_path / name)
    for name in ("m1_long.csv", "m2_long.csv"):
        shutil.copy(samples_dir / "surveys" / name, tmp_path / name)
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def adjust_args(d: Path) -> list[str]:
    return [
        "adjust", "--teams", str(d / "teams.csv"), "--grades", str(d / "grades.csv"),
        "--roster", str(d / "roster.csv"),
        "--ratings", f"M1 Proposal={d / 'm1_long.csv'}",
        "--ratings", f"M2 Prototype={d / 'm2_long.csv'}",
    ]  # fmt: skip


def refused(argv: list[str], folder: Path, capsys: pytest.CaptureFixture[str], *words: str) -> str:
    """Run ``argv``: exit 1, nothing in ``folder`` written or created, ``words`` in the error."""
    before = snapshot(folder)
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert snapshot(folder) == before
    for word in words:
        assert word in err, err
    return err


def test_ratings_out_is_the_survey(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    survey = course / "m1_long.csv"
    argv = ["ratings", str(survey), "--roster", str(course / "roster.csv"),
            "--teams", str(course / "teams.csv"), "--out", str(survey)]  # fmt: skip
    refused(argv, course, capsys, "--out would overwrite the input SURVEY", str(survey))


def test_adjust_out_is_the_grades_file(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    grades = course / "grades.csv"
    argv = [*adjust_args(course), "--out", str(grades)]
    refused(argv, course, capsys, "--out would overwrite the input --grades", str(grades))


def test_adjust_out_is_a_ratings_file(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ratings = course / "m2_long.csv"
    refused(
        [*adjust_args(course), "--out", str(ratings)], course, capsys, "--ratings", str(ratings)
    )


def test_adjust_canvas_is_the_gradebook(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gradebook = course / "gradebook.csv"
    gradebook.write_text("Student,ID,SIS User ID,SIS Login ID,Section\n", encoding="utf-8")
    argv = [*adjust_args(course), "--out", str(course / "out.xlsx"),
            "--canvas", str(gradebook), "--canvas-gradebook", str(gradebook)]  # fmt: skip
    refused(argv, course, capsys, "--canvas would overwrite the input --canvas-gradebook")


def test_adjust_feedback_is_the_roster(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [*adjust_args(course), "--out", str(course / "out.csv"),
            "--feedback", str(course / "roster.csv")]  # fmt: skip
    refused(argv, course, capsys, "--feedback would overwrite the input --roster")


def test_three_outputs_to_one_file(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = course / "o.csv"
    argv = [*adjust_args(course), "--out", str(out), "--canvas", str(out), "--feedback", str(out)]
    refused(argv, course, capsys, "--out and --canvas are the same file", str(out))


def test_a_hard_link_and_a_symbolic_link_are_the_same_file(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.link(course / "grades.csv", course / "hard.csv")
    argv = [*adjust_args(course), "--out", str(course / "hard.csv")]
    refused(argv, course, capsys, "--out would overwrite the input --grades")
    (course / "sub").mkdir()
    (course / "sub" / "link.csv").symlink_to(course / "teams.csv")
    argv = [*adjust_args(course), "--out", str(course / "sub" / "link.csv")]
    refused(argv, course, capsys, "--out would overwrite the input --teams", "teams.csv")


def test_form_out_is_the_previous_teams(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    teams = course / "teams.csv"
    argv = ["form", str(course / "roster.csv"), "--previous", str(teams), "--out", str(teams),
            "--time-limit", "1"]  # fmt: skip
    refused(argv, course, capsys, "--out would overwrite the input --previous", str(teams))


def test_form_report_and_groups(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["form", str(course / "roster.csv"), "--out", str(course / "t.csv"),
            "--report", str(course / "roster.csv"), "--time-limit", "1"]  # fmt: skip
    refused(argv, course, capsys, "--report would overwrite the input ROSTER")
    argv = ["form", str(course / "roster.csv"), "--out", str(course / "t.csv"),
            "--canvas-groups", str(course / "t.csv"), "--time-limit", "1"]  # fmt: skip
    refused(argv, course, capsys, "--out and --canvas-groups are the same file")


def test_roster_course_is_the_roster(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = course / "roster.csv"
    refused(["roster", str(roster), "--course", str(roster)], course, capsys, "--course", "ROSTER")


def test_demo_out_is_the_sample_folder(
    tmp_path: Path,
    samples_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copy = tmp_path / "samples"
    shutil.copytree(samples_dir, copy)
    monkeypatch.setattr(sample_files, "samples_dir", lambda: copy)
    before = sorted(p.relative_to(copy) for p in copy.rglob("*"))
    assert main(["demo", "--out", str(copy), "--time-limit", "1"]) == 1
    assert "--out would overwrite the input" in capsys.readouterr().err
    assert sorted(p.relative_to(copy) for p in copy.rglob("*")) == before


def test_outputs_that_differ_only_in_case_are_refused(tmp_path: Path) -> None:
    """On Windows and macOS ``A.csv`` and ``a.csv`` are one file; a new output is checked so."""
    with pytest.raises(InputError, match="--out and --feedback are the same file"):
        check_outputs(
            [], [("--out", tmp_path / "Grades.csv"), ("--feedback", tmp_path / "grades.CSV")]
        )
    check_outputs([("--grades", tmp_path / "g.csv")], [("--out", tmp_path / "G2.csv")])


def test_different_files_pass(course: Path) -> None:
    check_outputs(
        [("--grades", course / "grades.csv"), ("--teams", None)],
        [("--out", course / "out.csv"), ("--canvas", ""), ("--feedback", course / "fb.csv")],
    )
