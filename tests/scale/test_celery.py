"""A real `celery -A project worker` process, a real Redis broker, the real database: `extract --celery` end to end."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest

from tests.scale.conftest import ROOT, stop


@pytest.fixture
def broker_url() -> str:
    url = os.environ.get("CELERY_BROKER_URL")
    if not url:
        reason = "CELERY_BROKER_URL is not set: run under scripts/with-services.sh, which starts Redis"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI must test a real Celery worker")
        pytest.skip(reason)
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        pytest.fail(f"CELERY_BROKER_URL={url} is set but the broker does not answer: {exc}")
    return url


@pytest.fixture
def worker(scale_db, broker_url, tmp_path):
    """One prefork worker (concurrency 1) on a queue of its own, stopped with everything it forked."""
    queue = f"factcheck-test-{uuid.uuid4().hex[:8]}"
    pids = tmp_path / "pids"
    pids.mkdir()
    env = scale_db.env(CELERY_BROKER_URL=broker_url, FACTCHECK_CELERY_QUEUE=queue, SCALE_PID_DIR=str(pids))
    log = open(tmp_path / "worker.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "project", "worker", "--pool", "prefork", "--concurrency", "1",
         "--without-mingle", "--without-gossip", "--loglevel", "INFO", "--hostname", f"{queue}@%h"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        yield {"queue": queue, "pids": pids, "env": env, "log": tmp_path / "worker.log", "proc": proc}
    finally:
        stop(proc)
        log.close()


def test_a_celery_worker_extracts_what_extract_celery_enqueues(scale_db, corpus_file, baseline, worker):
    one_output, one_facts = baseline
    scale_db.manage("load_corpus", corpus_file, "--corpus", "celery", "--no-progress")
    env = {k: worker["env"][k] for k in ("CELERY_BROKER_URL", "FACTCHECK_CELERY_QUEUE")}
    try:
        run = scale_db.manage("extract", "--corpus", "celery", "--celery", "--batch-size", "50", "--timeout", "60",
                              "--no-progress", timeout=90, **env)
    finally:
        log = worker["log"].read_text()
    assert worker["proc"].poll() is None, f"the worker died:\n{log}"
    assert run.stdout == one_output, log
    assert "240 documents enqueued in 5 batches" in run.stderr
    assert "5/5 batches, 240/240 documents done" in run.stderr
    assert scale_db.facts("celery") == one_facts
    assert os.listdir(worker["pids"]), "the facts must come from the worker's process"
    assert "factcheck.extract_batch" in log and "succeeded" in log


def test_extract_celery_says_when_the_broker_cannot_be_reached(scale_db, baseline):
    run = scale_db.manage("extract", "--corpus", "one-process", "--celery", "--no-progress", check=False,
                          CELERY_BROKER_URL="redis://127.0.0.1:9/0", timeout=60)
    assert run.returncode != 0
    assert "Cannot reach the Celery broker at redis://" in run.stderr and "127.0.0.1:9/0" in run.stderr
