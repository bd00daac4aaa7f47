"""The PySide6 window of teamtool: a thin layer over teamtool (never the solver directly)."""
