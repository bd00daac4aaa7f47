"""The PySide6 window of teamtool: a thin layer over teamtool and solver."""
