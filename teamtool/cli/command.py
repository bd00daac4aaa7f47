"""What every subcommand shares: its parser made the one way, and the type of the subparsers."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeAlias

#: What ``build_parser`` hands to each command module's ``register``.
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def command_parser(
    sub: Subcommands,
    name: str,
    run: Callable[[argparse.Namespace], int],
    *,
    help: str,
    description: str,
) -> argparse.ArgumentParser:
    """The parser of ``teamtool NAME``: listed in ``teamtool --help`` with *help*, its own
    ``--help`` opening with *description* (argparse folds its white space), *run* called with
    the parsed arguments (``main`` looks it up as ``args.func``)."""
    parser = sub.add_parser(name, help=help, description=description)
    parser.set_defaults(func=run)
    return parser
