"""``teamtool adjust`` with token columns: grades before the adjustment, flags on every member,
tokens_used/tokens_left in the CSV, and a Tokens sheet whose formulas (recalculated by pycel)
equal the Python ledger."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pycel import ExcelCompiler

from teamtool.cli.cmd_adjust import register
from teamtool.errors import InputError
from teamtool.export.tokens_sheet import COLUMNS, HEADER_ROW
from teamtool.files.gradesfile import load_team_grades
from teamtool.files.teamfile import load_team_set
from teamtool.tokens import TokenSettings
from teamtool.tokens.apply import apply_tokens
from tests.tokens.token_grades import grades_with_tokens


def run(samples_dir: Path, grades: Path, out: Path, *more: str) -> Any:
    s = samples_dir
    argv = [
        "adjust", "--teams", str(s / "teams.csv"), "--grades", str(grades),
        "--roster", str(s / "roster.csv"), "--out", str(out),
        "--ratings", f"M1 Proposal={s / 'surveys' / 'm1_long.csv'}",
        "--ratings", f"M2 Prototype={s / 'surveys' / 'm2_long.csv'}", *more,
    ]  # fmt: skip
    parser = argparse.ArgumentParser(prog="teamtool")
    register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return args.func(args)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def test_adjust_applies_tokens_before_the_peer_adjustment(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    grades = grades_with_tokens(tmp_path / "grades_tokens.csv")
    file_grades = load_team_grades(grades)
    assert run(samples_dir, grades, tmp_path / "out.csv") == 0
    printed = capsys.readouterr().out
    assert "tokens: 8 per team, 1 per late day, 3 per resubmission" in printed
    assert "late-no-tokens" in printed
    assert "resubmission-refused" in printed
    rows = read_csv(tmp_path / "out.csv")
    by = {(r["team"], r["milestone"]): r for r in rows}
    assert list(rows[0])[-2:] == ["tokens_used", "tokens_left"]
    assert (
        by["Team 1", "M2 Prototype"]["tokens_used"],
        by["Team 1", "M2 Prototype"]["tokens_left"],
    ) == ("6", "2")
    assert (
        float(by["Team 1", "M2 Prototype"]["team_grade"]) == file_grades["M2 Prototype"]["Team 1"]
    )
    assert float(by["Team 2", "M2 Prototype"]["team_grade"]) == 60.0  # original stands
    assert float(by["Team 3", "M1 Proposal"]["team_grade"]) == 0.0  # no credit
    assert (
        by["Team 3", "M2 Prototype"]["tokens_used"],
        by["Team 3", "M2 Prototype"]["tokens_left"],
    ) == ("2", "6")
    assert float(by["Team 4", "M2 Prototype"]["team_grade"]) == 0.0  # 4 days, 3 tokens left
    teams = load_team_set(samples_dir / "teams.csv").teams
    for team, ms, code in [
        ("Team 2", "M2 Prototype", "resubmission-refused"),
        ("Team 3", "M1 Proposal", "late-no-tokens"),
        ("Team 4", "M2 Prototype", "late-no-tokens"),
    ]:
        members = [r for r in rows if r["team"] == team and r["milestone"] == ms]
        assert {r["student_id"] for r in members} == set(teams[team])
        assert all(code in r["flags"] for r in members)
        assert all(float(r["grade"]) == 0.0 for r in members) or code == "resubmission-refused"
    flagged = {r["team"] for r in rows if "no-tokens" in r["flags"] or "refused" in r["flags"]}
    assert flagged == {"Team 2", "Team 3", "Team 4"}


def test_an_override_replaces_a_flagged_grade(samples_dir: Path, tmp_path: Path) -> None:
    grades = grades_with_tokens(tmp_path / "grades_tokens.csv")
    sid = load_team_set(samples_dir / "teams.csv").teams["Team 3"][0]
    override = f"M1 Proposal/{sid}=75:late days excused (illness)"
    assert run(samples_dir, grades, tmp_path / "out.csv", "--override", override) == 0
    row = next(
        r
        for r in read_csv(tmp_path / "out.csv")
        if r["student_id"] == sid and r["milestone"] == "M1 Proposal"
    )
    assert (row["grade"], row["computed_grade"], row["reason"]) == (
        "75",
        "0",
        "late days excused (illness)",
    )
    assert "late-no-tokens" in row["flags"]


def test_no_tokens_and_other_costs(samples_dir: Path, tmp_path: Path) -> None:
    grades = grades_with_tokens(tmp_path / "grades_tokens.csv")
    assert run(samples_dir, grades, tmp_path / "plain.csv", "--no-tokens") == 0
    rows = read_csv(tmp_path / "plain.csv")
    assert "tokens_left" not in rows[0]
    assert not any("tokens" in r["flags"] for r in rows)
    assert run(samples_dir, grades, tmp_path / "rich.csv", "--tokens", "20") == 0
    rows = read_csv(tmp_path / "rich.csv")
    assert not any("no-tokens" in r["flags"] or "refused" in r["flags"] for r in rows)
    with pytest.raises(InputError, match="--no-tokens ignores"):
        run(samples_dir, grades, tmp_path / "x.csv", "--no-tokens", "--tokens", "3")
    with pytest.raises(InputError, match="late policy"):
        run(samples_dir, grades, tmp_path / "x.csv", "--late-policy", "sometimes")


@pytest.mark.parametrize("policy", [None, "10%"])
def test_tokens_sheet_formulas_equal_the_python_ledger(
    samples_dir: Path, tmp_path: Path, policy: str | None
) -> None:
    grades = grades_with_tokens(tmp_path / "grades_tokens.csv")
    out = tmp_path / "out.xlsx"
    assert run(samples_dir, grades, out, *(["--late-policy", policy] if policy else [])) == 0
    settings = TokenSettings(late_percent_per_day=10 if policy else None)
    teams = load_team_set(samples_dir / "teams.csv").teams
    outcome = apply_tokens(load_team_grades(grades, teams), settings)
    sheet = load_workbook(out)["Tokens"]
    assert str(sheet[f"{COLUMNS['Spent']}{HEADER_ROW + 1}"].value).startswith("=")
    assert str(sheet[f"{COLUMNS['Left']}{HEADER_ROW + 1}"].value).startswith("=")
    engine = ExcelCompiler(filename=str(out))
    row = HEADER_ROW
    checked = 0
    for team, ledger in outcome.ledger.items():
        for entry in ledger:
            row += 1
            assert sheet[f"A{row}"].value == team
            assert sheet[f"B{row}"].value == entry.milestone

            def value(name: str, at: int = row) -> Any:
                return engine.evaluate(f"'Tokens'!{COLUMNS[name]}{at}")

            assert (value("Spent"), value("Left")) == (entry.spent, entry.left)
            assert value("Late days paid") == entry.days_paid
            used = outcome.grades[entry.milestone][team]
            assert value("Grade used") == pytest.approx(used)
            checked += 1
    assert checked == 24
    refused = outcome.row("Team 2", "M2 Prototype")
    assert refused is not None
    assert refused.resubmission_refused
    if policy:  # Team 4 pays 3 of its 4 M2 days and loses 10 %
        row4 = outcome.row("Team 4", "M2 Prototype")
        assert row4 is not None
        assert (row4.days_paid, row4.left) == (3, 0)
