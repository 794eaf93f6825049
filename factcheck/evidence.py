"""Evidence as HTML: the sentence a fact came from, and a document with its facts marked.

Document text is scraped from the web and may contain anything, ``<script>``
included. Every character of it goes through ``escape``; the only markup on
the page is our own ``<mark>`` and ``<a>`` tags around escaped text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from extractors.text import TextLayout

#: A "sentence" longer than this (a list, a table, text without stops) is cut around the span.
MAX_SENTENCE_CHARS = 600
#: Characters kept either side of the span when a sentence is cut.
CONTEXT_CHARS = 240


def css_token(name: str) -> str:
    """A name made safe for a CSS class: a plugin's kind ``Border crossing`` → ``border-crossing``."""
    return "".join(c if c.isascii() and c.isalnum() else "-" for c in name.lower()) or "unknown"


@dataclass(frozen=True)
class Highlight:
    """One span to mark in a document: where, of what kind, and where the mark links to."""

    start: int
    end: int
    kind: str
    title: str = ""
    url: str = ""
    status: str = ""


def sentence_span(text: str, start: int, end: int, layout: TextLayout | None = None) -> tuple[int, int]:
    """The sentence(s) holding ``text[start:end]``, cut to a readable window when very long."""
    first, last = _sentences(text, start, end, layout)
    if last - first > MAX_SENTENCE_CHARS:
        first, last = max(first, start - CONTEXT_CHARS), min(last, end + CONTEXT_CHARS)
    return first, last


def _sentences(text: str, start: int, end: int, layout: TextLayout | None) -> tuple[int, int]:
    layout = layout or TextLayout(text)
    first, _ = layout.sentence(start)
    _, last = layout.sentence(max(end - 1, start))
    return min(first, start), max(last, end)


def evidence_html(text: str, start: int, end: int, kind: str, layout: TextLayout | None = None) -> SafeString:
    """The fact's sentence, escaped, with the fact's span in ``<mark class="kind-…">``."""
    start, end = max(0, start), min(len(text), end)
    layout = layout or TextLayout(text)
    first, last = sentence_span(text, start, end, layout)
    whole_first, whole_last = _sentences(text, start, end, layout)
    return format_html(
        '<span class="fc-evidence">{}{}<mark class="fc-mark kind-{}">{}</mark>{}{}</span>',
        "…" if first > whole_first else "",
        text[first:start],
        css_token(kind),
        text[start:end],
        text[end:last],
        "…" if last < whole_last else "",
    )


def _mark(segment: str, covering: list[Highlight]) -> str:
    # Overlapping facts: the innermost one gives the colour, the title names them all.
    inner = min(covering, key=lambda h: (h.end - h.start, h.start))
    title = " | ".join(h.title or h.kind for h in covering)
    mark = format_html(
        '<mark class="fc-mark kind-{} status-{}" title="{}">{}</mark>',
        css_token(inner.kind),
        css_token(inner.status or "none"),
        title,
        segment,
    )
    return format_html('<a class="fc-mark-link" href="{}">{}</a>', inner.url, mark) if inner.url else mark


def highlight_html(text: str, highlights: Iterable[Highlight]) -> SafeString:
    """The whole ``text``, escaped, with every highlight marked; overlaps are split, never dropped."""
    spans = [h for h in highlights if 0 <= h.start < h.end <= len(text)]
    cuts = sorted({0, len(text), *(h.start for h in spans), *(h.end for h in spans)})
    by_start: dict[int, list[Highlight]] = {}
    for h in spans:
        by_start.setdefault(h.start, []).append(h)
    active: list[Highlight] = []
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        active = [h for h in active if h.end > a] + by_start.get(a, [])
        segment = text[a:b]
        out.append(_mark(segment, active) if active else escape(segment))
    return mark_safe("".join(out))  # every piece above was escaped or built by format_html
