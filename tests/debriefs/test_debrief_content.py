"""The sample course's M1 debriefs: every team's members, comments without their writers, the heat
map in the scale's labels."""

from __future__ import annotations

from lxml import html

from teamtool.debriefs import build_debriefs
from teamtool.debriefs.html_page import NOTE
from teamtool.grading import AdjustOptions, adjust_milestone
from teamtool.model import Rating
from tests.debriefs.conftest import sample_m1, sample_names, sample_teams

SCALE = {"Excellent", "Very good", "Satisfactory", "Ordinary", "Marginal", "Deficient",
         "Unsatisfactory", "Superficial", "No show"}  # fmt: skip


def after(section: html.HtmlElement, heading: str) -> list[html.HtmlElement]:
    """The elements between the ``<h2>`` titled ``heading`` and the next ``<h2>``."""
    out, inside = [], False
    for child in section:
        if child.tag == "h2":
            inside = child.text_content() == heading
        elif inside:
            out.append(child)
    return out


def test_every_team_has_a_page_with_its_members(m1_debriefs: dict[str, html.HtmlElement]) -> None:
    names, teams = sample_names(), sample_teams()
    assert sorted(m1_debriefs) == sorted(teams)
    for team, members in teams.items():
        (table,) = after(m1_debriefs[team], "Members")[:1]
        shown = [row[0].text_content() for row in table.findall("tr")[1:]]
        assert shown == [names[s] for s in members]


def test_comments_are_shown_without_their_writers(m1_debriefs: dict[str, html.HtmlElement]) -> None:
    """The section holds nothing but "About <member>" headings, each followed by exactly the
    teammates' comments about that member, the list of members nobody commented on, and the note."""
    names, teams = sample_names(), sample_teams()
    rows = sample_m1()
    for team, members in teams.items():
        about = {
            s: sorted(r["comment"] for r in rows
                      if r["ratee"] == s and r["rater"] != s and r["comment"])
            for s in members
        }  # fmt: skip
        part = after(m1_debriefs[team], "Comments")
        headings = [e.text_content() for e in part if e.tag == "h3"]
        assert headings == [f"About {names[s]}" for s in members if about[s]]
        texts = [e for e in part if e.tag == "ul"]
        for heading, ul in zip(headings, texts, strict=True):
            ratee = next(s for s in members if heading == f"About {names[s]}")
            assert sorted(li.text_content() for li in ul) == about[ratee]
        silent = [names[s] for s in members if not about[s]]
        notes = [e.text_content() for e in part if e.tag == "p"]
        assert notes == ([f"No comments about {', '.join(silent)}."] if silent else []) + [NOTE]
        assert len(part) == 2 * len(headings) + len(notes)


def test_comment_order_does_not_follow_the_writers() -> None:
    """Who wrote which comment, and the order of the survey rows, leave the order unchanged."""
    team = ["ryan", "ana", "ben", "cai"]
    texts = ["missed meetings", "never pushed code", "came late"]

    def shown(writers: list[str], reverse: bool) -> list[str]:
        ratings = [Rating(r, s, 75.0) for r in team for s in team if s != "ryan"]
        ratings += [Rating(w, "ryan", 50.0, "", t) for w, t in zip(writers, texts, strict=True)]
        ratings = ratings[::-1] if reverse else ratings
        result = adjust_milestone("M1", {"T": team}, ratings, {"T": 80.0}, 100.0, AdjustOptions())
        (debrief,) = build_debriefs([result], {"M1": ratings}, {})
        return debrief.comments["ryan"]

    first = shown(["ana", "ben", "cai"], reverse=False)
    assert sorted(first) == sorted(texts)
    assert shown(["cai", "ana", "ben"], reverse=False) == first
    assert shown(["ben", "cai", "ana"], reverse=True) == first


def test_heat_map_shows_the_scale_labels(m1_debriefs: dict[str, html.HtmlElement]) -> None:
    names, teams = sample_names(), sample_teams()
    given = {(r["rater"], r["ratee"]): r["rating"] for r in sample_m1()}
    for team, members in teams.items():
        table = after(m1_debriefs[team], "Ratings")[0]
        rows = table.findall("tr")
        assert [th.text_content() for th in rows[0][1:]] == [names[s] for s in members]
        for rater, row in zip(members, rows[1:], strict=True):
            assert row[0].text_content() == names[rater]
            cells = [td.text_content() for td in row[1:]]
            assert cells == [given.get((rater, ratee), "—") for ratee in members]
            assert set(cells) <= SCALE | {"—"}
    legend = after(m1_debriefs["Team 1"], "Ratings")[1]
    assert [s.text_content() for s in legend.findall("span")] == [
        "Excellent", "Very good", "Satisfactory", "Ordinary", "Marginal", "Deficient",
        "Unsatisfactory", "Superficial", "No show",
    ]  # fmt: skip


def test_non_respondent_row_is_empty_and_flagged(m1_debriefs: dict[str, html.HtmlElement]) -> None:
    page = m1_debriefs["Team 10"]  # Ivan Petrov (s1041) submitted nothing in M1
    ivan = sample_names()["s1041"]
    heat = after(page, "Ratings")[0]
    row = next(r for r in heat.findall("tr")[1:] if r[0].text_content() == ivan)
    assert {td.text_content() for td in row[1:]} == {"—"}
    members = after(page, "Members")[0]
    line = next(r for r in members.findall("tr")[1:] if r[0].text_content() == ivan)
    assert "non-respondent" in line[4].text_content()
    assert "submitted no ratings" in line[4].text_content()  # the rule beside the flag
