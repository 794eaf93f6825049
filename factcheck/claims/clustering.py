"""Facts in, claims out: deterministic, explained, independent of database ids.

Facts are visited in a fixed order (publication date, document text hash,
offset), so the same facts always give the same claims. A fact joins the
first claim, among those it agrees with, whose subject it shares with at
least one member and whose figure is closest to its own; otherwise it founds
a new claim, and the claim's key is derived from that founding fact.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from factcheck.claims import subjects, values


@dataclass(frozen=True)
class Item:
    """What clustering needs to know about one fact."""

    id: int
    kind: str
    value: Mapping[str, Any] | None
    document: int
    document_key: str
    published: dt.date | None
    source: int
    start: int
    end: int
    text: str
    sentence: str = ""
    #: Start offset of the fact's sentence in its document: two facts of one sentence state different things.
    sentence_start: int = -1
    #: ISO values of the date facts in the same sentence: the event's date.
    event_dates: tuple[str, ...] = ()
    status: str = "pending"

    @property
    def order(self) -> tuple[str, str, int, int, str]:
        return (self.published.isoformat() if self.published else "9999", self.document_key, self.start, self.end, self.kind)

    @cached_property
    def words(self) -> dict[str, str]:
        """Content words of the sentence around the fact; the fact's own words (``soldiers killed``) are left
        out because its block already compares them."""
        if self.sentence_start < 0:
            return subjects.terms(self.sentence)
        offset = self.start - self.sentence_start
        return subjects.terms(self.sentence[:offset] + " " + self.sentence[offset + self.end - self.start :])


def same_subject(
    a: Item, b: Item, block: subjects.Block, vocabulary: subjects.Vocabulary | None = None
) -> dict[str, Any] | None:
    """The evidence that ``a`` and ``b`` speak of one subject, or None."""
    if a.kind == "sanction" and block.rich:
        oa, ob = (a.value or {}).get("ordinal"), (b.value or {}).get("ordinal")
        if oa is not None and ob is not None and oa != ob:
            return None  # the fifth package and the sixth are two measures, not a disagreement
    if subjects.is_snapshot(a.kind, a.value) and not subjects.within_window(a.published, b.published):
        return None
    if a.kind != "date" and not subjects.dates_agree(a.event_dates, b.event_dates):
        return None
    evidence = subjects.word_evidence(a.words, b.words, vocabulary)
    same_day = sorted(d for d in set(a.event_dates) & set(b.event_dates) if len(d) == 10)
    if block.rich and a.kind != "date" and same_day:
        # who/actor/issuer and target agree and both sentences date it to the same day: that is the subject,
        # however differently the sentences are worded (`EU reached agreement on new sanctions against
        # Belarus on Wednesday` and `On Wednesday, EU ambassadors approved the fifth sanctions package`)
        return {**evidence.as_dict(), "same_event_day": same_day}
    if not subjects.words_agree(evidence, block.rich):
        return None
    why = evidence.as_dict()
    if a.kind != "date" and a.event_dates and b.event_dates:
        why["event_dates"] = sorted(set(a.event_dates) | set(b.event_dates))
    return why


@dataclass
class Cluster:
    kind: str
    block: subjects.Block
    items: list[Item] = field(default_factory=list)
    state: Any = None
    #: For each member after the first: (fact id, member it was matched with, evidence).
    links: list[tuple[int, int, dict[str, Any]]] = field(default_factory=list)

    @property
    def founder(self) -> Item:
        return self.items[0]

    @property
    def key(self) -> str:
        f = self.founder
        return hashlib.sha1(f"{f.kind}|{f.document_key}|{f.start}|{f.end}".encode()).hexdigest()

    @property
    def canonical(self) -> Item:
        return min(self.items, key=lambda i: (values.specificity(i.kind, i.value), i.order))

    @property
    def live_items(self) -> list[Item]:
        """Members a reviewer has not rejected: the ones that count."""
        live = [i for i in self.items if i.status != "rejected"]
        return live or self.items

    @property
    def rejected(self) -> bool:
        return all(i.status == "rejected" for i in self.items)

    def add(self, item: Item, state: Any, link: tuple[int, dict[str, Any]] | None) -> None:
        self.items.append(item)
        self.state = state
        if link is not None:
            self.links.append((item.id, link[0], link[1]))

    def why(self) -> dict[str, Any]:
        return {
            "subject": self.block.label,
            "rule": "same kind and subject fields; sentences share content words; values agree",
            "values_agree_on": values.describe_state(self.kind, self.state),
            "founded_by": self.founder.id,
            "links": [{"fact": f, "matched": m, **e} for f, m, e in self.links],
        }


def _index_keys(item: Item) -> set[str]:
    """What can make two facts one subject: a shared word, or (see ``same_subject``) a shared event day."""
    return set(item.words) | {f"@day {d}" for d in item.event_dates if len(d) == 10}


def _closeness(item: Item, cluster: Cluster) -> float:
    mine, theirs = values.anchor(item.kind, item.value), values.anchor(cluster.kind, cluster.canonical.value)
    if mine is None or theirs is None:
        return 0.0
    return abs(mine - theirs)


def cluster(items: Iterable[Item], vocabulary: subjects.Vocabulary | None = None) -> list[Cluster]:
    """Partition facts into claims; the result is ordered by each claim's founding fact.

    ``vocabulary`` weighs the words of the corpus (rare words count more); without it every word weighs the same.
    """
    # the most specific values found the claims (an exact 100,000 before a `more than 100,000`), so a vague
    # value joins the claim whose figure it names whatever order the documents came in
    ordered = sorted(items, key=lambda i: (values.specificity(i.kind, i.value), i.order))
    blocks: dict[tuple[Any, ...], list[Cluster]] = {}
    # per block, the clusters holding each content-word stem: a fact is only compared with clusters it shares
    # a word with, which every subject test needs anyway
    index: dict[tuple[Any, ...], dict[str, set[int]]] = {}
    out: list[Cluster] = []
    for item in ordered:
        block = subjects.block_of(item.kind, item.value)
        state = values.state_of(item.kind, item.value)
        clusters = blocks.setdefault(block.key, [])
        stems = index.setdefault(block.key, {})
        best: tuple[tuple[float, int], Cluster, Any, tuple[int, dict[str, Any]]] | None = None
        if state is not None:
            candidates = sorted({c for s in _index_keys(item) for c in stems.get(s, ())})
            for pos in candidates:
                c = clusters[pos]
                merged = values.join(item.kind, c.state, state)
                if merged is None:
                    continue
                for member in c.items:
                    evidence = same_subject(member, item, block, vocabulary)
                    if evidence is not None:
                        rank = (_closeness(item, c), pos)
                        if best is None or rank < best[0]:
                            best = (rank, c, merged, (member.id, evidence))
                        break
        if best is None:
            c = Cluster(item.kind, block)
            c.add(item, state, None)
            clusters.append(c)
            out.append(c)
            pos = len(clusters) - 1
        else:
            _, c, merged, link = best
            c.add(item, merged, link)
            pos = clusters.index(c)
        for s in _index_keys(item):
            stems.setdefault(s, set()).add(pos)
    return out
