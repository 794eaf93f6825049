"""The extractor registry as the settings configure it, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings

from extractors.registry import Registry


@lru_cache(maxsize=1)
def configured_registry() -> Registry:
    """Every installed extractor, filtered by FACTCHECK's EXTRACTORS_ENABLED / _DISABLED."""
    conf = settings.FACTCHECK
    return Registry.load(enabled=conf.get("EXTRACTORS_ENABLED"), disabled=conf.get("EXTRACTORS_DISABLED", ()))
