"""`extract --workers N`: N processes on one machine write exactly the facts one process writes."""

from __future__ import annotations

import os

import pytest

from extractors.registry import Registry
from factcheck.models import Document
from factcheck.parallel import extract_parallel, pk_ranges
from tests.factories import DocumentFactory


def test_two_workers_write_the_same_facts_as_one_process(scale_db, corpus_file, baseline, tmp_path):
    one_output, one_facts = baseline
    scale_db.manage("load_corpus", corpus_file, "--corpus", "two-workers", "--no-progress")
    pids = tmp_path / "pids"
    pids.mkdir()
    out = scale_db.manage("extract", "--corpus", "two-workers", "--workers", "2", "--batch-size", "10",
                          "--no-progress", SCALE_PID_DIR=str(pids)).stdout
    assert out == one_output
    assert scale_db.facts("two-workers") == one_facts
    assert len(os.listdir(pids)) == 2, "both worker processes should have extracted documents"


def test_rerunning_with_workers_adds_nothing(scale_db, baseline):
    out = scale_db.manage("extract", "--corpus", "one-process", "--workers", "2", "--no-progress").stdout
    assert " 0 facts created" in out
    assert scale_db.facts("one-process") == baseline[1]


@pytest.mark.django_db
def test_workers_refuse_a_database_other_processes_cannot_see():
    DocumentFactory()
    with pytest.raises(RuntimeError, match="transaction|in-memory"):
        extract_parallel(Document.objects.all(), Registry(), workers=2)


@pytest.mark.django_db
def test_documents_are_split_into_ranges_of_at_most_the_chunk_size():
    docs = [DocumentFactory() for _ in range(7)]
    ranges = list(pk_ranges(Document.objects.all(), 3))
    pks = [d.pk for d in docs]
    assert ranges == [(pks[0], pks[2]), (pks[3], pks[5]), (pks[6], pks[6])]
    assert list(pk_ranges(Document.objects.none(), 3)) == []
