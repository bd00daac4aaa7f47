"""``teamtool gui [COURSE]``: open the window (the same as the ``teamtool-gui`` program)."""

from __future__ import annotations

import argparse
import importlib

from teamtool.cli.command import Subcommands, command_parser
from teamtool.errors import TeamtoolError

HELP = "open the teamtool window"
DESCRIPTION = "Open the teamtool window."


def register(sub: Subcommands) -> None:
    p = command_parser(sub, "gui", run, help=HELP, description=DESCRIPTION)
    add_window_arguments(p)


def add_window_arguments(p: argparse.ArgumentParser) -> None:
    """The window's options: ``teamtool gui`` and the ``teamtool-gui`` program (ui.app) share them."""
    p.add_argument("course", nargs="?", help="a course file (*.teamtool) to open")
    p.add_argument(
        "--quit-after",
        type=float,
        metavar="SECONDS",
        help="close the window SECONDS after it is shown (to check an installation; 0: at once)",
    )


def run(args: argparse.Namespace) -> int:
    # The core never depends on the GUI: the window is looked up at run time, by name.
    try:
        app = importlib.import_module("ui.app")
    except ImportError as exc:
        raise TeamtoolError(f"the teamtool window cannot start: {exc}", code="no-gui") from exc
    argv = [args.course] if args.course else []
    if args.quit_after is not None:
        argv += ["--quit-after", str(args.quit_after)]
    return int(app.main(argv))
