"""Run extractors over stored documents and turn extractions into facts.

Rules that keep reviewers' work safe:
- a rerun of the same extractor version adds nothing twice;
- a new extractor version replaces that extractor's *pending* facts;
- a reviewed fact is never edited or deleted, and no new fact is added on
  top of it at the same span;
- one document's facts are written all-or-nothing, and an extractor that
  fails on a document (timeout, crash, bad span) leaves its earlier facts on
  that document as they were.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction

from extractors.base import Context
from extractors.registry import Registry
from extractors.runner import run
from factcheck.models import Document, Fact, FactStatus

log = logging.getLogger(__name__)


@dataclass
class ExtractionStats:
    documents: int = 0
    created: int = 0
    replaced: int = 0
    unchanged: int = 0
    #: (document id, extractor name, reason) for each extractor that produced nothing on a document.
    errors: list[tuple[int, str, str]] = field(default_factory=list)

    def add(self, other: ExtractionStats) -> None:
        self.documents += other.documents
        self.created += other.created
        self.replaced += other.replaced
        self.unchanged += other.unchanged
        self.errors.extend(other.errors)


def extract_document(document: Document, registry: Registry) -> ExtractionStats:
    stats = ExtractionStats(documents=1)
    result = run(document.text, Context(published=document.published), registry)
    for name, reason in result.errors.items():
        log.warning("extractor %s failed on document %s: %s", name, document.pk, reason)
        stats.errors.append((document.pk, name, reason))
    by_extractor: dict[str, list] = {ex.name: [] for ex in registry if ex.name not in result.errors}
    for ex, extraction in result.extractions:
        by_extractor[ex.name].append(extraction)

    with transaction.atomic():
        for extractor in registry:
            if extractor.name not in by_extractor:
                continue
            existing = Fact.objects.filter(document=document, extractor=extractor.name)
            stale = existing.filter(status=FactStatus.PENDING).exclude(extractor_version=extractor.version)
            stats.replaced += stale.count()
            stale.delete()
            taken = set(existing.values_list("kind", "start", "end"))
            new = []
            for e in by_extractor[extractor.name]:
                key = (e.kind, e.start, e.end)
                if key in taken:
                    stats.unchanged += 1
                    continue
                taken.add(key)
                new.append(
                    Fact(
                        document=document,
                        kind=e.kind,
                        start=e.start,
                        end=e.end,
                        text=e.text,
                        value=dict(e.value) if e.value is not None else None,
                        extractor=extractor.name,
                        extractor_version=extractor.version,
                        rule=e.rule[:100],
                    )
                )
            Fact.objects.bulk_create(new)
            stats.created += len(new)
    return stats


def extract_documents(documents: Iterable[Document], registry: Registry) -> ExtractionStats:
    total = ExtractionStats()
    for document in documents:
        total.add(extract_document(document, registry))
    return total
