"""Rebuild a corpus's source groups, claims and claim relations from its facts, deterministically.

A rerun gives the same claims for the same facts: claims are matched to
their rows by key (derived from the founding fact), rows whose key no longer
comes up are deleted, and memberships and relations are rewritten, all in
one transaction per corpus. Claim status is derived from the facts'.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction

from extractors.text import TextLayout
from factcheck.claims import values
from factcheck.claims.clustering import Cluster, Item, cluster
from factcheck.claims.conflicts import CONFLICT, Relation, relate
from factcheck.claims.subjects import Vocabulary
from factcheck.claims.syndication import SyndicationStats, build_source_groups
from factcheck.models import (
    Claim,
    ClaimFact,
    ClaimRelation,
    ClaimRelationKind,
    ClaimStatus,
    Corpus,
    Document,
    DocumentFingerprint,
    Fact,
)


@dataclass
class BuildStats:
    corpus: str
    syndication: SyndicationStats
    facts: int = 0
    claims: int = 0
    created: int = 0
    deleted: int = 0
    conflicts: int = 0
    updates: int = 0
    claim_ids: list[int] = field(default_factory=list)


def derive_status(statuses: Iterable[str]) -> str:
    """Every fact confirmed: confirmed; every fact rejected: rejected; none decided: pending; else mixed."""
    found = set(statuses)
    if not found or found == {"pending"}:
        return ClaimStatus.PENDING
    if len(found) == 1:
        return found.pop()
    return ClaimStatus.MIXED


def load_items(corpus: Corpus) -> tuple[list[Item], Vocabulary]:
    """The corpus's facts as clustering items, and the vocabulary of the sentences of their documents."""
    sources = dict(
        DocumentFingerprint.objects.filter(document__corpus=corpus).values_list("document_id", "group_id")
    )
    facts_by_doc: dict[int, list[Fact]] = {}
    for fact in Fact.objects.filter(document__corpus=corpus).order_by("document_id", "start", "id"):
        facts_by_doc.setdefault(fact.document_id, []).append(fact)
    items = []
    sentences: list[str] = []
    for doc in Document.objects.filter(pk__in=list(facts_by_doc)).only("id", "text", "sha256", "published"):
        layout = TextLayout(doc.text)
        sentences.extend(_sentences(doc.text, layout))
        facts = facts_by_doc[doc.pk]
        bounds = {f.pk: layout.sentence(f.start) for f in facts}
        dates_by_sentence: dict[tuple[int, int], list[str]] = {}
        for f in facts:
            if f.kind == "date" and isinstance(f.value, dict) and f.value.get("value") and f.status != "rejected":
                dates_by_sentence.setdefault(bounds[f.pk], []).append(f.value["value"])
        for f in facts:
            start, end = bounds[f.pk]
            items.append(
                Item(
                    id=f.pk,
                    kind=f.kind,
                    value=f.value if isinstance(f.value, dict) else None,
                    document=doc.pk,
                    document_key=doc.sha256,
                    published=doc.published,
                    # a document not yet fingerprinted is a source of its own
                    source=sources.get(doc.pk, -doc.pk),
                    start=f.start,
                    end=f.end,
                    text=f.text,
                    sentence=doc.text[start:end],
                    sentence_start=start,
                    event_dates=tuple(sorted(set(dates_by_sentence.get((start, end), ())))),
                    status=f.status,
                )
            )
    return items, Vocabulary(sentences)


def _sentences(text: str, layout: TextLayout) -> Iterable[str]:
    pos = 0
    while pos < len(text):
        start, end = layout.sentence(pos)
        if end > start and not layout.is_furniture(start):
            yield text[start:end]
        nxt = max(end, pos + 1)
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        pos = nxt


def _fields(c: Cluster) -> dict[str, object]:
    live = c.live_items
    canonical = c.canonical
    published = sorted(i.published for i in live if i.published)
    return {
        "kind": c.kind,
        "label": values.label(c.kind, canonical.value)[:300],
        "subject": c.block.label[:300],
        "value": dict(canonical.value) if canonical.value is not None else None,
        "why": c.why(),
        "facts_count": len(c.items),
        "documents_count": len({i.document for i in live}),
        "sources_count": len({i.source for i in live}),
        "status": derive_status(i.status for i in c.items),
        "first_published": published[0] if published else None,
        "last_published": published[-1] if published else None,
        "has_conflict": False,
        "has_update": False,
    }


def build_claims(corpus: Corpus, full: bool = False) -> BuildStats:
    """Group the corpus's near-duplicate documents, then rebuild its claims; ``full`` recomputes every fingerprint."""
    syndication = build_source_groups(corpus, full=full)
    items, vocabulary = load_items(corpus)
    clusters = cluster(items, vocabulary)
    relations = relate(clusters, vocabulary)
    stats = BuildStats(corpus=corpus.name, syndication=syndication, facts=len(items), claims=len(clusters))
    with transaction.atomic():
        rows = {c.key: c for c in Claim.objects.select_for_update().filter(corpus=corpus)}
        previous = dict(ClaimFact.objects.filter(claim__corpus=corpus).values_list("fact_id", "claim__key"))
        ClaimRelation.objects.filter(claim__corpus=corpus).delete()
        ClaimFact.objects.filter(claim__corpus=corpus).delete()
        saved: dict[int, Claim] = {}
        memberships = []
        for c in clusters:
            row = rows.pop(c.key, None) or _inherit(c, rows, previous)
            fields = _fields(c)
            if row is None:
                row = Claim.objects.create(corpus=corpus, key=c.key, **fields)
                stats.created += 1
            else:
                row.key = c.key
                for name, value in fields.items():
                    setattr(row, name, value)
                row.save()
            saved[id(c)] = row
            links = {f: {"matched": m, **e} for f, m, e in c.links}
            memberships.extend(ClaimFact(claim=row, fact_id=i.id, why=links.get(i.id, {})) for i in c.items)
        ClaimFact.objects.bulk_create(memberships)
        stats.deleted = len(rows)
        Claim.objects.filter(pk__in=[r.pk for r in rows.values()]).delete()
        _save_relations(relations, saved, stats)
    stats.claim_ids = [saved[id(c)].pk for c in clusters]
    return stats


def _inherit(c: Cluster, rows: dict[str, Claim], previous: dict[int, str]) -> Claim | None:
    """The unclaimed row that held most of this cluster's facts: a claim whose founding fact changed (a new,
    earlier report) keeps its id and its review history."""
    votes: dict[str, int] = {}
    for item in c.items:
        key = previous.get(item.id)
        if key in rows:
            votes[key] = votes.get(key, 0) + 1
    if not votes:
        return None
    best = min(votes, key=lambda k: (-votes[k], rows[k].pk))
    return rows.pop(best)


def _save_relations(relations: list[Relation], saved: dict[int, Claim], stats: BuildStats) -> None:
    rows = []
    flagged_conflict, flagged_update = set(), set()
    for r in relations:
        a, b = saved[id(r.a)], saved[id(r.b)]
        if r.relation == CONFLICT:
            stats.conflicts += 1
            rows += [
                ClaimRelation(claim=a, other=b, relation=ClaimRelationKind.CONFLICT, why=r.why),
                ClaimRelation(claim=b, other=a, relation=ClaimRelationKind.CONFLICT, why=r.why),
            ]
            flagged_conflict |= {a.pk, b.pk}
        else:
            stats.updates += 1
            rows += [
                ClaimRelation(claim=a, other=b, relation=ClaimRelationKind.SUPERSEDES, why=r.why),
                ClaimRelation(claim=b, other=a, relation=ClaimRelationKind.SUPERSEDED_BY, why=r.why),
            ]
            flagged_update |= {a.pk, b.pk}
    ClaimRelation.objects.bulk_create(rows)
    Claim.objects.filter(pk__in=flagged_conflict).update(has_conflict=True)
    Claim.objects.filter(pk__in=flagged_update).update(has_update=True)


def refresh_status(claim: Claim) -> str:
    """Re-derive a claim's status from its facts after a decision."""
    claim.status = derive_status(claim.facts.values_list("status", flat=True))
    claim.save(update_fields=["status"])
    return claim.status
