"""The steps of the window, in order: (title, page class). Each page is built as ``Page(ctx)``."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.grades.page import GradesPage
from ui.ratings.page import RatingsPage
from ui.tokens.page import TokensPage


def later_steps() -> list[tuple[str, type[QWidget]]]:
    """The milestone steps (Ratings, Grades); Students and Teams come first, from the main window."""
    return [("Ratings", RatingsPage), ("Grades", GradesPage), ("Tokens", TokensPage)]


__all__ = ["AppContext", "later_steps"]
