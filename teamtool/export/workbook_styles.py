"""The grade workbook's cell looks: each look is one XlsxWriter format, made once per workbook."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook

FACTOR_FORMAT = "0.000"
GRADE_FORMAT = "0.0"
AVERAGE_FORMAT = "0.00"
HEADER_FILL = "#DDEBF7"
FLAG_FILL = "#FCE4D6"
_BOLD = {"bold": True}
_WRAP = {"text_wrap": True, "valign": "top"}
_FLAGGED = {"bg_color": FLAG_FILL, "pattern": 1}

#: Each look's XlsxWriter format properties.
LOOKS: dict[str, dict[str, Any]] = {
    "title": {"bold": True, "font_size": 13},
    "label": _BOLD,
    "header": {**_BOLD, "bg_color": HEADER_FILL, "pattern": 1, **_WRAP},
    "imputed": {"italic": True, "font_color": "#7F7F7F"},
    "wrap": _WRAP,
    "factor": {"num_format": FACTOR_FORMAT},
    "average": {"num_format": AVERAGE_FORMAT},
    "grade": {"num_format": GRADE_FORMAT},
    "final": {**_BOLD, "num_format": GRADE_FORMAT},
    "factor flagged": {**_FLAGGED, "num_format": FACTOR_FORMAT},
    "grade flagged": {**_FLAGGED, "num_format": GRADE_FORMAT},
    "final flagged": {**_BOLD, **_FLAGGED, "num_format": GRADE_FORMAT},
    "flagged": _FLAGGED,
}


class Styler:
    """The formats of one workbook by look name (:data:`LOOKS`), each added to it once."""

    def __init__(self, book: Workbook) -> None:
        self._book = book
        self._done: dict[str, Format] = {}

    def format(self, name: str | None) -> Format | None:
        """The format of look ``name`` (None: the default look)."""
        if name is None:
            return None
        done = self._done.get(name)
        if done is None:
            done = self._done[name] = self._book.add_format(LOOKS[name])
        return done

    def flag_highlight(self) -> Format:
        """The fill of a conditional format that marks a flagged row."""
        return self._book.add_format({"bg_color": FLAG_FILL})
