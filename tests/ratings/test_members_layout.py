"""The "members" layout: repeated "Team member N: Name / Rating / Comment" survey questions."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook
from ratings_helpers import EXPECTED, MSFORMS_ACCOUNTS, OAKLEY, expected_triples

from teamtool.cli import main
from teamtool.errors import SurveyError
from teamtool.files.tables import Grid
from teamtool.files.teamfile import load_team_set
from teamtool.model import Milestone, Roster, TeamSet
from teamtool.ratings import SurveyImport, detect_layout, import_survey
from teamtool.ratings.layouts import LAYOUT_NAMES, LAYOUTS
from teamtool.ratings.member_columns import column_role
from teamtool.roster import import_roster
from teamtool.store import Course

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CHRIS = {"Chris Lee": "s1023"}
#: Option texts of the Oakley et al. (2004) form, as copied into survey tools ("Label: description").
DESCRIBED = {
    "Excellent": "Excellent: Consistently went above and beyond, tutored teammates",
    "Very good": "Very good: consistently did what he/she was supposed to do, very well prepared "
    "and cooperative",
    "Satisfactory": "Satisfactory: Usually did what he/she was supposed to do",
}
#: How each student of the small course is written in the member cells: names, ids, emails.
PERSON = {
    "s01": "Zoë Martín", "s02": "siobhan.obrien@example.edu", "s03": "García, José",
    "s04": "Nguyen Thi Lan", "s05": "s05", "s06": "Christopher Lee", "s07": "alex.kim@example.edu",
    "s08": "S08", "s09": "Mei Chen", "s10": "Omar Haddad",
}  # fmt: skip


def triples(result: SurveyImport) -> set[tuple[str, str, float]]:
    return {(r.rater, r.ratee, r.value) for r in result.ratings}


def only(result: SurveyImport, code: str) -> str:
    [problem] = [p for p in result.problems if p.code == code]
    return str(problem)


#: The questions of a group without the comment question.
NAME_AND_RATING = ("Name", "Rating")


def member_header(
    groups: int, questions: Sequence[str] = ("Name", "Rating", "Comment (optional)")
) -> list[str]:
    """Each group's questions in order: "Team member N: QUESTION"."""
    return [f"Team member {n}: {q}" for n in range(1, groups + 1) for q in questions]


def member_cells(rater: str, answers: dict[str, str], groups: int = 5) -> list[str]:
    """The rater first, then the teammates; labels of EXPECTED written as the form's options."""
    order = [rater, *(s for s in answers if s != rater)]
    cells: list[str] = []
    for sid in order:
        cells += [PERSON[sid], DESCRIBED.get(answers[sid], answers[sid]), ""]
    return cells + [""] * (3 * groups - len(cells))


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)
    return path


@pytest.fixture(scope="module")
def course() -> tuple[Roster, TeamSet]:
    roster = import_roster(SAMPLES / "roster.csv").roster
    return roster, load_team_set(SAMPLES / "teams.csv", roster)


def sample(course: tuple[Roster, TeamSet], name: str, **kw: object) -> SurveyImport:
    return import_survey(SAMPLES / "surveys" / name, *course, **kw)  # type: ignore[arg-type]


# --- detection -------------------------------------------------------------------------------


def test_members_is_a_fifth_layout_with_a_display_name() -> None:
    assert LAYOUTS[-1] == "members"
    assert LAYOUT_NAMES["members"] == "Repeated team-member questions"


@pytest.mark.parametrize(
    "header",
    [
        ["Timestamp", "Email Address", "Your name", *member_header(5)],
        ["Timestamp", "Your name", "Member 1 - Name", "Member 1 - Rating", "Member 2 - Name",
         "Member 2 - Rating"],
        ["Timestamp", "Your NetID", "Teammate 1 NetID", "Teammate 1 rating", "Teammate 2 NetID",
         "Teammate 2 rating"],
        ["Timestamp", "Team member 1 (name)", "Team member 1 (rating)", "Team member 2 (name)",
         "Team member 2 (rating)"],
        ["ID", "Start time", "Completion time", "Email", "Name", *member_header(3, NAME_AND_RATING)],
    ],
)  # fmt: skip
def test_two_numbered_groups_with_a_person_and_a_rating_are_members(header: list[str]) -> None:
    assert detect_layout(Grid("f.csv", [header])) == "members"


@pytest.mark.parametrize(
    ("header", "layout"),
    [
        (["ID", "Start time", "Completion time", "Email", "Name", *member_header(1), "Ann Lee"],
         "msforms"),
        (["Timestamp", "Team member 1: Name", "Team member 1: Rating", "Team member 2: Name",
          "Rate your teammates [Ann Lee]"], "google"),
        (["Timestamp", "Email Address", "Rate your teammates [Ann Lee]"], "google"),
        (["rater", "member", "rating"], "long"),
    ],
)  # fmt: skip
def test_one_group_or_groups_without_ratings_are_not_members(
    header: list[str], layout: str
) -> None:
    assert detect_layout(Grid("f.csv", [header])) == layout


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Team member 1: Name (or NetID / email)", (1, "person")),
        ("Team Member #2 - E-mail", (2, "person")),
        ("Teammate 3 NetID", (3, "person")),
        ("Group member 4", (4, "person")),
        ("Team member 1: Rating - Selected Choice", (1, "rating")),
        ("Rate team member 5", (5, "rating")),
        ("Team member 2: Comment (optional)", (2, "comment")),
        ("Team member 2: explain your rating", (2, "comment")),
        ("Team member 3: hours worked", (3, "other")),
        ("Your name", None),
        ("Rate your teammates [Ann Lee]", None),
        ("Team member 1 or team member 2", None),
    ],
)
def test_column_roles(header: str, role: tuple[int, str] | None) -> None:
    assert column_role(header) == role


# --- the sample file -------------------------------------------------------------------------


def test_sample_gives_the_google_forms_ratings(course: tuple[Roster, TeamSet]) -> None:
    members = sample(course, "m1_oakley_members.csv", confirmed=CHRIS)
    google = sample(course, "m1_google_forms.csv", confirmed=CHRIS)
    assert members.layout == "members"
    assert members.scale.name == "oakley9"
    assert len(members.ratings) == 188
    assert {(r.rater, r.ratee, r.value, r.label) for r in members.ratings} == {
        (r.rater, r.ratee, r.value, r.label) for r in google.ratings
    }
    assert members.respondents == google.respondents
    assert members.non_respondents == google.non_respondents == ["s1041"]
    assert [p.code for p in members.problems] == ["duplicate-submission", "non-respondent"]
    assert only(members, "duplicate-submission").startswith(
        'm1_oakley_members.csv: row 31, column "Timestamp": Leo Fischer (s1044) also submitted '
        "on row 33"
    )


def test_sample_comments_stay_on_the_teammate_they_are_about(
    course: tuple[Roster, TeamSet],
) -> None:
    """Each comment is written next to one teammate, as the long file keeps it: the cleaned
    ratings, comments included, are exactly those of m1_long.csv."""
    members = sample(course, "m1_oakley_members.csv", confirmed=CHRIS)
    assert members.ratings == sample(course, "m1_long.csv").ratings
    ryan = next(r for r in members.ratings if r.ratee == "s1011" and r.comment)
    assert ryan.comment.startswith("Ryan O'Connor missed three of four meetings")


def test_sample_asks_to_confirm_chris_lee_as_google_forms_does(
    course: tuple[Roster, TeamSet],
) -> None:
    result = sample(course, "m1_oakley_members.csv")
    [uncertain] = result.uncertain
    assert (uncertain.text, uncertain.role, uncertain.candidates[0]) == (
        "Chris Lee", "rater", ("s1023", 0.9),
    )  # fmt: skip
    assert uncertain.where == 'm1_oakley_members.csv: row 34, column "Your name"'
    assert len(result.ratings) == 184


def test_cli_writes_the_same_file_as_for_the_long_sample(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    common = ["--roster", str(SAMPLES / "roster.csv"), "--teams", str(SAMPLES / "teams.csv")]
    survey = str(SAMPLES / "surveys" / "m1_oakley_members.csv")
    out = tmp_path / "m1.csv"
    assert main(["ratings", survey, *common, "--out", str(out)]) == 1
    assert '--confirm "Chris Lee=s1023"' in capsys.readouterr().out
    assert not out.exists()

    assert (
        main(["ratings", survey, *common, "--confirm", "Chris Lee=s1023", "--out", str(out)]) == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(
        "m1_oakley_members.csv: Repeated team-member questions, scale oakley9 (Excellent 100,"
    )
    assert lines[1] == (
        "  188 ratings from 47 respondents; 1 non-respondent(s); 0 error(s), 1 warning(s), 1 note(s)"
    )
    reference = tmp_path / "long.csv"
    long_file = str(SAMPLES / "surveys" / "m1_long.csv")
    assert main(["ratings", long_file, *common, "--out", str(reference)]) == 0
    assert out.read_bytes() == reference.read_bytes()
    assert "s1044,s1002,87.5,Very good," in out.read_text(encoding="utf-8-sig").splitlines()


def test_the_course_file_stores_the_members_import(
    tmp_path: Path, course: tuple[Roster, TeamSet]
) -> None:
    members = sample(course, "m1_oakley_members.csv", confirmed=CHRIS)
    with Course.create(tmp_path / "c.teamtool") as stored:
        stored.add_team_set(course[1])
        milestone = stored.add_milestone(Milestone("M1 Proposal"))
        stored.save_survey_import(milestone, members)
    with Course.open(tmp_path / "c.teamtool") as reopened:
        assert reopened.ratings(milestone) == members.ratings
        [survey] = reopened.surveys(milestone)
        assert (survey.layout, survey.scale) == ("members", "oakley9")
        assert survey.header[3] == "Team member 1: Name"
        assert len(survey.rows) == 48


# --- problems, each at its file, row and column ----------------------------------------------


@pytest.fixture
def problems_file(tmp_path: Path) -> Path:
    header = ["Timestamp", "Email Address", "Your name", *member_header(4)]
    time = "2026/10/14 9:41:07 PM EDT"
    rows = [
        header,
        [time, "zoe.martin@example.edu", "Zoë", "Zoë Martín", "Excellent", "",
         "", "Very good", "",  # a rating without a person
         "José García", "", "",  # a person without a rating
         "", "", ""],  # a blank group
        [time, "lan.nguyen@example.edu", "Lan", "s04", "Very good", "", "s05", "Deficient", "",
         "s05", "Marginal", "",  # the same ratee twice
         "s06", "Very good", ""],
        [time, "alex.kim@example.edu", "Alex", "s07", "Very good", "",
         "s01", "Excellent", "",  # outside the rater's team
         "Nobody Here", "Excellent", "",  # not in the roster
         "", "", "great teammates"],  # a comment without a person
        [time, "mei.chen@example.edu", "Mei", "s09", "Brilliant: above all", "",
         "", "", "", "", "", "", "", "", ""],
    ]  # fmt: skip
    return write_csv(tmp_path / "members_problems.csv", rows)


@pytest.fixture
def problems_import(problems_file: Path, roster: Roster, teams: TeamSet) -> SurveyImport:
    return import_survey(problems_file, roster, teams, scale="oakley9")


@pytest.mark.parametrize(
    ("code", "report"),
    [
        (
            "rating-without-person",
            (
                'members_problems.csv: row 2, column "Team member 2: Name": team member 2 is '
                'rated "Very good" in column "Team member 2: Rating", but no name, id or email '
                "says who it is; the rating is left out [warning: rating-without-person]"
            ),
        ),
        (
            "blank-rating",
            (
                'members_problems.csv: row 2, column "Team member 3: Rating": Zoë Martín (s01) '
                "did not rate José García (s03) [warning: blank-rating]"
            ),
        ),
        (
            "duplicate-ratee",
            (
                'members_problems.csv: row 3, column "Team member 3: Rating": Nguyễn Thị Lan '
                "(s04) rated D'Angelo Rossi (s05) twice (also in column \"Team member 2: "
                'Rating"); this rating is used [warning: duplicate-ratee]'
            ),
        ),
        (
            "out-of-team",
            (
                'members_problems.csv: row 4, column "Team member 2: Rating": Alex Kim (s07) '
                "(Team C) rated Zoë Martín (s01), who is not in their team; the rating is left "
                "out [warning: out-of-team]"
            ),
        ),
        (
            "unknown-person",
            (
                'members_problems.csv: row 4, column "Team member 3: Name": ratee "Nobody Here" '
                "is not in the roster; their ratings are left out [unknown-person]"
            ),
        ),
    ],
)
def test_each_problem_is_reported_once_at_its_cell(
    problems_import: SurveyImport, code: str, report: str
) -> None:
    assert only(problems_import, code) == report


def test_a_rating_without_a_person_is_left_out(problems_import: SurveyImport) -> None:
    assert only(problems_import, "comment-without-person").startswith(
        'members_problems.csv: row 4, column "Team member 4: Name": team member 4 has a comment '
    )
    missing = [str(p) for p in problems_import.problems if p.code == "missing-rating"]
    assert "Zoë Martín (s01) did not rate Siobhán O'Brien (s02)" in " ".join(missing)


def test_a_person_without_a_rating_gives_no_rating(problems_import: SurveyImport) -> None:
    by_zoe = [(r.ratee, r.value) for r in problems_import.ratings if r.rater == "s01"]
    assert by_zoe == [("s01", 100.0)]


def test_the_same_ratee_twice_in_one_submission_keeps_the_last(
    problems_import: SurveyImport,
) -> None:
    assert ("s04", "s05", OAKLEY["Marginal"]) in triples(problems_import)


def test_out_of_team_unknown_person_and_unknown_label(
    problems_import: SurveyImport, problems_file: Path, roster: Roster, teams: TeamSet
) -> None:
    assert only(problems_import, "unknown-label").startswith(
        'members_problems.csv: row 5, column "Team member 1: Rating": "Brilliant: above all" is '
        "not on the scale oakley9"
    )
    assert [u.text for u in problems_import.uncertain] == ["Nobody Here"]
    assert ("s07", "s01") not in {(r.rater, r.ratee) for r in problems_import.ratings}

    left_out = import_survey(
        problems_file, roster, teams, scale="oakley9", confirmed={"Nobody Here": ""}
    )
    assert [p.code for p in left_out.problems.errors] == ["unknown-label"]


def test_forcing_the_layout_on_a_file_without_member_questions(
    data: Path, roster: Roster, teams: TeamSet
) -> None:
    with pytest.raises(SurveyError, match='no repeated "Team member N: Name"') as info:
        import_survey(data / "m_google.csv", roster, teams, layout="members")
    assert info.value.code == "no-ratings"


# --- option texts and comments ---------------------------------------------------------------


def test_label_description_options_are_split_at_the_first_colon(
    tmp_path: Path, roster: Roster, teams: TeamSet
) -> None:
    """Option texts of the Oakley, Felder, Brent & Elhajj (2004) peer rating form (Oakland
    University copy); values of its autorating map: Excellent 100, Very good 87.5, Satisfactory
    75 … No show 0 (12.5 apart)."""
    very_good = (
        "Very good: consistently did what he/she was supposed to do, very well prepared and "
        "cooperative"
    )
    excellent = "Excellent: Consistently went above and beyond: tutored teammates, a fair share"
    options = [very_good, excellent, "No show: No participation at all"]
    header = ["Timestamp", "Your name", *member_header(3, NAME_AND_RATING)]
    cells = ["2026/10/14 9:41:07 PM EDT", "Zoë Martín"]
    for sid, text in zip(("s01", "s02", "s03"), options, strict=True):
        cells += [PERSON[sid], text]
    result = import_survey(write_csv(tmp_path / "split.csv", [header, cells]), roster, teams)
    assert result.scale.name == "oakley9"
    assert [(r.ratee, r.label, r.value) for r in result.ratings] == [
        ("s01", "Very good", 87.5), ("s02", "Excellent", 100.0), ("s03", "No show", 0.0),
    ]  # fmt: skip


def test_member_comments_and_a_general_comment(
    tmp_path: Path, roster: Roster, teams: TeamSet
) -> None:
    header = ["Timestamp", "Your name", *member_header(3), "Anything else?"]
    cells = ["2026/10/14 9:41:07 PM EDT", "Zoë Martín"]
    cells += ["s01", "Excellent", "", "s02", "Very good", "+1 great notes"]
    cells += ["s03", "Satisfactory", "=1+1", "we finished early"]
    result = import_survey(write_csv(tmp_path / "c.csv", [header, cells]), roster, teams)
    assert {r.ratee: (r.comment, r.general_comment) for r in result.ratings} == {
        "s01": ("", "we finished early"), "s02": ("+1 great notes", ""), "s03": ("=1+1", ""),
    }  # fmt: skip


# --- Microsoft Forms and Qualtrics exports of the same form ----------------------------------


def test_microsoft_forms_export(tmp_path: Path, roster: Roster, teams: TeamSet) -> None:
    """MS Forms puts ID, Start time, Completion time, Email, Name, Last modified time first; its
    ID is the response number, not a student id. s03's later modified response wins."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
               *member_header(4)])  # fmt: skip
    start = dt.datetime(2026, 10, 14, 9, 0, 0)
    responses = [(r, EXPECTED[r], start + dt.timedelta(hours=i)) for i, r in enumerate(EXPECTED)]
    responses.insert(3, ("s03", {**EXPECTED["s03"], "s01": "No show"}, start))
    for n, (rater, answers, when) in enumerate(responses, start=1):
        email, name = MSFORMS_ACCOUNTS[rater]
        row = [n, when - dt.timedelta(minutes=5), when, email, name, when]
        ws.append([*row, *member_cells(rater, answers, 4)])
    path = tmp_path / "members.xlsx"
    book.save(path)
    result = import_survey(path, roster, teams)
    assert result.layout == "members"
    assert triples(result) == expected_triples()
    assert result.non_respondents == ["s10"]
    dup = next(p for p in result.problems if p.code == "duplicate-submission")
    assert (dup.row, dup.column) == (5, "Last modified time")
    assert "José García (s03) also submitted on row 4" in dup.message


def test_qualtrics_export_with_three_header_rows(
    tmp_path: Path, roster: Roster, teams: TeamSet
) -> None:
    """Qualtrics: field ids, display text (where the member questions are) and ImportId JSON;
    the preview and the unfinished response are ignored; RecipientEmail names the rater."""
    ids = ["StartDate", "EndDate", "Status", "Progress", "Finished", "RecordedDate", "ResponseId",
           "RecipientEmail"]  # fmt: skip
    display = ["Start Date", "End Date", "Response Type", "Progress", "Finished", "Recorded Date",
               "Response ID", "Recipient Email"]  # fmt: skip
    for n in range(1, 5):
        ids += [f"Q{n}_1", f"Q{n}_2", f"Q{n}_3_TEXT"]
        display += [f"Team member {n} - Name", f"Team member {n}: Rating - Selected Choice",
                    f"Team member {n}: Comment (optional)"]  # fmt: skip
    imports = [f'{{"ImportId":"{i}"}}' for i in ids]
    rows = [ids, display, imports]
    preview = ["2026-10-13 09:00:00", "", "Survey Preview", "100", "True", "2026-10-13 09:00:00",
               "R_0", "", *member_cells("s01", EXPECTED["s01"], 4)]  # fmt: skip
    rows.append(preview)
    partial = ["2026-10-13 10:00:00", "", "IP Address", "40", "False", "2026-10-20 10:00:00",
               "R_1", "omar.haddad@example.edu", "Omar Haddad", "Excellent", ""]  # fmt: skip
    rows.append(partial)
    for i, (rater, answers) in enumerate(EXPECTED.items()):
        when = f"2026-10-14 {10 + i}:00:00"
        email = MSFORMS_ACCOUNTS[rater][0]
        fixed = [when, when, "IP Address", "100", "True", when, f"R_{i + 2}", email]
        rows.append([*fixed, *member_cells(rater, answers, 4)])
    path = write_csv(tmp_path / "qualtrics.csv", rows, encoding="utf-8-sig")
    dropped = import_survey(path, roster, teams, drop_partial=True)
    assert dropped.layout == "members"
    assert triples(dropped) == expected_triples()
    skipped = {p.code: (p.row, p.column) for p in dropped.problems if p.severity == "info"}
    assert skipped == {"preview-response": (4, "Status"), "partial-response": (5, "Finished")}
    assert dropped.non_respondents == ["s10"]
    kept = import_survey(path, roster, teams)  # by default the rating Omar gave is kept
    assert triples(kept) == expected_triples() | {("s10", "s10", 100.0)}
    [partial] = [p for p in kept.problems if p.code == "partial-response"]
    assert (partial.row, partial.severity) == (5, "warning")
    assert partial.message.startswith("partial response: rated 1 of 4")
    assert kept.non_respondents == []


def test_a_rater_may_name_themself_me(tmp_path: Path, roster: Roster, teams: TeamSet) -> None:
    header = ["Timestamp", "Email Address", *member_header(3, NAME_AND_RATING)]
    cells = ["2026/10/14 9:41:07 PM EDT", "jose.garcia@example.edu"]
    cells += ["Me", "Satisfactory", "s01", "Excellent", "s02", "Very good"]
    result = import_survey(write_csv(tmp_path / "me.csv", [header, cells]), roster, teams)
    assert [(r.rater, r.ratee, r.value) for r in result.ratings] == [
        ("s03", "s01", 100.0), ("s03", "s02", 87.5), ("s03", "s03", 75.0),
    ]  # fmt: skip
    assert not result.problems.has_errors()


def test_the_id_column_of_a_member_wins_and_unread_columns_are_reported(
    tmp_path: Path, roster: Roster, teams: TeamSet
) -> None:
    groups = member_header(2, ("Name", "NetID", "Rating", "Hours worked"))
    header = ["Timestamp", "Your name", *groups, "Team member 3: Name"]  # 3: no rating question
    cells = ["2026/10/14 9:41:07 PM EDT", "Zoë Martín"]
    cells += ["Alex Kim", "s01", "Excellent", "12", "Siobhan O'Brien", "s02", "Very good", ""]
    cells += ["s03"]
    result = import_survey(write_csv(tmp_path / "ids.csv", [header, cells]), roster, teams)
    assert triples(result) == {("s01", "s01", 100.0), ("s01", "s02", 87.5)}
    assert only(result, "ratee-mismatch") == (
        'ids.csv: row 2, column "Team member 1: Name": this team member is Zoë Martín (s01) in '
        'column "Team member 1: NetID" but "Alex Kim" here; Zoë Martín (s01) is used '
        "[warning: ratee-mismatch]"
    )
    ignored = {p.column: p.severity for p in result.problems if p.code == "ignored-column"}
    assert ignored == {
        "Team member 1: Hours worked": "warning",  # answered: the user should know
        "Team member 2: Hours worked": "info",
        "Team member 3: Name": "warning",
    }


def test_numeric_qualtrics_recodes_are_warned_about(
    tmp_path: Path, roster: Roster, teams: TeamSet
) -> None:
    ids = ["ResponseId", "RecipientEmail", "Q1_1", "Q1_2", "Q2_1", "Q2_2"]
    display = ["Response ID", "Recipient Email", "Team member 1 - Name", "Team member 1 - Rating",
               "Team member 2 - Name", "Team member 2 - Rating"]  # fmt: skip
    answers = ["R_1", "zoe.martin@example.edu", "s01", "1", "s02", "2"]
    path = write_csv(tmp_path / "q.csv", [ids, display, answers])
    result = import_survey(path, roster, teams)
    assert result.layout == "members"
    assert "numeric-answers" in result.problems.codes()


def test_a_mistyped_netid_falls_back_to_the_name_with_a_warning(
    tmp_path: Path, roster: Roster, teams: TeamSet
) -> None:
    header = ["Timestamp", "Email Address", *member_header(2, ("Name", "NetID", "Rating"))]
    cells = ["2026/10/14 9:41:07 PM EDT", "mei.chen@example.edu"]
    cells += ["Mei Chen", "s09", "Very good", "Omar Haddad", "s9O", "Ordinary"]
    result = import_survey(write_csv(tmp_path / "typo.csv", [header, cells]), roster, teams)
    assert ("s09", "s10", 62.5) in triples(result)
    assert only(result, "ratee-mismatch").startswith(
        'typo.csv: row 2, column "Team member 2: NetID": this team member is Omar Haddad (s10) '
        'in column "Team member 2: Name" but "s9O" here;'
    )
    assert not result.problems.has_errors()
