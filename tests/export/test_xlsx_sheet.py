"""Our worksheet class writes classic formulas as they are and leaves newer ones to XlsxWriter."""

from __future__ import annotations

import zipfile
from pathlib import Path

from xlsxwriter import Workbook

from teamtool.export.xlsx_sheet import ClassicFormulaSheet


def test_classic_formulas_as_written_newer_functions_prefixed(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    book = Workbook(str(path), {"in_memory": True})
    ws = book.add_worksheet("S", ClassicFormulaSheet)
    ws.write_formula(0, 0, '=IF(COUNT(B1:B3)=0,"",ROUND(SUM(B1:B3)/3,2))', None, "")
    ws.write_formula(1, 0, "=XLOOKUP(1,B1:B3,C1:C3)", None, "")
    ws.write_formula(2, 0, "=round(sqrt(B1),1)", None, "")
    book.close()
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert '<f>IF(COUNT(B1:B3)=0,"",ROUND(SUM(B1:B3)/3,2))</f><v></v>' in xml
    assert "_xlfn.XLOOKUP(1,B1:B3,C1:C3)</f>" in xml  # a dynamic-array formula
    assert "<f>round(sqrt(B1),1)</f>" in xml
