"""A claim's facts grouped by independent source, with their sentences: what the admin page and the API show."""

from __future__ import annotations

from typing import Any

from extractors.text import TextLayout
from factcheck.models import Claim, ClaimRelation, Fact


def facts_by_source(claim: Claim) -> list[dict[str, Any]]:
    """One entry per source group (near-duplicate documents together), each listing its documents and facts."""
    facts = (
        Fact.objects.filter(claim_membership__claim=claim)
        .select_related("document", "document__fingerprint", "document__fingerprint__group")
        .order_by("document__published", "document_id", "start")
    )
    sources: dict[str, dict[str, Any]] = {}
    layouts: dict[int, TextLayout] = {}
    for f in facts:
        doc = f.document
        fp = getattr(doc, "fingerprint", None)
        key = fp.group.key if fp is not None else f"document-{doc.pk}"
        source = sources.setdefault(key, {"source": key, "documents": {}})
        entry = source["documents"].setdefault(
            doc.pk,
            {"id": doc.pk, "title": doc.title, "outlet": doc.outlet, "published": doc.published,
             "near_duplicate_of": fp.near_duplicate_of_id if fp else None,
             "similarity": fp.similarity if fp else None, "facts": []},
        )
        layout = layouts.setdefault(doc.pk, TextLayout(doc.text))
        start, end = layout.sentence(f.start)
        entry["facts"].append(
            {"id": f.pk, "text": f.text, "start": f.start, "end": f.end, "value": f.value, "status": f.status,
             "sentence": doc.text[start:end]}
        )
    return [{"source": s["source"], "documents": list(s["documents"].values())} for s in sources.values()]


def relations(claim: Claim) -> list[dict[str, Any]]:
    """The claims this one conflicts with, supersedes or is superseded by, with the other side's counts."""
    out = []
    for r in ClaimRelation.objects.filter(claim=claim).select_related("other"):
        o = r.other
        out.append(
            {"relation": r.relation, "claim": o.pk, "label": o.label, "documents_count": o.documents_count,
             "sources_count": o.sources_count, "status": o.status, "why": r.why}
        )
    return out
