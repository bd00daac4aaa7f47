"""Test fixtures under tests/data: awkward roster files and a 17-student Canvas gradebook."""

from __future__ import annotations

import csv
import hashlib
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from openpyxl import Workbook
from sample_course import ROSTER_COLUMNS, Course, ascii_fold

PROBLEM_ROWS = [
    # row 2: fine
    ["s2001", "Ada Byrne", "ada.byrne@example.edu", "L01", "F", "CS", "3.20", "4", "3",
     "Mon AM; Tue PM", "", ""],
    # row 3: fine, requests row 2 by id
    ["s2002", "Bruno Costa", "bruno.costa@example.edu", "L01", "M", "EE", "2.90", "3", "4",
     "Mon AM; Wed PM", "s2001", ""],
    # row 4: GPA "3.x" cannot be read as a number
    ["s2003", "Clara Vogel", "clara.vogel@example.edu", "L01", "F", "ME", "3.x", "2", "5",
     "Tue PM; Thu AM", "", ""],
    # row 5: duplicate id (row 3 has s2002)
    ["s2002", "Dev Sharma", "dev.sharma@example.edu", "L01", "M", "Math", "3.60", "5", "3",
     "Mon AM; Fri PM", "", ""],
    # row 6: empty id
    ["", "Elif Yılmaz", "elif.yilmaz@example.edu", "L02", "F", "Design", "3.10", "3", "4",
     "Wed AM; Thu PM", "", ""],
    # row 7: requests somebody who is not in the roster
    ["s2006", "Finn Walsh", "finn.walsh@example.edu", "L02", "M", "CS", "2.50", "4", "2",
     "Mon PM; Wed AM", "Nobody Known", ""],
    # row 8: "Someday" is not a weekly slot
    ["s2007", "Gita Rao", "gita.rao@example.edu", "L02", "F", "EE", "3.75", "3", "3",
     "Mon AM; Someday", "", ""],
    # row 9: fine
    ["s2008", "Hugo Brandt", "hugo.brandt@example.edu", "L02", "M", "ME", "2.30", "2", "4",
     "Fri AM; Fri PM", "", ""],
]  # fmt: skip

SEMICOLON_ROWS = [
    ["Student ID", "Name", "Email", "Section", "GPA", "Programming"],
    ["s3001", "François Dupré", "francois.dupre@example.edu", "L01", "3,4", "4"],
    ["s3002", "Zoë Martín", "zoe.martin@example.edu", "L01", "2,85", "3"],
    ["s3003", "Jürgen Müller", "jurgen.muller@example.edu", "L01", "3,9", "5"],
    ["s3004", "Ana Peña", "ana.pena@example.edu", "L02", "3", "2"],
    ["s3005", "Søren Holm", "soren.holm@example.edu", "L02", "2,1", "3"],
    ["s3006", "Inês Araújo", "ines.araujo@example.edu", "L02", "3,65", "4"],
]

BOM_ROWS = [
    ["ID", "First Name", "Last Name", "E-mail", "Lab", "GPA"],
    ["s4001", "Zoë", "Martín", "zoe.martin@example.edu", "Lab 1", "3.40"],
    ["s4002", "Siobhán", "O'Brien", "siobhan.obrien@example.edu", "Lab 1", "3.85"],
    ["s4003", "Lan", "Nguyễn", "lan.nguyen@example.edu", "Lab 2", "3.10"],
    ["s4004", "José", "García", "jose.garcia@example.edu", "Lab 2", "2.75"],
    ["s4005", "Ben", "Carter", "ben.carter@example.edu", "Lab 1", "2.40"],
]


def _write(path: Path, rows: list[list[str]], encoding: str, delimiter: str = ",") -> None:
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\r\n").writerows(rows)


def write_roster_fixtures(course: Course, data: Path) -> None:
    _write(data / "roster_semicolon_cp1252.csv", SEMICOLON_ROWS, "cp1252", ";")
    _write(data / "roster_bom.csv", BOM_ROWS, "utf-8-sig")
    with (data / "roster_problems.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([ROSTER_COLUMNS, *PROBLEM_ROWS])
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Roster"
    ws.append(ROSTER_COLUMNS)
    first_ten = course.people[:10]
    known = {p.sid for p in first_ten} | {p.name for p in first_ten}
    for p in first_ten:
        row = p.roster_row()
        for col in (10, 11):  # drop requests of students outside the ten
            row[col] = "; ".join(e for e in row[col].split("; ") if e in known)
        ws.append([*row[:6], p.gpa, p.programming, p.writing, *(cell or None for cell in row[9:])])
    wb.save(data / "roster.xlsx")


# Canvas: (first, last, section, quiz 1 of 10, project M1 of 100); M2 is not graded yet.
CANVAS_STUDENTS = [
    ("Elsa", "Åberg", "CS 362 001", "9.5", "88"),
    ("Kofi", "Asante", "CS 362 002", "7", "91.5"),
    ("Maya", "Brooks", "CS 362 001", "10", "76"),
    ("Lucía", "Castillo", "CS 362 002", "8", "84"),
    ("Tom", "Chen", "CS 362 001", "6.5", "88"),
    ("Rosa", "Díaz", "CS 362 002", "9", "95"),
    ("Ahmed", "El-Sayed", "CS 362 001", "8.5", "72.25"),
    ("Noor", "Farah", "CS 362 002", "EX", "91.5"),
    ("Diego", "Fernández", "CS 362 001", "7.5", "84"),
    ("Hiroshi", "Ito", "CS 362 001 and CS 362 002", "10", "95"),
    ("Zoë", "Martín", "CS 362 002", "9", "76"),
    ("Liam", "O'Neil", "CS 362 001", "5", "72.25"),
    ("Anna", "Petrova", "CS 362 002", "8", "88"),
    ("Sven", "Quist", "CS 362 001", "9.5", "N/A"),
    ("Jamal", "Reed", "CS 362 002", "", "84"),
    ("Eva", "Schäfer", "CS 362 001", "10", "95"),
    ("Mia", "Van der Berg", "CS 362 002", "7", "91.5"),
]
ASSIGNMENTS = [  # (header, points, group)
    ("Project M1 Proposal (221310)", 100.0, "Projects"),
    ("Project M2 Prototype (221311)", 100.0, "Projects"),
    ("Quiz 1 (221305)", 10.0, "Quizzes"),
]
TOTALS = ["Current Points", "Final Points", "Current Score", "Unposted Current Score"]
TOTALS += ["Final Score", "Unposted Final Score"]


def _2dp(value: float) -> str:
    """Two decimals, halves rounded up as Ruby's ``round(2)`` does (36.125 -> 36.13)."""
    return str(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _totals(scores: list[str], which: list[int]) -> list[str]:
    """Canvas's computed columns (points and scores; nothing unposted) over ``which``."""
    cur = fin = cur_possible = fin_possible = 0.0
    for i in which:
        cell, points = scores[i], ASSIGNMENTS[i][1]
        if cell in ("EX", "N/A"):
            continue
        fin_possible += points
        if cell:
            cur += float(cell)
            fin += float(cell)
            cur_possible += points
    current = _2dp(100 * cur / cur_possible) if cur_possible else ""
    final = _2dp(100 * fin / fin_possible) if fin_possible else ""
    return [_2dp(cur), _2dp(fin), current, current, final, final]


def _fmt(cell: str) -> str:
    return cell if cell in ("", "EX", "N/A") else _2dp(float(cell))


def write_canvas_gradebook(path: Path) -> None:
    groups = {"Projects": [0, 1], "Quizzes": [2]}
    header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    header += [a[0] for a in ASSIGNMENTS]
    for group in groups:
        header += [f"{group} {t}" for t in TOTALS]
    header += TOTALS
    computed = len(header) - 5 - len(ASSIGNMENTS)
    rows = [header]
    rows.append(["", "", "", "", "", "", "Manual Posting", ""] + [""] * computed)
    points = [f"{a[1]:.2f}" for a in ASSIGNMENTS]
    rows.append(["    Points Possible", "", "", "", "", *points] + ["(read only)"] * computed)
    people = sorted(CANVAS_STUDENTS, key=lambda s: ascii_fold(f"{s[1]}, {s[0]}").lower())
    for n, (first, last, section, quiz, m1) in enumerate(people):
        login = ascii_fold(first[0] + last).lower().replace("'", "").replace(" ", "")
        scores = [_fmt(m1), "", _fmt(quiz)]
        row = [f"{last}, {first}", str(104211 + 37 * n), f"90012{3400 + 17 * n}", login, section]
        row += scores
        for which in groups.values():
            row += _totals(scores, which)
        row += _totals(scores, [0, 1, 2])
        rows.append(row)
    hmac = hashlib.sha1(b"teamtool test student").hexdigest()
    test = ["Student, Test", "104999", "", hmac, "CS 362 001 and CS 362 002", "", "", ""]
    for which in groups.values():
        test += _totals(["", "", ""], which)
    rows.append(test + _totals(["", "", ""], [0, 1, 2]))
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
