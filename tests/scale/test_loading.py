"""Loading streams: memory stays flat whatever the corpus size, and a killed load reruns to exactly once."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
import tracemalloc

import pytest

from factcheck.benchmarking import generate_documents, write_corpus
from factcheck.loading import load_paths
from tests.scale.conftest import ROOT, stop


def peak_while_loading(path, corpus: str) -> int:
    """The most memory Python held at once while loading ``path``."""
    tracemalloc.start()
    try:
        stats = load_paths([path], corpus, batch_size=100)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert stats.loaded and not stats.rejected
    return peak


@pytest.mark.django_db
def test_loading_memory_stays_flat_as_the_corpus_grows(tmp_path):
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    write_corpus(small, 500, seed=1)
    large_bytes = write_corpus(large, 4000, seed=2)
    small_peak = peak_while_loading(small, "small")
    large_peak = peak_while_loading(large, "large")
    # Eight times the documents, about the same peak: a batch at a time, never the whole file.
    assert large_peak < 1.5 * small_peak, (small_peak, large_peak)
    assert large_peak < large_bytes / 4, (large_peak, large_bytes)


def open_fifo_writer(path, deadline: float) -> int:
    """Open a FIFO for writing once the reader has opened it, without hanging if it never does."""
    while True:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            os.set_blocking(fd, True)
            return fd
        except OSError as exc:
            if exc.errno != errno.ENXIO or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def wait_for(predicate, deadline: float, what: str) -> None:
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_a_load_killed_mid_way_reruns_to_every_document_exactly_once(scale_db, tmp_path):
    """The loader reads a pipe we feed: 600 records are committed, 50 more are in flight when it is SIGKILLed."""
    records = [json.dumps(r) + "\n" for r in generate_documents(1000, seed=3)]
    full = tmp_path / "corpus.jsonl"
    full.write_text("".join(records))
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    count = ("SELECT count(*) FROM factcheck_document d JOIN factcheck_corpus c ON c.id = d.corpus_id "
             "WHERE c.name = 'interrupted'")
    deadline = time.monotonic() + 60
    proc = subprocess.Popen(
        [sys.executable, "manage.py", "load_corpus", str(fifo), "--corpus", "interrupted", "--batch-size", "100",
         "--no-progress"],
        cwd=ROOT, env=scale_db.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        fd = open_fifo_writer(fifo, deadline)
        with os.fdopen(fd, "w") as pipe:
            pipe.write("".join(records[:600]))
            pipe.flush()
            wait_for(lambda: scale_db.count(count) == 600, deadline, "six batches to be committed")
            pipe.write("".join(records[600:650]))
            pipe.flush()
            time.sleep(0.3)
            proc.kill()
            proc.wait(10)
    except BrokenPipeError:
        pass
    finally:
        stop(proc)
    assert proc.returncode == -9
    assert scale_db.count(count) == 600

    rerun = scale_db.manage("load_corpus", full, "--corpus", "interrupted", "--batch-size", "100", "--no-progress")
    assert "400 loaded, 600 duplicate, 0 rejected" in rerun.stdout
    assert scale_db.count(count) == 1000
    distinct = count.replace("count(*)", "count(DISTINCT d.sha256)")
    assert scale_db.count(distinct) == 1000
