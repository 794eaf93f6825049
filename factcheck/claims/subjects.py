"""When two facts speak of the same thing: the structured fields of their values, their dates, their words.

A fact's *block* is what its value says about its subject (a casualty's
category, ``who`` and ``cumulative``; the troops' ``actor``; a sanction's
issuer and target); facts in different blocks are never compared. Inside a
block, two facts are about the same subject when the content words of their
sentences overlap enough, their event dates do not disagree, and (for counts
that are snapshots, not running totals) they were published within a week.
Every test returns the evidence it used, so a claim can say why it groups
its facts.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from extractors import patterns

#: Snapshot figures (troops massed, one event's toll) published further apart describe different moments.
WINDOW_DAYS = 7
#: Shared content words needed, and their weight as a share of the lighter sentence's (see Vocabulary), when the value's own
#: fields already pin the subject (a casualty's ``who``, the troops' ``actor``, a sanction's issuer and target) ...
RICH_MIN_SHARED, RICH_MIN_OVERLAP = 1, 0.15
#: ... and when they do not (dates, a toll with no ``who``, troops with no ``actor``).
BARE_MIN_SHARED, BARE_MIN_OVERLAP = 2, 0.25

_WORD = patterns.compile(r"\p{L}+")

STOPWORDS = frozenset(
    """
    a an the of to in on at by for from with without into onto over under about above below between among
    and or but nor not no yes if then than that this these those there here which who whom whose what when
    where why how it its it's he him his she her they them their we us our you your i me my one ones
    is are was were be been being am has have had having do does did will would shall should can could
    may might must also as so such very more most much many some any all each every other another same
    just only even still yet already again ever never since until while after before during against
    said says say saying told tells according added asked stated reported quoted announced
    mr mrs ms monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    january february march april may june july august september october november december
    year years month months week weeks day days time times first second third last next new
    two three four five six seven eight nine ten hundred hundreds thousand thousands million millions dozen dozens
    """.split()
)

#: Spellings that name one party: issuers, targets and actors are compared after this.
ALIASES = {
    "u.s.": "US", "u.s": "US", "us": "US", "usa": "US", "united states": "US", "america": "US",
    "american": "US", "washington": "US",
    "eu": "EU", "e.u.": "EU", "european union": "EU", "the union": "EU", "union": "EU", "brussels": "EU",
    "uk": "UK", "u.k.": "UK", "britain": "UK", "united kingdom": "UK", "british": "UK",
    "un": "UN", "u.n.": "UN", "united nations": "UN",
    "nato": "NATO", "atlantic alliance": "NATO",
    "russia": "Russia", "russian": "Russia", "russians": "Russia", "moscow": "Russia", "kremlin": "Russia",
    "ukraine": "Ukraine", "ukrainian": "Ukraine", "ukrainians": "Ukraine", "kyiv": "Ukraine", "kiev": "Ukraine",
    "belarus": "Belarus", "belarusian": "Belarus", "belarusians": "Belarus", "minsk": "Belarus",
    "china": "China", "chinese": "China", "iran": "Iran", "iranian": "Iran",
}


def fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def stem(word: str) -> str:
    """Crude and language-blind on purpose: plural ``s`` off, then six letters (Ukrainian/Ukraine, soldiers/soldier)."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:6]


def terms(text: str) -> dict[str, str]:
    """Content words of ``text`` as {stem: first spelling seen}, in text order."""
    out: dict[str, str] = {}
    for m in patterns.finditer(_WORD, fold(text)):
        w = m.group()
        if len(w) < 3 or w in STOPWORDS:
            continue
        out.setdefault(stem(w), w)
    return out


def party(name: Any) -> str | None:
    """One spelling per party (``the Union`` and ``EU`` are ``EU``), or None when unknown."""
    if not isinstance(name, str) or not name.strip():
        return None
    key = fold(name).strip().removeprefix("the ").strip()
    if key in ALIASES:
        return ALIASES[key]
    words = key.split()
    if words and words[0] in ALIASES and len(words) <= 2:
        return ALIASES[words[0]]
    return name.strip()


def people(who: Any) -> tuple[str, ...] | None:
    """``Ukrainian soldiers`` and ``Ukrainian soldier`` are the same people; word order does not matter."""
    if not isinstance(who, str) or not who.strip():
        return None
    stems = sorted(set(terms(who)) | {stem(w) for w in fold(who).split() if w in {"men", "women", "people"}})
    return tuple(stems) or None


@dataclass(frozen=True)
class Block:
    """What a fact's value says about its subject; ``rich`` when that already pins it down."""

    key: tuple[Any, ...]
    label: str
    rich: bool


def block_of(kind: str, value: Mapping[str, Any] | None) -> Block:
    v = value or {}
    if kind == "casualty":
        who = people(v.get("who"))
        cumulative = bool(v.get("cumulative"))
        label = " · ".join(
            x for x in (v.get("category") or "casualties", v.get("who") or "", "running total" if cumulative else "") if x
        )
        return Block(("casualty", v.get("category"), who, cumulative), label, who is not None)
    if kind == "troops":
        actor = party(v.get("actor"))
        return Block(("troops", actor), f"{actor} troops" if actor else "troops", actor is not None)
    if kind == "sanction":
        issuer, target = party(v.get("issuer")), party(v.get("target"))
        label = f"sanctions by {issuer or '?'} on {target or '?'}"
        return Block(("sanction", issuer, target), label, issuer is not None and target is not None)
    return Block((kind,), kind, False)


class Vocabulary:
    """How common each content word is among a corpus's sentences: a word in most sentences (the story's theme:
    Ukraine, Russia, Biden) is weak evidence that two sentences say the same thing, a rare one is strong.

    The weight is ``ln(1 + N / df)``: about 0.7 for a word in every sentence, 5 for one in 1 of 150.
    Without counts every word weighs the same.
    """

    def __init__(self, sentences: Iterable[str] = ()) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0
        for sentence in sentences:
            self.n += 1
            self.df.update(terms(sentence).keys())

    def weight(self, stem: str) -> float:
        if not self.n:
            return 1.0
        return math.log(1 + self.n / max(self.df.get(stem, 0), 1))


@dataclass(frozen=True)
class Evidence:
    shared: tuple[str, ...]
    overlap: float

    def as_dict(self) -> dict[str, Any]:
        return {"shared_terms": list(self.shared), "overlap": round(self.overlap, 2)}


def word_evidence(a: Mapping[str, str], b: Mapping[str, str], vocabulary: Vocabulary | None = None) -> Evidence:
    """Shared words, rarest first, and their weight as a share of the lighter sentence's."""
    vocab = vocabulary or Vocabulary()
    shared = sorted((s for s in a if s in b), key=lambda s: (-vocab.weight(s), s))
    lighter = min(sum(vocab.weight(s) for s in a), sum(vocab.weight(s) for s in b)) or 1.0
    return Evidence(tuple(a[s] for s in shared), sum(vocab.weight(s) for s in shared) / lighter)


def words_agree(evidence: Evidence, rich: bool) -> bool:
    if rich:
        return len(evidence.shared) >= RICH_MIN_SHARED and evidence.overlap >= RICH_MIN_OVERLAP
    return len(evidence.shared) >= BARE_MIN_SHARED and evidence.overlap >= BARE_MIN_OVERLAP


def dates_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Event dates agree when either side states none, or some pair is equal or one contains the other."""
    if not a or not b:
        return True
    return any(x == y or x.startswith(y + "-") or y.startswith(x + "-") for x in a for y in b)


def within_window(a: dt.date | None, b: dt.date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= WINDOW_DAYS


def is_snapshot(kind: str, value: Mapping[str, Any] | None) -> bool:
    """A figure true at one moment (troops massed, one event's toll), as opposed to a running total."""
    return kind in {"casualty", "troops"} and not (value or {}).get("cumulative")
