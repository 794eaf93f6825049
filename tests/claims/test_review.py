"""Deciding a claim decides its facts, once, through review_fact; facts decided on their own keep their decision."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from rest_framework.test import APIClient

from factcheck.claims import review as claim_review
from factcheck.claims.review import review_claim
from factcheck.models import Claim, Fact, Review
from factcheck.reviewing import review_fact
from tests.claims.helpers import build, claim_of, doc, killed
from tests.factories import CorpusFactory

pytestmark = pytest.mark.django_db

REPORTS = [
    "Officials said 61 civilians were killed when a missile hit the railway station in Kramatorsk.",
    "A missile hit the Kramatorsk railway station and 61 civilians were killed, Ukraine said.",
    "Rescuers at the Kramatorsk railway station said 61 civilians were killed by the missile.",
]


@pytest.fixture
def claim() -> Claim:
    corpus = CorpusFactory(name="reviews")
    facts = [killed(doc(corpus, text), "61 civilians were killed", 61, "civilians") for text in REPORTS]
    build(corpus)
    found = claim_of(facts[0])
    assert found.facts_count == 3
    return found


def test_confirming_a_claim_confirms_each_fact_with_a_review(claim, reviewer) -> None:  # type: ignore[no-untyped-def]
    decision = review_claim(claim, reviewer, "confirmed", "three outlets agree")
    assert decision.reviews.count() == 3 and decision.skipped == []
    assert set(claim.facts.values_list("status", flat=True)) == {"confirmed"}
    assert Review.objects.filter(reviewer=reviewer, verdict="confirmed", note="three outlets agree").count() == 3
    assert claim.status == "confirmed"


def test_a_fact_decided_on_its_own_keeps_its_decision(claim, reviewer) -> None:  # type: ignore[no-untyped-def]
    own = claim.facts.order_by("id").last()
    review_fact(own, reviewer, "rejected", "the figure is misread")
    decision = review_claim(claim, reviewer, "confirmed")
    own.refresh_from_db()
    assert own.status == "rejected" and decision.skipped == [own.pk]
    assert decision.reviews.count() == 2
    assert claim.status == "mixed"


def test_a_later_claim_decision_overrides_an_earlier_claim_decision(claim, reviewer) -> None:  # type: ignore[no-untyped-def]
    review_claim(claim, reviewer, "confirmed")
    decision = review_claim(claim, reviewer, "rejected")
    assert decision.reviews.count() == 3 and claim.status == "rejected"


def test_claim_review_needs_the_permission(claim, staff_reader) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        review_claim(claim, staff_reader, "confirmed")
    assert not Review.objects.exists()


def test_a_failure_midway_records_nothing(claim, reviewer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls = []

    def flaky(fact, user, verdict, note=""):  # type: ignore[no-untyped-def]
        calls.append(fact)
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return review_fact(fact, user, verdict, note)

    monkeypatch.setattr(claim_review, "review_fact", flaky)
    with pytest.raises(RuntimeError):
        review_claim(claim, reviewer, "confirmed")
    assert not Review.objects.exists()
    assert set(Fact.objects.values_list("status", flat=True)) == {"pending"}


def test_the_api_reviews_a_claim(claim, reviewer) -> None:  # type: ignore[no-untyped-def]
    client = APIClient()
    client.force_authenticate(reviewer)
    response = client.post(f"/api/claims/{claim.pk}/review/", {"verdict": "confirmed"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["claim"]["status"] == "confirmed"
    assert response.json()["reviewed"] == sorted(claim.facts.values_list("id", flat=True))


def test_the_api_refuses_a_reader_and_a_bad_verdict(claim, reviewer, staff_reader) -> None:  # type: ignore[no-untyped-def]
    client = APIClient()
    client.force_authenticate(staff_reader)
    assert client.post(f"/api/claims/{claim.pk}/review/", {"verdict": "confirmed"}).status_code == 403
    client.force_authenticate(reviewer)
    assert client.post(f"/api/claims/{claim.pk}/review/", {"verdict": "maybe"}).status_code == 400
    assert not Review.objects.exists()


def test_the_api_lists_claims_and_shows_facts_by_source(claim, staff_reader) -> None:  # type: ignore[no-untyped-def]
    client = APIClient()
    client.force_authenticate(staff_reader)
    listing = client.get("/api/claims/", {"has_conflict": "false"}).json()
    rows = listing["results"] if isinstance(listing, dict) else listing
    assert [(r["id"], r["documents_count"], r["sources_count"]) for r in rows] == [(claim.pk, 3, 3)]
    detail = client.get(f"/api/claims/{claim.pk}/").json()
    assert len(detail["sources"]) == 3
    sentences = [d["facts"][0]["sentence"] for s in detail["sources"] for d in s["documents"]]
    assert sorted(sentences) == sorted(REPORTS)


def test_the_admin_lists_a_claim_and_confirms_it(claim, reviewer, client) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import Permission

    reviewer.user_permissions.add(Permission.objects.get(codename="view_claim"))
    client.force_login(reviewer)
    page = client.get(f"/admin/factcheck/claim/{claim.pk}/change/")
    assert page.status_code == 200
    assert "Rescuers at the Kramatorsk railway station" in page.content.decode()
    response = client.post("/admin/factcheck/claim/", {"action": "confirm_claims", "_selected_action": [claim.pk]})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == "confirmed"
