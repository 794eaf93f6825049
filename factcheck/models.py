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
    access_groups = models.ManyToManyField(
        "auth.Group",
        blank=True,
        related_name="corpora",
        help_text="Only members of these groups (and superusers) see this corpus, its documents, facts, "
        "reviews and claims. Leave empty for a corpus every user with view permission may read.",
    )
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
            # The reviewer's order, pending first: the admin's list query spells out this very expression.
            models.Index(
                models.Case(models.When(status="pending", then=models.Value(0)), default=models.Value(1)),
                models.F("id"),
                name="fact_pending_first",
            ),
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


# --- Claims (issue #6): syndicated copies count once, agreeing facts form one claim -------------


class SourceGroup(models.Model):
    """Documents that are copies, rewrites or translations of one story: together, one independent source.

    ``key`` is the SHA-256 of the group's first document (earliest published,
    then smallest hash), so a rebuild that finds the same group finds the same row.
    """

    corpus = models.ForeignKey(Corpus, on_delete=models.CASCADE, related_name="source_groups")
    key = models.CharField(max_length=64)
    size = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["corpus_id", "key"]
        constraints = [models.UniqueConstraint(fields=["corpus", "key"], name="sourcegroup_unique_key_per_corpus")]

    def __str__(self) -> str:
        return f"source {self.key[:12]} ({self.size} document{'s' if self.size != 1 else ''})"


class DocumentFingerprint(models.Model):
    """A document's MinHash signature and the source group it was put in, kept so rebuilds are incremental."""

    document = models.OneToOneField(Document, on_delete=models.CASCADE, related_name="fingerprint")
    #: The text hash and the shingling parameters the signature was computed with; either changing recomputes it.
    sha256 = models.CharField(max_length=64)
    params = models.CharField(max_length=50)
    minhash = models.BinaryField()
    group = models.ForeignKey(SourceGroup, on_delete=models.PROTECT, related_name="fingerprints")
    #: Why the document is in its group: the member it was found to copy and their shingle Jaccard similarity.
    near_duplicate_of = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    similarity = models.FloatField(null=True, blank=True)

    def __str__(self) -> str:
        return f"fingerprint of document {self.document_id}"


class ClaimStatus(models.TextChoices):
    PENDING = "pending", "pending"
    CONFIRMED = "confirmed", "confirmed"
    REJECTED = "rejected", "rejected"
    MIXED = "mixed", "mixed"


class Claim(models.Model):
    """Facts from one or more documents that state the same thing: same kind, same subject, compatible values.

    Built by ``build_claims``; ``key`` is derived from the claim's first fact
    so a rebuild keeps a claim's row (and id) while that fact exists. ``why``
    records what the grouping rested on, for the reviewer.
    """

    corpus = models.ForeignKey(Corpus, on_delete=models.CASCADE, related_name="claims")
    key = models.CharField(max_length=64)
    kind = models.CharField(max_length=50, db_index=True)
    label = models.CharField(max_length=300, help_text="The canonical value in words.")
    subject = models.CharField(max_length=300, blank=True)
    value = models.JSONField(null=True, blank=True, help_text="The canonical value, shaped as FACTS.md says.")
    why = models.JSONField(default=dict, blank=True)
    facts_count = models.PositiveIntegerField(default=0)
    documents_count = models.PositiveIntegerField(default=0)
    sources_count = models.PositiveIntegerField(default=0, help_text="Documents, counting near-duplicates once.")
    has_conflict = models.BooleanField(default=False, db_index=True)
    has_update = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=ClaimStatus.choices, default=ClaimStatus.PENDING, db_index=True)
    first_published = models.DateField(null=True, blank=True)
    last_published = models.DateField(null=True, blank=True)
    built_at = models.DateTimeField(auto_now=True)
    facts = models.ManyToManyField(Fact, through="ClaimFact", related_name="claims")

    class Meta:
        ordering = ["kind", "-sources_count", "-documents_count", "id"]
        constraints = [models.UniqueConstraint(fields=["corpus", "key"], name="claim_unique_key_per_corpus")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.label}"


class ClaimFact(models.Model):
    """A fact's place in a claim; a fact belongs to at most one claim."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="memberships")
    fact = models.OneToOneField(Fact, on_delete=models.CASCADE, related_name="claim_membership")
    why = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["claim_id", "fact_id"]

    def __str__(self) -> str:
        return f"fact {self.fact_id} in claim {self.claim_id}"


class ClaimRelationKind(models.TextChoices):
    CONFLICT = "conflict", "conflicts with"
    SUPERSEDES = "supersedes", "supersedes"
    SUPERSEDED_BY = "superseded_by", "is superseded by"


class ClaimRelation(models.Model):
    """Two claims about the same subject whose values disagree: a conflict, or a later running total (update).

    Stored from both ends, so ``claim.relations.all()`` lists everything a claim's page shows.
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="relations")
    other = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    relation = models.CharField(max_length=20, choices=ClaimRelationKind.choices)
    why = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["claim_id", "relation", "other_id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "other"], name="claimrelation_unique_pair"),
        ]

    def __str__(self) -> str:
        return f"claim {self.claim_id} {self.get_relation_display()} claim {self.other_id}"


class ClaimReview(models.Model):
    """A decision taken on a whole claim: the fact reviews it recorded, and the facts it left alone.

    A fact whose latest review belongs to a claim review may be decided again
    by a later claim review; one reviewed on its own keeps its decision.
    """

    claim = models.ForeignKey(Claim, null=True, on_delete=models.SET_NULL, related_name="reviews")
    #: Kept so the history still reads after a rebuild drops the claim.
    claim_key = models.CharField(max_length=64)
    claim_label = models.CharField(max_length=300)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="claim_reviews")
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    reviews = models.ManyToManyField(Review, related_name="claim_reviews", blank=True)
    skipped = models.JSONField(default=list, blank=True, help_text="Ids of facts kept as decided on their own.")

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.verdict} by {self.reviewer} on claim {self.claim_key[:12]}"
