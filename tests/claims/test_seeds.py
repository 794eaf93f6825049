"""The claims the seed articles produce, end to end: load, facts, build_claims.

The hand-annotated gold facts give results that do not depend on the extractors; the same expectations are then
checked against what the registered extractors produce (that test follows the extractors: if they change what they
find in the seeds, it is the one to revisit).
"""

from __future__ import annotations

import pytest
from django.core.management import call_command

from factcheck.models import Claim, Corpus, Fact
from tests.claims.gold import load_seeds, seed_name, store_gold_facts

pytestmark = pytest.mark.django_db

#: Claims stated by more than one seed: (kind, label, seeds, documents, independent sources). 000 and 001 are one
#: source (two translations of one AFP dispatch), so a claim they both state would count 2 documents, 1 source;
#: none of the seeds' multi-document claims happens to rest on both.
MULTI_DOCUMENT_CLAIMS = [
    ("date", "2014", {"002", "004"}, 2, 2),  # Russia's annexation of Crimea
    ("date", "2021-06", {"001", "004"}, 2, 2),  # the Biden-Putin summit in Geneva
    ("date", "2021-12-02", {"000", "002"}, 2, 2),  # Thursday's OSCE ministerial meeting in Stockholm
    ("date", "2021-12-02", {"000", "002", "003"}, 3, 3),  # Thursday: Biden and Putin talks expected
    ("sanction", "EU package 5: sanctions on Belarus (17 persons, 11 entities), adopted", {"001", "003"}, 2, 2),
]


def multi_document_claims(corpus: Corpus) -> list[tuple[str, str, set[str], int, int]]:
    out = []
    for c in Claim.objects.filter(corpus=corpus, documents_count__gt=1):
        seeds = {seed_name(f.document) for f in c.facts.select_related("document")}
        out.append((c.kind, c.label, seeds, c.documents_count, c.sources_count))
    return sorted(out, key=lambda row: (row[0], row[1], len(row[2]), sorted(row[2])))


def test_gold_facts_of_the_seeds_give_these_claims(capsys) -> None:  # type: ignore[no-untyped-def]
    corpus = load_seeds()
    assert store_gold_facts(corpus) == 43
    call_command("build_claims", "--corpus", "seeds")
    assert "5 documents in 4 independent sources" in capsys.readouterr().out
    assert multi_document_claims(corpus) == MULTI_DOCUMENT_CLAIMS
    assert Claim.objects.filter(corpus=corpus).count() == 36
    # the troop figures of 003 (2 December, more than 100,000) and 004 (30 December, tens of thousands) are four
    # weeks apart: two snapshots, not a conflict; nothing else in the seeds disagrees
    assert not Claim.objects.filter(has_conflict=True).exists()
    assert not Claim.objects.filter(has_update=True).exists()


def test_rebuilding_the_seeds_changes_nothing() -> None:
    corpus = load_seeds()
    store_gold_facts(corpus)
    call_command("build_claims")
    before = sorted(Claim.objects.values_list("id", "key", "label", "facts_count", "sources_count"))
    call_command("build_claims", "--full")
    assert sorted(Claim.objects.values_list("id", "key", "label", "facts_count", "sources_count")) == before


def test_the_extractors_on_the_seeds_give_the_same_claims() -> None:
    from extractors.registry import Registry
    from factcheck.extraction import extract_documents

    corpus = load_seeds()
    registry = Registry.load().select(["casualties", "dates", "sanctions", "troops"])
    extract_documents(corpus.documents.all(), registry)
    call_command("build_claims", "--corpus", "seeds")
    assert Fact.objects.filter(document__corpus=corpus).exists()
    assert multi_document_claims(corpus) == MULTI_DOCUMENT_CLAIMS
