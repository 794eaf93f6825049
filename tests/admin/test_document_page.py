"""A document's page: metadata, its text with every fact marked by kind, and its facts with their status."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factcheck.models import FactStatus
from tests.admin.conftest import fact_url
from tests.factories import DocumentFactory, FactFactory

pytestmark = pytest.mark.django_db


def document_url(document) -> str:  # type: ignore[no-untyped-def]
    return reverse("admin:factcheck_document_change", args=[document.pk])


def test_text_has_every_fact_marked_by_kind(reviewer_client, facts):  # type: ignore[no-untyped-def]
    page = reviewer_client.get(document_url(facts[0].document)).content.decode()
    assert 'class="fc-document-text"' in page
    assert f'<a class="fc-mark-link" href="{fact_url(facts[1])}"><mark class="fc-mark kind-date status-pending"' in page
    assert page.count('<mark class="fc-mark kind-casualty') == 3  # "at least ", "12 people" (both), " were killed"


def test_facts_are_listed_with_their_status(reviewer_client, facts):  # type: ignore[no-untyped-def]
    FactFactory(document=facts[0].document, kind="troops", start=0, end=5, status=FactStatus.REJECTED)
    response = reviewer_client.get(document_url(facts[0].document))
    page = response.content.decode()
    inline = page[page.index('id="facts-group"') :]
    assert inline.count('class="fc-status status-pending"') == 3
    assert inline.count('class="fc-status status-rejected"') == 1
    assert "2021-11-29 (relative)" in inline and "casualties 2.0.0" in inline
    assert fact_url(facts[1]) in inline


def test_metadata_is_shown(reviewer_client):  # type: ignore[no-untyped-def]
    document = DocumentFactory(title="Talks in Stockholm", outlet="Kyiv Post", url="https://example.org/a")
    page = reviewer_client.get(document_url(document)).content.decode()
    for shown in ("Talks in Stockholm", "Kyiv Post", "https://example.org/a", document.sha256, document.corpus.name):
        assert shown in page


def test_document_markup_is_escaped(reviewer_client):  # type: ignore[no-untyped-def]
    document = DocumentFactory(text='<script>alert("x")</script><img src=x onerror=alert(1)> at least 12 people were killed.')
    FactFactory(document=document)
    page = reviewer_client.get(document_url(document)).content.decode()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page


def test_reader_cannot_change_a_document(reader_client, facts):  # type: ignore[no-untyped-def]
    document = facts[0].document
    response = reader_client.post(document_url(document), {"title": "changed"})
    assert response.status_code == 403
    document.refresh_from_db()
    assert document.title != "changed"


def _page_queries(client, n_facts: int) -> int:  # type: ignore[no-untyped-def]
    document = DocumentFactory(text="x" * 500)
    for i in range(n_facts):
        FactFactory(document=document, kind="date", start=i * 10, end=i * 10 + 5)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(document_url(document)).status_code == 200
    return len(queries)


def test_document_page_queries_do_not_grow_with_facts(reviewer_client, django_assert_max_num_queries):  # type: ignore[no-untyped-def]
    _page_queries(reviewer_client, 1)  # warm caches
    assert _page_queries(reviewer_client, 2) == _page_queries(reviewer_client, 20)
    document = DocumentFactory()
    with django_assert_max_num_queries(9):
        reviewer_client.get(document_url(document))


def test_document_list_does_not_load_texts(reviewer_client):  # type: ignore[no-untyped-def]
    DocumentFactory.create_batch(3)
    with CaptureQueriesContext(connection) as queries:
        response = reviewer_client.get(reverse("admin:factcheck_document_changelist"))
    assert response.status_code == 200
    assert not any('"factcheck_document"."text"' in q["sql"] for q in queries)


def test_corpus_list(reviewer_client, facts):  # type: ignore[no-untyped-def]
    response = reviewer_client.get(reverse("admin:factcheck_corpus_changelist"))
    assert response.status_code == 200 and facts[0].document.corpus.name in response.content.decode()
