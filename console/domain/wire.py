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
from collections.abc import Mapping
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
    if isinstance(value, Enum):  # before str and int: a StrEnum is a str
        return encode(value.value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, CardEntry):
        return {
            "number": value.number(),
            "exp_month": value.exp_month,
            "exp_year": value.exp_year,
            "cvv": value.cvv(),
        }
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [encode(v) for v in value]
    raise TypeError(f"cannot send a {type(value).__name__} across the wire")


def decode(kind: Any, data: JSON) -> Any:
    """``data`` (from ``encode``) rebuilt as ``kind``; ``WireError`` when it does not fit."""
    try:
        return _decode(kind, data)
    except WireError:
        raise
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise WireError(f"{_name(kind)}: {exc}") from exc


def _decode(kind: Any, data: JSON) -> Any:
    if kind is Any or kind is object:
        return data
    if kind is None or kind is type(None):
        if data is not None:
            raise WireError("expected null")
        return None
    origin = typing.get_origin(kind)
    if origin is Union or origin is types.UnionType:
        options = typing.get_args(kind)
        if data is None and type(None) in options:
            return None
        last: Exception | None = None
        for option in options:
            if option is type(None):
                continue
            try:
                return _decode(option, data)
            except (WireError, TypeError, ValueError, KeyError) as exc:
                last = exc
        raise WireError(f"{data!r} fits none of {_name(kind)}") from last
    if origin is typing.Literal:
        if data not in typing.get_args(kind):
            raise WireError(f"{data!r} is not one of {typing.get_args(kind)}")
        return data
    if origin in (tuple, list, set, frozenset) or kind in (tuple, list):
        if not isinstance(data, list):
            raise WireError(f"expected a list for {_name(kind)}")
        args = typing.get_args(kind)
        if origin is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
            if len(args) != len(data):
                raise WireError(f"expected {len(args)} items")
            return tuple(_decode(a, v) for a, v in zip(args, data, strict=True))
        item = args[0] if args else Any
        items = [_decode(item, v) for v in data]
        container = origin or kind
        return container(items) if container is not list else items
    if origin in (dict, Mapping) or origin is typing.get_origin(Mapping[str, Any]) or kind is dict:
        if not isinstance(data, dict):
            raise WireError(f"expected an object for {_name(kind)}")
        key_kind, value_kind = typing.get_args(kind) or (str, Any)
        return {_decode(key_kind, k): _decode(value_kind, v) for k, v in data.items()}
    if isinstance(kind, type):
        return _decode_class(kind, data)
    raise WireError(f"no decoding for {_name(kind)}")


def _decode_class(kind: type, data: JSON) -> Any:
    if issubclass(kind, Enum):
        return kind(data)
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
    if kind is CardEntry:
        if not isinstance(data, dict):
            raise WireError("expected a card")
        return CardEntry(
            _decode(str, data["number"]),
            _decode(int, data["exp_month"]),
            _decode(int, data["exp_year"]),
            _decode(str, data["cvv"]),
        )
    if dataclasses.is_dataclass(kind):
        if not isinstance(data, dict):
            raise WireError(f"expected an object for {kind.__name__}")
        hints = _hints(kind)
        known = {f.name for f in dataclasses.fields(kind) if f.init}
        unknown = set(data) - known
        if unknown:  # a field the type does not have is a mistake, or an attempt
            raise WireError(f"{kind.__name__} has no {sorted(unknown)}")
        values = {}
        for f in dataclasses.fields(kind):
            if not f.init:
                continue
            if f.name in data:
                values[f.name] = _decode(hints[f.name], data[f.name])
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise WireError(f"{kind.__name__}.{f.name} is missing")
        return kind(**values)
    raise WireError(f"no decoding for {kind.__name__}")


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
                return _decode(_TAGS[tag], text)
        return {k: _untagged(v) for k, v in value.items()}
    if isinstance(value, list):
        return tuple(_untagged(v) for v in value)
    return value
