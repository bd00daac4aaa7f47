"""Peer-rating surveys: import (long, Google Forms, Microsoft Forms, Qualtrics, repeated
team-member questions), matching, scales."""

from teamtool.ratings.matching import Match, PeopleMatcher
from teamtool.ratings.rating_scale import PRESETS, Scale
from teamtool.ratings.scale_detection import detect_scale
from teamtool.ratings.scales import get_scale, scale_from_text, scale_to_text
from teamtool.ratings.survey import (
    SurveyImport,
    UncertainMatch,
    detect_layout,
    import_grid,
    import_survey,
    read_ratings_csv,
    write_ratings_csv,
)

__all__ = [
    "PRESETS",
    "Match",
    "PeopleMatcher",
    "Scale",
    "SurveyImport",
    "UncertainMatch",
    "detect_layout",
    "detect_scale",
    "get_scale",
    "import_grid",
    "import_survey",
    "read_ratings_csv",
    "scale_from_text",
    "scale_to_text",
    "write_ratings_csv",
]
