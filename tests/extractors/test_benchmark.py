"""The extraction benchmark: corpus building and the figures it prints (no timing is asserted)."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from extractors.benchmark import Source, build_corpus, iter_chunks, read_source, time_baseline


def test_build_corpus_repeats_texts_in_turn_until_the_target_size_keeping_sources_apart():
    corpus = build_corpus([Source("a", ("abc",)), Source("b", ("de",))], 11)
    assert corpus == {"a": ["abc", "abc", "abc"], "b": ["de", "de"]}
    assert sum(len(t) for docs in corpus.values() for t in docs) >= 11


def test_a_source_too_small_to_be_reached_is_left_out():
    assert build_corpus([Source("a", ("abcdef",)), Source("b", ("x",))], 3) == {"a": ["abcdef"]}


def test_build_corpus_refuses_nothing():
    with pytest.raises(ValueError, match="no texts"):
        build_corpus([], 10)


def test_baseline_counts_bare_numbers_per_source():
    timed = time_baseline({"a": ["1 and 2,000", "none"], "b": ["3.5"]})
    assert timed.found == {"a": 2, "b": 1}
    assert set(timed.seconds) == {"a", "b"}


def test_read_source_takes_a_folder_a_text_file_and_jsonl(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "1.txt").write_text("one", encoding="utf-8")
    (tmp_path / "docs" / "2.txt").write_text("two", encoding="utf-8")
    (tmp_path / "rows.jsonl").write_text(json.dumps({"text": "three"}) + "\n\n", encoding="utf-8")
    assert read_source(tmp_path / "docs") == Source("docs", ("one", "two"))
    assert read_source(tmp_path / "docs" / "1.txt") == Source("1.txt", ("one",))
    assert read_source(tmp_path / "rows.jsonl") == Source("rows.jsonl", ("three",))


def test_chunks_cut_at_spaces_and_lose_nothing():
    text = "one two three four five six seven"
    chunks = list(iter_chunks(text, 10))
    assert "".join(chunks) == text
    assert all(len(c) <= 10 for c in chunks)


def test_benchmark_extractors_prints_every_contender_the_sources_and_the_ratio():
    out = io.StringIO()
    # one pass over every fixture text, however the fixtures grow, so every source is in the table
    from factcheck.management.commands.benchmark_extractors import fixture_sources

    mb = sum(len(t) for s in fixture_sources() for t in s.texts) / 1e6 + 0.01
    call_command("benchmark_extractors", "--mb", f"{mb:.3f}", "--repeat", "1", "--dateparser-kb", "2", stdout=out)
    text = out.getvalue()
    for name in ("baseline: bare-number finditer", "all extractors", "casualties", "troops", "dates", "sanctions"):
        assert name in text
    assert "ratio (a)/(c)" in text
    assert "MB/s" in text and "docs/s" in text
    assert "slice built like the corpus" in text and "dates extractor alone is" in text
    sources = text.split("by source (same runs):")[1]
    for label in ("seeds", "dev.jsonl", "independent.jsonl", "sanctions.jsonl"):
        assert f"\n  {label} " in sources
    assert "seeds.jsonl" not in sources  # the seed articles are counted once


def test_benchmark_extractors_on_a_corpus_of_ones_own(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"text": "Five soldiers were killed on Monday."}) + "\n", encoding="utf-8")
    out = io.StringIO()
    call_command("benchmark_extractors", "--corpus", str(path), "--mb", "0.01", "--repeat", "1",
                 "--dateparser-kb", "1", stdout=out)
    text = out.getvalue()
    assert "corpus: 278 documents" in text  # 36 characters a document, repeated to 10 KB
    assert "by source" not in text  # one source: the totals are its figures


def test_benchmark_extractors_names_a_bad_corpus_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "fine"}\n{oops\n', encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad.jsonl:2"):
        call_command("benchmark_extractors", "--corpus", str(path), "--mb", "0.01", stdout=io.StringIO())
