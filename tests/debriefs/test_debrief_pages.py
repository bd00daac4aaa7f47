"""Debriefs built from crafted results: repeated-low in the history, mentors and tokens, files per
mentor, and hostile text escaped everywhere."""

from __future__ import annotations

import stat
from dataclasses import replace
from pathlib import Path

from lxml import html

from teamtool.debriefs import DebriefExtras, build_debriefs, render_debriefs, write_debriefs
from teamtool.grading import AdjustOptions, MilestoneResult, adjust_milestone
from teamtool.model import Rating
from tests.debriefs.conftest import sections

TEAM = ["ryan", "ana", "ben", "cai"]
NAMES = {"ryan": "Ryan O'Connor", "ana": "Ana", "ben": "Ben", "cai": "Cai"}


def milestone(
    name: str, to_ryan: list[float], team: str = "T"
) -> tuple[MilestoneResult, list[Rating]]:
    """Ratings between teammates all 75 except the three Ryan receives (see repeated_low.py)."""
    ratings = [
        Rating(r, s, 75.0, "Satisfactory") for r in TEAM for s in TEAM if s != "ryan" or r == "ryan"
    ]
    ratings += [Rating(r, "ryan", v) for r, v in zip(TEAM[1:], to_ryan, strict=True)]
    result = adjust_milestone(name, {team: TEAM}, ratings, {team: 80.0}, 100.0, AdjustOptions())
    return result, ratings


def two_milestones() -> tuple[list[MilestoneResult], dict[str, list[Rating]]]:
    (m1, r1), (m2, r2) = milestone("M1", [50, 37.5, 25]), milestone("M2", [62.5, 62.5, 50])
    return [m1, m2], {"M1": r1, "M2": r2}


def history(page: html.HtmlElement) -> dict[str, list[str]]:
    table = page.find_class("history")[0]
    return {tr[0].text_content(): [td.text_content() for td in tr[1:]] for tr in table[1:]}


def test_repeated_low_is_marked_in_the_factor_history() -> None:
    results, ratings = two_milestones()
    m1, m2 = build_debriefs(results, ratings, NAMES)
    page = html.fromstring(render_debriefs([m2], "M2")).find(".//section")
    # M1: factor 0.571 (peers) -> autorating factor 40/61.72 = 0.648 (self included)
    rows = history(page)
    assert list(rows) == [NAMES[s] for s in TEAM]
    assert rows["Ryan O'Connor"][0].endswith(" low")
    assert rows["Ryan O'Connor"][1].endswith(" repeated-low")
    assert all("low" not in cell for name in ("Ana", "Ben", "Cai") for cell in rows[name])
    flags = page.find(".//table").findall("tr")[1][4].text_content()
    assert "repeated-low: M1: 37.5 / 65.625 = 0.571; M2: 58.333 / 70.833 = 0.824" in flags
    assert "on this milestone and the one before" in flags
    assert m1.history_milestones == ["M1"]
    assert [c.repeated_low for c in m1.history["Ryan O'Connor"]] == [False]
    # Ana's 62.5 for Ryan has no label; the scale the other labels fit (oakley9) names it
    assert [c.label for c in m2.heat_map.cells[1][:2]] == ["Ordinary", "Satisfactory"]


def test_mentor_and_tokens_shown_when_given() -> None:
    results, ratings = two_milestones()
    extras = DebriefExtras({"T": "Dana Mentor", "U": "Eli Mentor"}, {"T": 5, "U": 8})
    debriefs = build_debriefs(results[:1], ratings, NAMES, extras)
    assert [(d.team, d.mentor, d.tokens_left) for d in debriefs] == [("T", "Dana Mentor", 5)]
    meta = html.fromstring(render_debriefs(debriefs, "x")).find_class("meta")[0].text_content()
    assert "Mentor: Dana Mentor" in meta
    assert "Tokens left: 5" in meta
    bare = html.fromstring(render_debriefs(build_debriefs(results[:1], ratings, NAMES), "x"))
    assert "Mentor" not in bare.find_class("meta")[0].text_content()
    assert "Tokens" not in bare.find_class("meta")[0].text_content()
    per_milestone = DebriefExtras(
        tokens_left_by_team={"T": 7}, tokens_left_by_milestone={"M2": {"T": 2}}
    )
    assert [d.tokens_left for d in build_debriefs(results, ratings, NAMES, per_milestone)] == [7, 2]


def test_one_file_per_mentor_holding_their_teams(tmp_path: Path) -> None:
    three = [milestone("M1", [75, 75, 75], team)[0] for team in ("T", "U", "V")]
    merged = MilestoneResult("M1", 100.0, "autorating")
    for result, prefix in zip(three, ("t", "u", "v"), strict=True):
        merged.students += [replace(s, student_id=prefix + s.student_id) for s in result.students]
    extras = DebriefExtras({"T": "Dana", "V": "Dana", "U": "Eli"})
    written = write_debriefs(build_debriefs([merged], {}, {}, extras), tmp_path / "out")
    assert [p.name for p in written] == ["debriefs - M1 - Dana.html", "debriefs - M1 - Eli.html"]
    assert list(sections(written[0])) == ["T", "V"]
    assert list(sections(written[1])) == ["U"]
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [p.name for p in written]


HOSTILE = '<script>alert("x")</script>&amp;'


def test_hostile_text_is_escaped(tmp_path: Path) -> None:
    team = f"Team {HOSTILE}"
    result, ratings = milestone("M1 <b>", [50, 37.5, 25], team)
    ratings = [
        Rating(
            r.rater,
            r.ratee,
            r.value,
            f"<i>{r.label}</i>",
            f"</li><img src=x onerror=alert(1)> {HOSTILE}",
            HOSTILE,
        )
        for r in ratings
    ]
    names = {sid: f"{sid} {HOSTILE}" for sid in TEAM}
    extras = DebriefExtras({team: f"../../{HOSTILE}"})
    (path,) = write_debriefs(
        build_debriefs([result], {"M1 <b>": ratings}, names, extras), tmp_path / "out"
    )
    assert path.parent == tmp_path / "out"  # the mentor's name cannot leave the folder
    assert "/" not in path.name
    text = path.read_text(encoding="utf-8")
    tree = html.fromstring(text)
    assert tree.findall(".//script") == []
    assert tree.findall(".//img") == []
    assert tree.findall(".//i") == []
    assert "<script>" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;amp;" in text
    page = tree.find(".//section")
    assert page.findtext("h1") == team
    assert f"Mentor: ../../{HOSTILE}" in page.find_class("meta")[0].text_content()
    assert page.find(".//table").findall("tr")[1][0].text_content() == f"ryan {HOSTILE}"
    about_team = [e for e in page if e.tag == "ul"][-1]
    assert [li.text_content() for li in about_team] == [HOSTILE] * 4  # one per member
