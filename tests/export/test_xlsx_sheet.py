"""Our worksheet class writes classic formulas as they are and leaves newer ones to XlsxWriter."""

from __future__ import annotations

import gc
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from xlsxwriter import Workbook
from xlsxwriter.worksheet import Worksheet

from teamtool.export import grades_workbook
from teamtool.export.grades_workbook import export_grades_workbook
from teamtool.export.xlsx_sheet import ClassicFormulaSheet, collector_paused
from teamtool.files.gradesfile import TeamGrades
from teamtool.grading import adjust_milestone
from teamtool.model import Roster, Student
from teamtool.tokens import TokenSettings, TokenUse
from teamtool.tokens.apply import apply_tokens

from .workbook_cases import CASES, awkward_class


def test_classic_formulas_as_written_newer_functions_prefixed(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    book = Workbook(str(path), {"in_memory": True})
    ws = book.add_worksheet("S", ClassicFormulaSheet)
    ws.write_formula(0, 0, '=IF(COUNT(B1:B3)=0,"",ROUND(SUM(B1:B3)/3,2))', None, "")
    ws.write_formula(1, 0, "=XLOOKUP(1,B1:B3,C1:C3)", None, "")
    ws.write_formula(2, 0, "=round(sqrt(B1),1)", None, "")
    ws.write_formula(3, 0, '=IF(AND(ISNUMBER(B2),N($E$2)>0),B2/$E$2,"")', None, "")
    ws.write_formula(4, 0, "=SUM(FILTER(B1:B3,B1:B3>1))", None, "")
    book.close()
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert '<f>IF(COUNT(B1:B3)=0,"",ROUND(SUM(B1:B3)/3,2))</f><v></v>' in xml
    assert "_xlfn.XLOOKUP(1,B1:B3,C1:C3)</f>" in xml  # a dynamic-array formula
    assert "<f>round(sqrt(B1),1)</f>" in xml
    assert '<f>IF(AND(ISNUMBER(B2),N($E$2)&gt;0),B2/$E$2,"")</f><v></v>' in xml
    assert "_xlfn._xlws.FILTER(B1:B3,B1:B3&gt;1)" in xml  # XlsxWriter's own path


def _export(path: Path) -> dict[str, bytes]:
    """The workbook of every method/option case, odd names and comments, and a Tokens sheet;
    every part of the file but its creation time."""
    results, ratings, teams, options = [], {}, {}, {}
    for seed, (name, opts) in enumerate(CASES.items()):
        case_teams, case_ratings, grades = awkward_class(seed)
        case_teams = {f"{team} & <co>" if k % 2 else team: members
                      for k, (team, members) in enumerate(case_teams.items())}  # fmt: skip
        case_ratings = [
            replace(r, comment=f'="{r.rater}" & <b>' if k % 7 == 0 else "")
            for k, r in enumerate(case_ratings)
        ]
        grades = {t: grades[t.removesuffix(" & <co>")] for t in case_teams
                  if t.removesuffix(" & <co>") in grades}  # fmt: skip
        overrides = {"t0s1": (77.0, "agreed & <signed>")}
        results.append(
            adjust_milestone(name, case_teams, case_ratings, grades, 100, opts, overrides)
        )
        ratings[name], teams[name], options[name] = case_ratings, case_teams, opts
    members = sorted({s for m in teams.values() for ms in m.values() for s in ms})
    roster = Roster([Student(s, name=f"{s.upper()} <&> O'Neil") for s in members])
    token_grades = TeamGrades()
    token_grades["oakley"] = {"Team 1": 90.0}
    token_grades.token_uses["oakley"] = {"Team 1": TokenUse("oakley", 9, 1)}
    outcome = apply_tokens(token_grades, TokenSettings())
    export_grades_workbook(results, ratings, teams, roster, options, path, tokens=outcome)
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def test_cells_written_byte_for_byte_as_xlsxwriter_writes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Our shorter paths for formulas and cells change nothing in the file: the workbook is the
    one XlsxWriter's own routines write, part by part."""
    ours = _export(tmp_path / "ours.xlsx")
    monkeypatch.setattr(ClassicFormulaSheet, "_write_formula", Worksheet._write_formula)
    monkeypatch.setattr(ClassicFormulaSheet, "_write_cell", Worksheet._write_cell)
    monkeypatch.setattr(ClassicFormulaSheet, "_prepare_formula", Worksheet._prepare_formula)
    theirs = _export(tmp_path / "theirs.xlsx")
    assert ours.keys() == theirs.keys()
    assert len([n for n in ours if n.startswith("xl/worksheets/sheet")]) == len(CASES) + 4
    for name in ours:
        assert ours[name] == theirs[name], name
    assert b"&amp; &lt;co&gt;" in ours["xl/sharedStrings.xml"]


def test_cycle_collector_paused_while_the_book_is_written_then_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    teams, ratings, grades = awkward_class(0)
    result = adjust_milestone("M1", teams, ratings, grades, 100, CASES["oakley"])
    roster = Roster([Student(s) for m in teams.values() for s in m])
    collector_on: list[bool] = []
    write_book = grades_workbook._write_book
    monkeypatch.setattr(
        grades_workbook,
        "_write_book",
        lambda *args: (collector_on.append(gc.isenabled()), write_book(*args))[1],
    )

    def export() -> None:
        export_grades_workbook(
            [result], {"M1": ratings}, teams, roster, {"M1": CASES["oakley"]}, tmp_path / "g.xlsx"
        )

    assert gc.isenabled()
    export()
    assert collector_on == [False]
    assert gc.isenabled()
    gc.disable()
    try:
        export()
        assert not gc.isenabled()  # left off by whoever turned it off
    finally:
        gc.enable()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a failed export")
    assert gc.isenabled()
