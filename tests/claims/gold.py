"""The hand-annotated seed facts, stored as facts, so claim tests on the seeds do not wait for the extractors."""

from __future__ import annotations

import json

from factcheck.loading import load_paths
from factcheck.models import Corpus, Document, Fact
from tests.conftest import GOLD, SEEDS


def load_seeds(name: str = "seeds") -> Corpus:
    load_paths([SEEDS], name)
    return Corpus.objects.get(name=name)


def seed_name(document: Document) -> str:
    """``000`` for fixtures/seeds/000_34d693b449392de2.txt."""
    return document.source.rsplit("/", 1)[-1][:3]


def store_gold_facts(corpus: Corpus) -> int:
    docs = {seed_name(d): d for d in corpus.documents.all()}
    facts = []
    with open(GOLD / "seeds.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            doc = docs[row["id"][:3]]
            for f in row["facts"]:
                facts.append(Fact(document=doc, kind=f["kind"], start=f["start"], end=f["end"], text=f["text"],
                                  value=f["value"], extractor="gold", extractor_version="1"))
    Fact.objects.bulk_create(facts)
    return len(facts)
