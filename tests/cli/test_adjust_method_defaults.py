"""``teamtool adjust --method M`` starts from M's own conventional settings (as ``--preset M``)."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import pytest

from teamtool.cli import main
from teamtool.cli.cmd_adjust import build_options, register
from teamtool.errors import InputError
from teamtool.grading import PRESETS

WEBPA = ["alice", "bob", "claire", "david", "elaine"]
# WebPA worked example (webpaproject.lboro.ac.uk) as the summed marks of moodle-mod_peerwork
# tests/mod_peerwork_webpa_test.php get_sample(); elaine submitted nothing. Group mark 80.
WEBPA_ROWS = [[4, 4, 3, 2, 1], [3, 5, 3, 2, 0], [4, 4, 4, 4, 4], [3, 5, 4, 3, 1]]


def parse(options: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="teamtool")
    register(parser.add_subparsers())
    required = ["--teams", "t", "--ratings", "r", "--grades", "g", "--out", "o.csv"]
    return parser.parse_args(["adjust", *required, *options])


def course_files(tmp_path: Path) -> list[str]:
    teams = tmp_path / "teams.csv"
    teams.write_text("student_id,team\n" + "".join(f"{s},T\n" for s in WEBPA), encoding="utf-8")
    grades = tmp_path / "grades.csv"
    grades.write_text("team,grade\nT,80\n", encoding="utf-8")
    ratings = tmp_path / "ratings.csv"
    lines = [
        f"{rater},{ratee},{mark}\n"
        for rater, row in zip(WEBPA, WEBPA_ROWS, strict=False)
        for ratee, mark in zip(WEBPA, row, strict=True)
    ]
    ratings.write_text("rater,ratee,rating\n" + "".join(lines), encoding="utf-8")
    return ["--teams", str(teams), "--grades", str(grades), "--ratings", str(ratings)]


def adjusted(tmp_path: Path, *options: str) -> dict[str, tuple[float, float]]:
    out = tmp_path / "out.csv"
    assert main(["adjust", *course_files(tmp_path), "--out", str(out), *options]) == 0
    with out.open(encoding="utf-8-sig", newline="") as fh:
        return {
            r["student_id"]: (round(float(r["factor"]), 2), round(float(r["grade"]), 2))
            for r in csv.DictReader(fh)
        }


def test_method_webpa_uses_webpa_defaults(tmp_path: Path) -> None:
    """moodle-mod_peerwork's WebPA test: scores 1.13, 1.48, 1.12, 0.86, 0.42; at the 50 % PA
    weighting WebPA advises, grades 85.2, 99.14, 84.75, 74.21, 56.7. Before the fix the 1.05
    cap of autorating and its 100 % weighting gave alice and bob 1.05 and 84."""
    got = adjusted(tmp_path, "--method", "webpa")
    assert [got[s] for s in WEBPA] == [
        (1.13, 85.2),
        (1.48, 99.14),
        (1.12, 84.75),
        (0.86, 74.21),
        (0.42, 56.7),
    ]
    assert got == adjusted(tmp_path, "--preset", "webpa")


def test_explicit_options_still_win(tmp_path: Path) -> None:
    """--cap 1.2: bob's 1.48 becomes 1.2, 40 + 40 x 1.2 = 88; --weighting 100%: alice 80 x
    1.13 = 90.4 (the example's w = 100 % grade)."""
    got = adjusted(tmp_path, "--method", "webpa", "--cap", "1.2")
    assert got["bob"] == (1.2, 88)
    assert got["alice"] == (1.13, 85.2)
    got = adjusted(tmp_path, "--method", "webpa", "--weighting", "100%")
    assert got["alice"] == (1.13, 90.4)
    assert got["bob"] == (1.48, 100)  # clamped at the maximum, as in the example


@pytest.mark.parametrize(
    ("method", "preset"),
    [("autorating", "oakley"), ("catme", "catme"), ("webpa", "webpa"), ("spark", "spark")],
)
def test_each_method_starts_from_its_preset(method: str, preset: str) -> None:
    assert build_options(parse(["--method", method])) == PRESETS[preset]


def test_a_preset_of_another_method_is_refused() -> None:
    with pytest.raises(InputError, match='--preset "cmu" is a preset of the autorating method'):
        build_options(parse(["--preset", "cmu", "--method", "webpa"]))
    assert (
        build_options(parse(["--preset", "cornell", "--method", "autorating"]))
        == PRESETS["cornell"]
    )
