"""Team lists (CSV, XLSX, Canvas group set) and the ``teamtool form`` command."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from teamtool.cli import main
from teamtool.export.team_lists import export_canvas_groups, export_team_set
from teamtool.model import AttributeKind, AttributeSpec, Roster, Student, TeamSet

ROSTER = Roster(
    [
        Student(
            "s1",
            name='=HYPERLINK("x")',
            email="a@x.edu",
            section="L01",
            attributes={"GPA": 3.5, "Availability": frozenset({"Tue AM", "Mon PM"})},
            lms_id="9001",
            login_id="alogin",
        ),
        Student(
            "s2",
            name="Zoë O'Neil",
            email="z@x.edu",
            section="L02",
            attributes={"GPA": 2.0, "Availability": None},
        ),
        Student(
            "s3",
            name="Al Bo",
            email="b@x.edu",
            section="L01",
            attributes={"GPA": None, "Availability": frozenset({"Fri PM"})},
        ),
    ],
    [
        AttributeSpec("GPA", AttributeKind.NUMERIC),
        AttributeSpec("Availability", AttributeKind.AVAILABILITY),
    ],
)
TEAMS = TeamSet("Project teams", {"Team 2": ["s2"], "Team 1": ["s3", "s1"]})


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_team_list_csv(tmp_path: Path) -> None:
    rows = read_csv(export_team_set(TEAMS, ROSTER, tmp_path / "teams.csv"))
    assert rows == [
        ["student_id", "team", "name", "email", "section", "GPA", "Availability"],
        ["s2", "Team 2", "Zoë O'Neil", "z@x.edu", "L02", "2", ""],
        ["s1", "Team 1", '\'=HYPERLINK("x")', "a@x.edu", "L01", "3.5", "Mon PM; Tue AM"],
        ["s3", "Team 1", "Al Bo", "b@x.edu", "L01", "", "Fri PM"],
    ]


def test_team_list_xlsx(tmp_path: Path) -> None:
    path = export_team_set(TEAMS, ROSTER, tmp_path / "teams.xlsx")
    ws = load_workbook(path).active
    assert ws is not None
    assert [c.value for c in ws[1]] == [
        "student_id",
        "team",
        "name",
        "email",
        "section",
        "GPA",
        "Availability",
    ]
    assert ws["C3"].value == '=HYPERLINK("x")'
    assert ws["C3"].data_type == "s"  # text, never a formula
    assert ws["F3"].value == 3.5
    assert ws.freeze_panes == "A2"


def test_canvas_group_set(tmp_path: Path) -> None:
    path = export_canvas_groups(TEAMS, ROSTER, tmp_path / "groups.csv")
    assert path.read_bytes()[:4] == b"name"  # UTF-8 without a BOM
    assert read_csv(path) == [
        [
            "name",
            "canvas_user_id",
            "user_id",
            "login_id",
            "sections",
            "group_name",
            "canvas_group_id",
            "group_id",
        ],
        ["O'Neil, Zoë", "", "s2", "", "L02", "Team 2", "", ""],
        ["Bo, Al", "", "s3", "", "L01", "Team 1", "", ""],
        ['\'=HYPERLINK("x")', "9001", "s1", "alogin", "L01", "Team 1", "", ""],
    ]


def test_form_command_writes_teams_canvas_and_report(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, report = tmp_path / "teams.csv", tmp_path / "report.json"
    code = main(
        [
            "form",
            str(samples_dir / "roster.csv"),
            "--out",
            str(out),
            "--size",
            "4",
            "--balance",
            "GPA",
            "--no-isolate",
            "Gender=F",
            "--schedule",
            "Availability",
            "--together",
            "s1001,s1002",
            "--time-limit",
            "1",
            "--seed",
            "2",
            "--canvas-groups",
            str(tmp_path / "canvas.csv"),
            "--report",
            str(report),
        ]
    )
    printed = capsys.readouterr().out
    assert code == 0
    assert "forming teams for 48 students" in printed
    assert "12 teams of 3–5 students." in printed or "12 teams of 4 students." in printed
    rows = read_csv(out)
    assert rows[0][:2] == ["student_id", "team"]
    team = {r[0]: r[1] for r in rows[1:]}
    assert len(team) == 48
    assert team["s1001"] == team["s1002"]
    data = json.loads(report.read_text(encoding="utf-8"))
    assert set(data) == {
        "status",
        "objective",
        "bound",
        "gap",
        "time",
        "levels",
        "teams",
        "summary",
    }
    assert len(data["teams"]) == 12
    assert data["summary"]["isolated_students"] == sum(len(t["isolated"]) for t in data["teams"])
    # the report keeps its sentences (made by teamtool/formation/report.py, not the solver)
    assert list(data["teams"][0])[-2:] == ["explanation", "name"]
    assert data["teams"][0]["explanation"].startswith("GPA mean ")
    assert data["summary"]["lines"][0] in ("12 teams of 4 students.", "12 teams of 3–5 students.")
    assert data["summary"]["lines"][0] in printed
    assert "reference_means" not in data["teams"][0]
    assert "worst_team" not in data["summary"]
    assert (tmp_path / "canvas.csv").exists()


def form_sample_roster(samples_dir: Path, tmp_path: Path, *options: str) -> int:
    """``teamtool form`` on the sample roster with ``options``, the teams to a scratch file."""
    return main(
        ["form", str(samples_dir / "roster.csv"), "--out", str(tmp_path / "t.csv"), *options]
    )


def test_form_command_unknown_column(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = form_sample_roster(samples_dir, tmp_path, "--balance", "Grade")
    assert code == 1
    err = capsys.readouterr().err
    assert 'the roster has no column "Grade"; its columns are "Section", "Gender"' in err


def test_form_command_infeasible_request(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pair = "s1001,s1002"
    code = form_sample_roster(
        samples_dir, tmp_path, "--together", pair, "--apart", pair, "--time-limit", "1"
    )
    assert code == 1
    assert (
        "s1001 and s1002 are kept apart by the instructor; s1001 and s1002 are kept "
        "together by the instructor" in capsys.readouterr().err
    )


def test_form_command_impossible_hard_schedule_is_explained(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No team of the sample can share 5 free slots: the hard rule is named, nothing crashes
    (CP-SAT's interleaved search once aborted the process when hinted with the climb's teams,
    which break the rule)."""
    code = main(
        [
            "form",
            str(samples_dir / "roster.csv"),
            "--out",
            str(tmp_path / "t.csv"),
            "--size",
            "3-5",
            "--schedule",
            "Availability",
            "--min-common",
            "5",
            "--hard",
            "schedule",
            "--time-limit",
            "2",
        ]
    )
    assert code == 1
    assert "at least 5 common Availability slot(s) per team" in capsys.readouterr().err
    assert not (tmp_path / "t.csv").exists()


@pytest.mark.parametrize("wall_clock", [False, True])
def test_form_command_gives_the_search_the_limit_from_its_start(
    samples_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wall_clock: bool
) -> None:
    """The deadline is set before the roster is read: reading and building the model come out
    of the limit, not on top of it; --wall-clock makes a timed run (the default counts)."""
    import time

    from solver import TeamFormer

    seen: list[tuple[float, float | None, bool]] = []
    solve = TeamFormer.solve

    def spy(self: TeamFormer, on_progress: object = None, deadline: float | None = None) -> object:
        seen.append((time.monotonic(), deadline, self.config.deterministic))
        return solve(self, on_progress, deadline)  # type: ignore[arg-type]

    monkeypatch.setattr(TeamFormer, "solve", spy)
    before = time.monotonic()
    args = ["form", str(samples_dir / "roster.csv"), "--out", str(tmp_path / "t.csv")]
    args += ["--balance", "GPA", "--time-limit", "1"] + (["--wall-clock"] if wall_clock else [])
    assert main(args) == 0
    [(called, deadline, deterministic)] = seen
    assert deadline is not None
    assert before + 1 <= deadline <= called + 1  # from the command's start, before the solve
    assert deterministic is not wall_clock
