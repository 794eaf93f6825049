"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Property tests judge rules, not speed: on a loaded 2-core CI machine one slow example must not
# fail a run with DeadlineExceeded (speed is measured by ``benchmark_extractors``).
settings.register_profile("factcheck", deadline=None)
settings.load_profile("factcheck")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
GOLD = ROOT / "fixtures" / "gold"


@pytest.fixture
def reviewer(db):  # type: ignore[no-untyped-def]
    from tests.factories import UserFactory

    return UserFactory(username="rita", reviewer=True)


@pytest.fixture
def staff_reader(db):  # type: ignore[no-untyped-def]
    """Staff who may read facts but not decide on them."""
    from django.contrib.auth.models import Permission

    from tests.factories import UserFactory

    user = UserFactory(username="sam")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_fact", "view_document", "view_review", "view_corpus"]))
    return user
