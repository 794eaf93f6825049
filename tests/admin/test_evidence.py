"""Evidence HTML: the right sentence, the span marked, and the document's own markup always escaped."""

from __future__ import annotations

from factcheck.evidence import MAX_SENTENCE_CHARS, Highlight, evidence_html, highlight_html, sentence_span

TEXT = "Talks began in Geneva. At least 12 people were killed on Monday, officials said. Nothing else."


def span(phrase: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def test_evidence_is_the_sentence_with_the_span_marked():
    start, end = span("At least 12 people were killed")
    assert evidence_html(TEXT, start, end, "casualty") == (
        '<span class="fc-evidence"><mark class="fc-mark kind-casualty">At least 12 people were killed</mark>'
        " on Monday, officials said.</span>"
    )


def test_markup_in_the_document_is_escaped():
    text = 'Breaking: <script>alert("x")</script> at least 12 <b>people</b> were killed.'
    start, end = span("at least 12 <b>people</b>", text)
    html = evidence_html(text, start, end, "casualty")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert '<mark class="fc-mark kind-casualty">at least 12 &lt;b&gt;people&lt;/b&gt;</mark>' in html


def test_a_long_sentence_is_cut_around_the_span():
    text = "word " * 400 + "at least 12 people were killed " + "word " * 400
    start, end = span("at least 12 people", text)
    first, last = sentence_span(text, start, end)
    assert last - first <= MAX_SENTENCE_CHARS and first < start and end < last
    html = evidence_html(text, start, end, "casualty")
    assert html.startswith('<span class="fc-evidence">…') and html.endswith("…</span>")


def test_a_span_across_a_sentence_end_shows_both_sentences():
    start, _ = span("Geneva")
    _, end = span("At least")
    assert sentence_span(TEXT, start, end) == (0, TEXT.index(" Nothing"))


def test_highlight_marks_every_fact_and_escapes_the_rest():
    text = "<i>On Monday</i> at least 12 people were killed."
    casualty, date = span("at least 12 people were killed", text), span("Monday", text)
    html = highlight_html(
        text,
        [
            Highlight(*casualty, "casualty", title="casualty · ≥ 12 killed", url="/admin/f/1/", status="pending"),
            Highlight(*date, "date", title="date", url="/admin/f/2/", status="rejected"),
        ],
    )
    assert html == (
        '&lt;i&gt;On <a class="fc-mark-link" href="/admin/f/2/"><mark class="fc-mark kind-date status-rejected" '
        'title="date">Monday</mark></a>&lt;/i&gt; <a class="fc-mark-link" href="/admin/f/1/"><mark class="fc-mark '
        'kind-casualty status-pending" title="casualty · ≥ 12 killed">at least 12 people were killed</mark></a>.'
    )


def test_overlapping_facts_are_split_not_dropped():
    text = "More than 100,000 Russian troops massed."
    outer, inner = span("More than 100,000 Russian troops", text), span("100,000", text)
    html = highlight_html(text, [Highlight(*outer, "troops", title="T"), Highlight(*inner, "number", title="N")])
    assert html == (
        '<mark class="fc-mark kind-troops status-none" title="T">More than </mark>'
        '<mark class="fc-mark kind-number status-none" title="T | N">100,000</mark>'
        '<mark class="fc-mark kind-troops status-none" title="T"> Russian troops</mark> massed.'
    )


def test_spans_outside_the_text_are_ignored():
    assert highlight_html("short", [Highlight(2, 99, "date"), Highlight(3, 3, "date")]) == "short"
