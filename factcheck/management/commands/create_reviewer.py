"""create_reviewer: a staff account in the Reviewer group, with a generated password printed once."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandParser

REVIEWER_GROUP = "Reviewer"


class Command(BaseCommand):
    help = "Create (or reset the password of) a reviewer account and print its generated password."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", nargs="?", default="reviewer")
        parser.add_argument("--email", default="")

    def handle(self, *args, **opts) -> None:  # type: ignore[no-untyped-def]
        User = get_user_model()
        user, created = User.objects.get_or_create(username=opts["username"], defaults={"email": opts["email"]})
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.is_staff = True
        user.is_active = True
        user.save()
        user.groups.add(Group.objects.get(name=REVIEWER_GROUP))
        verb = "created" if created else "password reset for"
        self.stdout.write(f"Reviewer account {verb}: username {user.get_username()!r} password {password!r}")
