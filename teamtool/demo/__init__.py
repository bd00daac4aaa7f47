"""The bundled sample course: ``teamtool demo`` (the whole job, step by step) and the sample course
file the window offers to a new user. The sample files themselves are package data
(``teamtool.samples``), found by :mod:`teamtool.demo.sample_files`."""
