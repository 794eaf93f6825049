"""The API's viewsets: read-only lists and details, storing documents, and the review action."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.filters import SearchFilter
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from factcheck.access import can_see_corpus, scope
from factcheck.api import filters, serializers
from factcheck.api.concurrency import fact_etag, if_none_match, revision_from_if_match
from factcheck.api.pagination import FactcheckPagination
from factcheck.api.permissions import CanAddDocuments, CanReview
from factcheck.extraction import extract_document
from factcheck.loading import Loader
from factcheck.models import Corpus, Document, Fact, Review, text_sha256
from factcheck import registry
from factcheck.reviewing import StaleRevision, review_fact


def count_of(model: type, fk: str) -> Coalesce:
    """A per-row count as a correlated subquery: no GROUP BY over wide rows such as document text."""
    counted = model.objects.filter(**{fk: OuterRef("pk")}).order_by().values(fk).annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


class CorpusScoped:
    """Lists, details and actions see only the corpora the user may see (factcheck.access).

    ``filter_queryset`` is what DRF's list and ``get_object`` both go through,
    so a row of a hidden corpus is simply not found (404), never forbidden
    (which would tell that it exists).
    """

    corpus_path = "corpus"

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        scoped = scope(queryset, self.request.user, self.corpus_path)  # type: ignore[attr-defined]
        return super().filter_queryset(scoped)  # type: ignore[misc]


class APIViewSet(CorpusScoped, viewsets.GenericViewSet):
    pagination_class = FactcheckPagination
    filter_backends = [DjangoFilterBackend, filters.StableOrderingFilter, SearchFilter]


class CorpusViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, APIViewSet):
    """Corpora: named collections of documents."""

    corpus_path = ""
    queryset = Corpus.objects.annotate(document_count=count_of(Document, "corpus"))
    serializer_class = serializers.CorpusSerializer
    filterset_class = filters.CorpusFilter
    ordering_fields = ["id", "name", "created_at"]
    search_fields = ["name", "description"]


@extend_schema_view(
    create=extend_schema(
        request=serializers.DocumentCreateSerializer,
        responses={
            201: OpenApiResponse(serializers.DocumentCreatedSerializer, "Stored and extracted."),
            200: OpenApiResponse(
                serializers.DocumentCreatedSerializer,
                "The corpus already holds this exact text: the stored document, not extracted again.",
            ),
            400: OpenApiResponse(description="A field is invalid; the body names it."),
            403: OpenApiResponse(description="You lack factcheck.add_document."),
        },
    )
)
class DocumentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, APIViewSet):
    """Documents; one is fetched with its text and facts. POST stores one and extracts its facts."""

    filterset_class = filters.DocumentFilter
    ordering_fields = ["id", "published", "title", "outlet", "loaded_at"]
    search_fields = ["title", "outlet", "url"]

    def get_queryset(self) -> QuerySet[Document]:
        documents = Document.objects.select_related("corpus").annotate(fact_count=count_of(Fact, "document"))
        if self.action == "list":
            return documents.defer("text")
        return documents.prefetch_related(Prefetch("facts", queryset=Fact.objects.select_related("reviewer")))

    def get_serializer_class(self):  # type: ignore[no-untyped-def]
        if self.action == "list":
            return serializers.DocumentSerializer
        if self.action == "create":
            return serializers.DocumentCreateSerializer
        return serializers.DocumentDetailSerializer

    def get_permissions(self):  # type: ignore[no-untyped-def]
        if self.action == "create":
            return [IsAuthenticated(), CanAddDocuments()]
        return super().get_permissions()

    def create(self, request: Request, *args, **kwargs) -> Response:  # type: ignore[no-untyped-def]
        incoming = self.get_serializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        record = incoming.record
        errors: list[dict[str, str]] = []
        # One transaction: a document is never left stored without the facts its extraction produced.
        with transaction.atomic():
            corpus, _ = Corpus.objects.get_or_create(name=incoming.validated_data["corpus"].strip())
            if not can_see_corpus(request.user, corpus):
                raise PermissionDenied("You may not add documents to this corpus.")
            loader = Loader(corpus)
            loader.add(record)
            try:
                stats = loader.finish()
            except IntegrityError:  # the same text arrived concurrently and won the race
                stats = None
            created = bool(stats and stats.documents)
            if created:
                document = Document.objects.get(pk=stats.documents[0])  # type: ignore[union-attr]
                result = extract_document(document, registry.configured_registry())
                errors = [{"extractor": name, "reason": reason} for _, name, reason in result.errors]
        if not created:
            document = Document.objects.get(corpus=corpus, sha256=text_sha256(record.text))
        stored = self.get_queryset().get(pk=document.pk)
        stored.extraction_errors = errors
        body = serializers.DocumentCreatedSerializer(stored, context=self.get_serializer_context()).data
        if not created:
            return Response(body, status=status.HTTP_200_OK)
        location = reverse("document-detail", args=[stored.pk], request=request)
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": location})


@extend_schema_view(
    retrieve=extend_schema(
        parameters=[OpenApiParameter("If-None-Match", OpenApiTypes.STR, OpenApiParameter.HEADER)],
        responses={200: serializers.FactSerializer, 304: OpenApiResponse(description="Unchanged since that ETag.")},
    )
)
class FactViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, APIViewSet):
    """Facts with their provenance and review state. The only write is the review action."""

    corpus_path = "document__corpus"
    queryset = Fact.objects.select_related("reviewer").order_by("document_id", "start", "kind", "id")
    serializer_class = serializers.FactSerializer
    filterset_class = filters.FactFilter
    ordering_fields = ["id", "document", "document__published", "kind", "status", "start", "reviewed_at", "created_at"]
    search_fields = ["text", "note", "rule"]

    def retrieve(self, request: Request, *args, **kwargs) -> Response:  # type: ignore[no-untyped-def]
        fact = self.get_object()
        etag = fact_etag(fact)
        if if_none_match(request.headers.get("If-None-Match", ""), fact):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        return Response(self.get_serializer(fact).data, headers={"ETag": etag})

    @extend_schema(
        request=serializers.ReviewDecisionSerializer,
        parameters=[
            OpenApiParameter(
                "If-Match",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                description="The fact's ETag as you read it; a stale one gets 412 and records nothing.",
            )
        ],
        responses={
            200: OpenApiResponse(serializers.FactSerializer, "Recorded; the fact as it now stands."),
            400: OpenApiResponse(description="Bad verdict or revision."),
            403: OpenApiResponse(description="You lack the review permission."),
            404: OpenApiResponse(description="No such fact."),
            409: OpenApiResponse(description="`revision` is stale: someone decided since you read the fact."),
            412: OpenApiResponse(description="`If-Match` is stale: someone decided since you read the fact."),
        },
    )
    @action(
        detail=True,
        methods=["post"],
        permission_classes=[IsAuthenticated, CanReview],
        serializer_class=serializers.ReviewDecisionSerializer,  # the browsable API's form
    )
    def review(self, request: Request, pk: str | None = None) -> Response:
        """Confirm or reject a fact as the authenticated user."""
        fact = self.get_object()
        decision = self.get_serializer(data=request.data)
        decision.is_valid(raise_exception=True)
        field_revision = decision.validated_data.get("revision")
        if_match = request.headers.get("If-Match")
        header_revision = revision_from_if_match(if_match, fact) if if_match is not None else None
        if header_revision is not None and field_revision not in (None, header_revision):
            detail = f"If-Match names revision {header_revision} but the body says {field_revision}: they must agree."
            return self._stale(fact, status.HTTP_412_PRECONDITION_FAILED, detail)
        try:
            review_fact(
                fact,
                request.user,
                decision.validated_data["verdict"],
                note=decision.validated_data["note"],
                expected_revision=header_revision if header_revision is not None else field_revision,
            )
        except StaleRevision as exc:
            code = status.HTTP_412_PRECONDITION_FAILED if header_revision is not None else status.HTTP_409_CONFLICT
            return self._stale(exc.fact, code, str(exc))
        body = serializers.FactSerializer(fact, context=self.get_serializer_context()).data
        return Response(body, headers={"ETag": fact_etag(fact)})

    def _stale(self, fact: Fact, code: int, detail: str) -> Response:
        """Nothing was recorded; the body and ETag say where the fact stands now."""
        return Response({"detail": detail, "revision": fact.revision}, status=code, headers={"ETag": fact_etag(fact)})


class ReviewViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, APIViewSet):
    """Every decision ever recorded, newest first. Append-only: nothing here can be changed."""

    corpus_path = "fact__document__corpus"
    queryset = Review.objects.select_related("reviewer")
    serializer_class = serializers.ReviewSerializer
    filterset_class = filters.ReviewFilter
    ordering_fields = ["id", "created_at"]
    search_fields = ["note"]
