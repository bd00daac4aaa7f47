"""The Grades step of the window."""
