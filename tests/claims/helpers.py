"""Documents and facts written out in full, so a test shows the sentences its claims come from."""

from __future__ import annotations

import datetime as dt
from typing import Any

from factcheck.claims.build import BuildStats, build_claims
from factcheck.models import Claim, Corpus, Document, Fact
from tests.factories import DocumentFactory, FactFactory


def doc(corpus: Corpus, text: str, published: str = "2022-02-10", outlet: str = "Wire") -> Document:
    return DocumentFactory(corpus=corpus, text=text, published=dt.date.fromisoformat(published), outlet=outlet)


def fact(document: Document, phrase: str, kind: str, **value: Any) -> Fact:
    start = document.text.index(phrase)
    return FactFactory(document=document, kind=kind, start=start, end=start + len(phrase), text=phrase, value=value)


def killed(document: Document, phrase: str, n: int, who: str | None, cumulative: bool = False, **kw: Any) -> Fact:
    value = {"min": n, "max": n, "qualifier": "exact", "category": "killed", "who": who, "cumulative": cumulative}
    value.update(kw)
    return fact(document, phrase, "casualty", **value)


def troops(document: Document, phrase: str, n: int, actor: str | None, qualifier: str = "exact") -> Fact:
    return fact(document, phrase, "troops", min=n, max=None if qualifier == "at_least" else n, qualifier=qualifier,
                actor=actor)


def build(corpus: Corpus) -> BuildStats:
    return build_claims(corpus)


def claim_of(f: Fact) -> Claim:
    return Claim.objects.get(memberships__fact=f)
