"""The Grades page's "Preview page…" button: the students' preview page of the milestone."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from teamtool.errors import TeamtoolError
from teamtool.export.output_paths import check_outputs
from teamtool.preview import write_preview_page
from teamtool.preview.course import milestone_settings
from teamtool.store import Course
from ui.errors import show_error

TOOLTIP = (
    "Save a web page on which students enter ratings and see the factor and grade each member "
    "would get with this milestone's scale and settings"
)


def suggested_path(course: Course, milestone_name: str) -> Path:
    slug = re.sub(r"[^\w-]+", "-", milestone_name).strip("-").lower() or "milestone"
    return course.path.parent / f"{slug}-preview.html"


def save_preview_page(
    parent: QWidget, course: Course, milestone_id: int, path: str | Path | None = None
) -> Path | None:
    """Write the page of the milestone to ``path`` (asked for when None); None if cancelled
    or refused (the error is shown)."""
    milestone = course.milestone(milestone_id)
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(
            parent,
            "Save the students' preview page",
            str(suggested_path(course, milestone.name)),
            "Web page (*.html)",
        )
        if not chosen:
            return None
        path = chosen
    try:
        check_outputs([("the course file", course.path)], [("the preview page", path)])
        written = write_preview_page(path, milestone_settings(course, milestone_id).html())
    except TeamtoolError as exc:
        show_error(parent, exc)
        return None
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Preview page saved",
        f"Saved {written}.\nPublish this one file: it needs no server and sends nothing.",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("previewSaved")
    box.open()
    return written
