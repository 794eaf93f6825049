"""/api/documents/: listing, one document with its facts, and POST that stores and extracts."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.models import Corpus, Document, Fact, text_sha256
from tests.factories import CorpusFactory, DocumentFactory, FactFactory

pytestmark = pytest.mark.django_db

STORY = "Officials said 12 people were killed and 3 soldiers killed near the border on Monday."


def post(client, **fields):  # type: ignore[no-untyped-def]
    return client.post("/api/documents/", {"corpus": "wire", "text": STORY, **fields}, format="json")


def test_a_document_is_fetched_with_its_text_and_facts(reader_client):
    fact = FactFactory()
    body = reader_client.get(f"/api/documents/{fact.document_id}/").json()
    assert body["text"] == fact.document.text
    assert body["corpus"] == fact.document.corpus.name
    assert [f["id"] for f in body["facts"]] == [fact.pk]
    assert body["facts"][0]["text"] == "at least 12 people were killed"
    assert body["fact_count"] == 1


def test_the_list_leaves_out_text_and_counts_facts(reader_client):
    doc = DocumentFactory()
    FactFactory(document=doc, kind="casualty")
    FactFactory(document=doc, kind="troops")
    [row] = reader_client.get("/api/documents/").json()["results"]
    assert "text" not in row and "facts" not in row
    assert (row["id"], row["fact_count"], row["sha256"]) == (doc.pk, 2, text_sha256(doc.text))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("corpus=wire", ["ap"]),
        ("outlet=Reuters", ["reuters"]),
        ("published_after=2022-01-01", ["reuters"]),
        ("published_before=2021-12-31", ["ap"]),
        ("search=Ukraine", ["reuters"]),
        ("ordering=published", ["ap", "reuters"]),
        ("ordering=-published", ["reuters", "ap"]),
    ],
)
def test_document_filters(reader_client, query, expected):
    docs = {
        "ap": DocumentFactory(corpus=CorpusFactory(name="wire"), outlet="AP", published=dt.date(2021, 12, 2)),
        "reuters": DocumentFactory(title="Ukraine talks", outlet="Reuters", published=dt.date(2022, 1, 10)),
    }
    got = [d["id"] for d in reader_client.get(f"/api/documents/?{query}").json()["results"]]
    assert got == [docs[name].pk for name in expected]


def test_reading_a_document_with_many_facts_takes_a_fixed_number_of_queries(
    reviewer, reader_client, django_assert_max_num_queries
):
    from factcheck.reviewing import review_fact

    doc = DocumentFactory(text=" ".join(f"at least {n} people were killed." for n in range(40)))
    facts = [FactFactory(document=doc, start=i, end=i + 5) for i in range(40)]
    for fact in facts[:10]:
        review_fact(fact, reviewer, "confirmed")
    # token, document (+corpus, +count), facts (+reviewer)
    with django_assert_max_num_queries(4):  # auth, corpus access, count, page
        assert len(reader_client.get(f"/api/documents/{doc.pk}/").json()["facts"]) == 40
    with django_assert_max_num_queries(4):  # auth, corpus access, count, page
        reader_client.get("/api/documents/?page_size=100")


# --- POST /api/documents/ ----------------------------------------------------------------------


def test_posting_a_document_stores_it_and_returns_its_facts(loader_client, killed_registry):
    response = post(
        loader_client, title="Border clash", outlet="AP", url="https://example.org/a", published="2021-12-02"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    doc = Document.objects.get()
    assert response["Location"] == f"http://testserver/api/documents/{doc.pk}/"
    assert (body["id"], body["corpus"], body["title"], body["outlet"], body["published"]) == (
        doc.pk, "wire", "Border clash", "AP", "2021-12-02"
    )
    assert body["text"] == STORY and body["extraction_errors"] == []
    assert [(f["text"], f["value"]["min"], f["extractor"], f["version"]) for f in body["facts"]] == [
        ("12", 12, "killed", "0.1"),
        ("3", 3, "killed", "0.1"),
    ]
    assert Fact.objects.filter(document=doc).count() == 2
    assert doc.source == "api: POST /api/documents/ by wire-desk"


def test_posting_the_same_text_again_returns_the_stored_document(loader_client, killed_registry):
    first = post(loader_client).json()
    again = post(loader_client, title="A different title")
    assert again.status_code == 200
    assert again.json()["id"] == first["id"] and again.json()["title"] == first["title"]
    assert [f["id"] for f in again.json()["facts"]] == [f["id"] for f in first["facts"]]
    assert (Document.objects.count(), Fact.objects.count()) == (1, 2)


def test_the_same_text_in_another_corpus_is_another_document(loader_client, killed_registry):
    post(loader_client)
    assert post(loader_client, corpus="web").status_code == 201
    assert sorted(Corpus.objects.values_list("name", flat=True)) == ["web", "wire"]


def test_a_failing_extractor_is_reported_and_the_others_facts_kept(loader_client, monkeypatch):
    from extractors.base import Extractor
    from extractors.registry import Registry
    from tests.api.conftest import KilledCounts

    class Broken(Extractor):
        name, version, kinds = "broken", "1", ("casualty",)

        def extract(self, text, context):
            raise RuntimeError("boom")

    registry = Registry.from_extractors([KilledCounts(), Broken()])
    monkeypatch.setattr("factcheck.registry.configured_registry", lambda: registry)
    body = post(loader_client).json()
    assert body["extraction_errors"] == [{"extractor": "broken", "reason": "RuntimeError: boom"}]
    assert len(body["facts"]) == 2


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"text": ""}, "text", "blank"),
        ({"text": "   \n "}, "text", "text is empty"),
        ({"text": None}, "text", "null"),
        ({"text": 42}, "text", "Must be a string, not int"),
        ({"title": 7}, "title", "Must be a string"),
        ({"corpus": ""}, "corpus", "blank"),
        ({"corpus": "c" * 201}, "corpus", "200"),
        ({"published": "2 December 2021"}, "published", "use YYYY-MM-DD"),
        ({"published": 20211202}, "published", "date string"),
        ({"outlet": "o" * 201}, "outlet", "200"),
        ({"url": ["x"]}, "url", ""),
    ],
    ids=["empty", "whitespace", "null", "number", "int-title", "no-corpus", "long-corpus", "prose-date", "int-date",
         "long-outlet", "url-list"],
)
def test_invalid_documents_are_400_naming_the_field(loader_client, killed_registry, fields, field, message):
    response = post(loader_client, **fields)
    assert response.status_code == 400
    errors = response.json()
    assert list(errors) == [field]
    assert message in " ".join(errors[field])
    assert not Document.objects.exists()


def test_the_size_limit_of_load_corpus_applies(loader_client, killed_registry, settings):
    settings.FACTCHECK = {**settings.FACTCHECK, "MAX_DOCUMENT_BYTES": 100}
    response = post(loader_client, text="x" * 101)
    assert response.status_code == 400 and "over the limit of 100" in response.json()["text"][0]


def test_the_published_date_accepts_what_load_corpus_accepts(loader_client, killed_registry):
    assert post(loader_client, published="2021-12-02T08:30:00Z").json()["published"] == "2021-12-02"
    assert post(loader_client, text="Another text.", published="").json()["published"] is None


def test_a_long_title_is_cut_like_load_corpus_does(loader_client, killed_registry):
    assert len(post(loader_client, title="t" * 600).json()["title"]) == 500


def test_the_real_registry_answers_in_shape(loader_client):
    """Whatever extractors are installed, the response has the contract's shape and honest spans."""
    response = post(loader_client, published="2021-12-02")
    assert response.status_code == 201
    body = response.json()
    assert isinstance(body["extraction_errors"], list)
    for fact in body["facts"]:
        assert STORY[fact["start"] : fact["end"]] == fact["text"]
        assert fact["status"] == "pending" and fact["reviewer"] is None
        assert isinstance(fact["value"], dict | None) and fact["extractor"] and fact["version"]
