"""`manage.py benchmark` runs every stage on the real database, reports it, and leaves nothing behind."""

from __future__ import annotations

import re

from factcheck.benchmarking import fixture_sentences, generate_documents

STAGES = ["generate JSONL", "load", "extract, 1 process", "extract, 2 processes", "export JSONL"]


def test_the_generated_corpus_is_deterministic_unique_and_made_of_fixture_sentences():
    first = list(generate_documents(50, seed=5))
    assert first == list(generate_documents(50, seed=5))
    assert len({d["text"] for d in first}) == 50
    sentences = set(fixture_sentences())
    body = first[0]["text"].split(" - ", 1)[1]
    assert any(s in body for s in sentences)


def test_benchmark_times_every_stage_and_the_list_queries(scale_db):
    run = scale_db.manage("benchmark", "--docs", "80", "--workers", "2", "--facts-for-queries", "4000", timeout=120)
    out = run.stdout
    vendor = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[scale_db.vendor]
    assert out.startswith(f"database: {vendor} ")
    for stage in STAGES:
        row = re.search(rf"^\| {re.escape(stage)} +\|(.*)$", out, re.M)
        assert row, f"no row for {stage}:\n{out}"
    extract_rows = re.findall(r"^\| extract, \d process(?:es)? +\| [\d.]+ +\| 80 +\| [\d,]+ +\| [\d.]+ +\| ([\d,]+) ", out,
                              re.M)
    assert len(extract_rows) == 2 and extract_rows[0] == extract_rows[1], out
    assert "fact-list queries over" in out
    assert re.search(r"^\| API GET /api/facts/\?kind=casualty&status=pending +\| [\d.]+ ", out, re.M), out
    leftovers = scale_db.count("SELECT count(*) FROM factcheck_corpus WHERE name LIKE 'benchmark-%'")
    assert leftovers == 0
    assert scale_db.count("SELECT count(*) FROM factcheck_fact WHERE extractor = 'benchmark-synthetic'") == 0
