"""The cleaned ratings file: a rating given twice, or a rating off the scale, is never resolved
silently; every problem names the file, the row(s) and the column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from teamtool.cli import main
from teamtool.errors import SurveyError
from teamtool.model import Rating, Roster
from teamtool.problems import Problems
from teamtool.ratings import read_ratings_csv


def ratings_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ratings.csv"
    path.write_text(text, encoding="utf-8")
    return path


def error_text(path: Path, roster: Roster | None = None, scale: str | None = None) -> str:
    with pytest.raises(SurveyError) as info:
        read_ratings_csv(path, roster, scale)
    return str(info.value)


def test_a_conflicting_duplicate_is_an_error_naming_both_rows(tmp_path: Path) -> None:
    path = ratings_file(
        tmp_path, "rater,ratee,rating\ns01,s02,87.5\ns01,s01,100\ns02,s01,75\ns01,s02,50\n"
    )
    text = error_text(path)
    assert (
        'ratings.csv: row 5, column "rating": s01 rated s02 twice, 50 here and 87.5 in row 2; '
        "keep one of rows 2 and 5 [conflicting-duplicate]" in text
    )


def test_a_duplicate_under_another_name_is_found(tmp_path: Path, roster: Roster) -> None:
    """ "Zoe Martin" is s01: the same rater twice, with different labels."""
    path = ratings_file(
        tmp_path, "rater,ratee,rating\ns01,s02,Excellent\nZoe Martin,s02,Marginal\n"
    )
    text = error_text(path, roster)
    assert 'row 3, column "rating": s01 rated s02 twice, 50 here and 100 in row 2' in text


def test_an_identical_duplicate_is_kept_once_with_a_warning(tmp_path: Path) -> None:
    path = ratings_file(
        tmp_path, "rater,ratee,rating,comment\ns01,s02,87.5,ok\ns01,s01,100,\ns01,s02,87.5,ok\n"
    )
    problems = Problems()
    assert read_ratings_csv(path, warnings=problems) == [
        Rating("s01", "s02", 87.5, comment="ok"),
        Rating("s01", "s01", 100.0),
    ]
    [warning] = problems.warnings
    assert str(warning) == (
        'ratings.csv: row 4, column "rating": s01 rated s02 twice with the same rating, 87.5, in '
        "rows 2 and 4; row 4 is left out [warning: duplicate-rating]"
    )


def test_the_same_rating_with_another_comment_is_an_error(tmp_path: Path) -> None:
    """Keeping either row would lose a comment: the instructor chooses."""
    path = ratings_file(
        tmp_path, "rater,ratee,rating,comment\ns01,s02,87.5,great\ns01,s02,87.5,late twice\n"
    )
    text = error_text(path)
    assert 'row 3, column "comment": s01 rated s02 twice, with different comments' in text
    assert "keep one of rows 2 and 3" in text


def test_a_milestone_column_keeps_milestones_apart(tmp_path: Path) -> None:
    path = ratings_file(
        tmp_path, "milestone,rater,ratee,rating\nM1,s01,s02,87.5\nM2,s01,s02,50\nM2,s01,s02,75\n"
    )
    text = error_text(path)
    assert 'row 4, column "rating": s01 rated s02 twice in milestone "M2", 75 here and 50' in text
    assert "row 3," not in text


@pytest.mark.parametrize("rating", ["-12.5", "-0.5", "-1"])
def test_a_negative_rating_is_an_error_at_its_cell(tmp_path: Path, rating: str) -> None:
    """It used to be read, and the adjustment then failed naming no file, row or column."""
    path = ratings_file(tmp_path, f"rater,ratee,rating\ns01,s02,87.5\ns01,s03,{rating}\n")
    text = error_text(path)
    assert f'ratings.csv: row 3, column "rating": the rating {rating} is below 0' in text


def test_a_rating_off_the_chosen_scale_is_an_error_at_its_cell(tmp_path: Path) -> None:
    path = ratings_file(tmp_path, "rater,ratee,rating\ns01,s02,87.5\ns01,s03,120\n")
    text = error_text(path, scale="oakley9")
    assert 'ratings.csv: row 3, column "rating": "120" is not on the scale oakley9' in text


def test_adjust_refuses_a_conflicting_duplicate(
    tmp_path: Path, samples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """samples m1_long.csv with a second, kinder rating of Ryan (s1011) by Ravi (s1005) at the
    end: it used to win silently, moving Ryan's grade from 54.78 to 69.28."""
    ratings = tmp_path / "m1.csv"
    shutil.copy(samples_dir / "surveys" / "m1_long.csv", ratings)
    lines = ratings.read_text(encoding="utf-8-sig").splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("s1005,s1011,"))
    with ratings.open("a", encoding="utf-8") as fh:
        fh.write("s1005,s1011,Excellent\n")
    s = samples_dir
    argv = ["adjust", "--teams", str(s / "teams.csv"), "--grades", str(s / "grades.csv"),
            "--milestone", "M1 Proposal", "--ratings", str(ratings), "--out", str(tmp_path / "o.csv")]  # fmt: skip
    assert main(argv) != 0
    err = capsys.readouterr().err
    assert f'row {len(lines) + 1}, column "rating": s1005 rated s1011 twice' in err
    assert f"keep one of rows {first + 1} and {len(lines) + 1}" in err
    assert not (tmp_path / "o.csv").exists()


def test_adjust_warns_about_an_identical_duplicate(
    tmp_path: Path, samples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same row twice: adjusted as once (Ryan 54.78, as without the copy), with a warning."""
    ratings = tmp_path / "m1.csv"
    shutil.copy(samples_dir / "surveys" / "m1_long.csv", ratings)
    lines = ratings.read_text(encoding="utf-8-sig").splitlines()
    with ratings.open("a", encoding="utf-8") as fh:
        fh.write(lines[2] + "\n")  # row 3: s1005 rates s1011 Deficient, with the comment
    s, out = samples_dir, tmp_path / "o.csv"
    argv = ["adjust", "--teams", str(s / "teams.csv"), "--grades", str(s / "grades.csv"),
            "--milestone", "M1 Proposal", "--ratings", str(ratings), "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    printed = capsys.readouterr().out
    assert (
        f'warning: m1.csv: row {len(lines) + 1}, column "rating": s1005 rated s1011 twice with the '
        f"same rating, 37.5, in rows 3 and {len(lines) + 1}; row {len(lines) + 1} is left out"
    ) in printed
    ryan = next(
        line for line in out.read_text(encoding="utf-8-sig").splitlines() if "s1011" in line
    )
    assert ryan.startswith("s1011,,Team 1,M1 Proposal,84,")
    assert round(float(ryan.split(",")[8]), 2) == 54.78


def test_text_that_fits_no_scale_is_named_with_its_row(tmp_path: Path) -> None:
    """Found by the fuzz test: this error named no row."""
    path = ratings_file(tmp_path, "rater,ratee,rating\ns01,s02,\ns01,s03,Great\ns01,s04,Fab\n")
    text = error_text(path)
    assert 'ratings.csv: row 3, column "rating": "Great" is not a number, and the ratings' in text
    nines = ratings_file(tmp_path, f"rater,ratee,rating\ns01,s02,87.5\ns01,s03,{'9' * 400}\n")
    assert 'ratings.csv: row 3, column "rating": "999' in error_text(nines)
