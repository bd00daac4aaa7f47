"""The choices of the import dialog's per-column combo boxes, to and from a ColumnMapping."""

from __future__ import annotations

from collections.abc import Sequence

from teamtool.model import AttributeKind
from teamtool.roster import ColumnMapping

IGNORE = "ignore"

#: (choice key, label shown) in combo order. Keys are roles, "kind:<kind>" or "ignore".
CHOICES: list[tuple[str, str]] = [
    (IGNORE, "ignore"),
    ("id", "student id"),
    ("name", "name"),
    ("first", "first name"),
    ("last", "last name"),
    ("email", "email"),
    ("section", "section"),
    ("lms_id", "Canvas user id"),
    ("login", "login id"),
    *((f"kind:{k.value}", f"attribute: {k.value}") for k in AttributeKind),
]
CHOICE_KEYS = [key for key, _ in CHOICES]


def choices_from_mapping(header: Sequence[str], mapping: ColumnMapping) -> list[str]:
    """The choice key of every column (a column with two roles shows the first one)."""
    out: list[str] = []
    for column in header:
        roles = [r for r, c in mapping.roles.items() if c == column and r in CHOICE_KEYS]
        if roles:
            out.append(roles[0])
        elif column in mapping.kinds:
            out.append(f"kind:{mapping.kinds[column].value}")
        else:
            out.append(IGNORE)
    return out


def mapping_from_choices(
    header: Sequence[str], choices: Sequence[str], base: ColumnMapping | None = None
) -> ColumnMapping:
    """A ColumnMapping from one choice per column.

    A role chosen for two columns keeps the later one. Roles of ``base`` that share a column with
    a chosen role (Canvas reads "SIS Login ID" as both login and email) are kept.
    """
    roles: dict[str, str] = {}
    kinds: dict[str, AttributeKind] = {}
    ignored: list[str] = []
    for column, choice in zip(header, choices, strict=True):
        if choice == IGNORE:
            ignored.append(column)
        elif choice.startswith("kind:"):
            kinds[column] = AttributeKind(choice.removeprefix("kind:"))
        else:
            roles[choice] = column
    if base is not None:
        for role, column in base.roles.items():
            if role not in roles and column in roles.values():
                roles[role] = column
    return ColumnMapping(roles, kinds, ignored)
