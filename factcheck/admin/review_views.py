"""The POST endpoint behind every confirm/reject button: a row's, the list's bulk buttons and a fact's page.

The reviewer is ``request.user``; the form only says which facts, which
verdict and an optional note. A button carries the revision it was drawn
at, so a decision made meanwhile by someone else is reported, not overwritten.
"""

from __future__ import annotations

import copy
from typing import Any

from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.http import HttpResponseRedirect, QueryDict
from django.urls import reverse
from django.utils.http import urlencode

from factcheck.access import scope
from factcheck.models import Fact, FactStatus, Verdict
from factcheck.reviewing import StaleRevision, can_review, review_fact, review_facts

#: Longest note kept; a note is a reason, not an essay.
MAX_NOTE_CHARS = 2000


def next_pending_id(after: int, user: Any = None) -> int | None:
    """The next pending fact ``user`` may see after ``after`` by id, wrapping round; uses the (status, id) index."""
    pending = Fact.objects.filter(status=FactStatus.PENDING).order_by("pk").values_list("pk", flat=True)
    if user is not None:
        pending = scope(pending, user, "document__corpus")
    return pending.filter(pk__gt=after).first() or pending.exclude(pk=after).first()


def _parse_token(token: str) -> tuple[int, int | None]:
    """``"17:3"`` → fact 17 seen at revision 3; ``"17"`` → fact 17, any revision."""
    pk, _, revision = token.partition(":")
    return int(pk), int(revision) if revision else None


class ReviewViews:
    """Mixed into FactAdmin: the view its buttons post to."""

    def review_view(self, request: HttpRequest, verdict: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if verdict not in Verdict.values:
            raise Http404(f"Unknown verdict {verdict!r}.")
        if not can_review(request.user):
            raise PermissionDenied("You may read facts but not confirm or reject them.")
        note = request.POST.get("note", "").strip()[:MAX_NOTE_CHARS]
        try:
            if "fact" in request.POST:
                return self._decide_one(request, verdict, note)
            ids = [int(pk) for pk in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)]
        except ValueError:
            return HttpResponseBadRequest("Facts are named by their numeric id, optionally followed by :revision.")
        if request.POST.get("select_across") == "1":
            ids = list(self._filtered_queryset(request).order_by().values_list("pk", flat=True))
        if not ids:
            messages.warning(request, "Select the facts to decide on first: nothing was changed.")
            return self._back_to_list(request)
        try:
            review_facts(ids, request.user, verdict, note)  # type: ignore[arg-type]
        except Fact.DoesNotExist:
            messages.error(request, "One of the selected facts no longer exists: nothing was changed.")
            return self._back_to_list(request)
        messages.success(request, f"{verdict.capitalize()} {len(ids)} fact{'s' if len(ids) != 1 else ''}.")
        return self._back_to_list(request)

    def _decide_one(self, request: HttpRequest, verdict: str, note: str) -> HttpResponse:
        pk, revision = _parse_token(request.POST["fact"])
        try:
            review_fact(pk, request.user, verdict, note, expected_revision=revision)  # type: ignore[arg-type]
        except Fact.DoesNotExist:
            raise Http404(f"There is no fact {pk}.") from None
        except StaleRevision as stale:
            messages.error(request, str(stale))
            return HttpResponseRedirect(self._fact_url(request, stale.fact.pk))
        fact = Fact.objects.only("kind", "text").get(pk=pk)
        messages.success(request, f"{verdict.capitalize()} fact #{pk}: {fact.kind} “{fact.text}”.")
        if request.POST.get("_from") != "change":
            return self._back_to_list(request)
        if request.POST.get("_next_pending"):
            following = next_pending_id(pk, request.user)
            if following is None:
                messages.info(request, "No pending facts left.")
                return self._back_to_list(request)
            return HttpResponseRedirect(self._fact_url(request, following))
        return HttpResponseRedirect(self._fact_url(request, pk))

    def _filtered_queryset(self, request: HttpRequest) -> Any:
        """The facts the list showed, for "select all N facts": its filters come back in the POST."""
        listing = copy.copy(request)
        listing.GET = QueryDict(request.POST.get("_changelist_filters", ""))
        listing.method = "GET"
        changelist = self.get_changelist_instance(listing)  # type: ignore[attr-defined]
        return changelist.get_queryset(listing)

    def _back_to_list(self, request: HttpRequest) -> HttpResponse:
        filters = request.POST.get("_changelist_filters", "")
        url = reverse("admin:factcheck_fact_changelist")
        return HttpResponseRedirect(f"{url}?{filters}" if filters else url)

    def _fact_url(self, request: HttpRequest, pk: int) -> str:
        url = reverse("admin:factcheck_fact_change", args=[pk])
        filters = request.POST.get("_changelist_filters", "")
        return f"{url}?{urlencode({'_changelist_filters': filters})}" if filters else url
