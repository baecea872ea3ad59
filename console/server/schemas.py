"""JSON Schemas of the use cases' types, for ``/openapi.json``.

Built with pydantic from the same annotations the wire codec decodes with; a type pydantic
cannot describe (the card entry, whose digits never sit in a plain field) is documented
by hand.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from console.domain.cards import CardEntry

CARD_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "a card as keyed for one charge; never stored or logged",
    "properties": {
        "number": {"type": "string"},
        "exp_month": {"type": "integer"},
        "exp_year": {"type": "integer"},
        "cvv": {"type": "string"},
    },
    "required": ["number", "exp_month", "exp_year", "cvv"],
}
REF = "#/components/schemas/{model}"


class Schemas:
    """Schemas by type; every named definition goes to the document's components."""

    def __init__(self) -> None:
        self.components: dict[str, Any] = {}
        self._seen: dict[str, dict[str, Any]] = {}

    def of(self, kind: Any) -> dict[str, Any]:
        if kind is CardEntry:
            return CARD_SCHEMA
        key = repr(kind)
        if key not in self._seen:
            self._seen[key] = self._build(kind)
        return self._seen[key]

    def _build(self, kind: Any) -> dict[str, Any]:
        try:
            schema = TypeAdapter(kind).json_schema(ref_template=REF, mode="serialization")
        except Exception:  # a type pydantic cannot describe: documented as any JSON
            return {}
        self.components.update(schema.pop("$defs", {}))
        return schema
