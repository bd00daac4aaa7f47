"""``teamtool mentors`` on the sample course's files: the CSV, the printed reasons, the exit
code and message when the rules cannot hold, and the course file."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from teamtool.cli import main
from teamtool.store import Course

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
V3 = Path(__file__).resolve().parents[1] / "store" / "data" / "v3_two_team_sets.teamtool"
FILES = ["--teams", str(SAMPLES / "teams.csv"), "--roster", str(SAMPLES / "roster.csv")]


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_writes_one_row_per_team_within_sections_and_prints_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mentors.csv"
    code = main(
        [
            "mentors",
            *FILES,
            "--mentors",
            str(SAMPLES / "mentors.csv"),
            "--same-section",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    written = rows(out)
    assert list(written[0]) == ["team", "mentor", "mentor_email", "common_slots"]
    assert [r["team"] for r in written] == [f"Team {i}" for i in range(1, 13)]
    l01 = {"Dana Whitfield", "Tomás Herrera", "Farid Rahimi", "Marta Duarte"}  # Grace: any section
    l02 = {"Jonas Becker", "Lena Vogt", "Oskar Nilsson", "Marta Duarte"}
    assert all(r["mentor"] in l01 for r in written[:6])
    assert all(r["mentor"] in l02 for r in written[6:])
    assert written[0]["mentor"] != "Tomás Herrera"  # he avoids s1011 (Ryan O'Connor, Team 1)
    assert written[11]["common_slots"] == "Mon PM; Thu AM"
    loads = [sum(r["mentor"] == m for r in written) for m in l01 | l02]
    assert max(loads) - min(loads) == 1  # 12 teams, 7 mentors: 1 or 2 each
    printed = capsys.readouterr().out
    for r in written:
        assert f"{r['team']}: {r['mentor']} <{r['mentor_email']}> (" in printed
    assert "12 of 12 teams share a free slot with their mentor, the best possible" in printed
    assert out.stat().st_mode & 0o777 == 0o600


def test_infeasible_exits_1_with_the_reason_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two L01 mentors for six L01 teams, 2 places each."""
    mentors = tmp_path / "two.csv"
    lines = (SAMPLES / "mentors.csv").read_text(encoding="utf-8").splitlines()
    mentors.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    code = main(["mentors", *FILES, "--mentors", str(mentors), "--same-section", "--out", str(out)])
    assert code == 1
    error = capsys.readouterr().err
    assert "mentors cannot be assigned" in error
    assert "Dana Whitfield and Tomás Herrera, can take 4 teams together (capacity)" in error
    assert "Tomás Herrera must not mentor Ryan O'Connor (s1011) of Team 1." in error
    assert "5 teams (Team 1, Team 2, Team 3, Team 4 and Team 5) need a mentor each" in error
    assert not out.exists()


def test_output_may_not_overwrite_the_mentor_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mentors = Path(shutil.copy(SAMPLES / "mentors.csv", tmp_path / "mentors.csv"))
    before = mentors.read_bytes()
    code = main(["mentors", *FILES, "--mentors", str(mentors), "--out", str(mentors)])
    assert code == 1
    assert "would overwrite the input --mentors" in capsys.readouterr().err
    assert mentors.read_bytes() == before


def test_bad_cell_is_reported_at_file_row_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mentors = tmp_path / "m.csv"
    mentors.write_text("name,email,capacity\nAna,ana@example.edu,two\n", encoding="utf-8")
    code = main(["mentors", *FILES, "--mentors", str(mentors), "--out", str(tmp_path / "o.csv")])
    assert code == 1
    assert 'm.csv: row 2, column "capacity": "two" is not a number of teams' in (
        capsys.readouterr().err
    )


def test_course_keeps_the_mentors_and_the_next_set_keeps_students_mentors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    course_file = Path(shutil.copy(V3, tmp_path / "course.teamtool"))
    course_file.chmod(0o600)
    mentors = str(SAMPLES / "mentors.csv")
    base = ["mentors", "--course", str(course_file), "--mentors", mentors]
    assert main([*base, "--team-set", "Project teams"]) == 0
    with Course.open(course_file) as course:
        first, second = course.team_sets()
        stored = course.team_mentors(first.id or 0)
        assert len(stored) == 12
        assert course.team_mentors(second.id or 0) == {}
    out = tmp_path / "teams2.csv"
    assert main([*base, "--previous", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    with Course.open(course_file) as course:
        kept = course.team_mentors(second.id or 0)
    before = {sid: stored[t].name for t, members in first.teams.items() for sid in members}
    keeping = sum(before[sid] == kept[t].name for t, ms in second.teams.items() for sid in ms)
    assert f"{keeping} of 48 students with a previous mentor keep them, the best possible" in (
        printed
    )
    assert keeping >= 24  # each team kept 3 of its 4 members: most keep their mentor
    assert [r["mentor"] for r in rows(out)] == [kept[f"Team {i}"].name for i in range(1, 13)]


def test_an_earlier_output_with_its_teams_gives_the_previous_mentors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Term 1's output, then term 2's teams (each team's first member moved to the next
    team): every team keeps 3 of 4 students with one term-1 mentor, so the best keeps 36."""
    mentors = ["--mentors", str(SAMPLES / "mentors.csv")]
    first = tmp_path / "term1.csv"
    assert main(["mentors", *FILES, *mentors, "--out", str(first)]) == 0
    team_rows = rows(SAMPLES / "teams.csv")
    names = list(dict.fromkeys(r["team"] for r in team_rows))
    firsts = {name: next(r["student_id"] for r in team_rows if r["team"] == name) for name in names}
    moved = {firsts[n]: names[(i + 1) % len(names)] for i, n in enumerate(names)}
    second = tmp_path / "teams2.csv"
    second.write_text(
        "student_id,team\n"
        + "".join(
            f"{r['student_id']},{moved.get(r['student_id'], r['team'])}\n" for r in team_rows
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    args = ["mentors", "--teams", str(second), "--roster", str(SAMPLES / "roster.csv"), *mentors]
    args += ["--previous", str(first), "--previous-teams", str(SAMPLES / "teams.csv")]
    assert main([*args, "--out", str(tmp_path / "term2.csv")]) == 0
    assert "36 of 48 students with a previous mentor keep them, the best possible" in (
        capsys.readouterr().out
    )
    assert main([*args[:-2], "--out", str(tmp_path / "x.csv")]) == 1
    assert 'previous mentors need a "mentor" column' in capsys.readouterr().err


def test_unknown_team_set_of_a_course_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    course_file = Path(shutil.copy(V3, tmp_path / "course.teamtool"))
    course_file.chmod(0o600)
    args = ["mentors", "--course", str(course_file), "--mentors", str(SAMPLES / "mentors.csv")]
    assert main([*args, "--team-set", "Teams 9"]) == 1
    assert 'no team set "Teams 9" in the course; its sets: "Project teams", "Teams 2"' in (
        capsys.readouterr().err
    )
