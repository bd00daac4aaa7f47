"""Time the Ratings and Grades pages on 1,000 students x 6 milestones (prints the numbers).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/gui_grades.py``
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from teamtool.model import Milestone, Rating, Roster, Student, TeamSet
from teamtool.store import Course

STUDENTS, TEAM_SIZE, MILESTONES = 1000, 4, 6
LEVELS = (100.0, 87.5, 75.0, 62.5, 50.0)


def build_course(path: Path) -> Path:
    rng = random.Random(7)
    students = [
        Student(f"s{i:04d}", f"Student {i:04d}", f"s{i}@example.edu") for i in range(STUDENTS)
    ]
    teams = {
        f"Team {t + 1}": [s.id for s in students[t * TEAM_SIZE : (t + 1) * TEAM_SIZE]]
        for t in range(STUDENTS // TEAM_SIZE)
    }
    with Course.create(path, "Benchmark course") as course:
        course.replace_roster(Roster(students))
        course.add_team_set(TeamSet("Teams", teams))
        for m in range(MILESTONES):
            grades = {t: float(rng.randint(60, 100)) for t in teams}
            milestone_id = course.add_milestone(Milestone(f"M{m + 1}", 100, grades=grades))
            ratings = [
                Rating(a, b, rng.choice(LEVELS))
                for members in teams.values()
                for a in members
                for b in members
            ]
            course.set_ratings(milestone_id, ratings)
    return path


def timed(
    label: str,
    fn: Callable[[], object],
    app: QApplication,
    repeat: int = 5,
    signal: Any = None,
) -> None:
    """Print the GUI-thread time of ``fn`` (the stall the user feels) and, with ``signal``,
    the time until the page shows the result (the worker included)."""
    stalls, totals = [], []
    for _ in range(repeat):
        loop, fired = QEventLoop(), list[bool]()

        def mark(*_args: object, loop: QEventLoop = loop, fired: list[bool] = fired) -> None:
            fired.append(True)
            loop.quit()

        if signal is not None:
            signal.connect(mark)
        start = time.perf_counter()
        fn()
        stalls.append((time.perf_counter() - start) * 1000)
        if signal is not None:
            if not fired:  # a large class: wait for the worker, without spinning
                QTimer.singleShot(30000, loop.quit)
                loop.exec()
            signal.disconnect(mark)
        app.processEvents()
        totals.append((time.perf_counter() - start) * 1000)
    print(
        f"{label:<48} GUI thread median {statistics.median(stalls):6.1f} ms "
        f"(max {max(stalls):6.1f}); until shown median {statistics.median(totals):6.1f} ms"
    )


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    from ui.context import AppContext
    from ui.grades.page import GradesPage
    from ui.ratings.page import RatingsPage

    folder = Path(tempfile.mkdtemp())
    start = time.perf_counter()
    path = build_course(folder / "bench.teamtool")
    print(f"course file with {STUDENTS} students x {MILESTONES} milestones built in "
          f"{time.perf_counter() - start:.1f} s")  # fmt: skip
    ctx = AppContext()
    ctx.open(path)
    grades = GradesPage(ctx)
    ratings = RatingsPage(ctx)
    grades.resize(1280, 800)
    ratings.resize(1280, 800)

    def show(page: GradesPage | RatingsPage) -> None:
        page.hide()
        page._dirty = True
        page.show()

    # As in the window, one page is visible at a time (a hidden page reloads when shown).
    timed("open (show) the Ratings page", lambda: show(ratings), app, 3, ratings.ready)
    ratings.hide()
    timed("open (show) the Grades page", lambda: show(grades), app, 3, grades.results_ready)
    caps = iter([1.06, 1.07, 1.08, 1.09, 1.10, 1.11, 1.12] * 3)
    timed(
        "Grades: option change (cap), stored, table",
        lambda: grades.options.cap.spin.setValue(next(caps)),
        app,
        5,
        grades.results_ready,
    )
    presets = iter(["webpa", "oakley"] * 3)
    timed(
        "Grades: preset change (WebPA / Oakley)",
        lambda: grades.options.preset.setCurrentIndex(
            grades.options.preset.findData(next(presets))
        ),
        app,
        4,
        grades.results_ready,
    )
    ids = [m.id for m in ctx.require_course().milestones()]
    order = iter(ids * 4)
    timed("Grades: switch milestone", lambda: grades.bar.select(next(order)), app, 5,
          grades.results_ready)  # fmt: skip
    grades.hide()
    ratings.show()
    order2 = iter(ids * 4)
    timed("Ratings: switch milestone", lambda: ratings.bar.select(next(order2)), app, 5,
          ratings.ready)  # fmt: skip
    rows = iter(range(0, 200, 7))
    timed("Ratings: switch team", lambda: ratings.team_list.setCurrentRow(next(rows)), app)
    ratings.hide()
    grades.show()
    timed("Grades: factor chart of all 6 milestones", lambda: grades.tabs.setCurrentIndex(2),
          app, 1, grades.chart_ready)  # fmt: skip
    grades.tabs.setCurrentIndex(0)
    timed("Grades: undo an option change", ctx.undo_stack.undo, app, 3, grades.results_ready)
    timed("Export: open the dialog", grades.open_export, app, 3)
    dialog = grades.export_dialog
    assert dialog is not None
    dialog.open_folder = False
    dialog.folder.setText(str(folder / "exports"))
    timed("Export: workbook, Canvas CSV, feedback CSV", dialog.export_button.click, app, 1,
          dialog.exported)  # fmt: skip
    QThreadPool.globalInstance().waitForDone(30000)
    ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
