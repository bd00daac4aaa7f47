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
