"""The sample course's files, shipped in the wheel as ``teamtool.samples`` (see pyproject.toml).

Only the data files are read at run time; the ``*.py`` modules here are the generator that wrote
them (see README.md in this folder).
"""
