"""``teamtool adjust --override`` / ``--overrides FILE``: the override reaches every output, exactly
as an override made in the window; every bad value is an error naming where it is, exit 1."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from pycel import ExcelCompiler

from teamtool.cli import main
from teamtool.course.adjust_export import (
    CANVAS,
    FEEDBACK,
    PLAIN,
    ExportBundle,
    ExportChoice,
    write_exports,
)

RYAN, RAVI, ETHAN = "s1011", "s1005", "s1001"  # Ryan and Ravi in Team 1; Ethan elsewhere
REASON = "Carried the demo after a teammate's illness: see mail of 3/10"
_REF = re.compile(r"^='(?P<sheet>(?:[^']|'')+)'!\$(?P<col>[A-Z]+)\$(?P<row>\d+)$")


def sample(samples_dir: Path, *milestones: str) -> list[str]:
    s = samples_dir
    files = {"M1 Proposal": "m1_long.csv", "M2 Prototype": "m2_long.csv"}
    args = ["adjust", "--teams", str(s / "teams.csv"), "--grades", str(s / "grades.csv"),
            "--roster", str(s / "roster.csv"), "--preset", "oakley"]  # fmt: skip
    if len(milestones) == 1:
        args += ["--milestone", milestones[0]]
    for m in milestones:
        args += ["--ratings", f"{m}={s / 'surveys' / files[m]}"]
    return args


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def by_student(rows: list[dict[str, str]], milestone: str) -> dict[str, dict[str, str]]:
    return {r["student_id"]: r for r in rows if r["milestone"] == milestone}


def write_rows(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


def test_an_override_shows_in_every_output(
    tmp_path: Path, samples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Team 1, M1 Proposal, grade 84, Oakley et al. 2004 autorating (cap 1.05) on
    samples/surveys/m1_long.csv, hand-computed: Ravi receives a mean of 78.125 against the
    team's 71.875, factor 1.087 capped at 1.05, computed grade 88.2; overridden to 90. Ryan
    receives 46.875: factor 0.6522, grade 54.78, not overridden."""
    out = tmp_path / "out"
    argv = [*sample(samples_dir, "M1 Proposal", "M2 Prototype"), "--out", str(out / "g.csv"),
            "--canvas", str(out / "canvas.csv"), "--feedback", str(out / "feedback.csv"),
            "--override", f"M1 Proposal/{RAVI}=90:{REASON}"]  # fmt: skip
    assert main(argv) == 0
    printed = capsys.readouterr().out
    assert "overrides: 1" in printed
    plain = by_student(read_csv(out / "g.csv"), "M1 Proposal")
    assert (plain[RAVI]["grade"], plain[RAVI]["override"]) == ("90", "90")
    assert plain[RAVI]["reason"] == REASON
    assert float(plain[RAVI]["computed_grade"]) == pytest.approx(88.2)
    assert float(plain[RYAN]["grade"]) == pytest.approx(54.78, abs=0.005)
    assert plain[RYAN]["override"] == ""
    m2 = by_student(read_csv(out / "g.csv"), "M2 Prototype")
    assert m2[RAVI]["override"] == "", "the override belongs to M1 only"
    canvas = {r["SIS User ID"]: r for r in read_csv(out / "canvas.csv")}
    assert canvas[RAVI]["M1 Proposal"] == "90.00"
    assert canvas[RYAN]["M1 Proposal"] == "54.78"
    feedback = by_student(read_csv(out / "feedback.csv"), "M1 Proposal")
    assert float(feedback[RAVI]["grade"]) == 90


def test_the_workbook_has_the_override_cell_and_the_final_formula(
    tmp_path: Path, samples_dir: Path
) -> None:
    """The Summary's grade is a formula over the milestone sheet's final cell, itself
    IF(ISNUMBER(override), override, grade): recalculated, Ravi's is 90, Ryan's 54.78."""
    out = tmp_path / "grades.xlsx"
    argv = [*sample(samples_dir, "M1 Proposal"), "--out", str(out),
            "--override", f"{RAVI}=90:{REASON}"]  # fmt: skip
    assert main(argv) == 0
    summary = load_workbook(out)["Summary"]
    header = [c.value for c in summary[1]]
    rows = {r[0].value: r for r in summary.iter_rows(min_row=2)}
    grade, override = header.index("M1 Proposal: grade"), header.index("M1 Proposal: override")
    assert rows[RAVI][override].value == 90
    assert rows[RAVI][override + 1].value == REASON
    assert rows[RYAN][override].value is None
    ref = _REF.match(str(rows[RAVI][grade].value))
    assert ref is not None
    book = load_workbook(out)
    final = book[ref["sheet"]][f"{ref['col']}{ref['row']}"].value
    assert str(final).startswith("=IF(ISNUMBER(")
    engine = ExcelCompiler(filename=str(out))
    assert engine.evaluate(f"Summary!{rows[RAVI][grade].coordinate}") == 90
    ryan = engine.evaluate(f"Summary!{rows[RYAN][grade].coordinate}")
    assert ryan == pytest.approx(54.78, abs=0.005)


def test_the_cli_writes_what_the_window_exports_for_the_same_override(
    tmp_path: Path,
    samples_dir: Path,
    sample_with_m1_override: Callable[[str, float, str], ExportBundle],
) -> None:
    """The sample course with Ravi's M1 override set as the window sets it, exported as the
    window exports it, gives the same M1 rows (plain CSV, feedback) and Canvas M1 grades as the
    command line with --override. The sample course holds no token ledger, so the command
    leaves the grades file's token columns out too (--no-tokens)."""
    bundle = sample_with_m1_override(RAVI, 90, REASON)
    window = tmp_path / "window"
    write_exports(bundle, ExportChoice(window, workbook=False, plain=True))
    cli = tmp_path / "cli"
    argv = [*sample(samples_dir, "M1 Proposal"), "--out", str(cli / "g.csv"),
            "--canvas", str(cli / "c.csv"), "--feedback", str(cli / "f.csv"),
            "--override", f"{RAVI}=90:{REASON}", "--no-tokens"]  # fmt: skip
    assert main(argv) == 0
    for gui_file, cli_file in ((PLAIN, "g.csv"), (FEEDBACK, "f.csv")):
        assert by_student(read_csv(cli / cli_file), "M1 Proposal") == by_student(
            read_csv(window / gui_file), "M1 Proposal"
        )
    gui_canvas = {r["SIS User ID"]: r["M1 Proposal"] for r in read_csv(window / CANVAS)}
    cli_canvas = {r["SIS User ID"]: r["M1 Proposal"] for r in read_csv(cli / "c.csv")}
    assert cli_canvas == gui_canvas
    assert cli_canvas[RAVI] == "90.00"


def test_overrides_from_a_file_with_a_milestone_column(
    tmp_path: Path, samples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ids and milestone names match regardless of case; a decimal comma is read (70,5)."""
    overrides = write_rows(tmp_path / "overrides.csv", [
        ["student_id", "grade", "reason", "milestone"],
        [RAVI.upper(), "90", REASON, "m1 proposal"],
        [RYAN, "70,5", "Regraded after an appeal", "M2 Prototype"],
    ])  # fmt: skip
    out = tmp_path / "g.csv"
    argv = [*sample(samples_dir, "M1 Proposal", "M2 Prototype"), "--out", str(out),
            "--overrides", str(overrides)]  # fmt: skip
    assert main(argv) == 0
    assert "overrides: 2" in capsys.readouterr().out
    rows = read_csv(out)
    assert by_student(rows, "M1 Proposal")[RAVI]["grade"] == "90"
    assert by_student(rows, "M2 Prototype")[RYAN]["grade"] == "70.5"
    assert by_student(rows, "M2 Prototype")[RYAN]["reason"] == "Regraded after an appeal"


def test_overrides_from_an_xlsx_file_with_one_milestone(tmp_path: Path, samples_dir: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Student ID", "Grade", "Reason"])
    sheet.append([ETHAN, 77.25, "Missed the presentation with a doctor's note"])
    book.save(tmp_path / "overrides.xlsx")
    out = tmp_path / "g.csv"
    argv = [*sample(samples_dir, "M1 Proposal"), "--out", str(out),
            "--overrides", str(tmp_path / "overrides.xlsx")]  # fmt: skip
    assert main(argv) == 0
    assert by_student(read_csv(out), "M1 Proposal")[ETHAN]["grade"] == "77.25"


def test_above_the_maximum_only_with_no_max_cap(tmp_path: Path, samples_dir: Path) -> None:
    out = tmp_path / "g.csv"
    argv = [*sample(samples_dir, "M1 Proposal"), "--out", str(out),
            "--override", f"{RAVI}=105:bonus for the best demo"]  # fmt: skip
    assert main(argv) == 1
    assert main([*argv, "--no-max-cap"]) == 0
    assert by_student(read_csv(out), "M1 Proposal")[RAVI]["grade"] == "105"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (f"M1 Proposal/s9999=90:{REASON}", 'student "s9999" is in no team of teams.csv'),
        (f"M3 Final/{RAVI}=90:{REASON}", 'no milestone "M3 Final" is adjusted'),
        (f"M1 Proposal/{RAVI}=ninety:{REASON}", 'the grade "ninety" is not a number'),
        (f"M1 Proposal/{RAVI}=100.5:{REASON}", "the grade 100.5 is above 100, the maximum of"),
        (f"M1 Proposal/{RAVI}=-1:{REASON}", "the grade -1 is below 0"),
        (f"M1 Proposal/{RAVI}=90", "an override needs a reason"),
        (f"M1 Proposal/{RAVI}=90:  ", "an override needs a reason"),
        (f"{RAVI}=90:{REASON}", 'which milestone? the milestones are "M1 Proposal", "M2 Pro'),
        (f"M1 Proposal/{RAVI}", 'write it as "STUDENT=GRADE:reason"'),
    ],
)
def test_a_bad_override_names_the_argument_and_exits_1(
    tmp_path: Path,
    samples_dir: Path,
    capsys: pytest.CaptureFixture[str],
    value: str,
    message: str,
) -> None:
    out = tmp_path / "g.csv"
    argv = [*sample(samples_dir, "M1 Proposal", "M2 Prototype"), "--out", str(out),
            "--override", value]  # fmt: skip
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert f'--override "{value}": {message}' in err
    assert "Traceback" not in err
    assert not out.exists()


def test_every_bad_row_of_a_file_is_reported_at_once(
    tmp_path: Path, samples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overrides = write_rows(tmp_path / "overrides.csv", [
        ["student_id", "grade", "reason", "milestone"],
        [RAVI, "90", REASON, "M1 Proposal"],
        ["s9999", "90", REASON, "M1 Proposal"],
        [RYAN, "abc", REASON, "M1 Proposal"],
        [ETHAN, "80", "", "M1 Proposal"],
        [ETHAN, "80", REASON, "M9"],
        [RAVI, "91", "typed twice", "M1 Proposal"],
    ])  # fmt: skip
    argv = [*sample(samples_dir, "M1 Proposal", "M2 Prototype"), "--out",
            str(tmp_path / "g.csv"), "--overrides", str(overrides)]  # fmt: skip
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "5 problem(s) must be fixed first" in err
    assert 'overrides.csv: row 3, column "student_id": student "s9999" is in no team' in err
    assert 'overrides.csv: row 4, column "grade": the grade "abc" is not a number' in err
    assert 'overrides.csv: row 5, column "reason": an override needs a reason' in err
    assert 'overrides.csv: row 6, column "milestone": no milestone "M9" is adjusted' in err
    assert f"overrides.csv: row 7: {RAVI} has an override for M1 Proposal already (row 2)" in err
    assert "Traceback" not in err


def test_a_file_without_the_needed_columns(
    tmp_path: Path, samples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overrides = write_rows(tmp_path / "o.csv", [["student_id", "grade"], [RAVI, "90"]])
    argv = [*sample(samples_dir, "M1 Proposal"), "--out", str(tmp_path / "g.csv"),
            "--overrides", str(overrides)]  # fmt: skip
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "o.csv: row 1: an overrides file needs the columns student_id, grade and reason" in err


def test_the_same_student_twice_across_argument_and_file(
    tmp_path: Path, samples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overrides = write_rows(tmp_path / "o.csv", [["student_id", "grade", "reason"],
                                                [RAVI, "80", "another reason"]])  # fmt: skip
    value = f"{RAVI}=90:{REASON}"
    argv = [*sample(samples_dir, "M1 Proposal"), "--out", str(tmp_path / "g.csv"),
            "--override", value, "--overrides", str(overrides)]  # fmt: skip
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert (
        f'o.csv: row 2: {RAVI} has an override for M1 Proposal already (--override "{value}")'
        in err
    )


def test_the_help_documents_the_syntax(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["adjust", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "[MILESTONE/]STUDENT=GRADE:REASON" in text
    assert '"M2 Prototype/s1011=80:reason"' in text
    assert "student_id, grade, reason" in text


def test_milestone_names_with_a_slash_and_reasons_with_colons_and_slashes() -> None:
    from teamtool.cli.overrides_arg import collect_overrides

    items = ["report/DEMO/S1005=18,5:late: see mail of 3/10", "M2/s1011=0:no show"]
    maxima = {"Report/Demo": 20.0, "M2": 100.0}
    assert collect_overrides(items, None, maxima, ["s1005", "s1011"]) == {
        "Report/Demo": {"s1005": (18.5, "late: see mail of 3/10")},
        "M2": {"s1011": (0.0, "no show")},
    }
