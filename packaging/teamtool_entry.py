"""The desktop bundle's program (scripts/build_app.py): the ``teamtool`` command, and the window
when it is started without arguments (a double-click, the .desktop file)."""

import sys

from teamtool.cli import main

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:] or ["gui"]))
