"""manage.py issue_token: the way a newcomer gets a token."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def issue(*args: str) -> str:
    out = StringIO()
    call_command("issue_token", *args, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def test_it_prints_a_working_token_and_only_that(reviewer):
    key = issue("rita")
    assert key == Token.objects.get(user=reviewer).key and len(key) == 40
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/facts/").status_code == 200


def test_asking_again_returns_the_same_token(reviewer):
    assert issue("rita") == issue("rita")


def test_rotate_replaces_the_token_and_the_old_one_stops_working(reviewer):
    old = issue("rita")
    new = issue("rita", "--rotate")
    assert new != old
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {old}")
    assert client.get("/api/facts/").status_code == 401


def test_an_unknown_user_is_an_error_that_says_how_to_create_one(db):
    with pytest.raises(CommandError, match="No user named 'nobody'.*create_reviewer nobody"):
        issue("nobody")


def test_an_inactive_user_gets_no_token(reviewer):
    reviewer.is_active = False
    reviewer.save()
    with pytest.raises(CommandError, match="inactive"):
        issue("rita")
    assert not Token.objects.exists()
