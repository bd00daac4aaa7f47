"""The sample course's debriefs, parsed: one ``<section>`` per team."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from lxml import html

from teamtool.debriefs.course import write_course_debriefs
from teamtool.demo.sample_course import create_sample_course

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def sections(path: Path) -> dict[str, html.HtmlElement]:
    """Team name -> its debrief page."""
    tree = html.fromstring(path.read_text(encoding="utf-8"))
    return {s.findtext("h1"): s for s in tree.findall(".//section")}


def sample_names() -> dict[str, str]:
    with (SAMPLES / "roster.csv").open(encoding="utf-8") as fh:
        return {row["Student ID"]: row["Name"] for row in csv.DictReader(fh)}


def sample_teams() -> dict[str, list[str]]:
    teams: dict[str, list[str]] = {}
    with (SAMPLES / "teams.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            teams.setdefault(row["team"], []).append(row["student_id"])
    return teams


def sample_m1() -> list[dict[str, str]]:
    with (SAMPLES / "surveys" / "m1_long.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def m1_debriefs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, html.HtmlElement]:
    """The M1 debriefs of the sample course file, written as the window writes them."""
    folder = tmp_path_factory.mktemp("debriefs")
    course = create_sample_course(folder / "sample.teamtool")
    (path,) = write_course_debriefs(course, folder / "out", "M1 Proposal")
    assert path.name == "debriefs - M1 Proposal - all teams.html"
    return sections(path)
