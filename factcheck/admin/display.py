"""Facts in readable form: one place decides how a value, a kind or a status looks in every admin page.

A reviewer judges hundreds of facts an hour, so ``{"min": 100000, "max": null,
"qualifier": "at_least"}`` is shown as ``≥ 100,000``. Kinds this module does
not know (third-party plugins) fall back to compact JSON rather than failing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString

from factcheck.evidence import css_token

#: Longest JSON shown for a value of an unknown kind before it is cut.
MAX_JSON_CHARS = 160


def _n(number: Any) -> str:
    return f"{int(number):,}"


def format_count(value: Mapping[str, Any]) -> str:
    """``61``, ``≈ 8,000``, ``≥ 100,000``, ``≤ 500``, ``90,000–120,000``, ``≈ 20,000–99,999``."""
    low, high, qualifier = value.get("min"), value.get("max"), value.get("qualifier")
    if low is None and high is None:
        return "?"
    if qualifier == "at_least" or (high is None and qualifier != "at_most"):
        return f"≥ {_n(low)}"
    if qualifier == "at_most" or low is None:
        return f"≤ {_n(high)}"
    figure = _n(low) if low == high else f"{_n(low)}–{_n(high)}"
    return f"≈ {figure}" if qualifier == "approx" else figure


def _casualty(value: Mapping[str, Any]) -> str:
    head = " ".join(part for part in (format_count(value), value.get("category")) if part)
    parts = [head, value.get("who"), "cumulative" if value.get("cumulative") else None]
    return " · ".join(str(part) for part in parts if part)


def _troops(value: Mapping[str, Any]) -> str:
    return " · ".join(str(part) for part in (format_count(value), value.get("actor")) if part)


def _date(value: Mapping[str, Any]) -> str:
    shown = str(value["value"]) if value.get("value") is not None else "unresolved"
    return f"{shown} (relative)" if value.get("relative") else shown


def _sanction(value: Mapping[str, Any]) -> str:
    measure = f"package #{int(value['ordinal'])}" if value.get("ordinal") is not None else "sanctions"
    head = " ".join(str(part) for part in (value.get("issuer"), measure) if part)
    if value.get("target"):
        head += f" → {value['target']}"
    listed = [f"{_n(value[key])} {key}" for key in ("persons", "entities", "listings") if value.get(key) is not None]
    return " · ".join(part for part in (head, ", ".join(listed), value.get("status")) if part)


_FORMATTERS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "casualty": _casualty,
    "troops": _troops,
    "date": _date,
    "sanction": _sanction,
}


def compact_json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return text if len(text) <= MAX_JSON_CHARS else text[: MAX_JSON_CHARS - 1] + "…"


def format_value(kind: str, value: Any) -> str:
    """The normalized ``value`` of a fact of ``kind`` as a reviewer reads it (plain text, not yet escaped)."""
    if value is None:
        return "—"
    formatter = _FORMATTERS.get(kind)
    if formatter is None or not isinstance(value, Mapping):
        return compact_json(value)
    try:
        return formatter(value)
    except (TypeError, ValueError, KeyError):
        # A malformed value is still shown, as it is stored, for the reviewer to reject.
        return compact_json(value)


def kind_chip(kind: str) -> SafeString:
    return format_html('<span class="fc-kind kind-{}">{}</span>', css_token(kind), kind)


def status_badge(status: str) -> SafeString:
    return format_html('<span class="fc-status status-{}">{}</span>', css_token(status), status)
