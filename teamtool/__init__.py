"""teamtool: balanced student teams and the team-citizenship peer-rating grade adjustment."""

#: The one place the version is written: pyproject.toml reads it (``dynamic = ["version"]``) and
#: ``teamtool --version`` prints it.
__version__ = "0.1.0"
