"""Arguments of ``teamtool adjust`` (shared with ``debriefs``) and what they mean: adjustment
options, ratings files, team token settings."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from teamtool.cli import overrides_arg
from teamtool.errors import InputError

METHODS = ("autorating", "catme", "webpa", "spark")


def add_input_arguments(p: argparse.ArgumentParser, *, required: bool = True) -> None:
    """The options that name the inputs and the adjustment (``adjust`` and ``debriefs``);
    ``required=False`` where another source (a course file) may replace the files."""
    p.add_argument("--teams", required=required, help="teams file (student_id,team)")
    p.add_argument(
        "--ratings",
        required=required,
        action="append",
        metavar="[MILESTONE=]RATINGS",
        help="cleaned ratings CSV; with several milestones give one per milestone as "
        '"M1 Proposal=m1.csv" (repeatable)',
    )
    p.add_argument("--grades", required=required, help="team grades CSV/XLSX")
    p.add_argument("--roster", help="roster file, for names, emails and sections")
    p.add_argument("--milestone", help="adjust only this milestone of the grades file")
    p.add_argument(
        "--preset", help="start from a preset: oakley, cornell, cmu, catme, webpa, spark"
    )
    p.add_argument(
        "--method",
        choices=METHODS,
        help="start from the method's own settings, as --preset does (autorating: oakley)",
    )
    p.add_argument("--scale", help="rating scale preset or label,value file (default: detected)")
    p.add_argument("--self", dest="self_mode", choices=("include", "exclude"))
    p.add_argument(
        "--cap", type=float, help="largest factor (default 1.05; none for webpa and spark)"
    )
    p.add_argument("--no-cap", action="store_true", help="no largest factor")
    p.add_argument("--floor", type=float, help="smallest factor (default none)")
    p.add_argument("--snap", type=float, help="factors above this count as 1 (CATME: 0.95)")
    p.add_argument("--round-factor", type=int, metavar="D", help="round factors to D decimals")
    p.add_argument("--round-grade", type=int, metavar="D", help="round grades to D decimals")
    p.add_argument("--no-max-cap", action="store_true", help="let grades exceed the maximum")
    p.add_argument("--missing", choices=("ignore", "impute", "penalty"), help="non-respondents")
    p.add_argument("--impute-self", type=float, metavar="V")
    p.add_argument("--impute-others", type=float, metavar="V")
    p.add_argument("--weighting", metavar="W", help="PA weighting, 0-1 or a percentage (50%%)")
    p.add_argument("--penalty", metavar="P%|P", help="non-respondent penalty: 10%% or 5 points")
    overrides_arg.add_arguments(p)
    _add_token_arguments(p)


def add_output_arguments(p: argparse.ArgumentParser) -> None:
    """The files ``adjust`` writes."""
    p.add_argument("--out", required=True, help="OUT.csv or OUT.xlsx")
    p.add_argument("--canvas", metavar="OUT.csv", help="also write a Canvas gradebook import CSV")
    p.add_argument("--canvas-gradebook", metavar="EXPORT.csv", help="Canvas gradebook export")
    p.add_argument("--feedback", metavar="OUT.csv", help="also write the feedback mail-merge CSV")


def _add_token_arguments(p: argparse.ArgumentParser) -> None:
    tokens = p.add_argument_group(
        "team tokens",
        "applied when the grades file has days_late or resubmissions columns (and "
        "original_grade for a resubmitted milestone)",
    )
    tokens.add_argument("--tokens", type=int, metavar="N", help="tokens per team (default 8)")
    tokens.add_argument(
        "--no-tokens", action="store_true", help="ignore the token columns: grades as in the file"
    )
    tokens.add_argument("--late-day-cost", type=int, metavar="N", help="tokens per late day (1)")
    tokens.add_argument(
        "--resubmission-cost", type=int, metavar="N", help="tokens per resubmission (3)"
    )
    tokens.add_argument(
        "--late-policy",
        metavar='"no credit"|P%',
        help="late days a team cannot pay for: no credit (default: grade 0, feedback only) or "
        "P%% of the grade deducted per unpaid day",
    )


def token_settings(args: argparse.Namespace) -> Any:
    """The ``TokenSettings`` from the token options (the course defaults where not given)."""
    from teamtool.tokens import TokenSettings, parse_late_policy

    changes: dict[str, Any] = {}
    for name, option in (
        ("tokens", "tokens_per_team"),
        ("late_day_cost", "cost_per_late_day"),
        ("resubmission_cost", "cost_per_resubmission"),
    ):
        if getattr(args, name) is not None:
            changes[option] = getattr(args, name)
    if args.late_policy is not None:
        changes["late_percent_per_day"] = parse_late_policy(args.late_policy)
    try:
        return TokenSettings(**changes)
    except InputError as error:
        raise InputError(error.message, code="usage") from None


def token_options_given(args: argparse.Namespace) -> bool:
    names = ("tokens", "late_day_cost", "resubmission_cost", "late_policy")
    return any(getattr(args, name) is not None for name in names)


def build_options(args: argparse.Namespace) -> Any:
    """The ``AdjustOptions`` from ``--preset`` and the options given on the command line."""
    from teamtool.grading.options import PRESETS, AdjustOptions, method_defaults

    if args.preset:
        if args.preset not in PRESETS:
            raise InputError(
                f'unknown preset "{args.preset}"; use one of: {", ".join(PRESETS)}', code="usage"
            )
        base = PRESETS[args.preset]
        if args.method is not None and args.method != base.method:
            raise InputError(
                f'--preset "{args.preset}" is a preset of the {base.method} method and '
                f"--method {args.method} starts from {args.method}'s own settings: give one of them",
                code="usage",
            )
    elif args.method is not None:  # the method's own settings, not autorating's
        base = method_defaults(args.method)
    else:
        base = AdjustOptions()
    changes: dict[str, Any] = {}
    for name in ("method", "self_mode", "cap", "floor", "snap", "round_factor", "round_grade"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    for name in ("missing", "impute_self", "impute_others"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.no_cap:
        changes["cap"] = None
    if args.no_max_cap:
        changes["cap_at_max"] = False
    if args.weighting is not None:
        text = args.weighting.strip()
        value = _number(text.rstrip("%"), "--weighting")
        changes["weighting"] = value / 100 if text.endswith("%") or value > 1 else value
    if args.penalty is not None:
        text = args.penalty.strip()
        changes["penalty"] = _number(text.rstrip("%"), "--penalty")
        changes["penalty_percent"] = text.endswith("%")
        changes.setdefault("missing", "penalty")
    return dataclasses.replace(base, **changes)


def _number(text: str, option: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise InputError(f'{option} "{text}" is not a number', code="usage") from None


def ratings_files(items: list[str], milestones: list[str]) -> dict[str, str]:
    """Milestone -> ratings file from ``--ratings`` values (``NAME=PATH`` or ``PATH``)."""
    named: dict[str, str] = {}
    plain: list[str] = []
    for item in items:
        name, sep, path = item.partition("=")
        if sep and name.strip() in milestones:
            named[name.strip()] = path
        else:
            plain.append(item)
    if plain and len(milestones) == 1 and not named and len(plain) == 1:
        return {milestones[0]: plain[0]}
    if plain:
        raise InputError(
            "the grades file has the milestones "
            + ", ".join(f'"{m}"' for m in milestones)
            + '; give one ratings file per milestone as --ratings "NAME=FILE" (or use --milestone)',
            code="usage",
        )
    missing = [m for m in milestones if m not in named]
    if missing:
        raise InputError(f"no ratings file for: {', '.join(missing)}", code="usage")
    return named


def ratings_path(item: str) -> str:
    """The file of one ``--ratings`` value (``NAME=PATH`` or ``PATH``)."""
    name, sep, path = item.partition("=")
    return path if sep and name.strip() and not Path(item).exists() else item
