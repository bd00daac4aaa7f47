"""Qualtrics response types: previews and tests are not students' ratings; an unfinished
response (``Finished`` false or 0) holds the ratings given so far, kept unless dropped."""

from __future__ import annotations

from teamtool.files.tables import Grid
from teamtool.problems import Problems
from teamtool.ratings.layouts import key

#: ``Status`` values of responses that are not students': previews, tests, spam (text or code).
SKIPPED_STATUS = {"survey preview", "preview", "1", "survey test", "test", "2", "spam", "8"}


def _cell(cells: list[str], index: int) -> str:
    return cells[index] if 0 <= index < len(cells) else ""


def unfinished(cells: list[str], ids: list[str]) -> str:
    """The progress of an unfinished Qualtrics response (``Finished`` false or 0, or a progress
    under 100 without ``Finished``): "40", "?" when not given; "" for a finished one."""
    finished = ids.index("finished") if "finished" in ids else -1
    progress = ids.index("progress") if "progress" in ids else -1
    done, pct = key(_cell(cells, finished)), _cell(cells, progress).strip()
    if done in ("false", "0") or (not done and pct not in ("", "100")):
        return pct or "?"
    return ""


def not_a_response(
    grid: Grid,
    row: int,
    cells: list[str],
    ids: list[str],
    problems: Problems,
    *,
    drop_partial: bool = False,
) -> bool:
    """Qualtrics previews are not students' ratings: reported, and True (``ids`` are the folded
    first-row ids). So are unfinished responses with ``drop_partial``; without it they are
    kept, and the cleaning reports how many teammates they rated."""
    status = ids.index("status") if "status" in ids else -1
    finished = ids.index("finished") if "finished" in ids else -1
    if key(_cell(cells, status)) in SKIPPED_STATUS:
        problems.add(
            "preview-response", f'a "{_cell(cells, status)}" response, not a student\'s: it is ignored',
            file=grid.file, row=row, column=grid.rows[0][status], severity="info",
        )  # fmt: skip
        return True
    pct = unfinished(cells, ids)
    if pct and drop_partial:
        problems.add(
            "partial-response", f"an unfinished response (progress {pct}%): left out, as partial responses are dropped",
            file=grid.file, row=row, column=grid.rows[0][finished] if finished >= 0 else None,
            severity="info",
        )  # fmt: skip
        return True
    return False
