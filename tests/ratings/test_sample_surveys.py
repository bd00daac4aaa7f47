"""The sample course's M1 survey in four layouts imports to the same cleaned ratings."""

from __future__ import annotations

from pathlib import Path

import pytest

from teamtool.files.teamfile import load_team_set
from teamtool.model import Roster, TeamSet
from teamtool.ratings import SurveyImport, import_survey
from teamtool.roster import import_roster

M1_LAYOUTS = {
    "m1_long.csv": "long",
    "m1_google_forms.csv": "google",
    "m1_microsoft_forms.xlsx": "msforms",
    "m1_qualtrics.csv": "qualtrics",
}
CHRIS = {"Chris Lee": "s1023"}


@pytest.fixture(scope="module")
def course() -> tuple[Roster, TeamSet]:
    samples = Path(__file__).resolve().parents[2] / "samples"
    roster = import_roster(samples / "roster.csv").roster
    return roster, load_team_set(samples / "teams.csv", roster)


def load(
    samples_dir: Path, name: str, course: tuple[Roster, TeamSet], **kw: object
) -> SurveyImport:
    return import_survey(samples_dir / "surveys" / name, *course, **kw)  # type: ignore[arg-type]


def triples(result: SurveyImport) -> set[tuple[str, str, float]]:
    return {(r.rater, r.ratee, r.value) for r in result.ratings}


@pytest.mark.parametrize("name", list(M1_LAYOUTS))
def test_every_m1_layout_gives_the_cleaned_m1_ratings(
    samples_dir: Path, course: tuple[Roster, TeamSet], name: str
) -> None:
    reference = load(samples_dir, "m1_long.csv", course)
    # Ivan's unfinished Qualtrics response dropped: he is the non-respondent of every layout
    result = load(samples_dir, name, course, confirmed=CHRIS, drop_partial=True)
    assert result.layout == M1_LAYOUTS[name]
    assert result.scale.name == "oakley9"
    assert len(result.ratings) == 188
    assert triples(result) == triples(reference)
    assert not result.problems.has_errors()
    assert result.non_respondents == ["s1041"]
    assert len(result.respondents) == 47


@pytest.mark.parametrize(
    "name", ["m1_google_forms.csv", "m1_microsoft_forms.xlsx", "m1_qualtrics.csv"]
)
def test_leo_fischer_s_later_submission_wins(
    samples_dir: Path, course: tuple[Roster, TeamSet], name: str
) -> None:
    result = load(samples_dir, name, course, confirmed=CHRIS)
    [dup] = [p for p in result.problems if p.code == "duplicate-submission"]
    assert dup.message.startswith("Leo Fischer (s1044) also submitted on row ")
    liam = next(r for r in result.ratings if (r.rater, r.ratee) == ("s1044", "s1002"))
    assert liam.label != "Marginal"


def test_qualtrics_ignores_the_preview_and_keeps_ivan_s_partial_response(
    samples_dir: Path, course: tuple[Roster, TeamSet]
) -> None:
    result = load(samples_dir, "m1_qualtrics.csv", course)
    assert sorted(p.code for p in result.problems if p.severity == "info") == [
        "duplicate-submission", "preview-response",
    ]  # fmt: skip
    [partial] = [p for p in result.problems if p.code == "partial-response"]
    assert partial.severity == "warning"
    assert partial.message.startswith("partial response: rated ")
    assert "s1041" in {r.rater for r in result.ratings}
    assert "s1041" not in result.non_respondents


def test_chris_lee_is_uncertain_until_confirmed(
    samples_dir: Path, course: tuple[Roster, TeamSet]
) -> None:
    result = load(samples_dir, "m1_google_forms.csv", course)
    [uncertain] = result.uncertain
    assert (uncertain.text, uncertain.role) == ("Chris Lee", "rater")
    assert uncertain.candidates[0] == ("s1023", 0.9)
    assert [p.code for p in result.problems.errors] == ["uncertain-match"]
    assert "s1023" not in {r.rater for r in result.ratings}
    assert len(result.ratings) == 184

    confirmed = load(samples_dir, "m1_google_forms.csv", course, confirmed=CHRIS)
    assert confirmed.uncertain == []
    assert {r.ratee for r in confirmed.ratings if r.rater == "s1023"} == set(
        course[1].teams["Team 12"]
    )


def test_m2_google_forms_equals_the_m2_long_file(
    samples_dir: Path, course: tuple[Roster, TeamSet]
) -> None:
    google = load(samples_dir, "m2_google_forms.csv", course)
    assert triples(google) == triples(load(samples_dir, "m2_long.csv", course))
    assert google.non_respondents == ["s1046"]
    assert not google.problems.has_errors()


def test_the_dangerous_comments_arrive_verbatim(
    samples_dir: Path, course: tuple[Roster, TeamSet]
) -> None:
    for name in M1_LAYOUTS:
        ratings = load(samples_dir, name, course, confirmed=CHRIS).ratings
        comments = {text for r in ratings for text in (r.comment, r.general_comment)}
        assert {'=HYPERLINK("http://x","y")', "+1", "- did the BOM"} <= comments, name
        assert "@Marco thanks for fixing the build twice" in comments, name
