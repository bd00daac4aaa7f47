"""Write a designed survey in the layouts of the long CSV, Google Forms, MS Forms and Qualtrics."""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
from pathlib import Path

from openpyxl import Workbook
from sample_course import Course, first_last
from sample_ratings import Submission, Survey

GOOGLE_GRID = "Rate your teammates"
COMMENT_QUESTION = "Comments about your teammates (only the instructor sees these)"
QUALTRICS_MATRIX = (
    "How well did each teammate fulfil their responsibilities on this milestone? "
    "Rate every member of your team, including yourself."
)
# How the instructor typed some names when building the forms (same in every layout).
FORM_NAMES = {
    "José García": "Jose Garcia",
    "Siobhán O'Brien": "O\u2019Brien, Siobhán",
    "Zoë Martín": "Zoë  Martín ",
}


def form_rows(course: Course) -> list[tuple[str, str]]:
    """(student id, the name as written in the form), in team order."""
    names = {p.sid: p.name for p in course.people}
    return [
        (sid, FORM_NAMES.get(names[sid], names[sid]))
        for members in course.teams.values()
        for sid in members
    ]


def write_long(survey: Survey, course: Course, path: Path) -> None:
    final = survey.final()
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["rater", "ratee", "rating", "comment"])
        for members in course.teams.values():
            for rater in members:
                sub = final.get(rater)
                if sub is None:
                    continue
                for ratee, label in sub.ratings.items():
                    out.writerow([rater, ratee, label, sub.comment if ratee == sub.about else ""])


def google_time(when: dt.datetime) -> str:
    """``2026/10/14 9:41:07 PM EDT`` (US Eastern; DST ends on 1 November 2026)."""
    zone = "EDT" if when < dt.datetime(2026, 11, 1, 2) else "EST"
    hour = when.hour % 12 or 12
    half = "AM" if when.hour < 12 else "PM"
    return f"{when:%Y/%m/%d} {hour}:{when:%M:%S} {half} {zone}"


def write_google(survey: Survey, course: Course, path: Path) -> None:
    rows = form_rows(course)
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        header = ["Timestamp", "Email Address", "Your name"]
        header += [f"{GOOGLE_GRID} [{label}]" for _, label in rows]
        out.writerow([*header, COMMENT_QUESTION])
        for sub in survey.submissions:
            cells = [google_time(sub.when), sub.google_email, sub.typed_name]
            cells += [sub.ratings.get(sid, "") for sid, _ in rows]
            out.writerow([*cells, sub.comment])


def _duration(sub: Submission) -> dt.timedelta:
    rng = random.Random(f"{sub.rater}{sub.when.isoformat()}")
    return dt.timedelta(seconds=rng.randint(150, 900))


def write_msforms(survey: Survey, course: Course, path: Path) -> None:
    rows = form_rows(course)
    names = {p.sid: p.name for p in course.people}
    emails = {p.sid: p.email for p in course.people}
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sheet1"
    fixed = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
    ws.append([*fixed, *(label for _, label in rows), COMMENT_QUESTION])
    for number, sub in enumerate(survey.submissions, start=1):
        started = sub.when - _duration(sub)
        cells: list[object] = [number, started, sub.when, emails[sub.rater], names[sub.rater]]
        cells.append(sub.when)
        cells += [sub.ratings.get(sid) for sid, _ in rows]
        cells.append(sub.comment or None)
        ws.append(cells)
        for col in (2, 3, 6):
            ws.cell(row=number + 1, column=col).number_format = "m/d/yy h:mm:ss"
        comment_cell = ws.cell(row=number + 1, column=len(cells))
        if sub.comment:
            comment_cell.data_type = "s"  # a typed "=..." is text in the export, not a formula
    wb.save(path)


def _json(value: dict[str, str]) -> str:
    return json.dumps(value, separators=(",", ":"))


def _qualtrics_fixed(course: Course) -> tuple[list[str], list[str], list[str]]:
    ids = ["StartDate", "EndDate", "Status", "IPAddress", "Progress"]
    ids += ["Duration (in seconds)", "Finished", "RecordedDate", "ResponseId"]
    ids += ["RecipientLastName", "RecipientFirstName", "RecipientEmail", "ExternalReference"]
    ids += ["LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage"]
    text = ["Start Date", "End Date", "Response Type", "IP Address", "Progress"]
    text += ["Duration (in seconds)", "Finished", "Recorded Date", "Response ID"]
    text += ["Recipient Last Name", "Recipient First Name", "Recipient Email"]
    text += ["External Data Reference", "Location Latitude", "Location Longitude"]
    text += ["Distribution Channel", "User Language"]
    imports = [
        "startDate",
        "endDate",
        "status",
        "ipAddress",
        "progress",
        "duration",
        "finished",
        "recordedDate",
    ]
    imports += ["_recordId", "recipientLastName", "recipientFirstName", "recipientEmail"]
    imports += ["externalDataReference", "locationLatitude", "locationLongitude"]
    imports += ["distributionChannel", "userLanguage"]
    zone = {"startDate", "endDate", "recordedDate"}
    meta = [
        _json({"ImportId": i, "timeZone": "America/New_York"} if i in zone else {"ImportId": i})
        for i in imports
    ]
    # Row codes skip 7: the instructor deleted a row while building the matrix.
    for n, (_, label) in enumerate(form_rows(course), start=1):
        code = n if n < 7 else n + 1
        ids.append(f"Q1_{code}")
        text.append(f"{QUALTRICS_MATRIX} - {label}")
        meta.append(_json({"ImportId": f"QID1_{code}"}))
    ids.append("Q2")
    text.append(COMMENT_QUESTION)
    meta.append(_json({"ImportId": "QID2_TEXT"}))
    return ids, text, meta


def _q_time(when: dt.datetime) -> str:
    return f"{when:%Y-%m-%d %H:%M:%S}"


def write_qualtrics(survey: Survey, course: Course, path: Path, silent: str) -> None:
    """``silent`` left a partial response; a preview by the instructor comes first."""
    rows = form_rows(course)
    people = course.by_id()
    rng = random.Random(7)
    first = min(s.when for s in survey.submissions)
    team1 = course.teams["Team 1"]
    preview = Submission(
        "", first - dt.timedelta(days=1, hours=3), dict.fromkeys(team1, "Very good")
    )
    silent_team = course.teams[course.team_of(silent)]
    partial = Submission(
        silent, first + dt.timedelta(hours=30), dict.fromkeys(silent_team[:2], "Excellent")
    )
    records: list[tuple[Submission, str]] = [(preview, "preview"), (partial, "partial")]
    records += [(s, "done") for s in survey.submissions]
    records.sort(key=lambda r: r[0].when)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        for header_row in _qualtrics_fixed(course):
            out.writerow(header_row)
        for sub, kind in records:
            seconds = int(_duration(sub).total_seconds())
            started = sub.when - dt.timedelta(seconds=seconds)
            recorded = sub.when + dt.timedelta(days=7) if kind == "partial" else sub.when
            person = people.get(sub.rater)
            first_name, last_name = ("", "") if person is None else first_last(person.name)
            cells = [
                _q_time(started),
                _q_time(recorded if kind != "partial" else sub.when),
                "Survey Preview" if kind == "preview" else "IP Address",
                "" if kind == "preview" else f"198.51.100.{rng.randint(2, 250)}",
                "35" if kind == "partial" else "100",
                str(seconds),
                "False" if kind == "partial" else "True",
                _q_time(recorded),
                f"R_{rng.getrandbits(60):015x}"[:17],
                last_name,
                first_name,
                "" if person is None else person.email,
                "",
                "" if kind == "preview" else f"{40.44 + rng.random() / 100:.4f}",
                "" if kind == "preview" else f"{-79.99 + rng.random() / 100:.4f}",
                {"preview": "preview", "partial": "email", "done": "email"}[kind],
                "EN",
            ]
            cells += [sub.ratings.get(sid, "") for sid, _ in rows]
            out.writerow([*cells, sub.comment])
