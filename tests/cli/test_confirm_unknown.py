"""``teamtool ratings --confirm TEXT=ID`` that matches nothing is a usage error (exit 1, no
traceback, nothing written) naming the argument and the names that do need confirming; a
confirmation of a name the roster already matches exactly is a one-line note."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from teamtool.cli import main
from teamtool.cli.confirm_args import check_confirmations, parse_confirmations
from teamtool.demo.milestone_steps import SURVEYS
from teamtool.files.teamfile import load_team_set
from teamtool.ratings import import_survey
from teamtool.roster import import_roster

CHRIS = "Chris Lee=s1023"  # the one rater of m1_google_forms.csv to confirm (samples/README.md)
TO_CONFIRM = (
    "names to confirm in m1_google_forms.csv:\n"
    '  rater "Chris Lee" at m1_google_forms.csv: row 34, column "Your name"'
)


def ratings_cmd(samples: Path, survey: str, out: Path, *confirms: str) -> list[str]:
    args = ["ratings", str(samples / "surveys" / survey), "--roster", str(samples / "roster.csv"),
            "--teams", str(samples / "teams.csv"), "--out", str(out)]  # fmt: skip
    for c in confirms:
        args += ["--confirm", c]
    return args


def triples(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return sorted((r["rater_id"], r["ratee_id"], r["rating"]) for r in csv.DictReader(f))


def refused(
    samples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], *confirms: str
) -> str:
    """Run with ``confirms``; assert exit 1, no traceback, nothing written; return stderr."""
    out = tmp_path / "r.csv"
    assert main(ratings_cmd(samples, "m1_google_forms.csv", out, *confirms)) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "people to confirm" not in captured.out
    assert not out.exists()
    return captured.err


@pytest.mark.parametrize(
    ("confirms", "message"),
    [
        pytest.param(
            ["Chirs Lee=s1023"],
            'error: --confirm "Chirs Lee=s1023": "Chirs Lee" is not a name in m1_google_forms.csv '
            'that needs confirming; did you mean "Chris Lee"?\n' + TO_CONFIRM + "\n",
            id="a misspelt name: the argument and the closest name",
        ),
        pytest.param(
            ["Chris Lee=s9999"],
            'error: --confirm "Chris Lee=s9999": "s9999" is not a student id of the roster; '
            'the candidates for "Chris Lee" are Christopher Lee (s1023)\n' + TO_CONFIRM + "\n",
            id="an id not on the roster: the argument and the candidates",
        ),
        pytest.param(
            [CHRIS, "chris lee=s1024"],
            'error: --confirm "chris lee=s1024": "chris lee" is confirmed twice, also by '
            '--confirm "Chris Lee=s1023"; keep one\n',
            id="the same name confirmed as two students",
        ),
    ],
)
def test_a_refused_confirmation_says_why(
    samples_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    confirms: list[str],
    message: str,
) -> None:
    assert refused(samples_dir, tmp_path, capsys, *confirms) == message


def test_every_mistake_is_reported_at_once(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused(samples_dir, tmp_path, capsys, "Bob Smith=s1001", CHRIS, "Noah Williams=s1005")
    lines = err.splitlines()
    assert lines[0] == (
        'error: --confirm "Bob Smith=s1001": "Bob Smith" is not a name in m1_google_forms.csv '
        "that needs confirming"
    )
    assert lines[1] == (
        '--confirm "Noah Williams=s1005": "Noah Williams" is Noah Williams (s1004) on the '
        "roster, not a name to confirm; correct the survey file if someone else wrote it"
    )
    assert "\n".join(lines[2:]) == TO_CONFIRM


def test_a_survey_with_nothing_to_confirm_says_so(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "m2.csv"
    assert main(ratings_cmd(samples_dir, "m2_google_forms.csv", out, CHRIS)) == 1
    err = capsys.readouterr().err
    assert err == (
        'error: --confirm "Chris Lee=s1023": "Chris Lee" is not a name in m2_google_forms.csv '
        "that needs confirming\nno name in m2_google_forms.csv needs confirming\n"
    )
    assert not out.exists()


def test_a_name_that_matches_exactly_is_a_note_and_the_ratings_are_those_of_m1_long(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With Chris Lee confirmed, the Google Forms file gives the 188 ratings of m1_long.csv (the
    same M1 ratings, samples/README.md); Noah Williams's confirmation changes nothing."""
    reference = tmp_path / "long.csv"
    assert main(ratings_cmd(samples_dir, "m1_long.csv", reference)) == 0
    out = tmp_path / "google.csv"
    argv = ratings_cmd(samples_dir, "m1_google_forms.csv", out, "Noah Williams=s1004", CHRIS)
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    notes = [line for line in lines if line.startswith("note:")]
    assert notes == [
        (
            'note: --confirm "Noah Williams=s1004" is not needed: "Noah Williams" matches '
            "Noah Williams (s1004) exactly"
        )
    ]
    assert f"wrote 188 ratings to {out}" in lines
    assert len(triples(out)) == 188
    assert triples(out) == triples(reference)
    assert ("s1023", "s1009", "75") in triples(out)  # Chris Lee rates Satisfactory


def test_case_and_spaces_of_the_name_and_id_do_not_matter(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exact, loose = tmp_path / "exact.csv", tmp_path / "loose.csv"
    assert main(ratings_cmd(samples_dir, "m1_google_forms.csv", exact, CHRIS)) == 0
    capsys.readouterr()
    assert main(ratings_cmd(samples_dir, "m1_google_forms.csv", loose, "chris  lee=S1023")) == 0
    assert 'note: --confirm "chris  lee=S1023" is taken for "Chris Lee" as written' in (
        capsys.readouterr().out.splitlines()
    )
    assert loose.read_bytes() == exact.read_bytes()


def test_leaving_the_person_out_still_works(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Chris Lee's 4 ratings are left out: 184 of the 188."""
    out = tmp_path / "r.csv"
    assert main(ratings_cmd(samples_dir, "m1_google_forms.csv", out, "Chris Lee=")) == 0
    assert f"wrote 184 ratings to {out}" in capsys.readouterr().out
    assert not [t for t in triples(out) if t[0] == "s1023"]


@pytest.mark.parametrize("milestone", list(SURVEYS))
def test_the_demos_confirmations_are_each_needed(samples_dir: Path, milestone: str) -> None:
    """``teamtool demo`` passes its confirmations to the importer directly (as the window does);
    each is a name its survey asks to confirm, so the check accepts them without a note."""
    survey_file, confirmed = SURVEYS[milestone]
    roster = import_roster(samples_dir / "roster.csv").roster
    teams = load_team_set(samples_dir / "teams.csv", roster)
    survey = samples_dir / "surveys" / survey_file
    unconfirmed = import_survey(survey, roster, teams)
    items = [f"{text}={sid}" for text, sid in confirmed.items()]
    checked = check_confirmations(
        parse_confirmations(items), unconfirmed.uncertain, roster, survey.name
    )
    assert checked.confirmed == confirmed
    assert checked.notes == []
    assert import_survey(survey, roster, teams, confirmed=confirmed).uncertain == []


def test_a_student_the_roster_matches_exactly_cannot_be_left_out(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused(samples_dir, tmp_path, capsys, CHRIS, "Noah Williams=")
    assert err.splitlines()[0] == (
        'error: --confirm "Noah Williams=": "Noah Williams" is Noah Williams (s1004) on the '
        "roster, not a name to confirm; correct the survey file if someone else wrote it"
    )


def test_the_help_says_what_text_and_id_must_be(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["ratings", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "TEXT is a name the report asks to confirm (case and spaces aside)" in text
