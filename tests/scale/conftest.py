"""A real database other processes can open, and a plugin they can all discover.

pytest-django's SQLite test database lives in memory, private to the test
process, so the multi-process tests get their own: a file for SQLite, a
fresh database on the same server for PostgreSQL (whichever the suite runs
on). Commands and workers run as subprocesses that know only its
``DATABASE_URL``, exactly as a worker on another machine would.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

PLUGIN = '''
import os
import time

from extractors import patterns
from extractors.base import Extraction, Extractor

_WORD = patterns.compile(r"\\b(?:killed|troops|sanctions|[0-9][0-9,]*)\\b", 0)


class ScaleWordExtractor(Extractor):
    """Marks casualty words, "troops", "sanctions" and numbers; notes which process ran it."""

    name = "scaleword"
    version = "1"
    kinds = ("scaleword",)

    def extract(self, text, context):
        pid_dir = os.environ.get("SCALE_PID_DIR")
        if pid_dir:
            open(os.path.join(pid_dir, str(os.getpid())), "a").close()
        time.sleep(0.001)  # enough for every worker process to get a share
        for m in patterns.finditer(_WORD, text):
            yield Extraction("scaleword", m.start(), m.end(), m.group(), {"word": m.group()}, "word")
'''


@pytest.fixture(scope="session")
def plugin_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A throwaway distribution with one entry point, for subprocesses to find on PYTHONPATH."""
    root = tmp_path_factory.mktemp("scale-plugin")
    (root / "scale_plugin.py").write_text(textwrap.dedent(PLUGIN))
    info = root / "scale_plugin-1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: scale_plugin\nVersion: 1\n")
    (info / "entry_points.txt").write_text("[factcheck.extractors]\nscaleword = scale_plugin:ScaleWordExtractor\n")
    return root


@dataclass
class ScaleDB:
    url: str
    vendor: str
    plugin_root: Path

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_EXTRACTORS")}
        env.update(
            DATABASE_URL=self.url,
            DJANGO_SETTINGS_MODULE="project.settings",
            PYTHONPATH=os.pathsep.join([str(self.plugin_root), str(ROOT)]),
            FACTCHECK_EXTRACTORS="scaleword",
        )
        env.update(extra)
        return env

    def manage(self, *args: Any, timeout: float = 60, check: bool = True, **env: str) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            [sys.executable, "manage.py", *map(str, args)],
            cwd=ROOT, env=self.env(**env), capture_output=True, text=True, timeout=timeout,
        )
        if check and proc.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(map(str, args))} failed:\n{proc.stdout}\n{proc.stderr}")
        return proc

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        """Run one read-only statement against the database, outside Django."""
        if self.vendor == "sqlite":
            with sqlite3.connect(self.url.removeprefix("sqlite:///"), timeout=20) as conn:
                return conn.execute(sql).fetchall()
        import psycopg

        with psycopg.connect(self.url, connect_timeout=10) as conn:
            return conn.execute(sql).fetchall()  # type: ignore[arg-type]

    def facts(self, corpus: str) -> list[tuple[Any, ...]]:
        """The corpus's facts keyed by document text hash, so copies of a corpus compare equal."""
        rows = self.rows(
            'SELECT d.sha256, f.kind, f.start, f."end", f.text, f.value, f.extractor, f.extractor_version, f.rule '
            "FROM factcheck_fact f JOIN factcheck_document d ON d.id = f.document_id "
            f"JOIN factcheck_corpus c ON c.id = d.corpus_id WHERE c.name = '{corpus}'"
        )
        normal = [(*r[:5], json.dumps(json.loads(r[5]) if isinstance(r[5], str) else r[5], sort_keys=True), *r[6:])
                  for r in rows]
        return sorted(normal)

    def count(self, sql: str) -> int:
        return int(self.rows(sql)[0][0])


def _postgres_admin(url: str):  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(url, autocommit=True, connect_timeout=10)


@pytest.fixture(scope="session")
def scale_db(tmp_path_factory: pytest.TempPathFactory, plugin_root: Path) -> Iterator[ScaleDB]:
    """A migrated database of the vendor the suite runs on, shared by processes; dropped at the end."""
    from django.db import connection

    vendor = connection.vendor
    dropped = None
    if vendor == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('scale-db') / 'scale.sqlite3'}"
    elif vendor == "postgresql":
        base = os.environ["DATABASE_URL"]
        name = f"factcheck_scale_{uuid.uuid4().hex[:10]}"
        with _postgres_admin(base) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = base.rsplit("/", 1)[0] + "/" + name
        dropped = name
    else:
        pytest.skip(f"no multi-process database recipe for {vendor}")
    db = ScaleDB(url=url, vendor=vendor, plugin_root=plugin_root)
    try:
        db.manage("migrate", "--noinput", timeout=180)
        yield db
    finally:
        if dropped:
            with _postgres_admin(os.environ["DATABASE_URL"]) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{dropped}" WITH (FORCE)')


@pytest.fixture(scope="session")
def corpus_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from factcheck.benchmarking import write_corpus

    path = tmp_path_factory.mktemp("scale-corpus") / "corpus.jsonl"
    write_corpus(path, 240)
    return path


@pytest.fixture(scope="session")
def baseline(scale_db: ScaleDB, corpus_file: Path) -> tuple[str, list[tuple[Any, ...]]]:
    """The corpus extracted by one process: what every other way of extracting must reproduce."""
    scale_db.manage("load_corpus", corpus_file, "--corpus", "one-process", "--no-progress")
    out = scale_db.manage("extract", "--corpus", "one-process", "--no-progress").stdout
    facts = scale_db.facts("one-process")
    assert len(facts) > 240, "the test plugin should find several facts per document"
    return out, facts


def stop(proc: subprocess.Popen[Any], timeout: float = 10) -> None:
    """Stop a subprocess started in its own session, and everything it forked."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            continue
    proc.wait(timeout)
