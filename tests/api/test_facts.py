"""GET /api/facts/: what a fact embeds, filtering, ordering, search, pagination, and no N+1."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.models import FactStatus
from factcheck.reviewing import review_fact
from tests.factories import CorpusFactory, DocumentFactory, FactFactory

pytestmark = pytest.mark.django_db


def ids(response) -> list[int]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.content
    return [f["id"] for f in response.json()["results"]]


def test_a_fact_embeds_value_span_phrase_provenance_and_review_state(reviewer, reader_client):
    fact = FactFactory(rule="at_least_n_killed")
    review_fact(fact, reviewer, "confirmed", note="matches the wire copy")
    body = reader_client.get(f"/api/facts/{fact.pk}/").json()
    assert body == {
        "id": fact.pk,
        "document": f"http://testserver/api/documents/{fact.document_id}/",
        "document_id": fact.document_id,
        "kind": "casualty",
        "start": fact.start,
        "end": fact.end,
        "text": "at least 12 people were killed",
        "value": fact.value,
        "extractor": "casualties",
        "version": "1.0.0",
        "rule": "at_least_n_killed",
        "status": "confirmed",
        "reviewer": "rita",
        "reviewed_at": body["reviewed_at"],
        "note": "matches the wire copy",
        "revision": 1,
        "created_at": body["created_at"],
    }
    assert fact.document.text[body["start"] : body["end"]] == body["text"]


def test_the_document_link_leads_to_the_document(reader_client):
    fact = FactFactory()
    link = reader_client.get(f"/api/facts/{fact.pk}/").json()["document"]
    assert reader_client.get(link).json()["id"] == fact.document_id


def test_an_unknown_fact_is_404(reader_client):
    assert reader_client.get("/api/facts/999999/").status_code == 404


def test_a_fact_carries_its_etag_and_a_conditional_get_is_304(reviewer, reader_client):
    fact = FactFactory()
    response = reader_client.get(f"/api/facts/{fact.pk}/")
    assert response["ETag"] == f'"{fact.pk}-0"'
    assert reader_client.get(f"/api/facts/{fact.pk}/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    review_fact(fact, reviewer, "rejected")
    again = reader_client.get(f"/api/facts/{fact.pk}/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert (again.status_code, again["ETag"]) == (200, f'"{fact.pk}-1"')


@pytest.fixture
def facts(reviewer):  # type: ignore[no-untyped-def]
    """Five facts that differ along every filterable axis; the filter table names them by key."""
    wire = CorpusFactory(name="wire")
    web = CorpusFactory(name="web")
    early = DocumentFactory(corpus=wire, outlet="AP", published=dt.date(2021, 12, 2))
    late = DocumentFactory(corpus=web, outlet="Reuters", published=dt.date(2022, 1, 10))

    def count(lo, hi, **kw):  # type: ignore[no-untyped-def]
        return {"min": lo, "max": hi, "qualifier": "range", "category": "killed", **kw}

    made = {
        "exact12": FactFactory(document=early, value=count(12, 12)),
        "atleast100k": FactFactory(document=early, kind="troops", value=count(100_000, None), extractor="troops"),
        "range90_120": FactFactory(document=late, kind="troops", value=count(90_000, 120_000), extractor="troops"),
        "date": FactFactory(
            document=late,
            kind="date",
            extractor="dates",
            extractor_version="2.0.0",
            value={"value": "2022-01-10", "granularity": "day", "relative": False},
        ),
        "atmost500": FactFactory(document=late, value=count(None, 500), rule="up_to"),
    }
    review_fact(made["exact12"], reviewer, "confirmed")
    review_fact(made["date"], reviewer, "rejected")
    return made


FILTERS = [
    ("kind=troops", {"atleast100k", "range90_120"}),
    ("kind=nothing", set()),
    ("status=pending", {"atleast100k", "range90_120", "atmost500"}),
    ("status=confirmed", {"exact12"}),
    ("status=rejected", {"date"}),
    ("extractor=dates", {"date"}),
    ("version=2.0.0", {"date"}),
    ("corpus=wire", {"exact12", "atleast100k"}),
    ("outlet=Reuters", {"range90_120", "date", "atmost500"}),
    ("published_after=2022-01-01", {"range90_120", "date", "atmost500"}),
    ("published_before=2021-12-02", {"exact12", "atleast100k"}),
    ("published_after=2021-12-01&published_before=2021-12-31", {"exact12", "atleast100k"}),
    ("reviewer=rita", {"exact12", "date"}),
    ("min_gte=12", {"exact12", "atleast100k", "range90_120"}),
    ("min_gte=13", {"atleast100k", "range90_120"}),
    ("min_lte=12", {"exact12"}),
    ("max_lte=500", {"exact12", "atmost500"}),
    ("max_lte=499", {"exact12"}),
    ("max_gte=120000", {"range90_120"}),
    ("min_gte=90000&max_lte=200000", {"range90_120"}),
    ("kind=casualty&status=pending&max_lte=1000", {"atmost500"}),
    ("search=killed", {"exact12", "atleast100k", "range90_120", "date", "atmost500"}),
    ("search=up_to", {"atmost500"}),
]


@pytest.mark.parametrize(("query", "expected"), FILTERS, ids=[q for q, _ in FILTERS])
def test_filters(reader_client, facts, query, expected):
    got = ids(reader_client.get(f"/api/facts/?{query}"))
    assert sorted(got) == sorted(facts[name].pk for name in expected)


def test_filtering_by_document(reader_client, facts):
    doc = facts["date"].document_id
    assert set(ids(reader_client.get(f"/api/facts/?document={doc}"))) == {
        facts[k].pk for k in ("range90_120", "date", "atmost500")
    }


@pytest.mark.parametrize(
    "query",
    [
        "status=maybe",
        "min_gte=lots",
        "published_after=yesterday",
        "document=1.5",
        "document=0",
        "document=-9999479380568893816832",  # overflowed SQLite's INTEGER: a 500 schemathesis found
        "document=9223372036854775808",
        "page_size=0x10",
    ],
)
def test_bad_filter_values_are_400_naming_the_parameter(reader_client, query):
    response = reader_client.get(f"/api/facts/?{query}")
    if query.startswith("page_size"):  # an unusable page size falls back to the default, as DRF does
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert query.split("=")[0].replace("_after", "") in response.json()


@pytest.mark.parametrize(
    ("ordering", "key"),
    [
        ("start", lambda f: (f["start"], f["id"])),
        ("-id", lambda f: -f["id"]),
        ("status", lambda f: (f["status"], f["id"])),
        ("-document__published", None),
    ],
    ids=["start", "-id", "status", "-published"],
)
def test_ordering(reader_client, facts, ordering, key):
    results = reader_client.get(f"/api/facts/?ordering={ordering}").json()["results"]
    if key is None:
        late = facts["date"].document_id
        assert [r["document_id"] == late for r in results] == [True] * 3 + [False] * 2
    else:
        assert results == sorted(results, key=key)


def test_pages_are_limited_and_stable(reader_client):
    FactFactory.create_batch(7)
    first = reader_client.get("/api/facts/?page_size=3&ordering=status").json()
    second = reader_client.get(first["next"]).json()
    third = reader_client.get(second["next"]).json()
    seen = [f["id"] for page in (first, second, third) for f in page["results"]]
    assert (first["count"], len(seen), len(set(seen)), third["next"]) == (7, 7, 7, None)


def test_the_page_size_has_a_ceiling(reader_client):
    document = DocumentFactory(text=" ".join(["at least 12 people were killed."] * 600))
    from factcheck.models import Fact

    Fact.objects.bulk_create(
        Fact(document=document, kind="casualty", start=i * 32, end=i * 32 + 18, text="at least 12 people",
             extractor="casualties", extractor_version="1")
        for i in range(501)
    )
    assert len(reader_client.get("/api/facts/?page_size=10000").json()["results"]) == 500
    assert len(reader_client.get("/api/facts/").json()["results"]) == 50


def test_listing_facts_costs_the_same_queries_for_many_reviewed_facts(
    reviewer, reader_client, django_assert_max_num_queries
):
    for fact in FactFactory.create_batch(30):
        review_fact(fact, reviewer, "confirmed")
    # token lookup, count, page (reviewer joined in)
    with django_assert_max_num_queries(4):  # auth, corpus access, count, page
        body = reader_client.get("/api/facts/?page_size=100").json()
    assert len(body["results"]) == 30 and {f["reviewer"] for f in body["results"]} == {"rita"}
    assert {f["status"] for f in body["results"]} == {FactStatus.CONFIRMED}
