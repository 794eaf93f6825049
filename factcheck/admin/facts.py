"""The fact list and a fact's page: where a reviewer spends the day.

Built for a million facts: the list never counts the whole table twice, its
filters read corpora, documents and the extractor registry rather than facts,
the status counts in its header come from a short-lived cache, and every row's
data comes from one joined query. Decisions go through ``factcheck.reviewing``,
which the REST API calls too; nothing here writes a Review itself.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.cache import cache
from django.db.models import Count, IntegerField, QuerySet
from django.db.models.expressions import RawSQL
from django.http import HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString

from factcheck.access import scope, visible_corpus_ids
from factcheck.admin.display import format_value, kind_chip, status_badge
from factcheck.admin.filters import ExtractorFilter, KindFilter
from factcheck.admin.scoping import CorpusScopedAdmin, VisibleCorpusFilter
from factcheck.admin.review_views import ReviewViews, next_pending_id
from factcheck.admin.reviews import ReviewInline
from factcheck.evidence import evidence_html
from factcheck.models import Fact, FactStatus, Verdict
from factcheck.reviewing import FACT_COUNTS_GENERATION_KEY, can_review, fact_counts_changed, review_facts

#: Pending facts first, then by id: the order a reviewer works through them. Literal SQL, not
#: Case(When(...)): Django would bind 'pending', 0 and 1 as parameters, and a database can only
#: use an index on this expression (see PENDING_FIRST_INDEX_SQL) when the query spells it out.
PENDING_FIRST = RawSQL(
    f"CASE WHEN \"{Fact._meta.db_table}\".\"status\" = '{FactStatus.PENDING}' THEN 0 ELSE 1 END",
    (),
    output_field=IntegerField(),
)

#: How long the header's status counts may be served from the cache. A decision starts
#: a new generation at once (factcheck.reviewing); new or deleted facts wait this long.
STATUS_COUNTS_SECONDS = 30

#: What the extractor produced; read-only once a reviewer has decided on it.
EXTRACTED_FIELDS = ("document", "kind", "start", "end", "text", "value", "extractor", "extractor_version", "rule")
#: The latest decision, mirrored from the Review rows; only ever set by a decision.
DECISION_FIELDS = ("status", "reviewer", "reviewed_at", "note", "revision", "created_at")


class ReviewActionForm(helpers.ActionForm):
    """The action bar, with an optional note that confirm/reject store on every Review."""

    note = forms.CharField(
        required=False,
        label="Note",
        widget=forms.TextInput(attrs={"placeholder": "optional note", "size": 28, "class": "fc-note"}),
    )


class FactForm(forms.ModelForm):
    """Editing a pending fact (superusers only): the phrase always follows the span."""

    class Meta:
        model = Fact
        fields = ("kind", "start", "end", "value")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end, document = data.get("start"), data.get("end"), self.instance.document
        if start is not None and end is not None:
            if not 0 <= start < end <= len(document.text):
                raise forms.ValidationError(
                    f"The span {start}–{end} is not inside the document (0–{len(document.text)}) or is empty."
                )
            self.instance.text = document.text[start:end]
        return data


@admin.register(Fact)
class FactAdmin(CorpusScopedAdmin, ReviewViews, admin.ModelAdmin):
    corpus_path = "document__corpus"
    form = FactForm
    action_form = ReviewActionForm
    actions = ["confirm_selected", "reject_selected"]
    list_display = ("kind_column", "phrase", "readable_value", "document_link", "outlet", "status_column", "made_by")
    list_display_links = ("phrase",)
    list_filter = (
        KindFilter,  # choices from the extractor registry: no SELECT DISTINCT over the facts
        "status",
        ExtractorFilter,
        ("document__corpus", VisibleCorpusFilter),  # lists corpora, not the corpora of all facts: no scan of facts
        "document__outlet",
        "document__published",
    )
    search_fields = ("text", "document__title")
    search_help_text = "Search the phrase and the document title."
    list_select_related = ("document",)
    list_per_page = 50
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER  # facet counts would scan every fact once per filter choice
    inlines = [ReviewInline]
    change_list_template = "admin/factcheck/fact/change_list.html"
    change_form_template = "admin/factcheck/fact/change_form.html"
    fieldsets = (
        ("Extracted", {"fields": EXTRACTED_FIELDS}),
        ("Decision", {"fields": DECISION_FIELDS}),
    )

    class Media:
        css = {"all": ("factcheck/admin.css",)}
        js = ("factcheck/review.js",)

    # --- permissions -------------------------------------------------------------------------

    def has_review_permission(self, request: HttpRequest) -> bool:
        return can_review(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # facts come from extractors, with provenance; never typed in

    def has_change_permission(self, request: HttpRequest, obj: Fact | None = None) -> bool:
        # A decided fact is evidence of a decision: its page becomes read-only for everyone.
        if obj is not None and obj.is_reviewed:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Fact | None = None) -> bool:
        if obj is not None and obj.is_reviewed:
            return False
        return super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request: HttpRequest, obj: Fact | None = None) -> tuple[str, ...]:
        editable = set(FactForm.Meta.fields)
        return tuple(f for f in EXTRACTED_FIELDS + DECISION_FIELDS if f not in editable)

    # --- queries -----------------------------------------------------------------------------

    def get_queryset(self, request: HttpRequest) -> QuerySet[Fact]:
        qs = super().get_queryset(request)
        if _is_changelist(request):
            # Rows show the document's title and outlet, never its (possibly megabytes of) text.
            return qs.select_related("document").defer("document__text")
        return qs.select_related("document", "reviewer")

    def get_object(self, request: HttpRequest, object_id: str, from_field: str | None = None) -> Fact | None:
        # change_view asks twice (once here for the review panel, once in Django): one query serves both.
        cache: dict[tuple[str, str | None], Fact | None] = request.__dict__.setdefault("_factcheck_facts", {})
        if (object_id, from_field) not in cache:
            cache[object_id, from_field] = super().get_object(request, object_id, from_field)
        return cache[object_id, from_field]

    def get_ordering(self, request: HttpRequest) -> list[Any]:
        if request.GET.get("status__exact"):
            return ["id"]  # one status: the (status, id) index gives the order for free
        return [PENDING_FIRST.asc(), "id"]

    def get_list_display(self, request: HttpRequest) -> tuple[str, ...]:
        columns = tuple(super().get_list_display(request))
        return columns + ("decide",) if can_review(request.user) else columns

    # --- columns -----------------------------------------------------------------------------

    @admin.display(description="kind", ordering="kind")
    def kind_column(self, fact: Fact) -> SafeString:
        return kind_chip(fact.kind)

    @admin.display(description="phrase", ordering="text")
    def phrase(self, fact: Fact) -> str:
        return fact.text if len(fact.text) <= 80 else fact.text[:79] + "…"

    @admin.display(description="value")
    def readable_value(self, fact: Fact) -> str:
        return format_value(fact.kind, fact.value)

    @admin.display(description="document", ordering="document__title")
    def document_link(self, fact: Fact) -> SafeString:
        title = str(fact.document)
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:factcheck_document_change", args=[fact.document_id]),
            title if len(title) <= 60 else title[:59] + "…",
        )

    @admin.display(description="outlet", ordering="document__outlet")
    def outlet(self, fact: Fact) -> str:
        return fact.document.outlet

    @admin.display(description="status", ordering=PENDING_FIRST)
    def status_column(self, fact: Fact) -> SafeString:
        return status_badge(fact.status)

    @admin.display(description="extractor", ordering="extractor")
    def made_by(self, fact: Fact) -> str:
        return f"{fact.extractor} {fact.extractor_version}"

    @admin.display(description="decide")
    def decide(self, fact: Fact) -> SafeString:
        """One-click buttons; they submit the list's own form (CSRF token included) to the review view."""
        token = f"{fact.pk}:{fact.revision}"
        buttons = [
            format_html(
                '<button type="submit" class="fc-row-btn fc-{0}" name="fact" value="{1}" formaction="{2}" '
                'title="{3} this fact">{4}</button>',
                verdict,
                token,
                reverse("admin:factcheck_fact_review", args=[verdict]),
                label,
                symbol,
            )
            for verdict, label, symbol in ((Verdict.CONFIRMED, "Confirm", "✓"), (Verdict.REJECTED, "Reject", "✗"))
            if fact.status != verdict
        ]
        return format_html("{}", SafeString(" ".join(buttons)))

    # --- actions -----------------------------------------------------------------------------

    @admin.action(permissions=["review"], description="Confirm selected facts")
    def confirm_selected(self, request: HttpRequest, queryset: QuerySet[Fact]) -> None:
        self._decide(request, queryset, Verdict.CONFIRMED)

    @admin.action(permissions=["review"], description="Reject selected facts")
    def reject_selected(self, request: HttpRequest, queryset: QuerySet[Fact]) -> None:
        self._decide(request, queryset, Verdict.REJECTED)

    def _decide(self, request: HttpRequest, queryset: QuerySet[Fact], verdict: str) -> None:
        ids = list(queryset.order_by().values_list("pk", flat=True))
        review_facts(ids, request.user, verdict, note=request.POST.get("note", "").strip())  # type: ignore[arg-type]
        self.message_user(request, f"{verdict.capitalize()} {len(ids)} fact{'s' if len(ids) != 1 else ''}.")

    # --- pages -------------------------------------------------------------------------------

    def get_urls(self) -> list[Any]:
        view = self.admin_site.admin_view(self.review_view)
        return [path("review/<str:verdict>/", view, name="factcheck_fact_review"), *super().get_urls()]

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        context = {
            "status_counts": status_counts(request.user),
            "status_counts_seconds": STATUS_COUNTS_SECONDS,
            "can_review": can_review(request.user),
            **(extra_context or {}),
        }
        context["review_urls"] = {v: reverse("admin:factcheck_fact_review", args=[v]) for v in Verdict.values}
        return super().changelist_view(request, context)

    def delete_model(self, request: HttpRequest, obj: Fact) -> None:
        super().delete_model(request, obj)
        fact_counts_changed()

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Fact]) -> None:
        super().delete_queryset(request, queryset)
        fact_counts_changed()

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        fact = self.get_object(request, object_id)
        context = dict(extra_context or {})
        if fact is not None and self.has_view_or_change_permission(request, fact):
            context.update(self.review_panel_context(request, fact))
        return super().change_view(request, object_id, form_url, context)

    def review_panel_context(self, request: HttpRequest, fact: Fact) -> dict[str, Any]:
        following = next_pending_id(fact.pk, request.user)
        filters = request.GET.get("_changelist_filters", "")
        suffix = f"?{urlencode({'_changelist_filters': filters})}" if filters else ""
        return {
            "fact": fact,
            "can_review": can_review(request.user),
            "evidence": evidence_html(fact.document.text, fact.start, fact.end, fact.kind),
            "readable_value": format_value(fact.kind, fact.value),
            "status": status_badge(fact.status),
            "kind": kind_chip(fact.kind),
            "document_url": reverse("admin:factcheck_document_change", args=[fact.document_id]),
            "review_urls": {v: reverse("admin:factcheck_fact_review", args=[v]) for v in Verdict.values},
            "changelist_filters": filters,
            "next_pending_url": (
                reverse("admin:factcheck_fact_change", args=[following]) + suffix if following else ""
            ),
        }


def _is_changelist(request: HttpRequest) -> bool:
    match = request.resolver_match
    return bool(match and match.url_name and match.url_name.endswith("_changelist"))


def status_counts(user: AbstractBaseUser | AnonymousUser) -> list[dict[str, Any]]:
    """How many of the facts ``user`` may see are pending, confirmed and rejected.

    Exact when computed, but one grouped query still reads every visible fact
    (about 180 ms over a million on PostgreSQL), so the result is cached for
    ``STATUS_COUNTS_SECONDS`` per set of visible corpora and per generation,
    which every decision renews.
    """
    changelist = reverse("admin:factcheck_fact_changelist")
    counts = _cached_counts(user)
    return [
        {"status": s, "count": counts.get(s, 0), "url": f"{changelist}?{urlencode({'status__exact': s})}"}
        for s in FactStatus.values
    ]


def _cached_counts(user: AbstractBaseUser | AnonymousUser) -> dict[str, int]:
    generation = cache.get(FACT_COUNTS_GENERATION_KEY)
    if generation is None:  # a cold cache: agree with any other process on the first generation
        cache.add(FACT_COUNTS_GENERATION_KEY, "0", None)
        generation = cache.get(FACT_COUNTS_GENERATION_KEY, "0")
    ids = visible_corpus_ids(user)
    corpora = "all" if ids is None else hashlib.sha256(",".join(map(str, sorted(ids))).encode()).hexdigest()[:32]
    key = f"factcheck:fact-status-counts:{generation}:{corpora}"  # hashed: short enough for memcached too
    counts: dict[str, int] | None = cache.get(key)
    if counts is None:
        visible = scope(Fact.objects.order_by(), user, "document__corpus")
        counts = dict(visible.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
        cache.set(key, counts, STATUS_COUNTS_SECONDS)
    return counts
