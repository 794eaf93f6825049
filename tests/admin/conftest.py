"""Admin test helpers: logged-in clients and a few facts of every kind."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.factories import DocumentFactory, FactFactory

CHANGELIST = "admin:factcheck_fact_changelist"


def review_url(verdict: str) -> str:
    return reverse("admin:factcheck_fact_review", args=[verdict])


def fact_url(fact) -> str:  # type: ignore[no-untyped-def]
    return reverse("admin:factcheck_fact_change", args=[fact.pk])


@pytest.fixture(autouse=True)
def fast_passwords(settings):  # type: ignore[no-untyped-def]
    """Every test here makes users; the production hasher would spend most of the suite's time hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():  # type: ignore[no-untyped-def]
    """The fact list caches its status counts; each test's database starts empty, so must the cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reviewer_client(client, reviewer):  # type: ignore[no-untyped-def]
    client.force_login(reviewer)
    return client


@pytest.fixture
def reader_client(client, staff_reader):  # type: ignore[no-untyped-def]
    client.force_login(staff_reader)
    return client


@pytest.fixture
def fact(db):  # type: ignore[no-untyped-def]
    return FactFactory(document__title="Kyiv report", document__outlet="Wire")


@pytest.fixture
def facts(db):  # type: ignore[no-untyped-def]
    """Three pending facts in one document."""
    document = DocumentFactory(text="Story: at least 12 people were killed on Monday, officials said.")
    return [
        FactFactory(document=document),
        FactFactory(
            document=document,
            kind="date",
            start=document.text.index("Monday"),
            end=document.text.index("Monday") + 6,
            value={"value": "2021-11-29", "granularity": "day", "relative": True},
            extractor="dates",
        ),
        FactFactory(
            document=document,
            kind="casualty",
            start=document.text.index("12 people"),
            end=document.text.index("12 people") + 9,
            extractor="casualties",
            extractor_version="2.0.0",
        ),
    ]
