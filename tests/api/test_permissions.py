"""Who gets in: anonymous nowhere (401), readers read, reviewers decide, loaders add documents."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from factcheck.models import Document, Fact, FactStatus, Review
from factcheck.reviewing import review_fact
from tests.factories import FactFactory

pytestmark = pytest.mark.django_db

#: Every route under /api/ with each method it answers; the anonymous test below walks them all.
ENDPOINTS = [
    ("get", "/api/"),
    ("get", "/api/corpora/"),
    ("get", "/api/corpora/1/"),
    ("get", "/api/documents/"),
    ("post", "/api/documents/"),
    ("get", "/api/documents/1/"),
    ("get", "/api/facts/"),
    ("get", "/api/facts/1/"),
    ("post", "/api/facts/1/review/"),
    ("get", "/api/reviews/"),
    ("get", "/api/reviews/1/"),
    ("get", "/api/claims/"),
    ("get", "/api/claims/1/"),
    ("post", "/api/claims/1/review/"),
    ("get", "/api/schema/"),
    ("get", "/api/docs/"),
]


@pytest.mark.parametrize(("method", "url"), ENDPOINTS, ids=[f"{m} {u}" for m, u in ENDPOINTS])
def test_anonymous_requests_get_401_with_a_challenge(anon, method, url):
    response = getattr(anon, method)(url, {}, format="json") if method == "post" else anon.get(url)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize("url", ["/api/facts/", "/api/facts/1/", "/api/schema/"])
def test_a_bad_token_is_401_not_anonymous(anon, url):
    anon.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert anon.get(url).status_code == 401


def _route_names(resolver: URLResolver, prefix: str = "") -> set[str]:
    names = set()
    for p in resolver.url_patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            names |= _route_names(p, route)
        elif isinstance(p, URLPattern) and route.startswith("api/") and not route.startswith("api/auth/"):
            names.add(p.name)
    return names


def test_the_endpoint_table_covers_every_api_route():
    """A new route must join ENDPOINTS, so the anonymous test covers it too."""
    assert _route_names(get_resolver()) == {resolve(url).url_name for _, url in ENDPOINTS}


def test_the_login_page_is_the_one_anonymous_page(anon):
    assert anon.get("/api/auth/login/").status_code == 200


@pytest.mark.parametrize("url", ["/api/", "/api/corpora/", "/api/documents/", "/api/facts/", "/api/reviews/"])
def test_any_logged_in_user_may_read(reader_client, url):
    assert reader_client.get(url).status_code == 200


def test_session_login_works_too(client, reader):
    client.force_login(reader)
    assert client.get("/api/facts/").status_code == 200


def test_session_writes_need_the_csrf_token(reviewer):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(reviewer)
    fact = FactFactory()
    response = client.post(f"/api/facts/{fact.pk}/review/", {"verdict": "confirmed"}, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert not Review.objects.exists()


def test_reviewing_needs_the_review_permission(reader_client):
    fact = FactFactory()
    response = reader_client.post(f"/api/facts/{fact.pk}/review/", {"verdict": "confirmed"}, format="json")
    assert response.status_code == 403
    assert "permission to review" in response.json()["detail"]
    fact.refresh_from_db()
    assert (fact.status, fact.revision) == (FactStatus.PENDING, 0)


def test_staff_readers_without_the_permission_cannot_review(staff_reader):
    from tests.api.conftest import token_client

    fact = FactFactory()
    assert token_client(staff_reader).post(f"/api/facts/{fact.pk}/review/", {"verdict": "rejected"}).status_code == 403


def test_adding_documents_needs_the_add_document_permission(reviewer_client, killed_registry):
    response = reviewer_client.post("/api/documents/", {"corpus": "c", "text": "Seven people were killed."})
    assert response.status_code == 403
    assert not Document.objects.exists()


def test_an_inactive_users_token_stops_working(reviewer, reviewer_client):
    reviewer.is_active = False
    reviewer.save()
    assert reviewer_client.get("/api/facts/").status_code == 401


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
@pytest.mark.parametrize("resource", ["corpora", "documents", "facts", "reviews"])
def test_nothing_is_editable_or_deletable(reviewer, reviewer_client, resource, method):
    fact = FactFactory()
    decision = review_fact(fact, reviewer, "confirmed")
    pk = {"corpora": fact.document.corpus_id, "documents": fact.document_id, "facts": fact.pk, "reviews": decision.pk}
    response = getattr(reviewer_client, method)(f"/api/{resource}/{pk[resource]}/", {"status": "rejected"}, format="json")
    assert response.status_code == 405
    assert (Fact.objects.get().status, Review.objects.count()) == (FactStatus.CONFIRMED, 1)


@pytest.mark.parametrize("resource", ["corpora", "facts", "reviews"])
def test_only_documents_can_be_created(reviewer_client, resource):
    assert reviewer_client.post(f"/api/{resource}/", {}, format="json").status_code == 405

