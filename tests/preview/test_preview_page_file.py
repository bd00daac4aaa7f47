"""The page file: settings as safe JSON, a policy that forbids the network, the CLI."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import re
from pathlib import Path

import pytest

from teamtool.cli import main
from teamtool.demo.sample_course import create_sample_course
from teamtool.errors import InputError
from teamtool.grading import PRESETS, AdjustOptions
from teamtool.preview import preview_html, script_json
from teamtool.ratings.rating_scale import PRESETS as SCALES
from teamtool.ratings.rating_scale import Scale
from teamtool.store import Course

HOSTILE = '</script><script>alert("x")</script><!-- & \u2028'


def _config(page: str) -> dict[str, object]:
    found = re.search(
        r'<script type="application/json" id="teamtool-config">(.*?)</script>', page, re.DOTALL
    )
    assert found is not None
    return dict(json.loads(found.group(1)))


def test_script_json_cannot_close_its_block_and_reads_back() -> None:
    text = script_json({"label": HOSTILE})
    assert "<" not in text
    assert ">" not in text
    assert "&" not in text
    assert "\u2028" not in text
    assert json.loads(text) == {"label": HOSTILE}


def test_the_page_carries_the_options_and_the_scale_as_json() -> None:
    options = dataclasses.replace(PRESETS["webpa"], penalty=5.0, missing="penalty")
    scale = Scale("custom", ((HOSTILE, 3.0), ("Fine", 2.0), ("Absent", 0.0)))
    page = preview_html(scale, options, max_points=20, team_grade=17.5, title=HOSTILE)
    config = _config(page)
    assert AdjustOptions.from_json(dict(config["options"])) == options  # type: ignore[arg-type]
    assert config["scale"] == [[HOSTILE, 3.0], ["Fine", 2.0], ["Absent", 0.0]]
    assert (config["max_points"], config["team_grade"]) == (20, 17.5)
    assert HOSTILE not in page  # the title is escaped, the JSON too
    assert "&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)" in page


def test_the_policy_allows_only_the_pages_own_script_and_style() -> None:
    page = preview_html(SCALES["cmu5"], PRESETS["cmu"])
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert policy is not None
    rules = dict(r.strip().split(" ", 1) for r in policy.group(1).split(";"))
    assert rules["default-src"] == rules["connect-src"] == rules["img-src"] == "'none'"
    for tag, rule in (("script", "script-src"), ("style", "style-src")):
        blocks = re.findall(rf"<{tag}>(.*?)</{tag}>", page, re.DOTALL)
        assert len(blocks) == 1
        digest = hashlib.sha256(blocks[0].encode()).digest()
        assert rules[rule] == f"'sha256-{base64.b64encode(digest).decode()}'"
    assert not re.search(r"https?:|//[a-z]", page, re.IGNORECASE)  # no address to fetch from
    assert "src=" not in page
    assert "<link" not in page


def test_a_scale_without_labels_is_refused() -> None:
    with pytest.raises(InputError, match="no labels"):
        preview_html(SCALES["numeric"], PRESETS["oakley"])


def test_a_scale_with_a_negative_value_is_refused() -> None:
    scale = Scale("signed", (("Good", 1.0), ("Harmful", -1.0)))
    with pytest.raises(InputError, match="gives Harmful a value below 0"):
        preview_html(scale, PRESETS["oakley"])


def test_cli_writes_the_page_with_adjusts_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "preview.html"
    code = main(
        ["preview-page", "--preset", "catme", "--self", "exclude", "--weighting", "40%",
         "--scale", "cmu5", "--out", str(out)]
    )  # fmt: skip
    assert code == 0
    config = _config(out.read_text(encoding="utf-8"))
    wanted = dataclasses.replace(PRESETS["catme"], self_mode="exclude", weighting=0.4)
    assert AdjustOptions.from_json(dict(config["options"])) == wanted  # type: ignore[arg-type]
    assert config["scale"][0] == ["Good team citizen", 100.0]  # type: ignore[index]
    assert out.stat().st_mode & 0o077 == 0
    assert f"wrote {out}" in capsys.readouterr().out


def test_cli_takes_the_courses_milestone_settings(tmp_path: Path) -> None:
    course_path = create_sample_course(tmp_path / "course.teamtool")
    stored = dataclasses.replace(PRESETS["spark"], floor=0.7, round_grade=1)
    with Course.open(course_path) as course:
        m1 = next(m for m in course.milestones() if m.name == "M1 Proposal")
        assert m1.id is not None
        course.set_milestone_settings(m1.id, stored.to_json())
    before = hashlib.sha256(course_path.read_bytes()).hexdigest()
    out = tmp_path / "m1.html"
    assert main(["preview-page", "--course", str(course_path), "--milestone", "m1 proposal",
                 "--out", str(out)]) == 0  # fmt: skip
    page = out.read_text(encoding="utf-8")
    config = _config(page)
    assert AdjustOptions.from_json(dict(config["options"])) == stored  # type: ignore[arg-type]
    assert config["max_points"] == m1.max_points
    assert [label for label, _ in config["scale"]][:2] == ["Excellent", "Very good"]  # type: ignore[misc]
    assert "<title>Peer rating preview: M1 Proposal</title>" in page
    assert hashlib.sha256(course_path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--course", "{course}", "--preset", "cmu"], "leave out --preset"),
        (["--course", "{course}", "--round-factor", "0"], "leave out --round-factor"),
        (["--course", "{course}"], "give --milestone"),
        (["--course", "{course}", "--milestone", "M9"], 'no milestone "M9"'),
        (["--milestone", "M1"], "--milestone needs --course"),
        (["--preset", "nope"], 'unknown preset "nope"'),
        (["--cap", "-1"], "cap must be above 0"),
        (["--scale", "numeric"], "no labels"),
    ],
)
def test_cli_refuses_bad_requests_without_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    course_path = create_sample_course(tmp_path / "course.teamtool")
    out = tmp_path / "page.html"
    args = [a.replace("{course}", str(course_path)) for a in argv]
    assert main(["preview-page", *args, "--out", str(out)]) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_cli_refuses_to_write_over_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    course_path = create_sample_course(tmp_path / "course.html")
    assert main(["preview-page", "--course", str(course_path), "--out", str(course_path)]) == 1
    assert "would overwrite the input --course" in capsys.readouterr().err


@pytest.mark.parametrize(
    "options",
    [
        [],
        ["--preset", "cornell", "--self", "exclude"],
        ["--method", "webpa", "--weighting", "30%", "--penalty", "4"],
        ["--preset", "catme", "--no-cap", "--floor", "0.5", "--round-grade", "1", "--no-max-cap"],
        ["--missing", "impute", "--impute-self", "10", "--impute-others", "40", "--snap", "0.9"],
    ],
)
def test_the_same_option_arguments_give_the_same_options_as_adjust(options: list[str]) -> None:
    from teamtool.cli import build_parser
    from teamtool.cli.cmd_adjust import build_options

    parser = build_parser()
    files = ["--teams", "t.csv", "--ratings", "r.csv", "--grades", "g.csv", "--out", "o.csv"]
    adjust_args = parser.parse_args(["adjust", *files, *options])
    preview_args = parser.parse_args(["preview-page", "--out", "p.html", *options])
    assert build_options(preview_args) == build_options(adjust_args)
