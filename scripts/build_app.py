"""Build the desktop bundle: a self-contained teamtool for the platform this runs on (PyInstaller,
one folder: the program plus everything it needs, Python included).

    .venv/bin/pip install -e ".[bundle]"
    .venv/bin/python scripts/build_app.py            # -> dist/teamtool/ and its archive

The program in the folder is ``teamtool`` (``teamtool.exe`` on Windows): without arguments it
opens the window, with arguments it is the ``teamtool`` command (``teamtool demo``). The sample
course and the icon go in as package data; on Linux ``teamtool.desktop`` and ``teamtool.png`` go
next to the program. scripts/smoke_bundle.sh checks a built bundle.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

import PyInstaller.__main__

REPO = Path(__file__).resolve().parents[1]
NAME = "teamtool"
#: Not used by teamtool; PyInstaller would otherwise pull them in through pandas or matplotlib.
EXCLUDES = ("tkinter", "IPython", "pytest", "hypothesis", "pycel", "PyQt5", "PyQt6", "PySide2")


def pyinstaller_args(dist: Path, work: Path) -> list[str]:
    sep = os.pathsep  # --add-data SOURCE{sep}DEST
    args = [
        str(REPO / "packaging" / "teamtool_entry.py"),
        f"--name={NAME}",
        "--onedir",
        "--noconfirm",
        "--clean",
        f"--distpath={dist}",
        f"--workpath={work}",
        f"--specpath={work}",
        f"--paths={REPO}",
        # The subcommands and the window are imported by name at run time (teamtool/cli).
        "--collect-submodules=teamtool",
        "--collect-submodules=solver",
        "--collect-submodules=ui",
        # Package data: the preview page's scripts, the icon, and samples/ as teamtool.samples.
        "--collect-data=teamtool",
        "--collect-data=ui",
        f"--add-data={REPO / 'samples'}{sep}teamtool/samples",
        f"--icon={REPO / 'ui' / 'resources' / 'teamtool.png'}",
    ]
    args += [f"--exclude-module={name}" for name in EXCLUDES]
    return args


def build(dist: Path, work: Path) -> Path:
    PyInstaller.__main__.run(pyinstaller_args(dist, work))
    bundle = dist / NAME
    for junk in bundle.rglob("__pycache__"):  # from samples/, copied as data
        shutil.rmtree(junk)
    if sys.platform.startswith("linux"):
        shutil.copy2(REPO / "packaging" / "teamtool.desktop", bundle)
        shutil.copy2(REPO / "ui" / "resources" / "teamtool.png", bundle)
    return bundle


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="default: ./dist")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "pyinstaller")
    parser.add_argument("--archive", action="store_true", help="also write a .zip / .tar.gz")
    args = parser.parse_args()
    bundle = build(args.dist.resolve(), args.work.resolve())
    print(f"bundle: {bundle}")
    if args.archive:
        fmt = "gztar" if sys.platform.startswith("linux") else "zip"
        suffix = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform, "os")
        archive = shutil.make_archive(
            str(args.dist / f"{NAME}-{suffix}"), fmt, root_dir=args.dist, base_dir=NAME
        )
        print(f"archive: {archive}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
