"""teamtool: balanced student teams and the team-citizenship peer-rating grade adjustment."""

__version__ = "0.1.0"
