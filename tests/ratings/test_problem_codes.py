"""Every problem code of the survey import, each triggered by a real file, with row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from teamtool.model import Roster, TeamSet
from teamtool.problems import Problem
from teamtool.ratings import SurveyImport, import_survey


@pytest.fixture
def google(data: Path, roster: Roster, teams: TeamSet) -> SurveyImport:
    return import_survey(data / "google_problems.csv", roster, teams)


@pytest.fixture
def long(data: Path, roster: Roster, teams: TeamSet) -> SurveyImport:
    return import_survey(data / "long_problems.csv", roster, teams)


def only(result: SurveyImport, code: str) -> Problem:
    [problem] = [p for p in result.problems if p.code == code]
    return problem


def where(p: Problem) -> tuple[int | None, str | None, str]:
    return p.row, p.column, p.severity


def test_unknown_label_is_an_error_at_its_cell(google: SurveyImport) -> None:
    p = only(google, "unknown-label")
    assert where(p) == (2, "Rate your teammates [Siobhán O'Brien]", "error")
    assert p.message.startswith(
        '"Awesome" is not on the scale oakley9 (Excellent 100, Very good 87.5'
    )


def test_out_of_team_rating_is_reported_and_left_out(google: SurveyImport) -> None:
    p = only(google, "out-of-team")
    assert where(p) == (2, "Rate your teammates [Nguyễn Thị Lan]", "warning")
    assert p.message == (
        "Zoë Martín (s01) (Team A) rated Nguyễn Thị Lan (s04), who is not in their team; the rating is left out"
    )
    assert not any(r.rater == "s01" and r.ratee == "s04" for r in google.ratings)


def test_blank_and_self_missing(google: SurveyImport) -> None:
    blank = only(google, "blank-rating")
    assert where(blank) == (2, "Rate your teammates [José García]", "warning")
    assert blank.message == "Zoë Martín (s01) did not rate José García (s03)"
    own = only(google, "self-missing")
    assert where(own) == (3, "Rate your teammates [Siobhán O'Brien]", "warning")


def test_a_teammate_without_a_column_is_a_missing_rating(google: SurveyImport) -> None:
    missing = [p for p in google.problems if p.code == "missing-rating"]
    assert [p.message for p in missing] == [
        "Nguyễn Thị Lan (s04) did not rate D'Angelo Rossi (s05) (no rating for them in the file)",
        "Nguyễn Thị Lan (s04) did not rate Christopher Lee (s06) (no rating for them in the file)",
    ]


def test_unknown_rater_is_an_error_and_unknown_empty_column_a_warning(google: SurveyImport) -> None:
    people = [p for p in google.problems if p.code == "unknown-person"]
    assert [(p.row, p.column, p.severity) for p in people] == [
        (1, "Rate your teammates [Ghost Person]", "warning"),
        (4, "Your name", "error"),
    ]
    assert (
        people[1].message == 'rater "Nobody Here" is not in the roster; their ratings are left out'
    )
    assert [(u.text, u.candidates) for u in google.uncertain] == [
        ("Nobody Here", []),
        ("Chris Lee", [("s06", 0.9)]),
    ]


def test_an_unknown_rater_can_be_named_or_left_out(
    data: Path, roster: Roster, teams: TeamSet
) -> None:
    named = import_survey(
        data / "google_problems.csv", roster, teams, confirmed={"Nobody Here": "s02"}
    )
    assert "unknown-person" not in [p.code for p in named.problems.errors]
    left_out = import_survey(
        data / "google_problems.csv", roster, teams, confirmed={"Nobody Here": ""}
    )
    assert [u.text for u in left_out.uncertain] == ["Chris Lee"]
    assert len(left_out.ratings) == 7


def test_uncertain_rater_is_an_error_until_confirmed(google: SurveyImport) -> None:
    p = only(google, "uncertain-match")
    assert where(p) == (8, "Your name", "error")
    assert "Christopher Lee (s06) 0.90" in p.message


def test_rater_mismatch_uses_the_email(google: SurveyImport) -> None:
    p = only(google, "rater-mismatch")
    assert where(p) == (5, None, "warning")
    assert ("s03", "s03", 100.0) in {(r.rater, r.ratee, r.value) for r in google.ratings}


def test_unreadable_times_fall_back_to_file_order(google: SurveyImport) -> None:
    p = only(google, "duplicate-submission")
    assert where(p) == (6, "Timestamp", "info")
    assert "as the times could not be read, the one later in the file is used" in p.message
    assert ("s04", "s04", 100.0) in {(r.rater, r.ratee, r.value) for r in google.ratings}


def test_a_rater_in_no_team(google: SurveyImport) -> None:
    p = only(google, "rater-not-in-team")
    assert where(p) == (9, None, "warning")
    assert "Pat Doe (s11)" in p.message
    assert "s11" not in google.respondents


def test_non_respondents_are_team_members_who_sent_nothing(google: SurveyImport) -> None:
    assert google.non_respondents == ["s05", "s06", "s07", "s08", "s09", "s10"]
    assert google.problems.codes().count("non-respondent") == 6
    assert google.respondents == {"s01", "s02", "s03", "s04"}


def test_google_problems_keep_only_the_good_ratings(google: SurveyImport) -> None:
    assert sorted((r.rater, r.ratee, r.value) for r in google.ratings) == [
        ("s01", "s01", 100.0), ("s02", "s01", 87.5), ("s02", "s03", 50.0),
        ("s03", "s01", 100.0), ("s03", "s02", 100.0), ("s03", "s03", 100.0), ("s04", "s04", 100.0),
    ]  # fmt: skip


def test_long_duplicate_rating_latest_time_wins(long: SurveyImport) -> None:
    p = only(long, "duplicate-rating")
    assert where(p) == (6, None, "warning")
    assert p.message.startswith("Alex Kim (s07) rated Mei Chen (s09) again on row 4")
    rating = next(r for r in long.ratings if (r.rater, r.ratee) == ("s07", "s09"))
    assert (rating.value, rating.comment) == (100.0, "keeps us on track")


def test_long_ambiguous_name_lists_both_students(long: SurveyImport) -> None:
    p = only(long, "uncertain-match")
    assert where(p) == (3, "ratee", "error")
    alex, nobody = long.uncertain
    assert (alex.text, alex.role, alex.candidates) == (
        "Alex Kim",
        "ratee",
        [("s07", 1.0), ("s08", 1.0)],
    )
    assert (nobody.text, nobody.role, nobody.candidates) == ("Nobody", "ratee", [])


def test_long_unknown_person_label_and_blank(long: SurveyImport) -> None:
    assert where(only(long, "unknown-person")) == (8, "ratee", "error")
    assert where(only(long, "unknown-label")) == (7, "rating", "error")
    assert where(only(long, "blank-rating")) == (9, "rating", "warning")


def test_confirming_the_ambiguous_name_adds_the_rating(
    data: Path, roster: Roster, teams: TeamSet
) -> None:
    result = import_survey(data / "long_problems.csv", roster, teams, confirmed={"Alex Kim": "s08"})
    assert ("s07", "s08", 87.5) in {(r.rater, r.ratee, r.value) for r in result.ratings}
    assert "uncertain-match" not in result.problems.codes()


def test_a_confirmation_to_an_unknown_id_is_an_error(
    data: Path, roster: Roster, teams: TeamSet
) -> None:
    result = import_survey(data / "long_problems.csv", roster, teams, confirmed={"Alex Kim": "s99"})
    p = only(result, "bad-confirmation")
    assert p.message == '"Alex Kim" was confirmed as "s99", which is not a student id of the roster'
    assert "uncertain-match" in result.problems.codes()


def test_labels_shared_by_several_scales_are_a_warning(
    data: Path, roster: Roster, teams: TeamSet
) -> None:
    result = import_survey(data / "long_cmu.csv", roster, teams)
    p = only(result, "ambiguous-scale")
    assert p.severity == "warning"
    assert "also possible: cmu5, cmu6" in p.message
    assert result.scale.name == "oakley9"


def test_every_problem_prints_file_row_column_and_code(google: SurveyImport) -> None:
    lines = [str(p) for p in google.problems]
    assert (
        'google_problems.csv: row 2, column "Rate your teammates [Siobhán O\'Brien]": "Awesome" is not on the '
        "scale oakley9"
    ) in lines[[p.code for p in google.problems].index("unknown-label")]
    assert all(line.startswith("google_problems.csv: ") for line in lines)
    assert all(line.endswith("]") for line in lines)


def test_one_student_in_two_columns_is_a_warning(
    data: Path, roster: Roster, teams: TeamSet
) -> None:
    result = import_survey(data / "google_two_columns.csv", roster, teams)
    p = only(result, "duplicate-ratee")
    assert where(p) == (2, "Rate your teammates [s01]", "warning")
    assert 'also in column "Rate your teammates [Zoë Martín]"' in p.message
    assert [(r.ratee, r.value) for r in result.ratings] == [("s01", 100.0), ("s03", 75.0)]
    assert where(only(result, "missing-rating")) == (None, None, "warning")


def test_an_empty_submission_counts_as_a_response_with_blanks(
    tmp_path: Path, roster: Roster, teams: TeamSet
) -> None:
    path = tmp_path / "blank.csv"
    path.write_text(
        '"Timestamp","Email Address","Rate your teammates [Zoë Martín]","Rate your teammates [José García]"\n'
        '"2026/10/14 9:41:07 PM EDT","zoe.martin@example.edu","",""\n',
        encoding="utf-8",
    )
    result = import_survey(path, roster, teams)
    assert result.ratings == []
    assert "s01" in result.respondents
    assert [(p.code, p.row, p.column) for p in result.problems if p.code != "non-respondent"] == [
        ("self-missing", 2, "Rate your teammates [Zoë Martín]"),
        ("missing-rating", None, None),
        ("blank-rating", 2, "Rate your teammates [José García]"),
    ]


def test_qualtrics_numeric_recodes_are_a_warning(
    data: Path, roster: Roster, teams: TeamSet
) -> None:
    result = import_survey(data / "qualtrics_numeric.csv", roster, teams)
    assert result.scale.name == "numeric5"
    assert sorted((r.ratee, r.value) for r in result.ratings) == [
        ("s01", 1.0),
        ("s02", 2.0),
        ("s03", 3.0),
    ]
    p = only(result, "numeric-answers")
    assert p.severity == "warning"
    assert "Qualtrics numeric recodes often run the other way" in p.message


def test_a_second_grid_question_is_left_out(data: Path, roster: Roster, teams: TeamSet) -> None:
    result = import_survey(data / "google_two_grids.csv", roster, teams)
    assert where(only(result, "ignored-column")) == (1, "Hours worked [Zoë Martín]", "info")
    assert [(r.ratee, r.value) for r in result.ratings] == [
        ("s01", 100.0),
        ("s02", 87.5),
        ("s03", 75.0),
    ]
    assert result.scale.name == "oakley9"
