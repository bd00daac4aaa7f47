"""``teamtool adjust``: a team whose only ratings are self-ratings keeps its team grade, flagged."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from teamtool.cli import main


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("method", ["autorating", "catme", "webpa", "spark"])
def test_self_ratings_alone_keep_the_team_grade(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], method: str
) -> None:
    """Before the fix (autorating): s1 100 / 87.5 -> 1.05 and 88.2 from their own rating."""
    teams = write(tmp_path / "teams.csv", "student_id,team\ns1,T1\ns2,T1\ns3,T1\n")
    grades = write(tmp_path / "grades.csv", "team,grade\nT1,84\n")
    ratings = write(
        tmp_path / "ratings.csv", "rater,ratee,rating\ns1,s1,100\ns2,s2,87.5\ns3,s3,75\n"
    )
    out = tmp_path / "out.csv"
    argv = ["adjust", "--teams", teams, "--grades", grades, "--ratings", ratings,
            "--out", str(out), "--method", method]  # fmt: skip
    assert main(argv) == 0
    assert "not-rated-by-peers 3" in capsys.readouterr().out
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["student_id"], r["factor"], r["grade"]) for r in rows] == [
        ("s1", "", "84"),
        ("s2", "", "84"),
        ("s3", "", "84"),
    ]
    assert all("not-rated-by-peers" in r["flags"] for r in rows)
