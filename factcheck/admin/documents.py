"""Corpora and documents: a document's page shows its text with every fact marked, and the facts below."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString

from factcheck.admin.scoping import CorpusScopedAdmin, VisibleCorpusFilter
from factcheck.admin.display import format_value, kind_chip, status_badge
from factcheck.evidence import Highlight, highlight_html
from factcheck.models import Corpus, Document, Fact

METADATA_FIELDS = ("corpus", "title", "outlet", "url", "published", "source", "sha256", "loaded_at")


@admin.register(Corpus)
class CorpusAdmin(CorpusScopedAdmin):
    corpus_path = ""
    list_display = ("name", "description", "created_at", "documents_link")
    search_fields = ("name",)
    show_full_result_count = False

    @admin.display(description="documents")
    def documents_link(self, corpus: Corpus) -> SafeString:
        url = reverse("admin:factcheck_document_changelist") + "?" + urlencode({"corpus__id__exact": corpus.pk})
        return format_html('<a href="{}">documents →</a>', url)


class FactInline(admin.TabularInline):
    """The document's facts, read-only, each linking to its own page where decisions are made."""

    model = Fact
    fields = ("kind_column", "text", "readable_value", "status_column", "made_by")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    ordering = ("start", "kind")

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    @admin.display(description="kind")
    def kind_column(self, fact: Fact) -> SafeString:
        return kind_chip(fact.kind)

    @admin.display(description="value")
    def readable_value(self, fact: Fact) -> str:
        return format_value(fact.kind, fact.value)

    @admin.display(description="status")
    def status_column(self, fact: Fact) -> SafeString:
        return status_badge(fact.status)

    @admin.display(description="extractor")
    def made_by(self, fact: Fact) -> str:
        return f"{fact.extractor} {fact.extractor_version}"


@admin.register(Document)
class DocumentAdmin(CorpusScopedAdmin):
    list_display = ("title_or_id", "outlet", "published", "corpus", "facts_link")
    list_filter = (("corpus", VisibleCorpusFilter), "outlet", "published")
    search_fields = ("title", "url")
    list_select_related = ("corpus",)
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    inlines = [FactInline]

    class Media:
        css = {"all": ("factcheck/admin.css",)}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Document]:
        qs = super().get_queryset(request)
        match = request.resolver_match
        # The list never shows the text; only a document's own page loads it.
        return qs.defer("text") if match and (match.url_name or "").endswith("_changelist") else qs

    def get_fieldsets(self, request: HttpRequest, obj: Document | None = None) -> Any:
        if obj is None:
            return ((None, {"fields": ("corpus", "title", "outlet", "url", "published", "source", "text")}),)
        return (("Metadata", {"fields": METADATA_FIELDS}), ("Text and facts", {"fields": ("highlighted_text",)}))

    def get_readonly_fields(self, request: HttpRequest, obj: Document | None = None) -> tuple[str, ...]:
        # Facts point into the text by offset: once loaded, the text never changes (it is not in the form).
        always = ("sha256", "loaded_at", "highlighted_text")
        return always if obj is None else ("source", *always)

    @admin.display(description="title", ordering="title")
    def title_or_id(self, document: Document) -> str:
        return str(document)

    @admin.display(description="facts")
    def facts_link(self, document: Document) -> SafeString:
        url = reverse("admin:factcheck_fact_changelist") + "?" + urlencode({"document__id__exact": document.pk})
        return format_html('<a href="{}">facts →</a>', url)

    @admin.display(description="text")
    def highlighted_text(self, document: Document) -> SafeString:
        facts = document.facts.order_by("start").only("pk", "kind", "start", "end", "value", "status", "document_id")
        marks = [
            Highlight(
                f.start,
                f.end,
                f.kind,
                title=f"{f.kind} · {format_value(f.kind, f.value)} · {f.status}",
                url=reverse("admin:factcheck_fact_change", args=[f.pk]),
                status=f.status,
            )
            for f in facts
        ]
        return format_html('<div class="fc-document-text">{}</div>', highlight_html(document.text, marks))
