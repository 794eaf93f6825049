"""The extraction benchmark: corpus building and the figures it prints (no timing is asserted)."""

from __future__ import annotations

import io

from django.core.management import call_command

from extractors.benchmark import build_corpus, iter_chunks


def test_build_corpus_repeats_texts_in_order_until_the_target_size():
    corpus = build_corpus(["abc", "de"], 11)
    assert corpus == ["abc", "de", "abc", "de", "abc"]
    assert sum(map(len, corpus)) >= 11


def test_chunks_cut_at_spaces_and_lose_nothing():
    text = "one two three four five six seven"
    chunks = list(iter_chunks(text, 10))
    assert "".join(chunks) == text
    assert all(len(c) <= 10 for c in chunks)


def test_benchmark_extractors_prints_every_contender_and_the_ratio():
    out = io.StringIO()
    call_command("benchmark_extractors", "--mb", "0.05", "--repeat", "1", "--dateparser-kb", "2", stdout=out)
    text = out.getvalue()
    for name in ("baseline: bare-number finditer", "all extractors", "casualties", "troops", "dates", "sanctions"):
        assert name in text
    assert "ratio (a)/(c)" in text
    assert "MB/s" in text and "docs/s" in text
