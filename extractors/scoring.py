"""Score extractions against gold annotations, per kind: the one way accuracy is measured.

Detection: a prediction matches a gold fact of the same kind whose span
overlaps it (one-to-one, best overlap first). A prediction that matches no
gold fact but overlaps one of the document's ``ignore`` spans is neither
credited nor counted against the extractor. Value accuracy is measured on the
matched pairs and compares only the keys the gold value states, so a gold set
that leaves a key out (``relative`` in TimeBank) does not judge it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

#: Keys compared as free text: case, surrounding space and a leading article do not count.
TEXT_KEYS = frozenset({"who", "actor", "target", "issuer"})


@dataclass
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    value_ok: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.tp if self.tp else 1.0

    def add(self, other: KindScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.value_ok += other.value_ok


@dataclass
class Miss:
    """One disagreement, for the report of what an extractor got wrong."""

    doc_id: str
    kind: str
    problem: str  # "missed", "spurious" or "value"
    text: str
    expected: Any = None
    got: Any = None


@dataclass
class Report:
    kinds: dict[str, KindScore] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)

    def overall(self) -> KindScore:
        total = KindScore()
        for score in self.kinds.values():
            total.add(score)
        return total

    def table(self) -> str:
        rows = [("kind", "gold", "pred", "tp", "precision", "recall", "f1", "value_acc")]
        items = sorted(self.kinds.items()) + [("overall", self.overall())]
        for kind, s in items:
            rows.append(
                (
                    kind,
                    str(s.tp + s.fn),
                    str(s.tp + s.fp),
                    str(s.tp),
                    f"{s.precision:.3f}",
                    f"{s.recall:.3f}",
                    f"{s.f1:.3f}",
                    f"{s.value_accuracy:.3f}",
                )
            )
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) for r in rows]
        lines.insert(1, "-" * len(lines[0]))
        return "\n".join(lines)


def _norm_text(v: Any) -> Any:
    if not isinstance(v, str):
        return v
    v = v.strip().casefold()
    for article in ("the ", "a ", "an "):
        if v.startswith(article):
            v = v[len(article) :]
    return v


def value_matches(gold: Mapping[str, Any] | None, pred: Mapping[str, Any] | None) -> bool:
    if gold is None:
        return pred is None
    if pred is None:
        return all(v is None for v in gold.values())
    for key, want in gold.items():
        got = pred.get(key)
        if key in TEXT_KEYS:
            if _norm_text(want) != _norm_text(got):
                return False
        elif want != got:
            return False
    return True


def _overlap(a: Mapping[str, Any], b: Mapping[str, Any]) -> int:
    return int(min(a["end"], b["end"]) - max(a["start"], b["start"]))


def score_document(
    doc_id: str,
    gold: Iterable[Mapping[str, Any]],
    predicted: Iterable[Mapping[str, Any]],
    kinds: Iterable[str],
    ignore: Iterable[Mapping[str, Any]] = (),
    report: Report | None = None,
) -> Report:
    """Add one document's comparison to ``report`` (a new one if None)."""
    report = report or Report()
    kinds = set(kinds)
    ignore = list(ignore)
    for kind in sorted(kinds):
        score = report.kinds.setdefault(kind, KindScore())
        golds = [g for g in gold if g["kind"] == kind]
        preds = [p for p in predicted if p["kind"] == kind]
        pairs = sorted(
            ((_overlap(g, p), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds) if _overlap(g, p) > 0),
            reverse=True,
        )
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            score.tp += 1
            if value_matches(golds[gi].get("value"), preds[pi].get("value")):
                score.value_ok += 1
            else:
                report.misses.append(
                    Miss(doc_id, kind, "value", golds[gi]["text"], golds[gi].get("value"), preds[pi].get("value"))
                )
        for gi, g in enumerate(golds):
            if gi not in used_g:
                score.fn += 1
                report.misses.append(Miss(doc_id, kind, "missed", g["text"], g.get("value"), None))
        for pi, p in enumerate(preds):
            if pi in used_p or any(_overlap(i, p) > 0 for i in ignore):
                continue
            score.fp += 1
            report.misses.append(Miss(doc_id, kind, "spurious", p["text"], None, p.get("value")))
    return report
