"""Query-string filters for the list endpoints (django-filter), and a stable ordering.

The count filters compare ``value.min`` / ``value.max`` as numbers through
:class:`JSONNumber`, declared once as module constants so a PostgreSQL
expression index can later be built on exactly the same SQL
(``models.Index(VALUE_MIN, name=...)``).
"""

from __future__ import annotations

import datetime as dt

import django_filters
from django import forms
from django.db.models import F, FloatField, Func
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast
from django_filters.fields import IsoDateTimeField, RangeField
from django_filters.widgets import DateRangeWidget
from drf_spectacular.utils import extend_schema_field
from rest_framework.filters import OrderingFilter

from factcheck.models import Corpus, Document, Fact, FactStatus, Review, Verdict


class JSONNumber(Func):
    """``field[key]`` when it is a JSON number, else NULL.

    A plain cast gets both edge cases wrong: JSON ``null`` (an open-ended
    count) becomes 0 on SQLite, and a string makes PostgreSQL raise.
    """

    output_field = FloatField()

    def __init__(self, field: str, key: str) -> None:
        super().__init__(F(field))
        self.key = key

    def as_sql(self, compiler, connection, **extra):  # type: ignore[no-untyped-def, override]
        # Other backends: the portable cast, without the type guard.
        return compiler.compile(Cast(KeyTextTransform(self.key, self.source_expressions[0]), FloatField()))

    def as_postgresql(self, compiler, connection, **extra):  # type: ignore[no-untyped-def]
        sql, params = compiler.compile(self.source_expressions[0])
        return (
            f"(CASE WHEN jsonb_typeof({sql} -> %s) = 'number' THEN ({sql} ->> %s)::double precision END)",
            (*params, self.key, *params, self.key),
        )

    def as_sqlite(self, compiler, connection, **extra):  # type: ignore[no-untyped-def]
        sql, params = compiler.compile(self.source_expressions[0])
        path = f"$.{self.key}"
        return (
            f"(CASE WHEN json_type({sql}, %s) IN ('integer', 'real') THEN json_extract({sql}, %s) END)",
            (*params, path, *params, path),
        )


#: The lower and upper bound of a count fact; NULL when absent or null (open-ended).
VALUE_MIN = JSONNumber("value", "min")
VALUE_MAX = JSONNumber("value", "max")

#: Database ids are positive 64-bit integers; a larger one would overflow the driver (found by schemathesis).
MAX_ID = 2**63 - 1


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(django_filters.NumberFilter):
    """An id: ``?document=1.5`` or ``?fact=-99999999999999999999999`` is a 400, not a guess or a crash."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class UTCIsoDateTimeField(IsoDateTimeField):
    """ISO 8601 in, UTC out: PostgreSQL refuses offsets past ±15:59 that ISO 8601 and Python accept."""

    def to_python(self, value):  # type: ignore[no-untyped-def]
        parsed = super().to_python(value)
        if parsed is None or parsed.tzinfo is None:
            return parsed
        try:
            return parsed.astimezone(dt.timezone.utc)
        except OverflowError:  # 0001-01-01T00:00+10:00 is before year 1 in UTC
            raise forms.ValidationError("Date-time out of range.", code="invalid") from None


class UTCDateTimeRangeField(RangeField):
    widget = DateRangeWidget

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__((UTCIsoDateTimeField(), UTCIsoDateTimeField()), *args, **kwargs)


class UTCDateTimeFromToRangeFilter(django_filters.IsoDateTimeFromToRangeFilter):
    """``?created_after=...&created_before=...``, compared in UTC (a PostgreSQL DataError schemathesis found)."""

    field_class = UTCDateTimeRangeField


class StableOrderingFilter(OrderingFilter):
    """``?ordering=status`` with ``pk`` as the last key, so pages never repeat or skip a row on ties."""

    def get_ordering(self, request, queryset, view):  # type: ignore[no-untyped-def]
        ordering = super().get_ordering(request, queryset, view)
        if not ordering:
            return ordering
        ordering = list(ordering)
        if not any(key.lstrip("-") in {"pk", "id"} for key in ordering):
            ordering.append("pk")
        return ordering


class CorpusFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(help_text="Exact corpus name.")

    class Meta:
        model = Corpus
        fields = ["name"]


class DocumentFilter(django_filters.FilterSet):
    corpus = django_filters.CharFilter(field_name="corpus__name", help_text="Corpus name.")
    outlet = django_filters.CharFilter(help_text="Exact outlet name.")
    published = django_filters.DateFromToRangeFilter(
        help_text="Publication date range: published_after / published_before (YYYY-MM-DD, inclusive)."
    )

    class Meta:
        model = Document
        fields = ["corpus", "outlet", "published"]


class FactFilter(django_filters.FilterSet):
    kind = django_filters.CharFilter(help_text="Fact kind: casualty, troops, date, sanction, or a plugin's.")
    status = django_filters.ChoiceFilter(choices=FactStatus.choices)
    extractor = django_filters.CharFilter(help_text="Registered extractor name.")
    version = django_filters.CharFilter(field_name="extractor_version", help_text="Extractor version.")
    document = IdFilter(field_name="document_id", help_text="Document id.")
    corpus = django_filters.CharFilter(field_name="document__corpus__name", help_text="Corpus name.")
    outlet = django_filters.CharFilter(field_name="document__outlet", help_text="Exact outlet of the document.")
    published = django_filters.DateFromToRangeFilter(
        field_name="document__published",
        help_text="Document publication date range: published_after / published_before (inclusive).",
    )
    reviewer = django_filters.CharFilter(field_name="reviewer__username", help_text="Username of the last reviewer.")
    min_gte = django_filters.NumberFilter(method="filter_min_gte", help_text="Counts whose lower bound is at least N.")
    min_lte = django_filters.NumberFilter(method="filter_min_lte", help_text="Counts whose lower bound is at most N.")
    max_gte = django_filters.NumberFilter(method="filter_max_gte", help_text="Counts whose upper bound is at least N.")
    max_lte = django_filters.NumberFilter(
        method="filter_max_lte", help_text="Counts whose upper bound is at most N (open-ended counts never match)."
    )

    class Meta:
        model = Fact
        fields = ["kind", "status", "extractor", "version", "document", "corpus", "outlet", "published", "reviewer"]

    # One method per bound keeps each visible in the schema with its own help text.
    def filter_min_gte(self, queryset, name, value):  # type: ignore[no-untyped-def]
        return queryset.alias(value_min=VALUE_MIN).filter(value_min__gte=value)

    def filter_min_lte(self, queryset, name, value):  # type: ignore[no-untyped-def]
        return queryset.alias(value_min=VALUE_MIN).filter(value_min__lte=value)

    def filter_max_gte(self, queryset, name, value):  # type: ignore[no-untyped-def]
        return queryset.alias(value_max=VALUE_MAX).filter(value_max__gte=value)

    def filter_max_lte(self, queryset, name, value):  # type: ignore[no-untyped-def]
        return queryset.alias(value_max=VALUE_MAX).filter(value_max__lte=value)


class ReviewFilter(django_filters.FilterSet):
    verdict = django_filters.ChoiceFilter(choices=Verdict.choices)
    reviewer = django_filters.CharFilter(field_name="reviewer__username", help_text="Reviewer's username.")
    fact = IdFilter(field_name="fact_id", help_text="Fact id.")
    created = UTCDateTimeFromToRangeFilter(
        field_name="created_at", help_text="Decision time range: created_after / created_before (ISO 8601)."
    )

    class Meta:
        model = Review
        fields = ["verdict", "reviewer", "fact", "created"]
