"""Review history: visible on a fact's page and in its own list, never editable or deletable here.

Reviews are append-only (the model refuses updates and deletes too); the
admin says so up front by offering no add, change or delete at all.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from factcheck.admin.scoping import CorpusScopedAdmin
from factcheck.admin.display import status_badge
from factcheck.models import Review


class ReadOnlyMixin:
    """No add, change or delete, whatever the user's permissions: history is only read."""

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class ReviewInline(ReadOnlyMixin, admin.TabularInline):
    model = Review
    fields = ("created_at", "reviewer", "verdict_badge", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name = "decision"
    verbose_name_plural = "review history"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Review]:
        return super().get_queryset(request).select_related("reviewer")

    @admin.display(description="verdict")
    def verdict_badge(self, review: Review) -> SafeString:
        return status_badge(review.verdict)


@admin.register(Review)
class ReviewAdmin(ReadOnlyMixin, CorpusScopedAdmin):
    corpus_path = "fact__document__corpus"
    list_display = ("created_at", "fact_link", "verdict_badge", "reviewer", "note")
    list_filter = ("verdict", "created_at")
    list_select_related = ("fact", "reviewer")
    search_fields = ("note", "reviewer__username")
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    date_hierarchy = None

    class Media:
        css = {"all": ("factcheck/admin.css",)}

    @admin.display(description="fact", ordering="fact_id")
    def fact_link(self, review: Review) -> SafeString:
        return format_html(
            '<a href="{}">#{} {}</a>',
            reverse("admin:factcheck_fact_change", args=[review.fact_id]),
            review.fact_id,
            review.fact.text,
        )

    @admin.display(description="verdict", ordering="verdict")
    def verdict_badge(self, review: Review) -> SafeString:
        return status_badge(review.verdict)
