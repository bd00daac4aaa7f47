"""A command's outputs are written all or none; our temporary files are 0600 and do not linger."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from teamtool.cli import main
from teamtool.course.adjust_export import CANVAS, ExportBundle, ExportChoice, write_exports
from teamtool.errors import ExportError, InputError, TeamtoolError
from teamtool.export import atomic
from teamtool.export.atomic import TEMP_PREFIX, all_or_nothing, atomic_target, remove_stale
from teamtool.export.csv_util import write_csv

ROOT = Path(__file__).resolve().parents[2]


def adjust_args(samples: Path, out: Path) -> list[str]:
    return [
        "adjust", "--teams", str(samples / "teams.csv"), "--grades", str(samples / "grades.csv"),
        "--roster", str(samples / "roster.csv"),
        "--ratings", f"M1 Proposal={samples / 'surveys' / 'm1_long.csv'}",
        "--ratings", f"M2 Prototype={samples / 'surveys' / 'm2_long.csv'}",
        "--out", str(out),
    ]  # fmt: skip


def temps(folder: Path) -> list[Path]:
    return sorted(folder.rglob(f"{TEMP_PREFIX}*"))


def test_second_output_is_a_folder_first_is_not_left(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.xlsx"
    (tmp_path / "canvas.csv").mkdir()
    argv = [*adjust_args(samples_dir, out), "--canvas", str(tmp_path / "canvas.csv")]
    assert main(argv) == 1
    assert "canvas.csv: this is a folder" in capsys.readouterr().err
    assert not out.exists()
    assert temps(tmp_path) == []


def test_second_output_cannot_be_made_old_first_output_kept(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.csv"
    out.write_text("the grades exported last week\n", encoding="utf-8")
    (tmp_path / "blocker").write_text("a file where a folder should be", encoding="utf-8")
    argv = [*adjust_args(samples_dir, out), "--feedback", str(tmp_path / "blocker" / "fb.csv")]
    assert main(argv) == 1
    assert "fb.csv" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "the grades exported last week\n"
    assert temps(tmp_path) == []


def test_full_disk_on_an_export_is_said_so_and_nothing_is_left(
    samples_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import zipfile

    real_write = zipfile.ZipFile.writestr
    written: list[str] = []

    def full(self: zipfile.ZipFile, name: object, *args: object, **kwargs: object) -> None:
        if written:  # the second part of the workbook does not fit
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(str(name))
        real_write(self, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "writestr", full)
    out = tmp_path / "out.xlsx"
    argv = [*adjust_args(samples_dir, out), "--feedback", str(tmp_path / "f.csv")]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert f"the disk is full: {out} was not written" in err
    assert "internal error" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_failed_move_puts_back_the_outputs_already_moved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second target cannot be replaced (open in Excel on Windows): the first is put back."""
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    write_csv(first, ["x"], [["old a"]])
    write_csv(second, ["x"], [["old b"]])
    before = first.read_bytes(), second.read_bytes()
    real_replace = Path.replace

    def locked(self: Path, target: str | Path) -> Path:
        if Path(target) == second and self.name.startswith(TEMP_PREFIX):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", locked)

    @all_or_nothing()
    def export_both() -> None:
        write_csv(first, ["x"], [["new a"]])
        write_csv(second, ["x"], [["new b"]])

    with pytest.raises(ExportError, match="may be open in Excel"):
        export_both()
    assert (first.read_bytes(), second.read_bytes()) == before
    assert temps(tmp_path) == []


def test_outputs_are_0600_and_replace_only_at_the_end(tmp_path: Path) -> None:
    target = tmp_path / "grades.csv"
    with all_or_nothing():
        write_csv(target, ["x"], [["1"]])
        assert not target.exists()  # not yet: the batch is not over
        (tmp,) = temps(tmp_path)
        assert stat.S_IMODE(tmp.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert temps(tmp_path) == []


def dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], check=True,
                          capture_output=True, text=True)  # fmt: skip
    return int(proc.stdout)


def test_stale_temporaries_are_removed_on_the_next_save(tmp_path: Path) -> None:
    host = atomic._HOST
    other = "000000" if host != "000000" else "ffffff"
    dead = tmp_path / f"{TEMP_PREFIX}{host}-{dead_pid()}-k1ll3d.csv"
    old = tmp_path / f"{TEMP_PREFIX}{other}-123-0ld.xlsx"
    fresh = tmp_path / f"{TEMP_PREFIX}{other}-123-fr3sh.xlsx"
    alive = tmp_path / f"{TEMP_PREFIX}{host}-{os.getppid()}-l1ve.csv"
    theirs = tmp_path / ".teamtool-notes.csv"  # not one of our temporary files
    for path in (dead, old, fresh, alive, theirs):
        path.write_text("s1001,Ethan Park", encoding="utf-8")
    two_hours_ago = time.time() - 2 * 3600
    os.utime(old, (two_hours_ago, two_hours_ago))
    with atomic_target(tmp_path / "out.csv") as tmp:
        tmp.write_text("x", encoding="utf-8")
    left = {p.name for p in tmp_path.iterdir()}
    assert left == {"out.csv", fresh.name, alive.name, theirs.name}
    assert remove_stale(tmp_path) == []


KILLED_EXPORT = """
import sys, time
from pathlib import Path
from xlsxwriter import Workbook
from teamtool.cli import main

def slow_close(self):
    Path(self.filename).write_bytes(b"PK half a workbook with s1001 Ethan Park")
    print("writing", flush=True)
    time.sleep(600)  # killed here by the test

Workbook.close = slow_close
main(sys.argv[1:])
"""


def test_a_killed_export_leaves_no_target_and_its_temporary_is_removed_next_time(
    samples_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.xlsx"
    argv = adjust_args(samples_dir, out)
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(KILLED_EXPORT), *argv],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    assert proc.stdout.readline() == "writing\n"  # the workbook is half written: kill
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    (left,) = temps(tmp_path)
    assert stat.S_IMODE(left.stat().st_mode) == 0o600
    assert not out.exists()
    assert main(argv) == 0  # the next run into the same folder
    assert temps(tmp_path) == []
    assert out.exists()


def test_the_window_export_is_all_or_nothing_and_spares_the_gradebook(
    tmp_path: Path, sample_with_m1_override: Callable[[str, float, str], ExportBundle]
) -> None:
    bundle = sample_with_m1_override("s1005", 90, "extra work")
    out = tmp_path / "out"
    out.mkdir()
    gradebook = out / CANVAS  # the Canvas export saved under the name of our import file
    gradebook.write_text("Student,ID\n", encoding="utf-8")
    with pytest.raises(InputError, match="would overwrite the input the Canvas gradebook"):
        write_exports(bundle, ExportChoice(out, gradebook=gradebook))
    assert gradebook.read_text(encoding="utf-8") == "Student,ID\n"
    not_a_gradebook = tmp_path / "gradebook.csv"
    not_a_gradebook.write_text("Student,ID\n", encoding="utf-8")
    with pytest.raises(TeamtoolError):  # the workbook is written first, the Canvas file fails
        write_exports(bundle, ExportChoice(out, gradebook=not_a_gradebook))
    assert [p.name for p in out.iterdir()] == [CANVAS]
