"""Record a reviewer's decision: the one code path the admin and the API both call.

The reviewer is always the authenticated user handed in by the caller, never
a form field. A decision appends a ``Review`` and stamps the fact in the same
transaction, under a row lock, so two reviewers deciding at once are
serialized and a client that names the revision it saw cannot overwrite a
decision it never saw.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from factcheck.access import scope
from factcheck.models import Fact, Review, Verdict

REVIEW_PERMISSION = "factcheck.review_fact"

#: Cache key of a token that names the current generation of cached fact counts (the admin's
#: status header): a new token after every decision makes every cached count stale at once.
FACT_COUNTS_GENERATION_KEY = "factcheck:fact-counts-generation"


def fact_counts_changed() -> None:
    """Start a new generation of cached fact counts, once the current transaction (if any) commits.

    After commit, not before: a page rendered between the two would cache the old counts
    under the new generation.
    """
    transaction.on_commit(lambda: cache.set(FACT_COUNTS_GENERATION_KEY, uuid.uuid4().hex, None))


class StaleRevision(Exception):
    """The fact changed since the client read it."""

    def __init__(self, fact: Fact, expected: int) -> None:
        self.fact = fact
        self.expected = expected
        super().__init__(
            f"Fact {fact.pk} is at revision {fact.revision}, not {expected}: "
            "another decision was recorded since you read it. Reload the fact and decide again."
        )


def can_review(user: AbstractBaseUser | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_perm(REVIEW_PERMISSION))


def review_fact(
    fact: Fact | int,
    user: AbstractBaseUser,
    verdict: str,
    note: str = "",
    expected_revision: int | None = None,
) -> Review:
    """Record ``verdict`` on ``fact`` by ``user``; returns the new Review."""
    if not can_review(user):
        raise PermissionDenied("You do not have permission to review facts.")
    if verdict not in Verdict.values:
        raise ValueError(f"Unknown verdict {verdict!r}: use one of {', '.join(Verdict.values)}.")
    pk = fact.pk if isinstance(fact, Fact) else fact
    with transaction.atomic():
        # A fact of a corpus the user may not see does not exist for them (factcheck.access).
        visible = scope(Fact.objects.all(), user, "document__corpus")
        locked = visible.select_for_update(of=("self",)).get(pk=pk)
        if expected_revision is not None and locked.revision != expected_revision:
            raise StaleRevision(locked, expected_revision)
        review = Review.objects.create(fact=locked, reviewer=user, verdict=verdict, note=note)
        locked.status = verdict
        locked.reviewer = user
        locked.reviewed_at = review.created_at or timezone.now()
        locked.note = note
        locked.revision += 1
        locked.save(update_fields=["status", "reviewer", "reviewed_at", "note", "revision"])
        fact_counts_changed()
    if isinstance(fact, Fact):
        fact.refresh_from_db()
    return review


def review_facts(facts: Iterable[Fact | int], user: AbstractBaseUser, verdict: str, note: str = "") -> list[Review]:
    """Record the same decision on many facts, all or none."""
    with transaction.atomic():
        return [review_fact(f, user, verdict, note) for f in facts]
