"""API throttling: an authenticated client past its rate gets 429 with Retry-After."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from tests.api.conftest import token_client
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_rates(monkeypatch):
    cache.clear()
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {**api_settings.DEFAULT_THROTTLE_RATES, "user": "3/minute"})
    yield
    cache.clear()


def test_a_user_past_the_rate_is_throttled(low_rates):
    client = token_client(UserFactory(username="hasty"))
    codes = [client.get("/api/facts/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = client.get("/api/facts/")
    assert response.status_code == 429 and int(response["Retry-After"]) > 0


def test_each_user_has_a_rate_of_their_own(low_rates):
    first, second = token_client(UserFactory(username="a")), token_client(UserFactory(username="b"))
    for _ in range(3):
        first.get("/api/facts/")
    assert first.get("/api/facts/").status_code == 429
    assert second.get("/api/facts/").status_code == 200


def test_both_anonymous_and_user_throttles_are_configured():
    names = [c.__name__ for c in api_settings.DEFAULT_THROTTLE_CLASSES]
    assert names == ["AnonRateThrottle", "UserRateThrottle"]
    assert set(api_settings.DEFAULT_THROTTLE_RATES) >= {"anon", "user"}
