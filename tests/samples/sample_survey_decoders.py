"""Minimal independent decoders of the sample survey layouts (csv/openpyxl only, no teamtool)."""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from pathlib import Path

from openpyxl import load_workbook

LABEL_VALUES = {
    "Excellent": 100.0,
    "Very good": 87.5,
    "Satisfactory": 75.0,
    "Ordinary": 62.5,
    "Marginal": 50.0,
    "Deficient": 37.5,
    "Unsatisfactory": 25.0,
    "Superficial": 12.5,
    "No show": 0.0,
}
COMMENT = "Comments about your teammates (only the instructor sees these)"
Ratings = dict[tuple[str, str], str]  # (rater, ratee) -> label
Comments = dict[str, str]  # rater -> comment


def read_csv(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as f:
        return list(csv.DictReader(f))


def norm_name(text: str) -> str:
    """Accents, case, curly apostrophes, stray spaces and "Last, First" folded away."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(text.split()).lower()
    if "," in text:
        last, first = (part.strip() for part in text.split(",", 1))
        text = f"{first} {last}"
    return text


class SampleRoster:
    """The sample roster with lookups by id, email and (normalised) name."""

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.rows = rows
        self.ids = [r["Student ID"] for r in rows]
        self._by_id = {r["Student ID"]: r for r in rows}
        self.by_email = {r["Email"].lower(): r["Student ID"] for r in rows}
        self.by_name = {norm_name(r["Name"]): r["Student ID"] for r in rows}

    def row(self, sid: str) -> dict[str, str]:
        return self._by_id[sid]

    def resolve(self, text: str) -> str:
        if text in self._by_id:
            return text
        return self.by_email.get(text.lower()) or self.by_name[norm_name(text)]


Response = tuple[dt.datetime, str, dict[str, str], str]  # (time, rater, {ratee: label}, comment)


def _collect(responses: list[Response]) -> tuple[Ratings, Comments]:
    """The latest response of each rater, as ratings and comments."""
    latest: dict[str, tuple[dt.datetime, dict[str, str], str]] = {}
    for when, rater, labels, comment in sorted(responses, key=lambda r: r[0]):
        latest[rater] = (when, labels, comment)
    ratings = {
        (rater, ratee): label for rater, (_, ls, _) in latest.items() for ratee, label in ls.items()
    }
    comments = {rater: c for rater, (_, _, c) in latest.items() if c}
    return ratings, comments


def decode_long(path: Path) -> tuple[Ratings, Comments]:
    ratings: Ratings = {}
    comments: Comments = {}
    for row in read_csv(path):
        ratings[(row["rater"], row["ratee"])] = row["rating"]
        if row["comment"]:
            assert row["rater"] not in comments, "one comment per rater"
            comments[row["rater"]] = row["comment"]
    return ratings, comments


def google_time(text: str) -> dt.datetime:
    stamp, zone = text.rsplit(" ", 1)
    assert zone in ("EDT", "EST")
    return dt.datetime.strptime(stamp, "%Y/%m/%d %I:%M:%S %p")


def decode_google(
    path: Path, roster: SampleRoster, confirmed: dict[str, str]
) -> tuple[Ratings, Comments]:
    grid = re.compile(r"^Rate your teammates \[(.*)\]$")
    responses: list[Response] = []
    for row in read_csv(path):
        email = row["Email Address"].lower()
        rater = roster.by_email.get(email) or confirmed[row["Your name"]]
        labels = {}
        for header, value in row.items():
            match = grid.match(header)
            if match and value:
                labels[roster.resolve(match.group(1))] = value
        responses.append((google_time(row["Timestamp"]), rater, labels, row[COMMENT]))
    return _collect(responses)


def _excel_time(value: object) -> dt.datetime:
    assert isinstance(value, dt.datetime), "Microsoft Forms times are real Excel date-times"
    return value


def decode_msforms(path: Path, roster: SampleRoster) -> tuple[Ratings, Comments]:
    ws = load_workbook(path).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    header = [str(h) for h in rows[0]]
    fixed = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
    assert header[:6] == fixed
    assert header[-1] == COMMENT
    responses: list[Response] = []
    for row in rows[1:]:
        cells = dict(zip(header, row, strict=True))
        labels = {
            roster.resolve(h): str(v)
            for h, v in cells.items()
            if h not in fixed and h != COMMENT and v
        }
        comment = str(cells[COMMENT] or "")
        responses.append(
            (
                _excel_time(cells["Last modified time"]),
                roster.resolve(str(cells["Email"])),
                labels,
                comment,
            )
        )
    return _collect(responses)


def decode_qualtrics(path: Path, roster: SampleRoster) -> tuple[Ratings, Comments]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        ids, text, _imports, *data = list(csv.reader(f))
    responses: list[Response] = []
    for row in data:
        cells = dict(zip(ids, row, strict=True))
        if cells["Status"] != "IP Address" or cells["Finished"] != "True":
            continue
        labels = {}
        for field, display in zip(ids, text, strict=True):
            if field.startswith("Q1_") and cells[field]:
                labels[roster.resolve(display.rsplit(" - ", 1)[1])] = cells[field]
        rater = roster.resolve(cells["RecipientEmail"])
        recorded = dt.datetime.strptime(cells["RecordedDate"], "%Y-%m-%d %H:%M:%S")
        responses.append((recorded, rater, labels, cells["Q2"]))
    return _collect(responses)
