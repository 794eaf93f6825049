"""Extraction over many processes on one machine, and the batch step Celery workers share with it.

The parent splits the documents into primary-key ranges *before* it forks,
then closes its database connections and never touches the database while
the pool runs: a forked child must never reuse a connection it inherited, and
a pool that replaces a dead worker forks again at any moment. Each child opens
its own connection and runs :func:`extract_document` (atomic per document), so
N workers write exactly the facts one process would.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator

from django.db import OperationalError, connection, connections
from django.db.models import QuerySet

from extractors import patterns
from extractors.registry import Registry
from factcheck.extraction import ExtractionStats, extract_document
from factcheck.models import Document

log = logging.getLogger(__name__)

#: SQLite lets one writer in at a time; a document's transaction that still loses the race is retried.
LOCK_RETRIES = 8

PkRange = tuple[int, int]


def extract_with_retry(document: Document, registry: Registry) -> ExtractionStats:
    """``extract_document``, retried when SQLite reports the database locked by another writer.

    In WAL mode a transaction that read before another process committed
    cannot upgrade to a write and fails at once instead of waiting; as the
    document's facts are written all-or-nothing, running it again is safe.
    """
    for attempt in range(LOCK_RETRIES):
        try:
            return extract_document(document, registry)
        except OperationalError as exc:
            if "locked" not in str(exc) or attempt == LOCK_RETRIES - 1:
                raise
            log.info("document %s: database locked, retrying (%s)", document.pk, attempt + 1)
            time.sleep(0.02 * 2**attempt)
    raise AssertionError("unreachable")


def extract_ids(document_ids: Iterable[int], registry: Registry) -> ExtractionStats:
    """Extract the given documents (those still stored), in primary-key order: one Celery batch."""
    total = ExtractionStats()
    for document in Document.objects.filter(pk__in=list(document_ids)).order_by("pk"):
        total.add(extract_with_retry(document, registry))
    return total


def pk_ranges(documents: QuerySet[Document], size: int) -> Iterator[PkRange]:
    """Inclusive (first, last) primary keys of consecutive runs of ``size`` documents of ``documents``."""
    first = last = None
    count = 0
    for pk in documents.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=10_000):
        if first is None:
            first = pk
        last = pk
        count += 1
        if count == size:
            yield first, last
            first, count = None, 0
    if first is not None and last is not None:
        yield first, last


# Set in each child by the pool initializer; with the fork start method nothing here is pickled.
_documents: QuerySet[Document] | None = None
_registry: Registry | None = None


def write_transactions_wait_their_turn() -> None:
    """On SQLite, make this process's transactions ``BEGIN IMMEDIATE``: take the write lock first, waiting for it.

    A deferred transaction reads, then fails at once when it tries to write
    after another process has committed; with several writers that happens
    on most documents. Called in a fresh worker process, before it connects.
    """
    if connection.vendor == "sqlite":
        options = connection.settings_dict.setdefault("OPTIONS", {})
        if not options.get("transaction_mode"):
            options["transaction_mode"] = "IMMEDIATE"
            connection.close()


def _init_worker(documents: QuerySet[Document], registry: Registry) -> None:
    global _documents, _registry
    _documents, _registry = documents, registry
    write_transactions_wait_their_turn()


def _extract_range(bounds: PkRange) -> ExtractionStats:
    assert _documents is not None and _registry is not None
    total = ExtractionStats()
    for document in _documents.filter(pk__gte=bounds[0], pk__lte=bounds[1]).order_by("pk"):
        total.add(extract_with_retry(document, _registry))
    return total


def check_shareable_database() -> None:
    """Refuse to fork when the children could not see the parent's data."""
    if connection.in_atomic_block:
        raise RuntimeError("parallel extraction cannot run inside a transaction: other processes would not see it")
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        raise RuntimeError(
            "parallel extraction needs a database other processes can open; an in-memory SQLite database is private "
            "to this process (use a file or PostgreSQL)"
        )


def extract_parallel(
    documents: QuerySet[Document],
    registry: Registry,
    workers: int,
    chunk_size: int = 50,
    on_progress: Callable[[int], None] | None = None,
) -> ExtractionStats:
    """Extract ``documents`` with ``workers`` processes; ``on_progress`` gets each finished chunk's size."""
    total = ExtractionStats()
    if workers <= 1:
        for document in documents.order_by("pk").iterator(chunk_size=200):
            total.add(extract_with_retry(document, registry))
            if on_progress:
                on_progress(1)
        return total
    check_shareable_database()
    ranges = list(pk_ranges(documents, chunk_size))
    connections.close_all()  # before forking: children open their own
    patterns.compile_all()  # once here, shared by every child, instead of once in each
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_init_worker, initargs=(documents, registry)) as pool:
        for stats in pool.imap_unordered(_extract_range, ranges):
            total.add(stats)
            if on_progress:
                on_progress(stats.documents)
    return total
