"""POST /api/facts/{id}/review/: the one way a client changes a fact, and how it refuses stale decisions."""

from __future__ import annotations

import pytest

from factcheck.models import Fact, FactStatus, Review
from tests.api.conftest import token_client
from tests.factories import FactFactory, UserFactory, reviewer_group

pytestmark = pytest.mark.django_db


def review(client, fact, body, **headers):  # type: ignore[no-untyped-def]
    return client.post(f"/api/facts/{fact.pk}/review/", body, format="json", **headers)


def test_confirming_records_a_review_by_the_authenticated_user(reviewer_client, reviewer):
    fact = FactFactory()
    response = review(reviewer_client, fact, {"verdict": "confirmed", "note": "matches the ministry's figure"})
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["reviewer"], body["revision"]) == ("confirmed", "rita", 1)
    assert response["ETag"] == f'"{fact.pk}-1"'
    decision = Review.objects.get()
    assert (decision.fact, decision.reviewer, decision.verdict, decision.note) == (
        fact, reviewer, "confirmed", "matches the ministry's figure"
    )


def test_the_reviewer_cannot_be_chosen_by_the_client(reviewer_client):
    UserFactory(username="mallory", reviewer=True)
    fact = FactFactory()
    body = {"verdict": "rejected", "reviewer": "mallory", "status": "confirmed", "start": 0, "text": "x"}
    assert review(reviewer_client, fact, body).json()["reviewer"] == "rita"
    fact.refresh_from_db()
    assert (fact.reviewer.username, fact.status, fact.start, fact.text) == (
        "rita", "rejected", fact.start, "at least 12 people were killed"
    )


def test_a_later_decision_replaces_the_status_and_keeps_the_history(reviewer_client):
    fact = FactFactory()
    review(reviewer_client, fact, {"verdict": "confirmed"})
    review(reviewer_client, fact, {"verdict": "rejected", "note": "double-counted"})
    fact.refresh_from_db()
    assert (fact.status, fact.revision) == ("rejected", 2)
    assert list(Review.objects.order_by("id").values_list("verdict", flat=True)) == ["confirmed", "rejected"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "verdict"),
        ({"verdict": "pending"}, "verdict"),
        ({"verdict": "true"}, "verdict"),
        ({"verdict": "confirmed", "revision": -1}, "revision"),
        ({"verdict": "confirmed", "revision": "latest"}, "revision"),
        ({"verdict": "confirmed", "note": "nul\x00byte"}, "note"),
    ],
    ids=["missing", "pending", "not-a-verdict", "negative-revision", "text-revision", "nul-in-note"],
)
def test_bad_decisions_are_400_naming_the_field_and_record_nothing(reviewer_client, body, field):
    fact = FactFactory()
    response = review(reviewer_client, fact, body)
    assert response.status_code == 400
    assert field in response.json()
    assert not Review.objects.exists()


def test_an_unknown_fact_is_404(reviewer_client):
    assert reviewer_client.post("/api/facts/424242/review/", {"verdict": "confirmed"}).status_code == 404


def test_get_is_not_allowed_on_the_action(reviewer_client):
    assert reviewer_client.get(f"/api/facts/{FactFactory().pk}/review/").status_code == 405


# --- concurrency: two reviewers read revision 0, both decide ------------------------------------


@pytest.fixture
def two_reviewers(reviewer):  # type: ignore[no-untyped-def]
    other = UserFactory(username="otto", reviewer=True)
    return token_client(reviewer), token_client(other)


def test_a_stale_revision_field_is_409_and_keeps_the_first_decision(two_reviewers):
    rita, otto = two_reviewers
    fact = FactFactory()
    seen = otto.get(f"/api/facts/{fact.pk}/").json()["revision"]
    assert review(rita, fact, {"verdict": "confirmed", "revision": seen}).status_code == 200
    late = review(otto, fact, {"verdict": "rejected", "revision": seen})
    assert late.status_code == 409
    assert late.json()["revision"] == 1 and "revision 1, not 0" in late.json()["detail"]
    fact.refresh_from_db()
    assert (fact.status, fact.reviewer.username, Review.objects.count()) == ("confirmed", "rita", 1)


def test_a_stale_if_match_is_412_and_keeps_the_first_decision(two_reviewers):
    rita, otto = two_reviewers
    fact = FactFactory()
    etag = otto.get(f"/api/facts/{fact.pk}/")["ETag"]
    assert review(rita, fact, {"verdict": "confirmed"}, HTTP_IF_MATCH=etag).status_code == 200
    late = review(otto, fact, {"verdict": "rejected"}, HTTP_IF_MATCH=etag)
    assert late.status_code == 412
    assert late["ETag"] == f'"{fact.pk}-1"'
    fact.refresh_from_db()
    assert (fact.status, fact.reviewer.username, Review.objects.count()) == ("confirmed", "rita", 1)


def test_deciding_again_on_the_fresh_etag_succeeds(two_reviewers):
    rita, otto = two_reviewers
    fact = FactFactory()
    review(rita, fact, {"verdict": "confirmed"})
    fresh = otto.get(f"/api/facts/{fact.pk}/")["ETag"]
    assert review(otto, fact, {"verdict": "rejected"}, HTTP_IF_MATCH=fresh).status_code == 200
    assert Fact.objects.get().status == FactStatus.REJECTED


@pytest.mark.parametrize(
    ("if_match", "expected"),
    [
        ('"{pk}-0"', 200),
        ('W/"{pk}-0"', 200),
        ('"0-0", "{pk}-0"', 200),
        ("*", 200),
        ('"{pk}-7"', 412),
        ('"{other}-0"', 412),
        ("garbage", 412),
        ("", 412),
    ],
    ids=["current", "weak", "one-of-a-list", "star", "future-revision", "another-facts-etag", "garbage", "empty"],
)
def test_if_match_forms(reviewer_client, if_match, expected):
    fact, other = FactFactory(), FactFactory()
    header = if_match.format(pk=fact.pk, other=other.pk)
    response = review(reviewer_client, fact, {"verdict": "confirmed"}, HTTP_IF_MATCH=header)
    assert response.status_code == expected
    assert Review.objects.count() == (1 if expected == 200 else 0)


def test_if_match_and_revision_must_agree(reviewer_client):
    fact = FactFactory()
    response = review(reviewer_client, fact, {"verdict": "confirmed", "revision": 3}, HTTP_IF_MATCH=f'"{fact.pk}-0"')
    assert response.status_code == 412
    assert not Review.objects.exists()


def test_reviewers_racing_in_threads_record_exactly_one_decision(transactional_db):
    """Both decide on revision 0 at the same moment: the row lock lets one win and shows the other a 409."""
    import threading

    from django.db import connection

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("an in-memory SQLite test database cannot be shared between threads (runs on PostgreSQL)")
    perm = reviewer_group().permissions.get(codename="review_fact")
    clients = []
    for name in ("rita", "otto"):
        user = UserFactory(username=name)
        user.user_permissions.add(perm)
        clients.append(token_client(user))
    fact = FactFactory()
    start = threading.Barrier(2)
    codes: list[int] = []

    def decide(client, verdict):  # type: ignore[no-untyped-def]
        try:
            start.wait(timeout=10)
            codes.append(review(client, fact, {"verdict": verdict, "revision": 0}).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=pair) for pair in zip(clients, ("confirmed", "rejected"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(codes) == [200, 409]
    fact.refresh_from_db()
    assert (fact.revision, Review.objects.count()) == (1, 1)
