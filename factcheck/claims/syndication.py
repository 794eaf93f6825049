"""Group documents that are copies, rewrites or translations of one story, so they count as one source.

Each document's story text (page furniture removed) is cut into word
3-shingles and summarized by a MinHash signature; MinHash LSH proposes
candidate pairs without comparing all pairs, and each candidate is then
verified with the exact Jaccard similarity of the two shingle sets, so the
decision does not hang on a hash estimate. Verified pairs are joined
transitively (union-find) into source groups.

Rebuilds are incremental: a signature is computed once per text and kept in
``DocumentFingerprint``; only documents without a current one are compared
with the rest, and existing groups stay as they are unless ``full=True``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH
from django.db import transaction

from extractors import patterns
from extractors.text import TextLayout
from factcheck.models import Corpus, Document, DocumentFingerprint, SourceGroup

SHINGLE_WORDS = 3
NUM_PERM = 256
SEED = 1
#: datasketch 2 names its permutation schemes; stored signatures are only comparable within one.
SCHEME = "affine32"
#: 128 bands of 2 rows: a pair at Jaccard 0.13 (two machine translations of one text) becomes a candidate
#: with probability 0.90, at 0.3 (a rewritten copy) 0.9999, at 0.01 (unrelated stories on one event) 0.01.
LSH_BANDS = (128, 2)
#: Verified Jaccard of word 3-shingles at or above which two documents are one story. Exact copies score
#: near 1, light rewrites 0.3-0.6, two machine translations of one French AFP text 0.13 (seeds 000/001);
#: separate stories on the same event that share quotes score 0.01-0.05 (the other seed pairs).
THRESHOLD = 0.08
#: Texts this short share a phrase with another by chance (one sentence, ``61 civilians were killed``): below
#: this many shingles (about 40 words) only near-identical texts count as one story.
SHORT = 40
SHORT_THRESHOLD = 0.5
PARAMS = f"w{SHINGLE_WORDS}-p{NUM_PERM}-s{SEED}-{SCHEME}"

_WORD = patterns.compile(r"[\p{L}\p{N}]+")


def story_text(text: str) -> str:
    """The text without page furniture: ``Leave a Reply`` and hashtag lines would make unrelated pages alike."""
    layout = TextLayout(text)
    spans = layout.furniture
    if not spans:
        return text
    parts, pos = [], 0
    for start, end in spans:
        parts.append(text[pos:start])
        pos = end
    parts.append(text[pos:])
    return "\n".join(parts)


def words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return [m.group() for m in patterns.finditer(_WORD, folded)]


def shingles(text: str) -> frozenset[bytes]:
    """Word 3-shingles of the story text; a text shorter than a shingle is one shingle of all its words."""
    w = words(story_text(text))
    if len(w) < SHINGLE_WORDS:
        return frozenset({" ".join(w).encode()}) if w else frozenset()
    return frozenset(" ".join(w[i : i + SHINGLE_WORDS]).encode() for i in range(len(w) - SHINGLE_WORDS + 1))


def jaccard(a: frozenset[bytes], b: frozenset[bytes]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def signature(shingle_set: Iterable[bytes]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    m.update_batch(list(shingle_set))
    return m


def to_bytes(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=np.frombuffer(bytes(data), dtype=np.uint64))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # for determinism, the smaller id is the root
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class SyndicationStats:
    documents: int = 0
    fingerprinted: int = 0
    candidates: int = 0
    #: (document id, document id, Jaccard) of every verified near-duplicate pair found in this run.
    pairs: list[tuple[int, int, float]] = field(default_factory=list)
    groups: int = 0
    multi_document_groups: int = 0


def _order_key(doc: Document) -> tuple[str, str]:
    # earliest published first, then by text hash: independent of primary keys and load order
    return (doc.published.isoformat() if doc.published else "9999", doc.sha256)


def build_source_groups(corpus: Corpus, full: bool = False) -> SyndicationStats:
    """Fingerprint the corpus's new documents and (re)group near-duplicates; returns what was found."""
    stats = SyndicationStats()
    docs = {d.pk: d for d in Document.objects.filter(corpus=corpus).only("id", "text", "sha256", "published")}
    stats.documents = len(docs)
    existing = {
        fp.document_id: fp for fp in DocumentFingerprint.objects.filter(document__corpus=corpus).select_related("group")
    }

    @lru_cache(maxsize=4096)
    def shingles_of(pk: int) -> frozenset[bytes]:
        return shingles(docs[pk].text)

    signatures: dict[int, MinHash] = {}
    fresh: set[int] = set()
    for pk, doc in docs.items():
        fp = existing.get(pk)
        if not full and fp is not None and fp.sha256 == doc.sha256 and fp.params == PARAMS:
            signatures[pk] = from_bytes(fp.minhash)
        else:
            signatures[pk] = signature(shingles_of(pk))
            fresh.add(pk)
    stats.fingerprinted = len(fresh)

    lsh = MinHashLSH(num_perm=NUM_PERM, params=LSH_BANDS)
    with lsh.insertion_session() as session:
        for pk in sorted(signatures):
            session.insert(pk, signatures[pk])

    uf = _UnionFind()
    best: dict[int, tuple[float, int]] = {}
    if not full:
        # documents already grouped stay together; only the fresh ones are compared
        by_group: dict[int, list[int]] = {}
        for pk, fp in existing.items():
            if pk in docs and pk not in fresh:
                by_group.setdefault(fp.group_id, []).append(pk)
                if fp.near_duplicate_of_id and fp.near_duplicate_of_id in docs:
                    best[pk] = (fp.similarity or 0.0, fp.near_duplicate_of_id)
        for members in by_group.values():
            for pk in members[1:]:
                uf.union(members[0], pk)
    to_compare = sorted(fresh) if not full else sorted(docs)
    seen: set[tuple[int, int]] = set()
    for pk in to_compare:
        for other in sorted(lsh.query(signatures[pk])):
            pair = (min(pk, other), max(pk, other))
            if other == pk or pair in seen:
                continue
            seen.add(pair)
            stats.candidates += 1
            a, b = shingles_of(pk), shingles_of(other)
            score = jaccard(a, b)
            if score >= (THRESHOLD if min(len(a), len(b)) >= SHORT else SHORT_THRESHOLD):
                stats.pairs.append((pair[0], pair[1], round(score, 4)))
                uf.union(pk, other)
                for a, b in ((pk, other), (other, pk)):
                    if a not in best or (score, -b) > (best[a][0], -best[a][1]):
                        best[a] = (score, b)

    members: dict[int, list[Document]] = {}
    for pk in docs:
        members.setdefault(uf.find(pk), []).append(docs[pk])

    with transaction.atomic():
        keep: set[int] = set()
        for group_docs in members.values():
            group_docs.sort(key=_order_key)
            key = group_docs[0].sha256
            group, _ = SourceGroup.objects.update_or_create(corpus=corpus, key=key, defaults={"size": len(group_docs)})
            keep.add(group.pk)
            for doc in group_docs:
                score, twin = best.get(doc.pk, (None, None))
                fp = existing.get(doc.pk) or DocumentFingerprint(document=doc)
                fp.group = group
                fp.near_duplicate_of_id = twin
                fp.similarity = score
                if doc.pk in fresh:
                    fp.sha256, fp.params, fp.minhash = doc.sha256, PARAMS, to_bytes(signatures[doc.pk])
                fp.save()
        SourceGroup.objects.filter(corpus=corpus).exclude(pk__in=keep).delete()
    stats.groups = len(members)
    stats.multi_document_groups = sum(1 for m in members.values() if len(m) > 1)
    return stats
