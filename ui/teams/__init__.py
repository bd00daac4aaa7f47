"""The Teams step: criteria, solving, the board of team cards, chart and export."""
