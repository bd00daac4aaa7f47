"""Course-level use cases on a course file: a milestone's inputs, adjust and export, a team set's
quality under its rules. (Debriefs, tokens and mentors keep their own ``course.py``.)"""
