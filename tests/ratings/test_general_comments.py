"""General comments about the team, in every survey layout: kept as the writer's general comment
(never as a comment about the writer), per-teammate comment columns told apart by their header,
and kept through the cleaned ratings file and the course file (with the migration of old files).

The rating values are those of the autorating scale of Oakley, Felder, Brent & Elhajj (2004),
"Turning Student Groups into Effective Teams", Appendix: Excellent 100, Very good 87.5,
Satisfactory 75 (12.5 apart).
"""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from openpyxl import Workbook

from teamtool.model import Milestone, Rating, Roster, TeamSet
from teamtool.ratings import import_survey, read_ratings_csv, write_ratings_csv
from teamtool.ratings.survey import SurveyImport
from teamtool.store import Course
from teamtool.store.schema import _V1, APPLICATION_ID, SCHEMA_VERSION

ZOE, SIOBHAN, JOSE = "Zoë Martín", "Siobhán O'Brien", "José García"
TEAM_A = {"s01": ZOE, "s02": SIOBHAN, "s03": JOSE}
#: What Zoë (s01) answers in every layout.
ZOE_RATES = {"s01": "Satisfactory", "s02": "Excellent", "s03": "Very good"}
GENERAL = "=We met every Tuesday; the plan worked"  # starts like a formula: kept verbatim
ABOUT_SIOBHAN = "Siobhán wrote the whole parser"
ABOUT_ME = "I was ill for a week, sorry"


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def google_form(path: Path, answers: dict[str, str]) -> Path:
    """Zoë's one Google Forms response: each question (its header) with her answer, after the
    timestamp and her email address."""
    header = ["Timestamp", "Email Address", *answers]
    cells = ["2026/10/14 9:41:07 PM EDT", "zoe.martin@example.edu", *answers.values()]
    return write_csv(path, [header, cells])


def grid(question: str, answers: Iterable[str]) -> dict[str, str]:
    """A Google Forms grid question: one column "Question [Name]" per member of team A."""
    return {f"{question} [{name}]": a for name, a in zip(TEAM_A.values(), answers, strict=True)}


def zoe(result: SurveyImport) -> dict[str, Rating]:
    return {r.ratee: r for r in result.ratings if r.rater == "s01"}


def assert_zoe(result: SurveyImport, about_me: str = "") -> None:
    """Zoë's general comment is on her self-rating as general_comment only; her comment about
    Siobhán is on Siobhán's rating; nothing else carries a comment."""
    mine = zoe(result)
    assert {sid: r.value for sid, r in mine.items()} == {"s01": 75.0, "s02": 100.0, "s03": 87.5}
    assert {sid: r.general_comment for sid, r in mine.items()} == {
        "s01": GENERAL, "s02": "", "s03": "",
    }  # fmt: skip
    assert {sid: r.comment for sid, r in mine.items()} == {
        "s01": about_me, "s02": ABOUT_SIOBHAN, "s03": "",
    }  # fmt: skip
    assert not result.problems.has_errors()


def google_about_each_teammate(folder: Path) -> Path:
    """A ``Comments about each teammate [Name]`` grid row is about that teammate; "Anything
    else …" is general."""
    answers = grid("Rate your teammates", ZOE_RATES.values())
    answers |= grid("Comments about each teammate", ["", ABOUT_SIOBHAN, ""])
    answers |= {"Anything else about your team?": GENERAL}
    return google_form(folder / "g.csv", answers)


def google_about_me(folder: Path) -> Path:
    """Zoë's comment in her own ``Comments [Name]`` column stays on her self-rating."""
    answers = grid("Rate your teammates", ZOE_RATES.values())
    answers |= grid("Comments", [ABOUT_ME, ABOUT_SIOBHAN, ""]) | {"General comments": GENERAL}
    return google_form(folder / "g.csv", answers)


def microsoft_forms(folder: Path) -> Path:
    """Microsoft Forms heads a Likert row by the statement (the name) only; a text question
    whose header holds exactly one rated name is about that teammate."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    fixed = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
    ws.append(
        [*fixed, *TEAM_A.values(), f"Comments about {SIOBHAN}", "Anything else about your team?"]
    )
    when = dt.datetime(2026, 10, 14, 21, 0, 0)
    account = [1, when, when, "zoe.martin@example.edu", ZOE, when]
    ws.append([*account, *ZOE_RATES.values(), ABOUT_SIOBHAN, GENERAL])
    ws.cell(2, ws.max_column).data_type = "s"  # Microsoft Forms stores "=…" answers as text
    path = folder / "ms.xlsx"
    book.save(path)
    return path


def qualtrics_rows(comment_names: list[str]) -> list[list[str]]:
    ids = ["StartDate", "EndDate", "Status", "Progress", "Finished", "RecordedDate", "ResponseId"]
    ids += ["RecipientEmail", "Q1_1", "Q1_2", "Q1_3"]
    ids += [f"Q2_{n}" for n in range(1, len(comment_names) + 1)] + ["Q3"]
    display = ["Start Date", "End Date", "Response Type", "Progress", "Finished", "Recorded Date"]
    display += ["Response ID", "Recipient Email"]
    display += [f"Rate each teammate - {name}" for name in TEAM_A.values()]
    display += [f"Comments about each teammate - {name}" for name in comment_names]
    display += ["Anything else about your team?"]
    imports = ['{"ImportId":"%s"}' % i for i in ids]  # noqa: UP031 - JSON braces
    when = "2026-10-14 21:11:00"
    cells = [when, when, "IP Address", "100", "True", when, "R_1", "zoe.martin@example.edu"]
    cells += [*ZOE_RATES.values(), *([""] * len(comment_names)), GENERAL]
    cells[11 + 1] = ABOUT_SIOBHAN  # the comment about the second person named
    return [ids, display, imports, cells]


def qualtrics(folder: Path) -> Path:
    """Qualtrics display text ``Question - Name``: a comment row naming a rated person is about
    them (before, it was mixed into the rater's one comment)."""
    return write_csv(folder / "q.csv", qualtrics_rows(list(TEAM_A.values())))


def members(folder: Path) -> Path:
    """The Oakley form: "Team member 1" is the rater; its comment is about themself and stays."""
    header = ["Timestamp", "Your name"]
    for n in (1, 2, 3):
        header += [f"Team member {n}: Name", f"Team member {n}: Rating"]
        header += [f"Team member {n}: Comment (optional)"]
    header += ["Anything else about your team?"]
    cells = ["2026/10/14 9:41:07 PM EDT", ZOE]
    comments = {"s01": ABOUT_ME, "s02": ABOUT_SIOBHAN, "s03": ""}
    for sid, name in TEAM_A.items():
        cells += [name, ZOE_RATES[sid], comments[sid]]
    cells += [GENERAL]
    return write_csv(folder / "m.csv", [header, cells])


def long_format(folder: Path) -> Path:
    rows = [["rater", "ratee", "rating", "comment", "general comment"]]
    rows += [["s01", "s01", "Satisfactory", "", GENERAL]]
    rows += [["s01", "s02", "Excellent", ABOUT_SIOBHAN, ""]]
    rows += [["s01", "s03", "Very good", "", ""]]
    return write_csv(folder / "l.csv", rows)


@pytest.mark.parametrize(
    ("write", "layout", "about_me"),
    [
        (google_about_each_teammate, "google", ""),
        (google_about_me, "google", ABOUT_ME),
        (microsoft_forms, "msforms", ""),
        (qualtrics, "qualtrics", ""),
        (members, "members", ABOUT_ME),
        (long_format, "long", ""),
    ],
)
def test_every_layout_keeps_the_general_and_per_teammate_comments(
    tmp_path: Path,
    roster: Roster,
    teams: TeamSet,
    write: Callable[[Path], Path],
    layout: str,
    about_me: str,
) -> None:
    """Zoë's response in each layout (see each writer for what it shows): her general comment is
    general, her comment about Siobhán on Siobhán's rating, and no comment column is taken for a
    rating."""
    result = import_survey(write(tmp_path), roster, teams)
    assert result.layout == layout
    assert_zoe(result, about_me=about_me)
    assert "ignored-column" not in result.problems.codes()


def test_a_comment_column_naming_no_rated_person_is_general_with_its_header(
    tmp_path: Path, roster: Roster, teams: TeamSet
) -> None:
    """ "Sam" heads no rating column: the comment is not pinned on anyone, nor lost."""
    rows = qualtrics_rows([ZOE, "Sam"])
    result = import_survey(write_csv(tmp_path / "q.csv", rows), roster, teams)
    mine = zoe(result)
    assert mine["s01"].general_comment == (  # in the order of the columns
        f"Comments about each teammate - Sam: {ABOUT_SIOBHAN}\n{GENERAL}"
    )
    assert all(r.comment == "" for r in mine.values())
    note = next(p for p in result.problems if p.code == "comment-column-unmatched")
    assert (note.row, note.column, note.severity) == (
        2,
        "Comments about each teammate - Sam",
        "info",
    )  # fmt: skip  (Qualtrics: the question texts are in row 2)


def test_the_cleaned_ratings_file_keeps_general_comments(
    tmp_path: Path, roster: Roster, teams: TeamSet
) -> None:
    answers = grid("Rate your teammates", ZOE_RATES.values())
    answers |= {f"Comments [{SIOBHAN}]": ABOUT_SIOBHAN, "Anything else?": GENERAL}
    result = import_survey(google_form(tmp_path / "g.csv", answers), roster, teams)
    path = write_ratings_csv(result.ratings, tmp_path / "ratings.csv")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[:2] == [
        "rater_id,ratee_id,rating,label,comment,general_comment",
        "s01,s01,75,Satisfactory,,'=We met every Tuesday; the plan worked",
    ]
    assert read_ratings_csv(path, roster) == result.ratings
    plain = [Rating(r.rater, r.ratee, r.value, r.label, r.comment) for r in result.ratings]
    header_only = write_ratings_csv(plain, tmp_path / "plain.csv").read_text("utf-8-sig")
    assert header_only.splitlines()[0] == "rater_id,ratee_id,rating,label,comment"


def test_a_comment_on_an_unrated_teammate_is_kept_and_reported(
    tmp_path: Path, roster: Roster, teams: TeamSet
) -> None:
    answers = grid("Rate your teammates", ["Satisfactory", "Excellent", ""])
    answers |= {f"Comments [{JOSE}]": "never came", "Anything else?": GENERAL}
    result = import_survey(google_form(tmp_path / "g.csv", answers), roster, teams)
    mine = zoe(result)
    assert set(mine) == {"s01", "s02"}
    assert mine["s01"].general_comment == f"{GENERAL}\nAbout José García (s03): never came"
    warning = next(p for p in result.problems if p.code == "comment-without-rating")
    assert (warning.row, warning.column) == (2, f"Rate your teammates [{JOSE}]")


def test_a_general_comment_without_any_rating_is_reported(
    tmp_path: Path, roster: Roster, teams: TeamSet
) -> None:
    answers = {f"Rate your teammates [{ZOE}]": "", "Anything else?": GENERAL}
    result = import_survey(google_form(tmp_path / "g.csv", answers), roster, teams)
    assert zoe(result) == {}
    problem = next(p for p in result.problems if p.code == "comment-left-out")
    assert (problem.row, problem.severity) == (2, "warning")


def test_the_course_file_keeps_general_comments(tmp_path: Path, teams: TeamSet) -> None:
    course = Course.create(tmp_path / "c.teamtool")
    set_id = course.add_team_set(teams)
    mid = course.add_milestone(Milestone("M1", team_set_id=set_id))
    ratings = [
        Rating("s01", "s01", 75.0, "Satisfactory", ABOUT_ME, GENERAL),
        Rating("s01", "s02", 100.0, "Excellent", ABOUT_SIOBHAN),
    ]
    course.set_ratings(mid, ratings)
    course.close()
    with Course.open(tmp_path / "c.teamtool") as again:
        assert again.ratings(mid) == ratings
        snapshot = again.delete_milestone(mid)
        again.restore_milestone(snapshot)
        assert again.ratings(mid) == ratings


def test_a_version_1_course_file_is_migrated(tmp_path: Path) -> None:
    """Version 1 kept a Google/MS Forms/Qualtrics general comment on the self-rating's comment
    (those layouts had no other comment): it moves. The members layout joined member and
    general comments, which cannot be told apart: they stay. Typed-in ratings stay."""
    path = tmp_path / "old.teamtool"
    conn = sqlite3.connect(path)
    conn.executescript(_V1)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    for mid, name in ((1, "M1"), (2, "M2"), (3, "M3")):
        conn.execute("INSERT INTO milestones VALUES (?, ?, 100, NULL, ?, '{}')", (mid, name, mid))
    for sid, mid, layout in ((1, 1, "google"), (2, 2, "members")):
        conn.execute(
            "INSERT INTO surveys VALUES (?, ?, 'f.csv', ?, 'oakley9', 'now', '[]', '[]', '[]')",
            (sid, mid, layout),
        )
    for mid, survey in ((1, 1), (2, 2), (3, None)):
        conn.execute(
            "INSERT INTO ratings VALUES (?, 's01', 's01', 75, 'Satisfactory', ?, ?)",
            (mid, GENERAL, survey),
        )
        conn.execute(
            "INSERT INTO ratings VALUES (?, 's01', 's02', 100, 'Excellent', '', ?)", (mid, survey)
        )
    conn.commit()
    conn.close()
    with Course.open(path) as course:
        self_rating = [course.ratings(mid)[0] for mid in (1, 2, 3)]
    assert [(r.comment, r.general_comment) for r in self_rating] == [
        ("", GENERAL), (GENERAL, ""), (GENERAL, ""),
    ]  # fmt: skip
    again = sqlite3.connect(path)
    assert again.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    again.close()


def test_a_comment_column_asking_for_a_name_does_not_name_the_rater(
    tmp_path: Path, roster: Roster, teams: TeamSet
) -> None:
    """A comment header with "name" in it is not a column saying who the rater is."""
    header = ["Timestamp", "Email Address"]
    header += [f"Rate your teammates [{name}]" for name in TEAM_A.values()]
    header += ["Anything else? Name anyone who stood out"]
    cells = ["2026/10/14 9:41:07 PM EDT", "zoe.martin@example.edu", *ZOE_RATES.values(), SIOBHAN]
    result = import_survey(write_csv(tmp_path / "g.csv", [header, cells]), roster, teams)
    assert zoe(result)["s01"].general_comment == SIOBHAN
    assert "rater-mismatch" not in result.problems.codes()
