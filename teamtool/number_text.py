"""Numbers as people type them: the one number parser of the core.

Rules (every reader of grades, GPAs, ratings and points uses them):

- Digits with an optional sign: ``84``, ``-3``, ``+2``. Spaces inside a number group thousands:
  ``1 000``, ``12 500,5`` (also no-break and thin spaces).
- A point or a comma that cannot group thousands is the decimal mark: ``3,5`` -> 3.5,
  ``90.25`` -> 90.25, ``0,250`` -> 0.25 (a group never starts with 0), ``1234,567`` -> 1234.567
  (a first group has at most 3 digits), ``90.`` -> 90.
- Both marks: the last one is the decimal mark, the other groups thousands:
  ``1.000,5`` -> 1000.5, ``1,000.5`` -> 1000.5. A mark seen twice groups thousands:
  ``1,000,000`` -> 1000000, ``1.000.000`` -> 1000000. Groups must be 3 digits each
  (``1,00,0`` is not a number).
- ``1,250`` and ``1.250`` (one mark, 1 to 3 digits before it, exactly 3 after) could be either
  way: 1250, or 1.25. The column's other cells settle it when they can: a cell ``3,5`` or
  ``1.000,5`` shows a decimal comma (so ``1,250`` -> 1.25 and ``1.250`` -> 1250); a cell
  ``3.5`` or ``1,000.5`` shows a decimal point (``1,250`` -> 1250, ``1.250`` -> 1.25). When they
  do not (no such cell, or both kinds):

  * a point is the decimal mark (``3.250`` -> 3.25): GPAs and ratings written with three
    decimals are common, a point grouping thousands with nothing else to show it is not;
  * ``1,000``, ``25,000`` (three zeros after the comma) group thousands: nobody writes 1 as
    ``1,000`` except a fixed-decimals export, whose other cells (``0,750``, ``3,5``) show it;
  * any other ``1,250`` is ambiguous, and an error: write ``1250`` or ``1,25``.
- Not numbers: ``1e3``, ``inf``, ``nan``, ``A-``, empty text.
- Magnitude: a number of 10^15 or more is an error. Excel keeps 15 significant digits, so such
  a value cannot have come from a spreadsheet exactly, and no grade, GPA, rating or count is
  anywhere near it; it would also overflow the whole-number arithmetic of team formation.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Mark = Literal[".", ","]

LIMIT = 1e15
_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")
_BODY = re.compile(r"[0-9]+(?:[., ][0-9]+)*[.,]?|[.,][0-9]+")
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})*")  # with "," standing for any one mark


@dataclass(frozen=True)
class NumberReading:
    """The value of a text, or why it has none (``code`` and ``error`` say which)."""

    value: float | None
    code: str = ""  # "", "bad-number", "ambiguous-number" or "number-too-large"
    error: str = ""

    @property
    def looks_numeric(self) -> bool:
        """A number, or text that would be one but for its ambiguity (a column of numbers of 16
        digits or more holds identifiers, not quantities)."""
        return self.value is not None or self.code == "ambiguous-number"


def parse_number(text: str, mark: Mark | None = None) -> float | None:
    """The value of ``text`` (see the module's rules), or None when it has none."""
    return read_number(text, mark).value


def read_number(text: str, mark: Mark | None = None) -> NumberReading:
    """Read ``text`` as a number; ``mark`` is the column's decimal mark when it is known."""
    cleaned = _SPACES.sub(" ", text.strip().replace("\u2212", "-"))
    sign, body = (cleaned[0], cleaned[1:]) if cleaned[:1] in "+-" and cleaned else ("", cleaned)
    shown = text.strip() if len(text.strip()) <= 40 else text.strip()[:37] + "..."
    if not body or not _BODY.fullmatch(body):
        return NumberReading(None, "bad-number", f'"{shown}" is not a number')
    digits = _normalise(body, mark)
    if digits is None:
        return NumberReading(None, "bad-number", f'"{shown}" is not a number')
    if digits == "?":  # only "1,250" (see the rules) is ambiguous
        whole, decimal = body.replace(",", ""), body.replace(",", ".").rstrip("0")
        return NumberReading(
            None,
            "ambiguous-number",
            f'"{shown}" is ambiguous: {sign}{whole} with a thousands separator, or '
            f"{sign}{decimal} with a decimal comma, and the column's other cells do not say "
            f"which; write {sign}{whole} or {sign}{decimal.replace('.', ',')}",
        )
    value = float(sign + digits)
    if not math.isfinite(value) or abs(value) >= LIMIT:
        return NumberReading(
            None,
            "number-too-large",
            f'"{shown}" is too large to be a grade, GPA or rating (the limit is 10^15)',
        )
    return NumberReading(value)


def _normalise(body: str, mark: Mark | None) -> str | None:
    """``body`` as digits with a ``.`` decimal point, None if it is no number, ``?`` if
    ambiguous."""
    if " " in body:
        head, _, tail = body.rpartition(" ")
        last = tail.replace(",", ".")
        grouped = head.replace(" ", ",") + "," + tail[:3]
        if not _GROUPED.fullmatch(grouped) or not (len(tail) == 3 or last[3:4] == "."):
            return None
        if any(c in head for c in ".,") or last.count(".") > 1:
            return None
        return head.replace(" ", "") + last
    points, commas = body.count("."), body.count(",")
    if points and commas:
        decimal = "." if body.rfind(".") > body.rfind(",") else ","
        group = "," if decimal == "." else "."
        whole, _, fraction = body.rpartition(decimal)
        if body.count(decimal) > 1 or not _GROUPED.fullmatch(whole.replace(group, ",")):
            return None
        return whole.replace(group, "") + "." + fraction
    if not points and not commas:
        return body
    sep = "." if points else ","
    if body.count(sep) > 1:
        return body.replace(sep, "") if _GROUPED.fullmatch(body.replace(sep, ",")) else None
    whole, _, fraction = body.partition(sep)
    if not _GROUPED.fullmatch(f"{whole},{fraction}"):
        return f"{whole or '0'}.{fraction}"  # cannot group thousands: a decimal mark
    if mark is not None:
        return whole + fraction if mark != sep else f"{whole}.{fraction}"
    if sep == ".":
        return body
    return whole + fraction if fraction == "000" else "?"


def evidence(text: str) -> Mark | None:
    """The decimal mark that ``text`` shows by itself (``3,5`` -> ``,``), if it shows one."""
    body = _SPACES.sub(" ", text.strip()).lstrip("+-\u2212")
    points, commas = body.count("."), body.count(",")
    if not _BODY.fullmatch(body) or not points + commas or _normalise(body, ".") is None:
        return None
    if points and commas:
        return "." if body.rfind(".") > body.rfind(",") else ","
    sep: Mark = "." if points else ","
    other: Mark = "," if sep == "." else "."
    if body.count(sep) > 1:
        return other  # a mark seen twice groups thousands
    whole, _, fraction = body.replace(" ", "").partition(sep)
    if " " in body or not _GROUPED.fullmatch(f"{whole},{fraction}"):
        return sep
    return None


def column_mark(texts: Iterable[str]) -> Mark | None:
    """The decimal mark a column's cells show, or None when they show none or both."""
    seen = {evidence(t) for t in texts} - {None}
    return seen.pop() if len(seen) == 1 else None
