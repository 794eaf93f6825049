"""Whether two normalized values agree, what a group of agreeing values says, and when a later one updates.

A value is turned into a *state* that can be intersected with another: a
count becomes the interval of people it allows (``more than 100,000`` is
[100000, ∞), ``about 8,000`` is 8,000 ± 10 %), a date the ISO prefix it
names (dates agree only when equal: see ``join``), a sanction the keys it states.
Two values agree when their states intersect; a claim's state is the
intersection of its facts' states.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

COUNT_KINDS = frozenset({"casualty", "troops"})
#: ``about 8,000`` allows 7,200-8,800.
APPROX_TOLERANCE = 0.10
SANCTION_KEYS = ("ordinal", "persons", "entities", "listings", "status")
#: A sanction's status moves forward in this order; a later report further along is an update.
SANCTION_STAGES = {"threatened": 0, "proposed": 1, "adopted": 2, "lifted": 3}

INF = float("inf")


def state_of(kind: str, value: Mapping[str, Any] | None) -> Any:
    """The comparable form of ``value``, or None when it cannot be compared (it then stands alone)."""
    if value is None:
        return None
    if kind in COUNT_KINDS:
        return _interval(value)
    if kind == "date":
        iso = value.get("value")
        return iso if isinstance(iso, str) and iso else None
    if kind == "sanction":
        return tuple((k, value.get(k)) for k in SANCTION_KEYS)
    return json.dumps(value, sort_keys=True, default=str)


def _interval(value: Mapping[str, Any]) -> tuple[float, float] | None:
    lo, hi, q = value.get("min"), value.get("max"), value.get("qualifier")
    if lo is None and hi is None:
        return None
    if q == "approx" and lo is not None and (hi is None or hi == lo):
        return (lo * (1 - APPROX_TOLERANCE), lo * (1 + APPROX_TOLERANCE))
    if q == "at_least" or hi is None:
        return (float(lo), INF)
    if q == "at_most" or lo is None:
        return (0.0, float(hi))
    return (float(lo), float(hi))


def join(kind: str, a: Any, b: Any) -> Any:
    """The state both ``a`` and ``b`` allow, or None when they disagree."""
    if a is None or b is None:
        return None
    if kind in COUNT_KINDS:
        lo, hi = max(a[0], b[0]), min(a[1], b[1])
        return (lo, hi) if lo <= hi else None
    if kind == "date":
        # a month and a day inside it are not merged: `at the beginning of December` (seed 004) and
        # `Thursday (December 2nd)` date two different events, and the month cannot say which day it meant
        return a if a == b else None
    if kind == "sanction":
        merged = []
        for (key, x), (_, y) in zip(a, b):
            if x is not None and y is not None and x != y:
                return None
            merged.append((key, x if x is not None else y))
        return tuple(merged)
    return a if a == b else None


def specificity(kind: str, value: Mapping[str, Any] | None) -> tuple[float, ...]:
    """Smaller is more specific: the claim shows its most specific fact's value as canonical."""
    state = state_of(kind, value)
    if state is None:
        return (INF,)
    if kind in COUNT_KINDS:
        return (state[1] - state[0],)
    if kind == "date":
        return (-len(state),)
    if kind == "sanction":
        return (-sum(1 for _, v in state if v is not None),)
    return (0.0,)


def anchor(kind: str, value: Mapping[str, Any] | None) -> float | None:
    """The figure a count states (``more than 100,000`` states 100000): a fact that fits two claims joins the
    one whose own figure is closest."""
    if kind not in COUNT_KINDS or not value:
        return None
    figure = value.get("min") if value.get("min") is not None else value.get("max")
    return float(figure) if figure is not None else None


def supersedes(kind: str, earlier: Any, later: Any, cumulative: bool) -> bool:
    """A later report that moves a running total up, or a sanction further along, updates the earlier one."""
    if earlier is None or later is None:
        return False
    if kind in COUNT_KINDS:
        return cumulative and earlier[1] != INF and later[0] > earlier[1]
    if kind == "sanction":
        before, after = dict(earlier), dict(later)
        stage_a, stage_b = SANCTION_STAGES.get(before.pop("status") or ""), SANCTION_STAGES.get(after.pop("status") or "")
        if stage_a is None or stage_b is None or stage_b <= stage_a:
            return False
        return join(kind, tuple(before.items()), tuple(after.items())) is not None
    return False


def describe_state(kind: str, state: Any) -> Any:
    """JSON-ready form of a state for a claim's ``why``."""
    if kind in COUNT_KINDS and state is not None:
        return {"min": _num(state[0]), "max": None if state[1] == INF else _num(state[1])}
    if kind == "sanction" and state is not None:
        return dict(state)
    return state


def _num(x: float) -> int | float:
    return int(x) if float(x).is_integer() else round(x, 1)


def label(kind: str, value: Mapping[str, Any] | None) -> str:
    """The canonical value in words: ``61 Ukrainian soldiers killed (running total)``, ``2021-12-02``."""
    v = value or {}
    if kind in COUNT_KINDS:
        lo, hi, q = v.get("min"), v.get("max"), v.get("qualifier")
        figure = {
            "at_least": f"at least {lo:,}" if lo is not None else "?",
            "at_most": f"at most {hi:,}" if hi is not None else "?",
            "range": f"{lo:,}-{hi:,}" if lo is not None and hi is not None else "?",
            "approx": (f"about {lo:,}" if lo == hi or hi is None else f"{lo:,}-{hi:,}") if lo is not None else "?",
        }.get(q or "", f"{lo:,}" if lo is not None else "?")
        if kind == "troops":
            return f"{figure} {v.get('actor') + ' ' if v.get('actor') else ''}troops"
        words = [figure, v.get("who") or "", v.get("category") or ""]
        text = " ".join(w for w in words if w)
        return text + (" (running total)" if v.get("cumulative") else "")
    if kind == "date":
        return str(v.get("value") or "unresolved date")
    if kind == "sanction":
        parts = [v.get("issuer") or "?", "sanctions on", v.get("target") or "?"]
        if v.get("ordinal"):
            parts.insert(1, f"package {v['ordinal']}:")
        extra = ", ".join(f"{v[k]} {k}" for k in ("persons", "entities", "listings") if v.get(k) is not None)
        return " ".join(parts) + (f" ({extra})" if extra else "") + (f", {v['status']}" if v.get("status") else "")
    return json.dumps(v, sort_keys=True, default=str)[:300]
