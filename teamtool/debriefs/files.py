"""The debrief files: one per milestone and mentor (or "all teams" when no mentor is known),
written all or none, atomically and readable by the owner only (``teamtool.export.atomic``)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

from teamtool.debriefs.html_page import render_debriefs
from teamtool.debriefs.model import TeamDebrief
from teamtool.errors import ExportError
from teamtool.export.atomic import all_or_nothing, atomic_target
from teamtool.export.output_paths import Named, check_outputs

ALL_TEAMS = "all teams"
NO_MENTOR = "no mentor"
#: Characters kept in a file name part; anything else (slashes, colons, controls) becomes "_".
_UNSAFE = re.compile(r"[^\w .,'()+&@-]")


def file_part(text: str, limit: int = 60) -> str:
    """``text`` made safe as part of a file name on Windows, macOS and Linux."""
    clean = _UNSAFE.sub("_", unicodedata.normalize("NFC", text)).strip(" .")
    return clean[:limit].rstrip(" .") or "_"


def plan_files(debriefs: Sequence[TeamDebrief], folder: Path) -> dict[Path, list[TeamDebrief]]:
    """File -> the debriefs it holds: one file per milestone and mentor, each mentor's teams in
    team order; with no mentor known, one "all teams" file per milestone. Two names that would be
    one file (same text up to case or unsafe characters) are told apart by a number."""
    any_mentor = any(d.mentor is not None for d in debriefs)
    groups: dict[tuple[str, str], list[TeamDebrief]] = {}
    for d in debriefs:
        who = (d.mentor or NO_MENTOR) if any_mentor else ALL_TEAMS
        groups.setdefault((d.milestone, who), []).append(d)
    plan: dict[Path, list[TeamDebrief]] = {}
    taken: set[str] = set()
    for (milestone, who), items in groups.items():
        stem = f"debriefs - {file_part(milestone)} - {file_part(who)}"
        name, n = f"{stem}.html", 2
        while name.casefold() in taken:
            name, n = f"{stem} ({n}).html", n + 1
        taken.add(name.casefold())
        plan[folder / name] = items
    return plan


def write_debriefs(
    debriefs: Sequence[TeamDebrief], folder: str | Path, inputs: Iterable[Named] = ()
) -> list[Path]:
    """Write the files of :func:`plan_files` into ``folder`` (created if needed), all or none;
    ``inputs`` (option, path) are refused as outputs (``check_outputs``)."""
    if Path(folder).exists() and not Path(folder).is_dir():
        raise ExportError("this is a file; give a folder for the debriefs", file=str(folder),
                          code="write-failed")  # fmt: skip
    plan = plan_files(debriefs, Path(folder))
    check_outputs(inputs, [(f'"{p.name}"', p) for p in plan])
    with all_or_nothing():
        for path, items in plan.items():
            first = items[0]
            who = f" for {first.mentor}" if first.mentor is not None else ""
            text = render_debriefs(items, f"Debriefs of {first.milestone}{who}")
            with atomic_target(path) as tmp:
                tmp.write_text(text, encoding="utf-8")
    return list(plan)
