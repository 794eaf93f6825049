"""/api/corpora/ and /api/reviews/: read-only listings with their filters."""

from __future__ import annotations

import pytest

from factcheck.reviewing import review_fact
from tests.factories import CorpusFactory, DocumentFactory, FactFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_corpora_list_their_document_counts(reader_client):
    wire = CorpusFactory(name="wire", description="agency copy")
    DocumentFactory.create_batch(2, corpus=wire)
    CorpusFactory(name="empty")
    body = reader_client.get("/api/corpora/").json()
    assert [(c["name"], c["document_count"]) for c in body["results"]] == [("empty", 0), ("wire", 2)]
    detail = reader_client.get(f"/api/corpora/{wire.pk}/").json()
    assert (detail["name"], detail["description"], detail["document_count"]) == ("wire", "agency copy", 2)


@pytest.mark.parametrize(("query", "expected"), [("name=wire", ["wire"]), ("search=agency", ["wire"]),
                                                 ("ordering=-name", ["wire", "empty"])])
def test_corpus_filters(reader_client, query, expected):
    CorpusFactory(name="wire", description="agency copy")
    CorpusFactory(name="empty")
    assert [c["name"] for c in reader_client.get(f"/api/corpora/?{query}").json()["results"]] == expected


@pytest.fixture
def decisions(reviewer):  # type: ignore[no-untyped-def]
    otto = UserFactory(username="otto", reviewer=True)
    first, second = FactFactory(), FactFactory()
    return {
        "rita-confirms": review_fact(first, reviewer, "confirmed", note="agency figure"),
        "otto-rejects": review_fact(second, otto, "rejected", note="a projection, not a count"),
        "rita-rejects": review_fact(first, reviewer, "rejected"),
    }


def test_reviews_are_listed_newest_first_with_who_and_what(reader_client, decisions):
    rows = reader_client.get("/api/reviews/").json()["results"]
    assert [r["id"] for r in rows] == [decisions[k].pk for k in ("rita-rejects", "otto-rejects", "rita-confirms")]
    first = decisions["rita-confirms"]
    detail = reader_client.get(f"/api/reviews/{first.pk}/").json()
    assert detail == {
        "id": first.pk,
        "fact": f"http://testserver/api/facts/{first.fact_id}/",
        "fact_id": first.fact_id,
        "reviewer": "rita",
        "verdict": "confirmed",
        "note": "agency figure",
        "created_at": detail["created_at"],
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("verdict=rejected", {"otto-rejects", "rita-rejects"}),
        ("reviewer=otto", {"otto-rejects"}),
        ("search=projection", {"otto-rejects"}),
        ("created_after=2000-01-01T00:00:00Z", {"rita-confirms", "otto-rejects", "rita-rejects"}),
        ("created_before=2000-01-01T00:00:00Z", set()),
        # PostgreSQL refused this offset with a DataError (500) until times were compared in UTC: schemathesis found it
        ("created_before=0428-10-27T07:28:31.2-19:50", set()),
        ("created_after=2000-01-01T00:00:00%2B23:59", {"rita-confirms", "otto-rejects", "rita-rejects"}),
    ],
)
def test_review_filters(reader_client, decisions, query, expected):
    rows = reader_client.get(f"/api/reviews/?{query}").json()["results"]
    assert {r["id"] for r in rows} == {decisions[k].pk for k in expected}


def test_review_filter_by_fact(reader_client, decisions):
    fact = decisions["rita-confirms"].fact_id
    rows = reader_client.get(f"/api/reviews/?fact={fact}").json()["results"]
    assert {r["id"] for r in rows} == {decisions["rita-confirms"].pk, decisions["rita-rejects"].pk}


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00%2B10:00", "yesterday", "2021-13-01T00:00:00Z"])
def test_an_impossible_time_is_400_not_a_crash(reader_client, when):
    response = reader_client.get(f"/api/reviews/?created_after={when}")
    assert response.status_code == 400 and "created" in response.json()


@pytest.mark.parametrize("fact", ["-9999479380568893816832", "9223372036854775808", "0", "x"])
def test_an_impossible_fact_id_is_400_not_a_crash(reader_client, fact):
    response = reader_client.get(f"/api/reviews/?fact={fact}")
    assert response.status_code == 400 and "fact" in response.json()


def test_listing_reviews_takes_a_fixed_number_of_queries(reader_client, decisions, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):  # auth, corpus access, count, page
        assert len(reader_client.get("/api/reviews/").json()["results"]) == 3
