"""What the API shows and accepts. Everything a fact carries is read-only: decisions go through the review action."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from factcheck.loading import Record, RecordError, check_text, make_record, parse_published
from factcheck.models import Corpus, Document, Fact, Review, Verdict


class CorpusSerializer(serializers.ModelSerializer):
    document_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Corpus
        fields = ["id", "name", "description", "created_at", "document_count"]
        read_only_fields = fields


@extend_schema_field(
    {
        "type": "object",
        "nullable": True,
        "additionalProperties": True,
        "description": "The normalized value, shaped per kind as FACTS.md says "
        "(counts: min, max, qualifier, ...; dates: value, granularity, relative; sanctions: issuer, target, ...).",
    }
)
class FactValueField(serializers.JSONField):
    pass


class FactSerializer(serializers.ModelSerializer):
    document = serializers.HyperlinkedRelatedField(view_name="document-detail", read_only=True)
    document_id = serializers.IntegerField(read_only=True)
    value = FactValueField(read_only=True)
    version = serializers.CharField(source="extractor_version", read_only=True)
    reviewer = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = Fact
        fields = [
            "id",
            "document",
            "document_id",
            "kind",
            "start",
            "end",
            "text",
            "value",
            "extractor",
            "version",
            "rule",
            "status",
            "reviewer",
            "reviewed_at",
            "note",
            "revision",
            "created_at",
        ]
        read_only_fields = fields


class DocumentSerializer(serializers.ModelSerializer):
    corpus = serializers.SlugRelatedField(slug_field="name", read_only=True)
    fact_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Document
        fields = ["id", "corpus", "title", "outlet", "url", "published", "sha256", "source", "loaded_at", "fact_count"]
        read_only_fields = fields


class DocumentDetailSerializer(DocumentSerializer):
    """A document with its text and every fact extracted from it."""

    facts = FactSerializer(many=True, read_only=True)

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "text", "facts"]
        read_only_fields = fields


class ExtractionErrorSerializer(serializers.Serializer):
    extractor = serializers.CharField()
    reason = serializers.CharField()


class DocumentCreatedSerializer(DocumentDetailSerializer):
    """The stored document, its facts, and which extractors failed on it (their facts are missing)."""

    extraction_errors = ExtractionErrorSerializer(many=True, read_only=True)

    class Meta(DocumentDetailSerializer.Meta):
        fields = [*DocumentDetailSerializer.Meta.fields, "extraction_errors"]
        read_only_fields = fields


@extend_schema_field({"type": "string", "format": "date", "nullable": True})
class PublishedField(serializers.Field):
    """A publication date as ``load_corpus`` reads it: ISO date or date-time, blank for none."""

    def to_internal_value(self, data: Any) -> Any:
        try:
            return parse_published(data)
        except RecordError as exc:
            raise serializers.ValidationError(str(exc), code="invalid") from None

    def to_representation(self, value: Any) -> Any:
        return value.isoformat() if value else None


class StrictCharField(serializers.CharField):
    """A string and only a string: ``42`` is not a title, as ``load_corpus`` says too."""

    default_error_messages = {"not_a_string": "Must be a string, not {type}."}

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("not_a_string", type=type(data).__name__)
        return super().to_internal_value(data)


class DocumentCreateSerializer(serializers.Serializer):
    """A document to store; the same rules as a ``load_corpus`` record, checked by the same code."""

    corpus = StrictCharField(max_length=200, help_text="Corpus name; created if it does not exist.")
    text = StrictCharField(trim_whitespace=False, help_text="The document text, stored exactly as sent.")
    title = StrictCharField(required=False, allow_blank=True, default="", help_text="Cut to 500 characters.")
    outlet = StrictCharField(required=False, allow_blank=True, default="", max_length=200)
    url = StrictCharField(required=False, allow_blank=True, default="", max_length=2000)
    published = PublishedField(required=False, allow_null=True, default=None)

    def validate_text(self, value: str) -> str:
        try:
            return check_text(value)
        except RecordError as exc:
            raise serializers.ValidationError(str(exc), code="invalid") from None

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        request = self.context.get("request")
        who = getattr(getattr(request, "user", None), "username", "") or "anonymous"
        row = {key: attrs.get(key) for key in ("text", "title", "outlet", "url", "published")}
        try:
            attrs["record"] = make_record(f"api: POST /api/documents/ by {who}", row)
        except RecordError as exc:  # the field checks above should have caught it already
            raise serializers.ValidationError(str(exc), code="invalid") from None
        return attrs

    @property
    def record(self) -> Record:
        return self.validated_data["record"]


class ReviewSerializer(serializers.ModelSerializer):
    fact = serializers.HyperlinkedRelatedField(view_name="fact-detail", read_only=True)
    fact_id = serializers.IntegerField(read_only=True)
    reviewer = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Review
        fields = ["id", "fact", "fact_id", "reviewer", "verdict", "note", "created_at"]
        read_only_fields = fields


class ReviewDecisionSerializer(serializers.Serializer):
    """A decision on one fact. The reviewer is whoever is authenticated; it is never a field."""

    verdict = serializers.ChoiceField(choices=Verdict.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="", help_text="Why, in a sentence.")
    revision = serializers.IntegerField(
        required=False,
        min_value=0,
        help_text="The fact's revision you decided on; if another decision was recorded since, you get 409. "
        "The If-Match header with the fact's ETag does the same and answers 412.",
    )

