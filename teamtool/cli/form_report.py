"""``teamtool form --report``: the run's quality report as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from teamtool.export.atomic import atomic_target
from teamtool.formation import Config, Solution
from teamtool.formation.report import explanations, summary_lines


def write_report(path: str, solution: Solution, names: list[str], config: Config) -> Path:
    """Status, objective, bound, gap, time, levels, per-team metrics (with a one-line
    explanation) and the summary (with its lines) as JSON."""
    teams = []
    lines = explanations(solution, config)
    for name, metrics, line in zip(names, solution.metrics, lines, strict=True):
        entry = asdict(metrics)
        del entry["reference_means"]
        entry["explanation"] = line
        entry["name"] = name
        teams.append(entry)
    summary = asdict(solution.summary)
    del summary["worst_team"]
    summary["lines"] = summary_lines(solution, config)
    data = {
        "status": solution.status,
        "objective": solution.objective,
        "bound": solution.bound,
        "gap": solution.gap,
        "time": solution.wall_time,
        "levels": [asdict(level) for level in solution.levels],
        "teams": teams,
        "summary": summary,
    }
    target = Path(path)
    with atomic_target(target) as tmp:
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return target
