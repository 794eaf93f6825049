"""Reviewers' decisions are never lost: no code path edits or deletes a Review, or cascades one away."""

from __future__ import annotations

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from factcheck.models import Document, Fact, Review
from factcheck.reviewing import review_fact
from tests.factories import FactFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(reviewer):
    fact = FactFactory()
    review_fact(fact, reviewer, "confirmed", "matches the ministry's figure")
    return fact


def test_a_review_cannot_be_saved_again_updated_or_deleted(decided):
    review = Review.objects.get()
    review.note = "rewritten history"
    with pytest.raises(TypeError, match="append-only"):
        review.save()
    with pytest.raises(TypeError, match="append-only"):
        review.delete()
    with pytest.raises(TypeError, match="append-only"):
        Review.objects.filter(pk=review.pk).update(note="x")
    with pytest.raises(TypeError, match="append-only"):
        Review.objects.all().delete()
    assert Review.objects.get().note == "matches the ministry's figure"


def test_deleting_a_document_with_reviewed_facts_is_refused(decided):
    with pytest.raises(ProtectedError):
        decided.document.delete()
    with pytest.raises(ProtectedError):
        decided.document.corpus.delete()
    assert Review.objects.count() == 1 and Fact.objects.filter(pk=decided.pk).exists()


def test_a_document_with_only_pending_facts_can_be_deleted():
    fact = FactFactory()
    fact.document.delete()
    assert not Document.objects.exists() and not Fact.objects.exists()


def test_the_admin_refuses_to_delete_a_document_with_decisions(decided, client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client.force_login(UserFactory(username="root", is_superuser=True))
    url = reverse("admin:factcheck_document_delete", args=[decided.document_id])
    page = client.get(url)
    assert page.status_code == 200 and b"Cannot delete document" in page.content
    client.post(url, {"post": "yes"})
    assert Document.objects.filter(pk=decided.document_id).exists()
    assert Review.objects.count() == 1


def test_the_admin_offers_no_way_to_change_or_delete_a_review(decided, client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client.force_login(UserFactory(username="root", is_superuser=True))
    review = Review.objects.get()
    change = client.post(reverse("admin:factcheck_review_change", args=[review.pk]), {"note": "x"})
    delete = client.post(reverse("admin:factcheck_review_delete", args=[review.pk]), {"post": "yes"})
    assert change.status_code in (302, 403) and delete.status_code == 403
    assert Review.objects.get().note == "matches the ministry's figure"


def test_the_api_offers_no_way_to_change_or_delete_a_review(decided):
    from tests.api.conftest import token_client

    client = token_client(UserFactory(username="root", is_superuser=True))
    review = Review.objects.get()
    for method in ("put", "patch", "delete"):
        assert getattr(client, method)(f"/api/reviews/{review.pk}/", {"note": "x"}, format="json").status_code == 405
    assert Review.objects.get().note == "matches the ministry's figure"
