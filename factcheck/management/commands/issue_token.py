"""issue_token: print an API token for an existing user, creating or rotating it."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = (
        "Print the API token of USERNAME, creating one if the user has none. "
        "--rotate replaces it, so the old token stops working at once. "
        "Only the token goes to stdout: TOKEN=$(python manage.py issue_token reviewer)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--rotate", action="store_true", help="Revoke the current token and issue a new one.")

    def handle(self, *args, **opts) -> None:  # type: ignore[no-untyped-def]
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: opts["username"]})
        except User.DoesNotExist:
            raise CommandError(
                f"No user named {opts['username']!r}. Create one first: python manage.py create_reviewer "
                f"{opts['username']} (or createsuperuser)."
            ) from None
        if not user.is_active:
            raise CommandError(f"User {opts['username']!r} is inactive: a token would not authenticate.")
        with transaction.atomic():
            if opts["rotate"]:
                Token.objects.filter(user=user).delete()
            token, created = Token.objects.get_or_create(user=user)
        verb = "issued" if created else "existing"
        self.stderr.write(f"{verb} token for {user.get_username()!r}")
        self.stdout.write(token.key)
