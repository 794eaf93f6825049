"""An extraction killed with SIGKILL leaves no half-written fact set, and a rerun completes it exactly once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from tests.conftest import ROOT
from tests.plugins import install_plugin

SLOW_WORDS = '''
import time
from extractors.base import Extraction, Extractor


class SlowWords(Extractor):
    """Every "alpha" is a fact; each document takes a while, so a kill lands mid-run."""

    name = "slowwords"
    version = "1"
    kinds = ("word",)

    def extract(self, text, context):
        time.sleep(0.01)
        start = text.find("alpha")
        while start >= 0:
            yield Extraction("word", start, start + 5, "alpha", {"at": start}, "find")
            start = text.find("alpha", start + 1)
'''

DOCS = 400


def expected(i: int) -> int:
    return i % 7 + 1


def test_a_killed_extraction_reruns_to_exactly_the_full_fact_set(tmp_path, monkeypatch):
    install_plugin(tmp_path / "site", monkeypatch, {"slowwords": "slow_words:SlowWords"}, {"slow_words": SLOW_WORDS})
    db = tmp_path / "db.sqlite3"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "FACTCHECK_"))},
        "DATABASE_URL": f"sqlite:///{db}",
        "FACTCHECK_EXTRACTORS": "slowwords",
        "PYTHONPATH": os.pathsep.join([str(tmp_path / "site"), str(ROOT)]),
    }

    def manage(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
        return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=300, check=True, **kwargs)

    corpus = tmp_path / "docs.jsonl"
    corpus.write_text("".join(
        json.dumps({"text": f"doc {i}: " + " ".join(["alpha"] * expected(i))}) + "\n" for i in range(DOCS)
    ))
    manage("migrate", "--noinput")
    manage("load_corpus", str(corpus), "--corpus", "c", "--no-progress")

    def counts() -> dict[str, int]:
        with sqlite3.connect(db, timeout=30) as conn:
            rows = conn.execute(
                "SELECT d.text, COUNT(f.id) FROM factcheck_document d "
                "LEFT JOIN factcheck_fact f ON f.document_id = d.id GROUP BY d.id"
            ).fetchall()
        return dict(rows)

    proc = subprocess.Popen([sys.executable, "manage.py", "extract", "--no-progress"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            done = sum(1 for n in counts().values() if n)
            if done >= DOCS // 4 or proc.poll() is not None:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "extraction finished before it could be killed: make the corpus larger"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()

    after_kill = counts()
    partial = sum(1 for n in after_kill.values() if n)
    assert 0 < partial < DOCS
    for text, n in after_kill.items():
        i = int(text.split(":")[0].split()[1])
        assert n in (0, expected(i)), f"document {i} was left with {n} of its {expected(i)} facts"

    manage("extract", "--no-progress")
    final = counts()
    assert all(n == expected(int(t.split(":")[0].split()[1])) for t, n in final.items())
    assert sum(final.values()) == sum(expected(i) for i in range(DOCS))
