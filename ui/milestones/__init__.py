"""Milestones in the window: the milestone picker, its dialog and the team grades."""
