"""What is stored: corpora of documents, the facts extracted from them, and reviewers' decisions.

Every fact keeps its provenance (document, span, extractor, version, rule),
and every decision on it is an append-only ``Review`` row; the fact's own
``status``/``reviewer``/``reviewed_at`` mirror the latest decision so lists
can filter on them without a join.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Corpus(models.Model):
    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "corpora"

    def __str__(self) -> str:
        return self.name


class Document(models.Model):
    corpus = models.ForeignKey(Corpus, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=500, blank=True)
    outlet = models.CharField(max_length=200, blank=True, db_index=True)
    url = models.URLField(max_length=2000, blank=True)
    published = models.DateField(null=True, blank=True, db_index=True)
    text = models.TextField()
    sha256 = models.CharField(max_length=64, editable=False)
    source = models.CharField(max_length=1000, blank=True, help_text="Where it was loaded from: file and line.")
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published", "id"]
        constraints = [
            models.UniqueConstraint(fields=["corpus", "sha256"], name="document_unique_text_per_corpus"),
        ]

    def __str__(self) -> str:
        return self.title or f"Document {self.pk}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.sha256 = text_sha256(self.text)
        super().save(*args, **kwargs)


class FactStatus(models.TextChoices):
    PENDING = "pending", "pending"
    CONFIRMED = "confirmed", "confirmed"
    REJECTED = "rejected", "rejected"


class Verdict(models.TextChoices):
    CONFIRMED = "confirmed", "confirmed"
    REJECTED = "rejected", "rejected"


class Fact(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="facts")
    kind = models.CharField(max_length=50)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    value = models.JSONField(null=True, blank=True)
    extractor = models.CharField(max_length=100)
    extractor_version = models.CharField(max_length=50)
    rule = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=10, choices=FactStatus.choices, default=FactStatus.PENDING)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)
    #: Bumped by every decision, so a client can say which state it decided on (optimistic concurrency).
    revision = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document_id", "start", "kind"]
        permissions = [("review_fact", "Can confirm or reject facts")]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "extractor", "extractor_version", "kind", "start", "end"],
                name="fact_unique_per_extractor_version_span",
            ),
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="fact_span_not_empty"),
        ]
        indexes = [
            models.Index(fields=["kind", "status"], name="fact_kind_status"),
            models.Index(fields=["status", "id"], name="fact_status_id"),
            models.Index(fields=["extractor", "extractor_version"], name="fact_extractor_version"),
            models.Index(fields=["document", "extractor"], name="fact_document_extractor"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.text}"

    @property
    def is_reviewed(self) -> bool:
        return self.status != FactStatus.PENDING


class ReviewQuerySet(models.QuerySet["Review"]):
    def update(self, **kwargs):  # type: ignore[no-untyped-def]
        raise TypeError("Reviews are append-only history: they cannot be updated.")

    def delete(self):  # type: ignore[no-untyped-def]
        raise TypeError("Reviews are append-only history: they cannot be deleted.")


class Review(models.Model):
    """One decision on one fact: who, when, what and why. Never edited, never deleted."""

    fact = models.ForeignKey(Fact, on_delete=models.PROTECT, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="fact_reviews")
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.verdict} by {self.reviewer} on fact {self.fact_id}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.pk is not None:
            raise TypeError("Reviews are append-only history: an existing review cannot be saved again.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise TypeError("Reviews are append-only history: they cannot be deleted.")
