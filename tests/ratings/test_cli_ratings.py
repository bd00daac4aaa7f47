"""``teamtool ratings``: the report, the --confirm round trip, exit codes and the file written."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from teamtool.cli import cmd_ratings
from teamtool.errors import InputError


def run(*argv: str) -> int:
    """Run the subcommand as ``teamtool ratings ...`` would (the parser of cmd_ratings only)."""
    parser = argparse.ArgumentParser(prog="teamtool")
    cmd_ratings.register(parser.add_subparsers())
    args = parser.parse_args(["ratings", *argv])
    return int(args.func(args))


def common(data: Path, out: Path) -> list[str]:
    return [
        "--roster",
        str(data / "roster.csv"),
        "--teams",
        str(data / "teams.csv"),
        "--out",
        str(out),
    ]


def test_uncertain_match_exits_1_and_prints_the_confirm_to_pass(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ratings.csv"
    assert run(str(data / "m_google.csv"), *common(data, out)) == 1
    captured = capsys.readouterr()
    assert not out.exists()
    lines = captured.out.splitlines()
    assert lines[0].startswith(
        "m_google.csv: Google Forms, scale oakley9 (Excellent 100, Very good 87.5"
    )
    assert lines[1] == (
        "  27 ratings from 8 respondents; 2 non-respondent(s); 1 error(s), 2 warning(s), 1 note(s)"
    )
    assert (
        '  m_google.csv: row 8, column "Your name": rater "Chris Lee" is not certainly a student of the '
        "roster (candidates: Christopher Lee (s06) 0.90); confirm who it is [uncertain-match]"
    ) in lines
    assert '    s06 Christopher Lee (similarity 0.90): --confirm "Chris Lee=s06"' in lines
    assert '    not a student of the course: --confirm "Chris Lee="' in lines
    assert "error: 1 problem(s) must be fixed first; " in captured.err


def test_confirmed_import_writes_the_cleaned_ratings(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ratings.csv"
    assert run(str(data / "m_google.csv"), *common(data, out), "--confirm", "Chris Lee=s06") == 0
    printed = capsys.readouterr().out
    assert (
        "30 ratings from 9 respondents; 1 non-respondent(s); 0 error(s), 1 warning(s), 1 note(s)"
        in printed
    )
    assert f"wrote 30 ratings to {out}" in printed
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0] == "rater_id,ratee_id,rating,label,comment,general_comment"
    assert len(rows) == 31
    assert "s06,s05,25,Unsatisfactory,," in rows


def test_layout_and_scale_options(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.csv"
    assert (
        run(str(data / "long_cmu.csv"), *common(data, out), "--layout", "long", "--scale", "cmu5")
        == 0
    )
    assert "scale cmu5 (Good team citizen 100" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8-sig").splitlines()[1:] == [
        "s01,s01,60,Deficient,", "s01,s02,40,Unsatisfactory,", "s01,s03,0,No show,",
    ]  # fmt: skip


def test_a_malformed_confirm_is_refused(data: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match='must look like "TEXT=ID"'):
        run(str(data / "m_google.csv"), *common(data, tmp_path / "r.csv"), "--confirm", "Chris Lee")


def test_errors_are_listed_first_and_unknown_people_can_be_left_out(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.csv"
    assert run(str(data / "google_problems.csv"), *common(data, out)) == 1
    lines = capsys.readouterr().out.splitlines()
    start = lines.index("problems (errors first):") + 1
    codes = [line.rsplit("[", 1)[1].rstrip("]") for line in lines[start : start + 4]]
    assert codes == [
        "unknown-person",
        "uncertain-match",
        "unknown-label",
        "warning: unknown-person",
    ]
    assert '    not a student of the course: --confirm "Nobody Here="' in lines


def test_a_partial_qualtrics_response_is_kept_unless_dropped(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept, dropped = tmp_path / "kept.csv", tmp_path / "dropped.csv"
    assert run(str(data / "m_qualtrics.csv"), *common(data, kept)) == 0
    printed = capsys.readouterr().out
    assert "32 ratings from 10 respondents; 0 non-respondent(s)" in printed
    assert "partial response: rated 2 of 4 (Omar Haddad (s10) left the survey at 40%" in printed
    assert "s10,s07,50,Marginal,," in kept.read_text(encoding="utf-8-sig").splitlines()
    assert run(str(data / "m_qualtrics.csv"), *common(data, dropped), "--drop-partial") == 0
    printed = capsys.readouterr().out
    assert "30 ratings from 9 respondents; 1 non-respondent(s)" in printed
    assert "an unfinished response (progress 40%): left out" in printed
    assert not any(
        r.startswith("s10,") for r in dropped.read_text(encoding="utf-8-sig").splitlines()
    )
