"""The window's progress while teams are formed: the bar tracks the time spent against the
time limit, is never full while the run still goes, and the status text says the same."""

from __future__ import annotations

import re

from pytestqt.qtbot import QtBot

from teamtool.roster import import_roster
from tests.ui.conftest import SAMPLES
from ui.teams.job import FormationJob
from ui.teams.solve_runner import SolveRunner, bar_and_text


def test_bar_and_text_agree_on_the_time_spent() -> None:
    assert bar_and_text(1.25, 5.0) == (250, "Searching… 1.2 of 5 s")
    permille, text = bar_and_text(5.4, 5.0)  # past the limit: handing in, not full
    assert permille == 999
    assert text.startswith("Finishing… 5.4 s (limit 5 s)")


def test_bar_is_not_full_before_the_run_ends(qtbot: QtBot) -> None:
    roster = import_roster(SAMPLES / "roster.csv").roster
    criteria = {
        "time_limit": 0.6,
        "rules": [{"attribute": "GPA", "rule": "balance"}],
        "previous": [],
    }
    runner = SolveRunner()
    shown: list[tuple[str, int]] = []
    runner.progressed.connect(lambda text, permille: shown.append((text, permille)))
    job = FormationJob(roster, criteria, [], None, "Teams 1")
    with qtbot.waitSignal(runner.ended, timeout=30000) as ended:
        runner.start(job)
    assert ended.args == ["done"]
    assert job.deadline is not None  # the run's deadline: the limit from the start
    ticks = [(text, permille) for text, permille in shown if text.startswith("Searching")]
    assert ticks  # the bar moved while the search ran
    assert all(0 <= permille < 1000 for _, permille in shown)  # never full before the end
    values = [permille for _, permille in shown]
    assert values == sorted(values)  # it only moves forward
    for text, permille in ticks:  # the seconds in the text are the bar's share of 0.6 s
        match = re.match(r"Searching… (\d+\.\d) of 0.6 s", text)
        assert match is not None
        assert abs(float(match.group(1)) - permille * 0.6 / 1000) <= 0.051
