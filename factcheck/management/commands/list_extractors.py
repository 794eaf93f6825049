"""list_extractors: what is installed, enabled, and what failed to load."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from factcheck.registry import configured_registry


class Command(BaseCommand):
    help = "List the extractors the 'factcheck.extractors' entry points provide, and any that failed to load."
    requires_system_checks: list[str] = []

    def handle(self, *args, **opts) -> None:  # type: ignore[no-untyped-def]
        registry = configured_registry()
        for ex in registry:
            doc = (type(ex).__doc__ or "").strip().splitlines()
            self.stdout.write(f"{ex.name:<16} {ex.version:<10} {', '.join(ex.kinds):<24} {doc[0] if doc else ''}")
        for name, reason in registry.errors.items():
            self.stdout.write(self.style.ERROR(f"{name:<16} FAILED     {reason}"))
