"""Which roster column holds what: detected from the headers, changeable by the user."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from teamtool.model import AttributeKind
from teamtool.names import fold

#: Header synonyms (folded) for the identity columns, most specific first.
ROLE_HEADERS: dict[str, tuple[str, ...]] = {
    "id": (
        "student id",
        "studentid",
        "student_id",
        "student number",
        "sis user id",
        "id number",
        "idnumber",
        "sid",
        "matriculation number",
        "id",
        "username",
        "user id",
        "netid",
    ),
    "name": ("name", "full name", "student name", "student", "display name"),
    "first": ("first name", "firstname", "first", "given name", "preferred name"),
    "last": ("last name", "lastname", "last", "surname", "family name"),
    "email": ("email", "e-mail", "email address", "e-mail address", "mail", "sis login id"),
    "section": ("section", "lab", "tutorial", "group", "class section", "sections"),
}
ROLES = tuple(ROLE_HEADERS)


@dataclass
class ColumnMapping:
    """Header name per identity role, and the kind of every other column used as an attribute.

    Columns named in ``ignored`` are neither identity nor attribute (e.g. Canvas grade columns).
    """

    roles: dict[str, str] = field(default_factory=dict)  # role -> header
    kinds: dict[str, AttributeKind] = field(default_factory=dict)  # header -> kind
    ignored: list[str] = field(default_factory=list)

    def attribute_columns(self) -> list[str]:
        return list(self.kinds)

    def to_json(self) -> dict[str, object]:
        return {
            "roles": dict(self.roles),
            "kinds": {k: v.value for k, v in self.kinds.items()},
            "ignored": list(self.ignored),
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> ColumnMapping:
        roles = data.get("roles", {})
        kinds = data.get("kinds", {})
        ignored = data.get("ignored", [])
        if not (isinstance(roles, dict) and isinstance(kinds, dict) and isinstance(ignored, list)):
            raise TypeError("not a column mapping")
        return cls(
            {str(k): str(v) for k, v in roles.items()},
            {str(k): AttributeKind(str(v)) for k, v in kinds.items()},
            [str(x) for x in ignored],
        )


def detect_roles(header: Sequence[str]) -> dict[str, str]:
    """Assign each identity role to at most one header, by exact synonym, then by prefix."""
    folded = {h: fold(h).replace("_", " ") for h in header if h.strip()}
    taken: set[str] = set()
    roles: dict[str, str] = {}
    for exact in (True, False):
        for role in ROLES:
            if role in roles:
                continue
            for synonym in ROLE_HEADERS[role]:
                hit = next(
                    (
                        h
                        for h, f in folded.items()
                        if h not in taken
                        and (
                            f == synonym if exact else (len(synonym) > 3 and f.startswith(synonym))
                        )
                    ),
                    None,
                )
                if hit is not None:
                    roles[role] = hit
                    taken.add(hit)
                    break
    if "name" in roles and "first" in roles and "last" in roles:
        del roles["name"]  # separate first/last columns win over a combined one
    return roles
