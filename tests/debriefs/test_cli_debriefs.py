"""``teamtool debriefs`` end to end: from adjust's files and from a course file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from teamtool.cli import main
from teamtool.demo.sample_course import create_sample_course
from tests.debriefs.conftest import SAMPLES, sample_names, sample_teams, sections


def files_args(out: Path) -> list[str]:
    s = SAMPLES
    return ["debriefs", "--teams", str(s / "teams.csv"), "--grades", str(s / "grades.csv"),
            "--roster", str(s / "roster.csv"), "--out-dir", str(out),
            "--ratings", f"M1 Proposal={s / 'surveys' / 'm1_long.csv'}",
            "--ratings", f"M2 Prototype={s / 'surveys' / 'm2_long.csv'}"]  # fmt: skip


def test_from_adjusts_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(files_args(out)) == 0
    names = ["debriefs - M1 Proposal - all teams.html", "debriefs - M2 Prototype - all teams.html"]
    assert sorted(p.name for p in out.iterdir()) == names
    assert capsys.readouterr().out.splitlines() == [f"wrote {out / n}" for n in names]
    for name in names:
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o600
    pages = sections(out / names[1])
    student_names = sample_names()
    for team, members in sample_teams().items():
        rows = pages[team].find(".//table").findall("tr")[1:]
        assert [r[0].text_content() for r in rows] == [student_names[s] for s in members]
    ryan = next(r for r in pages["Team 1"].find_class("history")[0] if "Ryan" in r.text_content())
    # Ryan O'Connor (s1011): low in M1 (peers 46.9 / 71.9) and again in M2 (66.7 / 84.4)
    assert [td.text_content() for td in ryan[1:]] == ["0.652 low", "0.83 repeated-low"]


def test_one_milestone_with_the_history_of_the_files_before_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main([*files_args(out), "--milestone", "M2 Prototype"]) == 0
    (path,) = out.iterdir()
    assert path.name == "debriefs - M2 Prototype - all teams.html"
    history = sections(path)["Team 1"].find_class("history")[0]
    assert [th.text_content() for th in history[0]] == ["Member", "M1 Proposal", "M2 Prototype"]


def test_from_a_course_file(tmp_path: Path) -> None:
    course = create_sample_course(tmp_path / "sample.teamtool")
    before = course.read_bytes()
    out = tmp_path / "out"
    assert main(["debriefs", "--course", str(course), "--milestone", "M1 Proposal",
                 "--out-dir", str(out)]) == 0  # fmt: skip
    (path,) = out.iterdir()
    assert path.name == "debriefs - M1 Proposal - all teams.html"
    assert sorted(sections(path)) == sorted(sample_teams())
    assert course.read_bytes() == before  # the input is only read


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--course", "C.teamtool"], "give either --course or the files"),
        ([], None),
    ],
)
def test_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str | None
) -> None:
    args = [*files_args(tmp_path / "out"), *extra] if extra else ["debriefs", "--out-dir", "x"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert (message or "give --course C.teamtool, or the files --teams, --ratings, --grades") in err
    assert not (tmp_path / "out").exists()


def test_unknown_milestone_in_a_course_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    course = create_sample_course(tmp_path / "sample.teamtool")
    assert (
        main(
            [
                "debriefs",
                "--course",
                str(course),
                "--milestone",
                "M9",
                "--out-dir",
                str(tmp_path / "o"),
            ]
        )
        == 1
    )
    assert (
        'no milestone "M9" with teams (milestones: "M1 Proposal", "M2 Prototype")'
        in capsys.readouterr().err
    )
    assert not (tmp_path / "o").exists()


def test_out_dir_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    course = create_sample_course(tmp_path / "sample.teamtool")
    taken = tmp_path / "taken"
    taken.write_text("mine", encoding="utf-8")
    assert main(["debriefs", "--course", str(course), "--out-dir", str(taken)]) == 1
    assert "this is a file; give a folder for the debriefs" in capsys.readouterr().err
    assert taken.read_text(encoding="utf-8") == "mine"


def test_an_output_that_is_the_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    course = create_sample_course(tmp_path / "debriefs - M1 Proposal - all teams.html")
    before = course.read_bytes()
    assert main(["debriefs", "--course", str(course), "--out-dir", str(tmp_path)]) == 1
    assert "would overwrite the input --course" in capsys.readouterr().err
    assert course.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [course.name]
