"""Claims over the API: read-only lists and details, and ``POST /api/claims/{id}/review/``.

Register with the API router: ``router.register("claims", ClaimViewSet, basename="claim")``.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from factcheck.api.views import CorpusScoped
from factcheck.claims.presentation import facts_by_source, relations
from factcheck.claims.review import review_claim
from factcheck.models import Claim, Verdict
from factcheck.reviewing import can_review


class CanReviewClaims(BasePermission):
    message = "You do not have permission to review facts (factcheck.review_fact): ask for the Reviewer group."

    def has_permission(self, request, view) -> bool:  # type: ignore[no-untyped-def]
        return can_review(request.user)


class ClaimSerializer(serializers.ModelSerializer):
    corpus = serializers.SlugRelatedField(slug_field="name", read_only=True)

    class Meta:
        model = Claim
        fields = [
            "id", "corpus", "key", "kind", "label", "subject", "value", "facts_count", "documents_count",
            "sources_count", "has_conflict", "has_update", "status", "first_published", "last_published",
        ]
        read_only_fields = fields


class ClaimDetailSerializer(ClaimSerializer):
    why = serializers.JSONField(read_only=True)
    relations = serializers.SerializerMethodField()
    sources = serializers.SerializerMethodField()

    class Meta(ClaimSerializer.Meta):
        fields = ClaimSerializer.Meta.fields + ["why", "relations", "sources"]
        read_only_fields = fields

    def get_relations(self, claim: Claim) -> list[dict]:  # type: ignore[type-arg]
        return relations(claim)

    def get_sources(self, claim: Claim) -> list[dict]:  # type: ignore[type-arg]
        return facts_by_source(claim)


class ClaimDecisionSerializer(serializers.Serializer):
    verdict = serializers.ChoiceField(choices=Verdict.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)


class ClaimViewSet(CorpusScoped, viewsets.ReadOnlyModelViewSet):
    """Claims: one figure, date or measure as stated by one or more documents, counted by independent source."""

    queryset = Claim.objects.select_related("corpus")
    filterset_fields = ["kind", "status", "has_conflict", "has_update", "corpus__name"]
    ordering_fields = ["id", "kind", "documents_count", "sources_count", "first_published"]
    ordering = ["kind", "-sources_count", "-documents_count", "id"]
    search_fields = ["label", "subject"]

    def get_serializer_class(self):  # type: ignore[no-untyped-def]
        if self.action == "retrieve":
            return ClaimDetailSerializer
        if self.action == "review":
            return ClaimDecisionSerializer
        return ClaimSerializer

    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated, CanReviewClaims])
    def review(self, request: Request, pk: str | None = None) -> Response:
        """Confirm or reject every fact of the claim in one transaction; facts decided on their own keep their
        decision and are listed under ``skipped``."""
        claim = self.get_object()
        decision = ClaimDecisionSerializer(data=request.data)
        decision.is_valid(raise_exception=True)
        try:
            result = review_claim(claim, request.user, decision.validated_data["verdict"],
                                  decision.validated_data["note"])
        except DjangoPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from None
        return Response(
            {
                "claim": ClaimSerializer(claim, context=self.get_serializer_context()).data,
                "verdict": result.verdict,
                "reviewed": sorted(r.fact_id for r in result.reviews.all()),
                "skipped": result.skipped,
            }
        )
