"""The grade number format is the core's one number parser, :mod:`teamtool.number_text`.

Only a re-export, for code written against this module's name; import from number_text.
"""

from teamtool.number_text import parse_number

__all__ = ["parse_number"]
