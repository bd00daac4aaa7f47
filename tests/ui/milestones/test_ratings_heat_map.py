"""The Ratings page's heat map shows the scale's labels with a colour legend (numbers in the
tooltips), and lists the teams in their natural order."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from teamtool.model import Milestone, TeamSet
from teamtool.ratings import get_scale
from ui.commands import execute
from ui.commands.milestones import AddMilestoneCommand
from ui.context import AppContext
from ui.ratings.matrix_model import MISSING, heat, legend_entries
from ui.ratings.page import RatingsPage

SURVEYS = Path(__file__).resolve().parents[3] / "samples" / "surveys"
OAKLEY9 = ["Excellent", "Very good", "Satisfactory", "Ordinary", "Marginal", "Deficient",
           "Unsatisfactory", "Superficial", "No show"]  # fmt: skip


def page_with_survey(qtbot: QtBot, ctx: AppContext, team_set_id: int | None = None) -> RatingsPage:
    """The Ratings page of a milestone holding samples/surveys/m1_long.csv (oakley9 labels)."""
    execute(ctx, AddMilestoneCommand(ctx, Milestone("M1", 100, team_set_id)))
    page = RatingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    dialog = page.open_import()
    assert dialog is not None
    dialog.set_file(SURVEYS / "m1_long.csv")
    with qtbot.waitSignal(page.ready, timeout=10000):
        dialog.accept()
    return page


def test_cells_show_labels_coloured_as_the_legend(qtbot: QtBot, ctx: AppContext) -> None:
    page = page_with_survey(qtbot, ctx)
    page.select_team("Team 1")
    matrix = page.matrix
    members = ctx.require_course().team_sets()[0].teams["Team 1"]
    assert matrix.columnCount() == len(members) == 4
    # Row 0 is Ravi Patel (s1005); he rated Ryan O'Connor (column 1) "Deficient", 37.5.
    cell = matrix.index(0, 1)
    assert matrix.data(cell) == "Deficient"
    assert matrix.data(cell, Qt.ItemDataRole.UserRole) == 37.5
    assert matrix.data(cell, Qt.ItemDataRole.ToolTipRole) == (
        "Ravi Patel (s1005) → Ryan O'Connor (s1011): Deficient (37.5)\n"
        "“Ryan O'Connor missed three of four meetings, never pushed code.”"
    )
    assert matrix.data(matrix.index(0, 0), Qt.ItemDataRole.FontRole).italic()  # self-rating
    assert not matrix.data(cell, Qt.ItemDataRole.FontRole)
    shown = {matrix.data(matrix.index(r, c)) for r in range(4) for c in range(4)}
    assert shown <= set(OAKLEY9) | {"—"}
    # Ryan's mean from teammates stays a number: Deficient, Marginal, Unsatisfactory
    # = (37.5 + 50 + 25) / 3 = 37.5 (his own Satisfactory is not counted).
    assert matrix.data(matrix.index(4, 1)) == "37.5"

    legend = page.legend
    assert legend.isVisible()
    texts = [label.text() for label in legend.entries]
    assert texts == [*OAKLEY9, "no rating"]
    colours = {label.text(): label.styleSheet() for label in legend.entries}
    background = matrix.data(cell, Qt.ItemDataRole.BackgroundRole)
    assert f"background: {background.name()};" in colours["Deficient"]
    assert f"background: {MISSING.name()};" in colours["no rating"]
    assert legend.entries[0].toolTip() == "Excellent = 100 on the scale oakley9"


def test_legend_colours_run_from_red_to_green() -> None:
    """oakley9 spans 0..100: Excellent is heat(1), Marginal (50) heat(0.5), No show heat(0)."""
    entries = dict(legend_entries(get_scale("oakley9")))
    assert entries["Excellent"] == heat(1.0)
    assert entries["Marginal"] == heat(0.5)
    assert entries["No show"] == heat(0.0)
    assert entries["No show"].red() > entries["No show"].green()


def test_a_scale_of_plain_numbers_gets_five_steps_of_its_answers() -> None:
    """The "numeric" scale has no levels: the answers 20..60 give 60, 50, 40, 30, 20."""
    entries = legend_entries(get_scale("numeric"), [20, 35, 60])
    assert [label for label, _ in entries] == ["60", "50", "40", "30", "20"]
    assert entries[0][1] == heat(1.0)
    assert entries[-1][1] == heat(0.0)


def test_teams_in_natural_order_locked_or_not(qtbot: QtBot, ctx: AppContext) -> None:
    course = ctx.require_course()
    teams = course.team_sets()[0].teams
    shuffled = ["Team 5", "Team 12", "Team 1", "Team 10", "Team 2", "Team 11", "Team 3",
                "Team 4", "Team 6", "Team 7", "Team 8", "Team 9"]  # fmt: skip
    assert sorted(shuffled) == sorted(teams)
    team_set = TeamSet("Re-formed", {t: teams[t] for t in shuffled}, locked={"Team 5", "Team 10"})
    page = page_with_survey(qtbot, ctx, course.add_team_set(team_set))
    listed = [page.team_list.item(i).text().split("  ")[0] for i in range(page.team_list.count())]
    assert listed == [f"Team {n}" for n in range(1, 13)]


def test_row_headers_name_the_rater_and_the_tooltip_adds_the_id(
    qtbot: QtBot, ctx: AppContext
) -> None:
    page = page_with_survey(qtbot, ctx)
    page.select_team("Team 1")
    vertical = Qt.Orientation.Vertical
    assert page.matrix.headerData(0, vertical) == "Ravi Patel rated"
    assert page.matrix.headerData(0, vertical, Qt.ItemDataRole.ToolTipRole).startswith(
        "Ravi Patel (s1005) rated"
    )
    assert page.matrix.headerData(4, vertical) == "Mean from teammates"
