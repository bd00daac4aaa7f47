"""Only what pyproject.toml cannot say: the wheel carries the top-level ``samples/`` folder as the
package ``teamtool.samples`` (the sample course ``teamtool demo`` and the window use), while the
folder stays where the tests, the docs and its generator expect it. Everything else is in
pyproject.toml."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["teamtool*", "solver*", "ui*"]), "teamtool.samples"],
    package_dir={"teamtool.samples": "samples"},
)
