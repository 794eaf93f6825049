"""Claims on one subject whose values disagree: a conflict, or a later running total that updates an earlier one.

Two claims are related when some fact of one and some fact of the other,
from different documents, pass the same subject test that groups facts into
a claim, and the claims' values do not intersect. If every fact of one claim
was published before every fact of the other, and the later one moves a
running total up (``61 killed since the start of the year`` after ``60``) or
a sanction further along (threatened, proposed, adopted), the later claim
supersedes the earlier; otherwise they conflict. Claims a reviewer rejected
in full take no part.

Dates never conflict: a date's value does not say which event it dates, and
on the seeds every pair of different dates in related sentences (``since
November`` and ``since September``, Thursday's talks and the 12 January
meeting) turned out to date two events, not one event twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factcheck.claims import values
from factcheck.claims.clustering import Cluster, Item, same_subject
from factcheck.claims.subjects import Vocabulary

CONFLICT, SUPERSEDES = "conflict", "supersedes"
NEVER_CONFLICT = frozenset({"date"})


@dataclass(frozen=True)
class Relation:
    #: For ``supersedes``, ``a`` is the later claim.
    a: Cluster
    b: Cluster
    relation: str
    why: dict[str, Any]


def _span(c: Cluster) -> tuple[str, str] | None:
    dates = [i.published.isoformat() for i in c.live_items if i.published]
    return (min(dates), max(dates)) if dates else None


def _evidence(a: Cluster, b: Cluster, vocabulary: Vocabulary | None) -> tuple[Item, Item, dict[str, Any]] | None:
    for x in a.live_items:
        for y in b.live_items:
            if x.document == y.document:
                continue  # a document that gives two figures usually means two things
            found = same_subject(x, y, a.block, vocabulary)
            if found is not None:
                return x, y, found
    return None


def relate(clusters: list[Cluster], vocabulary: Vocabulary | None = None) -> list[Relation]:
    by_block: dict[tuple[Any, ...], list[Cluster]] = {}
    for c in clusters:
        if not c.rejected:
            by_block.setdefault(c.block.key, []).append(c)
    out = []
    for group in by_block.values():
        if group[0].kind in NEVER_CONFLICT:
            continue
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if values.join(a.kind, a.state, b.state) is not None:
                    continue
                found = _evidence(a, b, vocabulary)
                if found is None:
                    continue
                x, y, evidence = found
                why = {
                    "facts": [x.id, y.id],
                    "values": [values.describe_state(a.kind, a.state), values.describe_state(b.kind, b.state)],
                    **evidence,
                }
                out.append(_classify(a, b, why))
    return out


def _classify(a: Cluster, b: Cluster, why: dict[str, Any]) -> Relation:
    span_a, span_b = _span(a), _span(b)
    cumulative = bool((a.canonical.value or {}).get("cumulative"))
    if span_a and span_b:
        for earlier, later, se, sl in ((a, b, span_a, span_b), (b, a, span_b, span_a)):
            if sl[0] > se[1] and values.supersedes(a.kind, earlier.state, later.state, cumulative):
                why = {**why, "rule": "published later and moves a running total up (or a measure further along)",
                       "published": [se[1], sl[0]]}
                return Relation(later, earlier, SUPERSEDES, why)
    return Relation(a, b, CONFLICT, {**why, "rule": "same subject, values that cannot both be true"})
