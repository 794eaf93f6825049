"""API fixtures: clients authenticated as each kind of user, and a registry tests control."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth.models import Permission
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from extractors.base import Context, Extraction, Extractor
from extractors.registry import Registry


class KilledCounts(Extractor):
    """``12 people were killed`` → a casualty count of 12: just enough extraction to test the API with."""

    name = "killed"
    version = "0.1"
    kinds = ("casualty",)

    def extract(self, text: str, context: Context) -> Iterator[Extraction]:
        words = text.split(" ")
        pos = 0
        for i, word in enumerate(words):
            if word.isdigit() and "killed" in " ".join(words[i + 1 : i + 4]):
                n = int(word)
                value = {"min": n, "max": n, "qualifier": "exact"}
                yield Extraction("casualty", pos, pos + len(word), word, value, "digits")
            pos += len(word) + 1


def token_client(user) -> APIClient:  # type: ignore[no-untyped-def]
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def anon() -> APIClient:
    return APIClient()


@pytest.fixture
def reader(db):  # type: ignore[no-untyped-def]
    """Logged in, no permissions at all: may read, may not decide or add."""
    from tests.factories import UserFactory

    return UserFactory(username="reader", is_staff=False)


@pytest.fixture
def reader_client(reader) -> APIClient:  # type: ignore[no-untyped-def]
    return token_client(reader)


@pytest.fixture
def reviewer_client(reviewer) -> APIClient:  # type: ignore[no-untyped-def]
    return token_client(reviewer)


@pytest.fixture
def loader(db):  # type: ignore[no-untyped-def]
    """May add documents (factcheck.add_document) but not review."""
    from tests.factories import UserFactory

    user = UserFactory(username="wire-desk", is_staff=False)
    user.user_permissions.add(Permission.objects.get(codename="add_document"))
    return user


@pytest.fixture
def loader_client(loader) -> APIClient:  # type: ignore[no-untyped-def]
    return token_client(loader)


@pytest.fixture
def killed_registry(monkeypatch) -> Registry:  # type: ignore[no-untyped-def]
    """Extraction through the API uses only KilledCounts: installed plugins cannot leak in."""
    registry = Registry.from_extractors([KilledCounts()])
    monkeypatch.setattr("factcheck.registry.configured_registry", lambda: registry)
    return registry


@pytest.fixture(autouse=True)
def fast_passwords(settings):  # type: ignore[no-untyped-def]
    """Factories set passwords; the real hasher's deliberate slowness buys nothing in these tests."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
