"""Who may do what: reading needs a login, deciding needs the review permission."""

from __future__ import annotations

from rest_framework.permissions import BasePermission

from factcheck.reviewing import can_review


class CanReview(BasePermission):
    """Holds ``factcheck.review_fact`` (the Reviewer group has it)."""

    message = "You do not have permission to review facts: ask for the Reviewer group."

    def has_permission(self, request, view) -> bool:  # type: ignore[no-untyped-def]
        return can_review(request.user)


class CanAddDocuments(BasePermission):
    """Holds ``factcheck.add_document``: storing documents runs extraction, so it is not for every reader."""

    message = "You do not have permission to add documents (factcheck.add_document)."

    def has_permission(self, request, view) -> bool:  # type: ignore[no-untyped-def]
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm("factcheck.add_document"))
