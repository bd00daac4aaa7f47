"""The feedback mail-merge CSV says when the instructor set a grade: ``overridden`` and the
formula's ``adjusted_grade`` beside the final ``grade``; the override's reason never appears."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from teamtool.cli import main
from teamtool.course.adjust_export import FEEDBACK, ExportBundle, ExportChoice, write_exports
from teamtool.export.feedback import FEEDBACK_HEADER

RAVI, RYAN, TANAKA = "s1005", "s1011", "s1042"  # Ravi and Ryan in Team 1 (M1 team grade 84)
REASON = "Carried the demo after a teammate's illness: see mail of 3/10"
RYAN_COMMENT = "Ryan O'Connor missed three of four meetings, never pushed code."


def read_feedback(path: Path) -> tuple[list[str], dict[tuple[str, str], dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        rows = {(r["milestone"], r["student_id"]): r for r in reader}
        return list(reader.fieldnames or []), rows


def test_the_header_puts_the_override_columns_after_the_grade() -> None:
    assert FEEDBACK_HEADER == (
        "student_id", "name", "email", "milestone", "team", "factor", "percent_change",
        "grade", "overridden", "adjusted_grade", "comments",
    )  # fmt: skip


def test_an_override_made_in_the_course_file_is_marked_with_the_formulas_grade(
    tmp_path: Path, sample_with_m1_override: Callable[[str, float, str], ExportBundle]
) -> None:
    """Oakley, Felder, Brent & Elhajj 2004 autorating (factor = received mean / team mean,
    capped at 1.05), Team 1 of samples/surveys/m1_long.csv, team grade 84, by hand:
    Ravi receives 75, 75, 87.5, 75 (mean 78.125), Ryan 37.5, 75, 50, 25 (46.875); the team
    mean of the 16 ratings is 1150 / 16 = 71.875. Ravi: 78.125 / 71.875 = 1.0870, capped
    at 1.05, grade 84 x 1.05 = 88.2, overridden to 90 (+7.1 % on 84). Ryan: 0.6522, grade
    84 x 0.652174 = 54.78 (-34.8 %), not overridden."""
    bundle = sample_with_m1_override(RAVI, 90, REASON)
    out = tmp_path / "out"
    write_exports(bundle, ExportChoice(out, workbook=False, canvas=False, feedback=True))
    header, rows = read_feedback(out / FEEDBACK)
    assert header == list(FEEDBACK_HEADER)

    ravi = rows[("M1 Proposal", RAVI)]
    assert (ravi["name"], ravi["team"]) == ("Ravi Patel", "Team 1")
    assert (ravi["factor"], ravi["grade"], ravi["percent_change"]) == ("1.05", "90", "7.1")
    assert (ravi["overridden"], ravi["adjusted_grade"]) == ("yes", "88.2")

    ryan = rows[("M1 Proposal", RYAN)]
    assert (ryan["factor"], ryan["grade"], ryan["percent_change"]) == ("0.652", "54.78", "-34.8")
    assert (ryan["overridden"], ryan["adjusted_grade"]) == ("", "54.78")
    assert ryan["comments"] == RYAN_COMMENT

    assert rows[("M2 Prototype", RAVI)]["overridden"] == "", "the override belongs to M1 only"
    assert sum(r["overridden"] == "yes" for r in rows.values()) == 1
    assert "illness" not in (out / FEEDBACK).read_text(encoding="utf-8-sig")


def test_overrides_on_the_command_line_including_a_zero(
    tmp_path: Path, samples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same Team 1 numbers through ``teamtool adjust --override``; an override of 0 (a
    no-show) is an override too. Team 3 in m1_long.csv (team grade 82): Yuki Tanaka receives
    Marginal, Satisfactory, Very good, Satisfactory (50, 75, 87.5, 75: mean 71.875) in a team
    whose 16 ratings sum to 1312.5 (mean 82.03125); factor 71.875 / 82.03125 = 0.8762, grade
    82 x 0.876190 = 71.85, overridden to 0 (-100 %)."""
    s = samples_dir
    feedback = tmp_path / "feedback.csv"
    argv = ["adjust", "--teams", str(s / "teams.csv"), "--grades", str(s / "grades.csv"),
            "--roster", str(s / "roster.csv"), "--preset", "oakley",
            "--milestone", "M1 Proposal", "--ratings", str(s / "surveys" / "m1_long.csv"),
            "--out", str(tmp_path / "g.csv"), "--feedback", str(feedback),
            "--override", f"{RAVI}=90:{REASON}",
            "--override", f"{TANAKA}=0:did not present"]  # fmt: skip
    assert main(argv) == 0
    assert "overrides: 2" in capsys.readouterr().out
    _, rows = read_feedback(feedback)
    ravi = rows[("M1 Proposal", RAVI)]
    assert (ravi["grade"], ravi["overridden"], ravi["adjusted_grade"]) == ("90", "yes", "88.2")
    tanaka = rows[("M1 Proposal", TANAKA)]
    assert (tanaka["factor"], tanaka["adjusted_grade"]) == ("0.876", "71.85")
    assert (tanaka["grade"], tanaka["overridden"], tanaka["percent_change"]) == ("0", "yes", "-100")
    assert rows[("M1 Proposal", RYAN)]["overridden"] == ""
    text = feedback.read_text(encoding="utf-8-sig")
    assert "illness" not in text
    assert "did not present" not in text
