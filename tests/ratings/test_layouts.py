"""Every survey layout imports the small course's ratings to the same cleaned set."""

from __future__ import annotations

from pathlib import Path

import pytest
from ratings_helpers import EXPECTED, expected_triples, write_msforms

from teamtool.errors import SurveyError
from teamtool.files.tables import Grid, read_grid
from teamtool.model import Roster, TeamSet
from teamtool.ratings import SurveyImport, detect_layout, import_survey


def triples(result: SurveyImport) -> set[tuple[str, str, float]]:
    return {(r.rater, r.ratee, r.value) for r in result.ratings}


@pytest.mark.parametrize(
    ("name", "layout"), [("m_long.csv", "long"), ("m_qualtrics.csv", "qualtrics")]
)
def test_long_and_qualtrics_import_every_rating(
    data: Path, roster: Roster, teams: TeamSet, name: str, layout: str
) -> None:
    # Omar's unfinished Qualtrics response is dropped here, so that both give the same set
    result = import_survey(data / name, roster, teams, drop_partial=True)
    assert result.layout == layout
    assert result.scale.name == "oakley9"
    assert triples(result) == expected_triples()
    assert len(result.ratings) == 30
    assert not result.problems.has_errors()
    assert result.respondents == set(EXPECTED)
    assert result.non_respondents == ["s10"]
    assert result.uncertain == []


def test_msforms_imports_every_rating(tmp_path: Path, roster: Roster, teams: TeamSet) -> None:
    path = write_msforms(tmp_path / "m_msforms.xlsx")
    result = import_survey(path, roster, teams)
    assert result.layout == "msforms"
    assert triples(result) == expected_triples()
    assert result.non_respondents == ["s10"]
    codes = result.problems.codes()
    assert codes.count("duplicate-submission") == 1
    assert 'column "What went well?"' in str(
        next(p for p in result.problems if p.code == "ignored-column")
    )


def test_msforms_later_modified_time_wins_over_row_order(
    tmp_path: Path, roster: Roster, teams: TeamSet
) -> None:
    result = import_survey(write_msforms(tmp_path / "m.xlsx"), roster, teams)
    dup = next(p for p in result.problems if p.code == "duplicate-submission")
    assert (dup.row, dup.column, dup.severity) == (5, "Last modified time", "info")
    assert "José García (s03) also submitted on row 4" in dup.message
    assert ("s03", "s01", 100.0) in triples(result)  # not the earlier "No show"


def test_google_forms_needs_chris_lee_confirmed(data: Path, roster: Roster, teams: TeamSet) -> None:
    result = import_survey(data / "m_google.csv", roster, teams)
    assert result.layout == "google"
    assert triples(result) == expected_triples(without=("s06",))
    [uncertain] = result.uncertain
    assert (uncertain.text, uncertain.role, uncertain.candidates) == (
        "Chris Lee",
        "rater",
        [("s06", 0.9)],
    )
    assert uncertain.where == 'm_google.csv: row 8, column "Your name"'
    assert result.problems.has_errors()
    assert [p.code for p in result.problems.errors] == ["uncertain-match"]
    assert result.non_respondents == ["s06", "s10"]

    confirmed = import_survey(data / "m_google.csv", roster, teams, confirmed={"Chris Lee": "s06"})
    assert triples(confirmed) == expected_triples()
    assert confirmed.uncertain == []
    assert not confirmed.problems.has_errors()
    assert confirmed.non_respondents == ["s10"]


def test_google_forms_latest_timestamp_wins_not_the_last_row(
    data: Path, roster: Roster, teams: TeamSet
) -> None:
    result = import_survey(data / "m_google.csv", roster, teams, confirmed={"Chris Lee": "s06"})
    dup = next(p for p in result.problems if p.code == "duplicate-submission")
    assert (dup.row, dup.column) == (5, "Timestamp")
    assert (
        "also submitted on row 3 (2026/10/15 12:30:00 AM EDT, this one 2026/10/14 11:05:00 PM EDT)"
        in dup.message
    )
    assert ("s02", "s03", 50.0) in triples(result)  # Marginal from row 3, not Excellent from row 5


def test_a_person_confirmed_as_not_a_student_is_left_out_quietly(
    data: Path, roster: Roster, teams: TeamSet
) -> None:
    result = import_survey(data / "m_google.csv", roster, teams, confirmed={"Chris Lee": ""})
    assert not result.problems.has_errors()
    assert result.uncertain == []
    assert triples(result) == expected_triples(without=("s06",))


def test_comments_are_kept_verbatim_on_the_raters_own_rating(
    data: Path, roster: Roster, teams: TeamSet
) -> None:
    """The long file has each comment on the rater's self row (about themself); the Google and
    Qualtrics files ask one question about the team: a general comment, never about the rater."""
    expected = {
        ("s01", "s01"): '=HYPERLINK("http://x","y")',
        ("s03", "s03"): "+1",
        ("s05", "s05"): "- did the BOM",
        ("s09", "s09"): "@Marco fixed the build",
    }
    for name in ("m_long.csv", "m_google.csv", "m_qualtrics.csv"):
        result = import_survey(data / name, roster, teams, confirmed={"Chris Lee": "s06"})
        comments = {(r.rater, r.ratee): r.comment for r in result.ratings if r.comment}
        general = {(r.rater, r.ratee): r.general_comment for r in result.ratings}
        general = {pair: text for pair, text in general.items() if text}
        long = name == "m_long.csv"
        assert (comments, general) == ((expected, {}) if long else ({}, expected)), name


def test_labels_are_canonical(data: Path, roster: Roster, teams: TeamSet) -> None:
    result = import_survey(data / "m_long.csv", roster, teams)
    assert {(r.rater, r.ratee): r.label for r in result.ratings}[("s07", "s10")] == "No show"


def test_qualtrics_keeps_the_ratings_of_an_unfinished_response(
    data: Path, roster: Roster, teams: TeamSet
) -> None:
    result = import_survey(data / "m_qualtrics.csv", roster, teams)
    [partial] = [p for p in result.problems if p.code == "partial-response"]
    assert (partial.row, partial.column, partial.severity) == (12, "Finished", "warning")
    assert partial.message.startswith("partial response: rated 2 of 4 (Omar Haddad (s10) left")
    assert "40% progress" in partial.message
    assert {(r.ratee, r.value) for r in result.ratings if r.rater == "s10"} == {
        ("s07", 50.0),
        ("s10", 100.0),
    }
    assert triples(result) == expected_triples() | {("s10", "s07", 50.0), ("s10", "s10", 100.0)}
    assert "s10" in result.respondents
    assert result.non_respondents == []


def test_qualtrics_skips_the_preview_and_drops_the_partial_response_when_asked(
    data: Path, roster: Roster, teams: TeamSet
) -> None:
    result = import_survey(data / "m_qualtrics.csv", roster, teams, drop_partial=True)
    skipped = {p.code: p for p in result.problems if p.severity == "info"}
    assert (skipped["preview-response"].row, skipped["preview-response"].column) == (4, "Status")
    assert (skipped["partial-response"].row, skipped["partial-response"].column) == (12, "Finished")
    assert "progress 40%" in skipped["partial-response"].message
    assert result.non_respondents == ["s10"]
    dup = skipped["duplicate-submission"]
    assert (dup.row, dup.column) == (14, "RecordedDate")
    assert ("s08", "s10", 12.5) in triples(result)  # the later RecordedDate, not "Excellent"


def test_raw_rows_keep_the_file_as_imported(data: Path, roster: Roster, teams: TeamSet) -> None:
    result = import_survey(data / "m_qualtrics.csv", roster, teams)
    grid = read_grid(data / "m_qualtrics.csv")
    assert result.raw_header == grid.rows[0]
    assert result.raw_rows == grid.rows[1:]
    assert result.raw_rows[2][2] == "Survey Preview"


@pytest.mark.parametrize(
    ("header", "layout"),
    [
        (["rater", "ratee", "rating"], "long"),
        (["Rater_ID", "Ratee_ID", "Score", "Comment"], "long"),
        (["Timestamp", "Email Address", "Rate your teammates [Ann Lee]"], "google"),
        (["ID", "Start time", "Completion time", "Email", "Name", "Ann Lee"], "msforms"),
        (
            ["StartDate", "EndDate", "Status", "Progress", "Finished", "ResponseId", "Q1_1"],
            "qualtrics",
        ),
    ],
)
def test_detect_layout(header: list[str], layout: str) -> None:
    assert detect_layout(Grid("f.csv", [header])) == layout


def test_an_unknown_layout_is_explained() -> None:
    with pytest.raises(SurveyError, match="cannot tell which survey export") as info:
        detect_layout(Grid("f.csv", [["name", "grade"]]))
    assert info.value.code == "unknown-layout"


def test_a_forced_layout_is_used_and_a_wrong_one_is_refused(
    data: Path, roster: Roster, teams: TeamSet
) -> None:
    result = import_survey(data / "m_long.csv", roster, teams, layout="long")
    assert len(result.ratings) == 30
    with pytest.raises(SurveyError, match='no grid columns \\("Question \\[Name\\]"\\)'):
        import_survey(data / "m_long.csv", roster, teams, layout="google")
    with pytest.raises(SurveyError, match='unknown layout "excel"'):
        import_survey(data / "m_long.csv", roster, teams, layout="excel")


def test_a_given_scale_is_used(data: Path, roster: Roster, teams: TeamSet) -> None:
    result = import_survey(data / "long_cmu.csv", roster, teams, scale="cmu5")
    assert sorted(triples(result)) == [
        ("s01", "s01", 60.0),
        ("s01", "s02", 40.0),
        ("s01", "s03", 0.0),
    ]
    assert "ambiguous-scale" not in result.problems.codes()


def test_numbers_and_semicolons_detect_the_numeric_scale(
    data: Path, roster: Roster, teams: TeamSet
) -> None:
    result = import_survey(data / "long_numeric.csv", roster, teams)
    assert result.scale.name == "numeric5"
    assert ("s04", "s06", 4.5) in triples(result)
    assert len(result.ratings) == 6


def test_a_custom_scale_file(data: Path, roster: Roster, teams: TeamSet) -> None:
    result = import_survey(
        data / "long_custom.csv", roster, teams, scale=str(data / "scale_custom.csv")
    )
    assert sorted(triples(result)) == [
        ("s01", "s01", 10.0), ("s01", "s02", 7.0), ("s01", "s03", 3.0), ("s02", "s01", 0.0),
    ]  # fmt: skip
    assert {r.label for r in result.ratings} == {"Outstanding", "Solid", "Weak", "Absent"}


def test_a_long_xlsx_with_numeric_cells(tmp_path: Path, roster: Roster, teams: TeamSet) -> None:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Rater email", "Ratee", "Score"])
    ws.append(["ZOE.MARTIN@example.edu", "s02", 87.5])
    ws.append(["zoe.martin@example.edu", "Zoë Martín", 100])
    path = tmp_path / "long.xlsx"
    book.save(path)
    result = import_survey(path, roster, teams, layout="long")
    assert sorted(triples(result)) == [("s01", "s01", 100.0), ("s01", "s02", 87.5)]
    assert result.scale.name == "oakley9"
