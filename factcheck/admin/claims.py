"""Claims in the admin: the list with counts and conflict flags, a page per claim with its facts by source,
and confirm/reject actions that decide every fact of a claim through ``review_claim``. Registers on import."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from factcheck.admin.scoping import CorpusScopedAdmin, VisibleCorpusFilter
from factcheck.claims.presentation import facts_by_source, relations
from factcheck.claims.review import review_claim
from factcheck.models import Claim, SourceGroup, Verdict
from factcheck.reviewing import can_review


@admin.register(Claim)
class ClaimAdmin(CorpusScopedAdmin):
    list_display = ["label", "kind", "documents_count", "sources_count", "has_conflict", "has_update", "status",
                    "first_published"]
    list_filter = ["kind", "status", "has_conflict", "has_update", ("corpus", VisibleCorpusFilter)]
    search_fields = ["label", "subject"]
    ordering = ["kind", "-sources_count", "-documents_count", "id"]
    actions = ["confirm_claims", "reject_claims"]
    fields = ["corpus", "kind", "label", "subject", "status", "facts_count", "documents_count", "sources_count",
              "has_conflict", "has_update", "first_published", "last_published", "related", "sources", "why"]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Claim | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Claim | None = None) -> bool:
        return False

    @admin.display(description="conflicts and updates")
    def related(self, claim: Claim) -> str:
        rows = relations(claim)
        if not rows:
            return "none"
        return format_html_join(
            "", "<p>{} <a href='{}'>{}</a>: {} documents, {} sources</p>",
            ((r["relation"].replace("_", " "), reverse("admin:factcheck_claim_change", args=[r["claim"]]), r["label"],
              r["documents_count"], r["sources_count"]) for r in rows),
        )

    @admin.display(description="facts by source")
    def sources(self, claim: Claim) -> str:
        parts = []
        for n, source in enumerate(facts_by_source(claim), 1):
            docs = []
            for d in source["documents"]:
                facts = format_html_join(
                    "", "<li>“{}” <em>({})</em> in: {}</li>", ((f["text"], f["status"], f["sentence"]) for f in d["facts"])
                )
                docs.append(format_html("<p><strong>{}</strong> {} {}</p><ul>{}</ul>", d["title"] or f"Document {d['id']}",
                                        d["outlet"], d["published"] or "", facts))
            parts.append(format_html("<h3>Source {}</h3>{}", n, format_html_join("", "{}", ((x,) for x in docs))))
        return format_html_join("", "{}", ((p,) for p in parts))

    def _decide(self, request: HttpRequest, queryset: QuerySet[Claim], verdict: str) -> None:
        if not can_review(request.user):
            raise PermissionDenied
        reviewed = skipped = 0
        for claim in queryset.order_by("pk"):
            result = review_claim(claim, request.user, verdict)  # type: ignore[arg-type]
            reviewed += result.reviews.count()
            skipped += len(result.skipped)
        self.message_user(
            request,
            f"{verdict.capitalize()} {queryset.count()} claim(s): {reviewed} fact(s) decided, "
            f"{skipped} kept as decided on their own.",
            messages.SUCCESS,
        )

    @admin.action(description="Confirm the selected claims (every fact not decided on its own)")
    def confirm_claims(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        self._decide(request, queryset, Verdict.CONFIRMED)

    @admin.action(description="Reject the selected claims (every fact not decided on its own)")
    def reject_claims(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        self._decide(request, queryset, Verdict.REJECTED)


@admin.register(SourceGroup)
class SourceGroupAdmin(CorpusScopedAdmin):
    list_display = ["key", "corpus", "size"]
    list_filter = [("corpus", VisibleCorpusFilter)]
    readonly_fields = ["corpus", "key", "size", "documents"]
    fields = readonly_fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: SourceGroup | None = None) -> bool:
        return False

    @admin.display(description="documents")
    def documents(self, group: SourceGroup) -> str:
        return format_html_join(
            "", "<p>{} (Jaccard {} with document {})</p>",
            ((fp.document, fp.similarity if fp.similarity is not None else "-", fp.near_duplicate_of_id or "-")
             for fp in group.fingerprints.select_related("document")),
        )
