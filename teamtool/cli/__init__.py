"""The ``teamtool`` command: argparse subcommands, errors as ``FILE: row R, column C: problem``."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from teamtool import __version__
from teamtool.errors import Cancelled, TeamtoolError

#: Subcommand modules; each has ``register(subparsers)``, which makes its parser with
#: ``command.command_parser`` (that sets ``func(args) -> int``).
COMMANDS = (
    "teamtool.cli.cmd_demo",
    "teamtool.cli.cmd_roster",
    "teamtool.cli.cmd_form",
    "teamtool.cli.cmd_ratings",
    "teamtool.cli.cmd_adjust",
    "teamtool.cli.cmd_mentors",
    "teamtool.cli.cmd_debriefs",
    "teamtool.cli.cmd_preview",
    "teamtool.cli.cmd_gui",
)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="teamtool",
        description="Form balanced student teams, import peer ratings and adjust team grades.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="show progress details")
    parser.add_argument("--version", action="version", version=f"teamtool {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a reader that stops reading (``teamtool … | head``) ends it quietly."""
    try:
        try:
            code = _run(argv)  # argparse's --help and usage errors leave by SystemExit
        finally:
            sys.stdout.flush()  # output to a pipe is buffered: a closed pipe shows up here
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_ERROR
    return code


def _discard_stdout() -> None:
    """Point stdout at the null device, so that Python's own flush at exit does not fail again
    on the closed pipe (the recipe of the Python docs, "Note on SIGPIPE")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real stdout (an embedding host): nothing to flush
        pass


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s"
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except BrokenPipeError:
        raise  # the reader of our output went away: not an error of ours (see main)
    except Cancelled:
        print("cancelled", file=sys.stderr)
        return EXIT_ERROR
    except TeamtoolError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # the last line of defence: never a traceback for the user
        logging.getLogger("teamtool").debug("internal error", exc_info=True)
        print(
            f"internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in teamtool; run again with --verbose and report it.",
            file=sys.stderr,
        )
        if args.verbose:
            raise
        return EXIT_INTERNAL
