"""Celery tasks: a worker on any machine extracts a batch of documents by id.

A task carries ids, not texts, so messages stay small and the worker reads
the current documents from the shared database. Results are plain JSON, the
fields of :class:`ExtractionStats`.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from celery import shared_task
from celery.signals import worker_process_init

from factcheck.extraction import ExtractionStats
from factcheck.parallel import extract_ids, write_transactions_wait_their_turn
from factcheck.registry import configured_registry


def stats_to_json(stats: ExtractionStats) -> dict[str, Any]:
    return asdict(stats)


def stats_from_json(data: dict[str, Any]) -> ExtractionStats:
    return ExtractionStats(
        documents=data["documents"],
        created=data["created"],
        replaced=data["replaced"],
        unchanged=data["unchanged"],
        errors=[(int(doc), str(name), str(reason)) for doc, name, reason in data["errors"]],
    )


@worker_process_init.connect
def _prepare_worker_process(**kwargs: Any) -> None:
    write_transactions_wait_their_turn()


@shared_task(name="factcheck.extract_batch")
def extract_batch(document_ids: list[int], extractors: list[str] | None = None) -> dict[str, Any]:
    """Run ``extractors`` (every configured one when None) over the documents; the worker's own plugins serve.

    A name the worker has not installed fails the task, so a mismatched
    deployment is reported instead of silently extracting less.
    """
    registry = configured_registry().select(extractors)
    return stats_to_json(extract_ids(document_ids, registry))
