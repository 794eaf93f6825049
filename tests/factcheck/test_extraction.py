"""Running extractors over stored documents: idempotent reruns, versions, reviewed facts untouched."""

from __future__ import annotations

import pytest

from extractors.base import Extraction, Extractor
from extractors.registry import Registry
from factcheck.extraction import extract_document
from factcheck.models import Fact, FactStatus, Review
from factcheck.reviewing import review_fact
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def words_extractor(version: str, words: tuple[str, ...] = ("killed", "troops")) -> Extractor:
    class Words(Extractor):
        name = "words"
        kinds = ("word",)

        def extract(self, text, context):
            for w in words:
                i = text.find(w)
                if i >= 0:
                    yield Extraction("word", i, i + len(w), w, {"word": w}, "find")

    Words.version = version
    return Words()


def registry(*extractors):
    return Registry.from_extractors(extractors)


@pytest.fixture
def doc():
    return DocumentFactory(text="Five people were killed as troops advanced.")


def test_facts_carry_their_provenance(doc):
    stats = extract_document(doc, registry(words_extractor("1")))
    assert stats.created == 2
    fact = Fact.objects.get(text="troops")
    assert (fact.document, fact.start, fact.end, fact.extractor, fact.extractor_version, fact.rule) == (
        doc, 27, 33, "words", "1", "find"
    )
    assert doc.text[fact.start : fact.end] == fact.text
    assert fact.status == FactStatus.PENDING


def test_rerunning_the_same_version_adds_nothing(doc):
    extract_document(doc, registry(words_extractor("1")))
    stats = extract_document(doc, registry(words_extractor("1")))
    assert (stats.created, stats.unchanged) == (0, 2)
    assert Fact.objects.count() == 2


def test_a_new_version_replaces_pending_facts_but_never_reviewed_ones(doc, reviewer):
    extract_document(doc, registry(words_extractor("1")))
    killed = Fact.objects.get(text="killed")
    review_fact(killed, reviewer, "confirmed", "checked against the ministry statement")
    stats = extract_document(doc, registry(words_extractor("2", ("killed", "troops", "people"))))
    assert stats.replaced == 1  # the pending "troops" of version 1
    facts = {(f.text, f.extractor_version, f.status) for f in Fact.objects.all()}
    assert facts == {("killed", "1", "confirmed"), ("troops", "2", "pending"), ("people", "2", "pending")}
    assert Review.objects.get().fact == killed


def test_an_extractor_that_fails_on_a_document_keeps_its_earlier_facts(doc):
    extract_document(doc, registry(words_extractor("1")))

    class Broken(Extractor):
        name = "words"
        version = "2"
        kinds = ("word",)

        def extract(self, text, context):
            raise TimeoutError

    stats = extract_document(doc, registry(Broken()))
    assert stats.errors == [(doc.pk, "words", "regular expression timed out (pathological text?)")]
    assert set(Fact.objects.values_list("extractor_version", flat=True)) == {"1"}
