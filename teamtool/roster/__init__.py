"""Roster import: column mapping, attribute kinds, the Canvas gradebook export, validation."""

from teamtool.roster.importer import RosterImport, import_roster, roster_from_grid
from teamtool.roster.mapping import ColumnMapping

__all__ = ["ColumnMapping", "RosterImport", "import_roster", "roster_from_grid"]
