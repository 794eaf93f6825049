"""Near-duplicate detection on the seeds and on made-up copies."""

from __future__ import annotations

import pytest

from factcheck.claims import syndication
from factcheck.loading import load_paths
from factcheck.models import Document, DocumentFingerprint, SourceGroup
from tests.conftest import SEEDS
from tests.factories import CorpusFactory, DocumentFactory

#: The seeds as a careful reader groups them by what the shingles can see: 000 and 001 are two machine
#: translations of one French AFP dispatch (Le Monde's "The World with AFP" and a copy of it); 002 is AFP's
#: own English story of the same day, written separately; 003 is a Finnish outlet's piece quoting AFP and
#: Reuters; 004 is a later AFP story (the 30 December call).
SEED_SOURCES = [{"000", "001"}, {"002"}, {"003"}, {"004"}]


def seed_groups(corpus) -> list[set[str]]:  # type: ignore[no-untyped-def]
    groups: dict[int, set[str]] = {}
    for fp in DocumentFingerprint.objects.filter(document__corpus=corpus).select_related("document"):
        groups.setdefault(fp.group_id, set()).add(fp.document.source.rsplit("/", 1)[-1][:3])
    return sorted(groups.values(), key=min)


@pytest.fixture
def seeds(db):  # type: ignore[no-untyped-def]
    load_paths([SEEDS], "seeds")
    from factcheck.models import Corpus

    return Corpus.objects.get(name="seeds")


def seed_shingles(prefix: str) -> frozenset[bytes]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return syndication.shingles(path.read_text(encoding="utf-8"))


def test_the_two_translations_are_well_above_the_threshold_and_the_other_pairs_well_below() -> None:
    names = ["000", "001", "002", "003", "004"]
    sh = {n: seed_shingles(n) for n in names}
    scores = {(a, b): syndication.jaccard(sh[a], sh[b]) for i, a in enumerate(names) for b in names[i + 1 :]}
    assert scores.pop(("000", "001")) > 1.5 * syndication.THRESHOLD
    assert max(scores.values()) < 0.6 * syndication.THRESHOLD


def test_seeds_group_into_four_sources(seeds) -> None:  # type: ignore[no-untyped-def]
    stats = syndication.build_source_groups(seeds)
    assert seed_groups(seeds) == SEED_SOURCES
    assert (stats.documents, stats.groups, stats.multi_document_groups) == (5, 4, 1)
    twin = DocumentFingerprint.objects.get(document__source__contains="001_").near_duplicate_of
    assert twin is not None and "000_" in twin.source


def test_a_rebuild_is_incremental_and_keeps_the_groups(seeds) -> None:  # type: ignore[no-untyped-def]
    syndication.build_source_groups(seeds)
    keys = set(SourceGroup.objects.values_list("id", "key"))
    again = syndication.build_source_groups(seeds)
    assert again.fingerprinted == 0 and again.candidates == 0
    assert set(SourceGroup.objects.values_list("id", "key")) == keys
    full = syndication.build_source_groups(seeds, full=True)
    assert full.fingerprinted == 5
    assert set(SourceGroup.objects.values_list("id", "key")) == keys


def test_a_new_copy_joins_its_story(seeds) -> None:  # type: ignore[no-untyped-def]
    syndication.build_source_groups(seeds)
    original = Document.objects.get(source__contains="002_")
    copy = DocumentFactory(corpus=seeds, text="Republished from AFP.\n\n" + original.text.replace("Kiev", "Kyiv"))
    stats = syndication.build_source_groups(seeds)
    assert stats.fingerprinted == 1
    assert copy.fingerprint.group_id == original.fingerprint.group_id
    assert copy.fingerprint.group.size == 2
    assert SourceGroup.objects.filter(corpus=seeds).count() == 4


def test_page_furniture_does_not_make_pages_alike(db) -> None:  # type: ignore[no-untyped-def]
    corpus = CorpusFactory()
    furniture = "\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n" * 3
    DocumentFactory(corpus=corpus, text="Floods closed the main road to the port on Monday." + furniture)
    DocumentFactory(corpus=corpus, text="The central bank kept its rate unchanged at four percent." + furniture)
    syndication.build_source_groups(corpus)
    assert SourceGroup.objects.filter(corpus=corpus).count() == 2
