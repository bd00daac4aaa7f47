"""The desktop bundle's program (scripts/build_app.py): the ``teamtool`` command, and the window
when it is started without arguments (a double-click, the .desktop file).

In the bundle ``sys.executable`` is this program, so the solver's companion process
(``sys.executable -m solver.search.companion``, see solver/search/companion.py) arrives here as well.
"""

import sys

if __name__ == "__main__":
    if sys.argv[1:3] == ["-m", "solver.search.companion"]:
        from solver.search.companion import main as companion

        companion()
        raise SystemExit(0)
    from teamtool.cli import main

    raise SystemExit(main(sys.argv[1:] or ["gui"]))
