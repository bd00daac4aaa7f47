"""Attribute values to and from JSON, by kind."""

from __future__ import annotations

import json

from teamtool.model import AttributeKind, AttrValue


def encode(values: dict[str, AttrValue]) -> str:
    out: dict[str, object] = {}
    for key, value in values.items():
        if isinstance(value, frozenset):
            out[key] = sorted(value)
        elif isinstance(value, tuple):
            out[key] = list(value)
        else:
            out[key] = value
    return json.dumps(out, ensure_ascii=False)


def decode(text: str, kinds: dict[str, AttributeKind]) -> dict[str, AttrValue]:
    data = json.loads(text)
    out: dict[str, AttrValue] = {}
    for key, value in data.items():
        kind = kinds.get(key)
        if value is None:
            out[key] = None
        elif kind is AttributeKind.AVAILABILITY:
            out[key] = frozenset(value)
        elif kind is AttributeKind.PREFERENCE:
            out[key] = tuple(value)
        elif kind is AttributeKind.NUMERIC:
            out[key] = float(value)
        else:
            out[key] = str(value)
    return out
