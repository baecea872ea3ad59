"""Values across the wire: the use cases' arguments and results as JSON, and back.

A result is rebuilt as the very type the in-process service returns (frozen dataclasses,
enums, dates and times with their zone, bytes, cents as integers), so a screen cannot
tell which implementation answered. Decoding is driven by the declared type, never by
the data: a payload cannot choose which class it becomes.

Errors travel as their class name, code, parameters and reasons; parameters keep their
type with a small tag (``{"$datetime": …}``), since nothing declares them.
"""

from __future__ import annotations

import base64
import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, Union

from console.domain import errors
from console.domain.cards import CardEntry

JSON = Any


class WireError(ValueError):
    """A payload that does not fit the declared type."""


def encode(value: Any) -> JSON:
    """``value`` as plain JSON values (dict, list, str, int, float, bool, None)."""
    encoder = _ENCODERS.get(type(value))
    if encoder is None:
        encoder = _ENCODERS[type(value)] = _encoder_for(type(value))
    return encoder(value)


Encoder = Callable[[Any], JSON]


def _same_value(value: Any) -> JSON:
    return value


def _encoder_for(kind: type) -> Encoder:
    """How to encode every value of ``kind``, found once per type: a 50-hit answer is then
    a few dictionary look-ups per value, not a chain of ``isinstance`` tests."""
    if issubclass(kind, Enum):  # before str and int: a StrEnum is a str
        return lambda value: encode(value.value)
    if kind is type(None) or issubclass(kind, bool | int | float | str):
        return _same_value
    if issubclass(kind, datetime | date | time):
        return lambda value: value.isoformat()
    if issubclass(kind, timedelta):
        return lambda value: value.total_seconds()
    if issubclass(kind, Decimal):
        return str
    if issubclass(kind, bytes | bytearray | memoryview):
        return lambda value: base64.b64encode(bytes(value)).decode("ascii")
    if issubclass(kind, CardEntry):
        return lambda value: {
            "number": value.number(),
            "exp_month": value.exp_month,
            "exp_year": value.exp_year,
            "cvv": value.cvv(),
        }
    if dataclasses.is_dataclass(kind):
        names = _field_names(kind)
        return lambda value: {name: encode(getattr(value, name)) for name in names}
    if issubclass(kind, Mapping):
        return lambda value: {str(k): encode(v) for k, v in value.items()}
    if issubclass(kind, list | tuple | set | frozenset):
        return lambda value: [encode(v) for v in value]

    def refused(value: Any) -> JSON:
        raise TypeError(f"cannot send a {type(value).__name__} across the wire")

    return refused


_ENCODERS: dict[type, Encoder] = {}


def decode(kind: Any, data: JSON) -> Any:
    """``data`` (from ``encode``) rebuilt as ``kind``; ``WireError`` when it does not fit."""
    try:
        return _decoder(kind)(data)
    except WireError:
        raise
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise WireError(f"{_name(kind)}: {exc}") from exc


Decoder = Callable[[JSON], Any]


@cache
def _decoder(kind: Any) -> Decoder:
    """The decoder of one declared type, built once: a use case's answer is decoded by
    closures, not by asking ``typing`` about every value again (a 50-hit search took
    0.57 ms that way)."""
    if kind is Any or kind is object:
        return _same
    if kind is None or kind is type(None):
        return _null
    origin = typing.get_origin(kind)
    if origin is Union or origin is types.UnionType:
        return _union(kind)
    if origin is typing.Literal:
        allowed = typing.get_args(kind)

        def literal(data: JSON) -> Any:
            if data not in allowed:
                raise WireError(f"{data!r} is not one of {allowed}")
            return data

        return literal
    if origin in (tuple, list, set, frozenset) or kind in (tuple, list):
        return _sequence(kind, origin)
    if origin in (dict, Mapping) or origin is typing.get_origin(Mapping[str, Any]) or kind is dict:
        key_kind, value_kind = typing.get_args(kind) or (str, Any)
        keys, values = _decoder(key_kind), _decoder(value_kind)

        def mapping(data: JSON) -> Any:
            if not isinstance(data, dict):
                raise WireError(f"expected an object for {_name(kind)}")
            return {keys(k): values(v) for k, v in data.items()}

        return mapping
    if isinstance(kind, type):
        return _class_decoder(kind)
    raise WireError(f"no decoding for {_name(kind)}")


def _same(data: JSON) -> Any:
    return data


def _null(data: JSON) -> None:
    if data is not None:
        raise WireError("expected null")


def _union(kind: Any) -> Decoder:
    options = typing.get_args(kind)
    nullable = type(None) in options
    decoders = [_decoder(option) for option in options if option is not type(None)]
    if len(decoders) == 1:
        (only,) = decoders

        def optional(data: JSON) -> Any:
            if data is None and nullable:
                return None
            return only(data)

        return optional

    def union(data: JSON) -> Any:
        if data is None and nullable:
            return None
        last: Exception | None = None
        for option in decoders:
            try:
                return option(data)
            except (WireError, TypeError, ValueError, KeyError) as exc:
                last = exc
        raise WireError(f"{data!r} fits none of {_name(kind)}") from last

    return union


def _sequence(kind: Any, origin: Any) -> Decoder:
    args = typing.get_args(kind)
    if origin is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
        fixed = [_decoder(a) for a in args]

        def fixed_tuple(data: JSON) -> Any:
            if not isinstance(data, list):
                raise WireError(f"expected a list for {_name(kind)}")
            if len(fixed) != len(data):
                raise WireError(f"expected {len(fixed)} items")
            return tuple(d(v) for d, v in zip(fixed, data, strict=True))

        return fixed_tuple
    item = _decoder(args[0] if args else Any)
    container = origin or kind

    def sequence(data: JSON) -> Any:
        if not isinstance(data, list):
            raise WireError(f"expected a list for {_name(kind)}")
        items = [item(v) for v in data]
        return items if container is list else container(items)

    return sequence


def _plain_str(data: JSON) -> str:
    if type(data) is not str:
        raise WireError("expected a string")
    return data


def _plain_int(data: JSON) -> int:
    if type(data) is not int:  # not a bool either
        raise WireError("expected an integer")
    return data


def _plain_bool(data: JSON) -> bool:
    if type(data) is not bool:
        raise WireError("expected true or false")
    return data


def _class_decoder(kind: type) -> Decoder:
    plain = {str: _plain_str, int: _plain_int, bool: _plain_bool}.get(kind)
    if plain is not None:
        return plain
    if issubclass(kind, Enum):
        members = {member.value: member for member in kind}

        def member(data: JSON) -> Any:
            try:
                return members[data]
            except (KeyError, TypeError):
                return kind(data)  # the enum's own error (or its _missing_ rule)

        return member
    if dataclasses.is_dataclass(kind):
        return _dataclass_decoder(kind)
    if kind is CardEntry:
        return _card
    return lambda data: _decode_class(kind, data)


def _dataclass_decoder(kind: type) -> Decoder:
    hints = _hints(kind)
    fields = [f for f in dataclasses.fields(kind) if f.init]
    known = {f.name for f in fields}
    decoders = {f.name: _decoder(hints[f.name]) for f in fields}
    required = {
        f.name
        for f in fields
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }

    # Every field sent, as the server always sends them, and nothing for __init__ to do
    # but store them: the instance is filled directly (a frozen dataclass's __init__
    # sets each field through object.__setattr__, most of a 50-hit answer's decoding).
    direct = (
        len(fields) == len(dataclasses.fields(kind))
        and not hasattr(kind, "__post_init__")
        and "__slots__" not in vars(kind)
    )
    count = len(fields)
    pairs = tuple(decoders.items())

    def dataclass_value(data: JSON) -> Any:
        if not isinstance(data, dict):
            raise WireError(f"expected an object for {kind.__name__}")
        if direct and len(data) == count:
            try:
                values = {name: decode_field(data[name]) for name, decode_field in pairs}
            except KeyError:
                pass  # another field instead of one of ours: refused below
            else:
                instance: Any = object.__new__(kind)
                instance.__dict__.update(values)
                return instance
        if not known.issuperset(data):  # a field the type does not have: a mistake, or worse
            raise WireError(f"{kind.__name__} has no {sorted(set(data) - known)}")
        missing = required.difference(data)
        if missing:
            raise WireError(f"{kind.__name__}.{sorted(missing)[0]} is missing")
        return kind(**{name: decoders[name](value) for name, value in data.items()})

    return dataclass_value


def _card(data: JSON) -> CardEntry:
    if not isinstance(data, dict):
        raise WireError("expected a card")
    return CardEntry(
        _decode_class(str, data["number"]),
        _decode_class(int, data["exp_month"]),
        _decode_class(int, data["exp_year"]),
        _decode_class(str, data["cvv"]),
    )


def _decode_class(kind: type, data: JSON) -> Any:
    if kind is bool:
        if not isinstance(data, bool):
            raise WireError("expected true or false")
        return data
    if kind is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise WireError("expected an integer")
        return data
    if kind is float:
        if isinstance(data, bool) or not isinstance(data, int | float):
            raise WireError("expected a number")
        return float(data)
    if kind is str:
        if not isinstance(data, str):
            raise WireError("expected a string")
        return data
    if kind is datetime:
        moment = datetime.fromisoformat(_text(data))
        if moment.tzinfo is None:  # every time the services keep is aware
            raise WireError("a time without its zone")
        return moment
    if kind is date:
        return date.fromisoformat(_text(data))
    if kind is time:
        return time.fromisoformat(_text(data))
    if kind is timedelta:
        return timedelta(seconds=float(data))
    if kind is Decimal:
        return Decimal(_text(data))
    if kind is bytes:
        return base64.b64decode(_text(data), validate=True)
    raise WireError(f"no decoding for {kind.__name__}")


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _text(data: JSON) -> str:
    if not isinstance(data, str):
        raise WireError("expected a string")
    return data


def _name(kind: Any) -> str:
    return getattr(kind, "__name__", None) or str(kind)


# Errors ------------------------------------------------------------------------------

ERROR_CLASSES: dict[str, type[errors.ConsoleError]] = {
    cls.__name__: cls
    for cls in (
        errors.ConsoleError,
        errors.Forbidden,
        errors.NotFound,
        errors.Refused,
        errors.VerificationRequired,
        errors.StaleData,
        errors.Busy,
        errors.Unavailable,
    )
}


def register_error(cls: type[errors.ConsoleError]) -> type[errors.ConsoleError]:
    ERROR_CLASSES[cls.__name__] = cls
    return cls


for _extra in ("Unauthenticated",):
    if hasattr(errors, _extra):
        register_error(getattr(errors, _extra))


def encode_error(error: errors.ConsoleError) -> JSON:
    return {
        "error": type(error).__name__,
        "code": error.code,
        "params": {k: _tagged(v) for k, v in error.params.items()},
        "reasons": [
            {"code": r.code, "params": {k: _tagged(v) for k, v in r.params.items()}}
            for r in error.reasons
        ],
    }


def decode_error(data: JSON) -> errors.ConsoleError:
    """The error the server raised, as the same class with the same code and parameters."""
    if not isinstance(data, dict) or not isinstance(data.get("code"), str):
        raise WireError("not an error")
    cls = ERROR_CLASSES.get(str(data.get("error")), errors.ConsoleError)
    reasons = tuple(
        errors.Reason(str(r["code"]), {k: _untagged(v) for k, v in dict(r["params"]).items()})
        for r in data.get("reasons") or ()
    )
    params = {k: _untagged(v) for k, v in dict(data.get("params") or {}).items()}
    return cls(data["code"], reasons, **params)


_TAGS: dict[str, type] = {"$datetime": datetime, "$date": date, "$decimal": Decimal}


def _tagged(value: Any) -> JSON:
    if isinstance(value, Enum):
        return _tagged(value.value)
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, list | tuple):
        return [_tagged(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _tagged(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _untagged(value: JSON) -> Any:
    if isinstance(value, dict):
        if len(value) == 1:
            ((tag, text),) = value.items()
            if tag in _TAGS and isinstance(text, str):
                return decode(_TAGS[tag], text)
        return {k: _untagged(v) for k, v in value.items()}
    if isinstance(value, list):
        return tuple(_untagged(v) for v in value)
    return value
