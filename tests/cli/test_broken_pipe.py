"""``teamtool … | head``: a reader that stops reading ends the command quietly, not with
"internal error: BrokenPipeError"."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


def run_with_closed_stdout(args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run ``python -m teamtool ARGS`` with stdout a pipe whose reading end is closed at once,
    as ``head`` closes it after its lines (every write of the command then fails with EPIPE)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "teamtool", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    proc.stdout.close()
    stderr = proc.stderr.read()
    proc.stderr.close()
    code = proc.wait(timeout=120)
    return subprocess.CompletedProcess(proc.args, code, "", stderr)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["ratings", str(SAMPLES / "surveys" / "m1_long.csv"), "--roster",
          str(SAMPLES / "roster.csv"), "--teams", str(SAMPLES / "teams.csv")], 1),
        (["--help"], 0),  # argparse itself ignores an OSError while printing help
    ],
    ids=["ratings", "help"],
)  # fmt: skip
def test_a_closed_stdout_ends_the_command_quietly(
    args: list[str], code: int, tmp_path: Path
) -> None:
    if args[0] == "ratings":
        args = [*args, "--out", str(tmp_path / "cleaned.csv")]
    done = run_with_closed_stdout(args)
    assert "BrokenPipeError" not in done.stderr
    assert "internal error" not in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr == ""
    assert done.returncode == code


def test_output_that_is_read_is_unchanged(tmp_path: Path) -> None:
    """The guard does not swallow normal output: all of it arrives when the reader reads."""
    out = tmp_path / "cleaned.csv"
    done = subprocess.run(
        [sys.executable, "-m", "teamtool", "ratings", str(SAMPLES / "surveys" / "m1_long.csv"),
         "--roster", str(SAMPLES / "roster.csv"), "--teams", str(SAMPLES / "teams.csv"),
         "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().splitlines()[-1].startswith("wrote ")
    assert out.exists()
