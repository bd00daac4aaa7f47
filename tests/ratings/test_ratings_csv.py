"""The cleaned ratings file: written formula-safe, read back exactly, names and labels accepted."""

from __future__ import annotations

from pathlib import Path

import pytest
from ratings_helpers import expected_triples

from teamtool.errors import InputError, SurveyError
from teamtool.model import Rating, Roster, TeamSet
from teamtool.ratings import import_survey, read_ratings_csv, write_ratings_csv


def test_write_then_read_gives_the_same_ratings(
    tmp_path: Path, data: Path, roster: Roster, teams: TeamSet
) -> None:
    ratings = import_survey(data / "m_long.csv", roster, teams).ratings
    path = write_ratings_csv(ratings, tmp_path / "out" / "ratings.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfrater_id,ratee_id,rating,label,comment\r\n")
    text = raw.decode("utf-8-sig")
    assert 's01,s01,100,Excellent,"\'=HYPERLINK(""http://x"",""y"")"' in text
    assert "s03,s03,100,Excellent,'+1" in text
    assert "s07,s10,0,No show," in text
    assert "s02,s03,50,Marginal," in text
    assert read_ratings_csv(path) == ratings
    assert read_ratings_csv(path, roster, "oakley9") == ratings


def test_numbers_without_a_scale_are_taken_as_they_are(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "rater,ratee,rating\na,b,87.5\na,a,4,5\n".replace("4,5", '"4,5"'), encoding="utf-8"
    )
    assert read_ratings_csv(path) == [Rating("a", "b", 87.5), Rating("a", "a", 4.5)]


def test_names_and_labels_are_resolved_with_a_roster(tmp_path: Path, roster: Roster) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        'rater,ratee,rating,comment\nZoe Martin,"O’Brien, Siobhán",very good,ok\ns01,s01,Excellent,\n',
        encoding="utf-8",
    )
    assert read_ratings_csv(path, roster) == [
        Rating("s01", "s02", 87.5, "Very good", "ok"),
        Rating("s01", "s01", 100.0, "Excellent", ""),
    ]


def test_every_problem_is_raised_at_once(tmp_path: Path, roster: Roster) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "rater,ratee,rating\nAlex Kim,s01,Excellent\ns01,Nobody,Excellent\ns01,s02,Great\ns01,s03,\n",
        encoding="utf-8",
    )
    with pytest.raises(SurveyError) as info:
        read_ratings_csv(path, roster)
    text = str(info.value)
    assert text.startswith("4 problem(s) must be fixed first:")
    assert 'bad.csv: row 2, column "rater": "Alex Kim" is not certainly a student' in text
    assert 'bad.csv: row 3, column "ratee": "Nobody" is not in the roster [unknown-person]' in text
    assert 'bad.csv: row 4, column "rating": "Great" is not on the scale oakley9' in text
    assert 'bad.csv: row 5, column "rating": the rating is empty [blank-rating]' in text


def test_a_file_without_the_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("who,whom\na,b\n", encoding="utf-8")
    with pytest.raises(SurveyError, match="missing: rater, ratee, rating"):
        read_ratings_csv(path)


def test_labels_that_fit_no_scale_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("rater,ratee,rating\na,b,Great\n", encoding="utf-8")
    with pytest.raises(SurveyError, match="do not fit any preset scale"):
        read_ratings_csv(path)
    with pytest.raises(InputError, match="neither a scale preset"):
        read_ratings_csv(path, scale="nope")


def test_the_sample_long_file_reads_like_the_import(samples_dir: Path) -> None:
    ratings = read_ratings_csv(samples_dir / "surveys" / "m1_long.csv")
    assert len(ratings) == 188
    assert {r.value for r in ratings} <= {100.0, 87.5, 75.0, 62.5, 50.0, 37.5, 25.0, 12.5, 0.0}


def test_expected_helper_matches_the_fixture(data: Path, roster: Roster, teams: TeamSet) -> None:
    path = data / "m_long.csv"
    assert {
        (r.rater, r.ratee, r.value) for r in read_ratings_csv(path, roster)
    } == expected_triples()
