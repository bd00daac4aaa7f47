"""Render the Ratings and Grades pages and their dialogs from the sample course into docs/img/.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots_milestones.py [OUT_DIR]``
Pages at 1280×800 and 1024×640; dialogs at their own size and squeezed to fit 1024×640.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from teamtool.files.gradesfile import load_team_grades
from teamtool.model import Milestone
from teamtool.ratings import import_survey
from teamtool.store import Course

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(ROOT))

from tests.sample_teams import add_sample_teams

SIZES = ((1280, 800), (1024, 640))


def sample_course(path: Path) -> Path:
    """The sample course with both milestones graded and their Google Forms surveys imported."""
    with Course.create(path, "Sample course") as course:
        team_set = add_sample_teams(course)  # the milestone tests' course
        grades = load_team_grades(SAMPLES / "grades.csv", team_set.teams)
        for name, survey_file in (("M1 Proposal", "m1_google_forms.csv"),
                                  ("M2 Prototype", "m2_google_forms.csv")):  # fmt: skip
            milestone_id = course.add_milestone(Milestone(name, 100, grades=grades[name]))
            first = import_survey(SAMPLES / "surveys" / survey_file, course.roster(), team_set)
            confirmed = {u.text: u.candidates[0][0] for u in first.uncertain}
            s = import_survey(
                SAMPLES / "surveys" / survey_file, course.roster(), team_set, confirmed=confirmed
            )
            course.save_survey(
                milestone_id, file=s.file, layout=s.layout, scale=s.scale.name,
                header=s.raw_header, rows=s.raw_rows, report=[str(p) for p in s.problems],
                ratings=s.ratings,
            )  # fmt: skip
        course.set_override(1, "s1041", 80.0, "Missed the survey: hospital stay, note on file")
    return path


def save(app: QApplication, widget: QWidget, out: Path, name: str, size: tuple[int, int]) -> Path:
    widget.resize(*size)
    widget.show()
    for _ in range(3):
        app.processEvents()
    path = out / f"milestone_{name}_{size[0]}x{size[1]}.png"
    widget.grab().save(str(path))
    return path


def render(out: Path) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    from ui.context import AppContext
    from ui.grades.page import GradesPage
    from ui.ratings.page import RatingsPage

    out.mkdir(parents=True, exist_ok=True)
    ctx = AppContext()
    ctx.open(sample_course(Path(tempfile.mkdtemp()) / "sample.teamtool"))
    written: list[Path] = []
    ratings, grades = RatingsPage(ctx), GradesPage(ctx)
    for size in SIZES:
        ratings.show()
        ratings.select_team("Team 1")
        written.append(save(app, ratings, out, "ratings", size))
        ratings.tabs.setCurrentIndex(1)
        written.append(save(app, ratings, out, "ratings_comments", size))
        ratings.tabs.setCurrentIndex(0)
        ratings.hide()
        grades.show()
        for index, name in ((0, "grades"), (1, "grades_team_grades"), (2, "grades_chart")):
            if index == 2:
                loop = QEventLoop()
                grades.chart_ready.connect(loop.quit)
                grades.tabs.setCurrentIndex(index)
                QTimer.singleShot(30000, loop.quit)
                loop.exec()
                grades.chart_ready.disconnect(loop.quit)
            grades.tabs.setCurrentIndex(index)
            written.append(save(app, grades, out, name, size))
        grades.tabs.setCurrentIndex(0)
        grades.hide()
    grades.show()
    grades.select_student("s1011")
    dialogs: list[tuple[str, QWidget | None]] = []
    survey = ratings.open_import()
    if survey is not None:
        survey.set_file(SAMPLES / "surveys" / "m1_google_forms.csv")
    dialogs.append(("survey_import", survey))
    dialogs.append(("what_if", grades.open_whatif()))
    dialogs.append(("override", grades.open_override()))
    export = grades.open_export()
    dialogs.append(("export", export))
    team_import = grades.team_grades.open_import()
    if team_import is not None:
        team_import.set_file(SAMPLES / "grades.csv")
    dialogs.append(("grades_import", team_import))
    for name, dialog in dialogs:
        if dialog is None:
            continue
        natural = dialog.size()
        written.append(save(app, dialog, out, f"dialog_{name}", (natural.width(),
                                                                natural.height())))  # fmt: skip
        small = (min(natural.width(), 1000), min(natural.height(), 600))
        if small != (natural.width(), natural.height()):
            written.append(save(app, dialog, out, f"dialog_{name}_small", small))
        dialog.close()
    QThreadPool.globalInstance().waitForDone(30000)
    ctx.close()
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "img"
    for p in render(target):
        print(p)
