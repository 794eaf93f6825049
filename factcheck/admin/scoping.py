"""Admin side of per-corpus access (factcheck.access): lists, pages and filters show only visible corpora."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from factcheck.access import scope
from factcheck.models import Corpus


class CorpusScopedAdmin(admin.ModelAdmin):
    """Mixin: ``corpus_path`` leads from the model to its corpus ("" for Corpus itself)."""

    corpus_path = "corpus"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return scope(super().get_queryset(request), request.user, self.corpus_path)


class VisibleCorpusFilter(admin.RelatedFieldListFilter):
    """A corpus filter that offers only the corpora the user may see."""

    def field_choices(self, field: Any, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[Any, str]]:
        return [(c.pk, str(c)) for c in scope(Corpus.objects.order_by("name"), request.user, "")]
