"""The workbook's formulas leave a student no teammate rated at the team grade, by every method."""

from __future__ import annotations

from pathlib import Path

import pytest

from teamtool.export.grades_workbook import export_grades_workbook
from teamtool.grading import PRESETS, AdjustOptions, Method, MissingPolicy, SelfMode

from .conftest import Recalculated, adjust, matrix_ratings, roster_of
from .test_workbook_recalc import assert_workbook_reproduces
from .workbook_cases import workbook_cells

SELF_ONLY = ["a", "b", "c"]  # each rated only themself: 100, 87.5, 75
MIXED = ["d", "e", "f"]  # d and e rate each other and themselves; f rates only themself
ROWS = {
    "Self only": [[100, None, None], [None, 87.5, None], [None, None, 75]],
    "Mixed": [[100, 75, None], [87.5, 75, None], [None, None, 100]],
}
CASES = {
    "oakley": PRESETS["oakley"],
    "cmu": PRESETS["cmu"],
    "catme": PRESETS["catme"],
    "catme-without-self": AdjustOptions(method=Method.CATME, self_mode=SelfMode.EXCLUDE),
    "webpa": PRESETS["webpa"],
    "spark": PRESETS["spark"],
    "cornell-impute": AdjustOptions(missing=MissingPolicy.IMPUTE, round_grade=1),
}


@pytest.mark.parametrize("case", list(CASES))
def test_self_ratings_alone_give_the_team_grade_in_excel(
    tmp_path: Path, recalc: type[Recalculated], case: str
) -> None:
    """Team grades 80 and 70. Before the fix the self-only team's factor cells held 1.05, 1
    and 0.857 (autorating), from nothing but each student's own rating."""
    options = CASES[case]
    teams = {"Self only": SELF_ONLY, "Mixed": MIXED}
    ratings = [r for t, m in teams.items() for r in matrix_ratings(m, ROWS[t])]
    result = adjust("M1", teams, ratings, {"Self only": 80, "Mixed": 70}, options)
    path = export_grades_workbook(
        [result], {"M1": ratings}, teams, roster_of(SELF_ONLY + MIXED), {"M1": options},
        tmp_path / "s.xlsx",
    )  # fmt: skip
    book, cells = recalc(path), workbook_cells(path)
    for sid, team_grade in (("a", 80), ("b", 80), ("c", 80), ("f", 70)):
        assert book.value(*cells[("M1", sid)]["factor"]) == "", sid
        assert book.value(*cells[("M1", sid)]["final"]) == team_grade, sid
    for sid in ("d", "e"):  # rated by a teammate: a factor, as computed by teamtool
        assert isinstance(book.value(*cells[("M1", sid)]["factor"]), int | float), sid
    assert_workbook_reproduces([result], path, recalc)
