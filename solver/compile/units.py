"""Cost units shared by the model and the heuristic, so both score teams identically.

A balanced attribute costs (teams x worst deviation + sum of deviations) in hundredths of a
standard deviation (see features.py); every other soft rule is priced in points per team or pair.
"""

from __future__ import annotations

MIX_UNIT = 500  # per student above or below a team's share of a value
SIMILAR_UNIT = 500  # per distinct value in a team
ISOLATION_UNIT = 2000  # per team where exactly one member has the protected value
#: Per common slot missing below the minimum: more than a broken friend request, since a team
#: needs common free time to work outside class (Felder & Brent 2016, Table 11.2-1).
SCHEDULE_SHORT_UNIT = 3000
PAIR_UNIT = 2000  # per broken soft pair rule (request or instructor wish)
PREVIOUS_UNIT = 1000  # per extra former teammate in a team


def mix_range(count: int, group: int, size: int) -> tuple[int, int]:
    """Fewest and most members with a value a team of ``size`` should have (floor/ceil share)."""
    low = count * size // group
    high = -(-count * size // group)
    return low, high
