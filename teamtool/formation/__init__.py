"""Team formation for a course: criteria, roster -> solver instance, solution -> team set."""

from teamtool.formation.bridge import build_instance, form_teams
from teamtool.formation.criteria import AttributeRule, FormationCriteria

__all__ = ["AttributeRule", "FormationCriteria", "build_instance", "form_teams"]
