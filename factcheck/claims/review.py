"""Decide a whole claim: one review per fact, through ``review_fact``, all or none.

A fact whose latest decision was taken on its own (not through a claim) keeps
it: a reviewer who looked at that sentence knows something the claim-level
decision does not. Facts decided earlier through a claim may be decided
again through a claim.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction

from factcheck.claims.build import refresh_status
from factcheck.models import Claim, ClaimReview, Fact, FactStatus, Review, Verdict
from factcheck.reviewing import can_review, review_fact


def decided_on_its_own(fact: Fact) -> bool:
    if fact.status == FactStatus.PENDING:
        return False
    latest = Review.objects.filter(fact=fact).order_by("-created_at", "-id").first()
    return latest is None or not latest.claim_reviews.exists()


def review_claim(claim: Claim, user: AbstractBaseUser, verdict: str, note: str = "") -> ClaimReview:
    """Record ``verdict`` on every fact of ``claim`` not decided on its own; returns the claim review."""
    if not can_review(user):
        raise PermissionDenied("You do not have permission to review facts.")
    if verdict not in Verdict.values:
        raise ValueError(f"Unknown verdict {verdict!r}: use one of {', '.join(Verdict.values)}.")
    with transaction.atomic():
        locked = Claim.objects.select_for_update().get(pk=claim.pk)
        decision = ClaimReview.objects.create(
            claim=locked, claim_key=locked.key, claim_label=locked.label, reviewer=user, verdict=verdict, note=note
        )
        reviews, skipped = [], []
        for fact in Fact.objects.filter(claim_membership__claim=locked).order_by("id"):
            if decided_on_its_own(fact):
                skipped.append(fact.pk)
                continue
            reviews.append(review_fact(fact, user, verdict, note or f"claim: {locked.label}"))
        decision.reviews.set(reviews)
        decision.skipped = skipped
        decision.save(update_fields=["skipped"])
        refresh_status(locked)
    claim.refresh_from_db()
    return decision
