"""The fact list: columns, filters, search, pending-first order, status counts, and a bounded number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factcheck.models import FactStatus
from tests.admin.conftest import CHANGELIST
from tests.factories import CorpusFactory, DocumentFactory, FactFactory

pytestmark = pytest.mark.django_db


def listed(response) -> list[int]:  # type: ignore[no-untyped-def]
    return [fact.pk for fact in response.context["cl"].result_list]


def test_columns_show_readable_values(reviewer_client):  # type: ignore[no-untyped-def]
    FactFactory(
        document__title="Border build-up",
        document__outlet="Kyiv Post",
        kind="troops",
        value={"min": 100000, "max": None, "qualifier": "at_least", "actor": "Russian"},
        extractor="troops",
        extractor_version="1.2.0",
    )
    page = reviewer_client.get(reverse(CHANGELIST)).content.decode()
    for shown in ("troops", "at least 12 people were killed", "≥ 100,000 · Russian", "Border build-up", "Kyiv Post",
                  "pending", "troops 1.2.0"):
        assert shown in page


def test_pending_facts_come_first(reviewer_client):  # type: ignore[no-untyped-def]
    confirmed = FactFactory(status=FactStatus.CONFIRMED)
    rejected = FactFactory(status=FactStatus.REJECTED)
    pending = [FactFactory(), FactFactory()]
    ids = listed(reviewer_client.get(reverse(CHANGELIST)))
    assert ids[:2] == [pending[0].pk, pending[1].pk]
    assert set(ids[2:]) == {confirmed.pk, rejected.pk}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "date"}, ["date"]),
        ({"status__exact": "rejected"}, ["troops"]),
        ({"extractor": "dates"}, ["date"]),
        ({"document__outlet": "Reuters"}, ["date"]),
        ({"q": "Monday"}, ["date"]),
        ({"q": "Belarus talks"}, ["date"]),
        ({"document__published__gte": "2022-01-01", "document__published__lt": "2022-02-01"}, ["date"]),
    ],
    ids=["kind", "status", "extractor", "outlet", "search-phrase", "search-title", "published"],
)
def test_filters_and_search(reviewer_client, query, expected):  # type: ignore[no-untyped-def]
    FactFactory(document__published=dt.date(2021, 12, 2))
    document = DocumentFactory(
        title="Belarus talks", outlet="Reuters", published=dt.date(2022, 1, 10), text="Talks resumed on Monday."
    )
    monday = document.text.index("Monday")
    value = {"value": "2022-01-10", "granularity": "day", "relative": True}
    FactFactory(document=document, kind="date", start=monday, end=monday + 6, extractor="dates", value=value)
    FactFactory(status=FactStatus.REJECTED, kind="troops", document__published=dt.date(2021, 12, 2))
    response = reviewer_client.get(reverse(CHANGELIST), query)
    assert [f.kind for f in response.context["cl"].result_list] == expected


def test_corpus_filter(reviewer_client):  # type: ignore[no-untyped-def]
    wanted = FactFactory(document__corpus=CorpusFactory(name="seeds"))
    FactFactory(document__corpus=CorpusFactory(name="other"))
    response = reviewer_client.get(reverse(CHANGELIST), {"document__corpus__id__exact": wanted.document.corpus_id})
    assert listed(response) == [wanted.pk]


def test_list_of_one_document(reviewer_client, facts):  # type: ignore[no-untyped-def]
    FactFactory()
    response = reviewer_client.get(reverse(CHANGELIST), {"document__id__exact": facts[0].document_id})
    assert sorted(listed(response)) == sorted(f.pk for f in facts)


def test_header_counts_facts_by_status(reviewer_client):  # type: ignore[no-untyped-def]
    FactFactory.create_batch(3)
    FactFactory.create_batch(2, status=FactStatus.CONFIRMED)
    FactFactory(status=FactStatus.REJECTED)
    response = reviewer_client.get(reverse(CHANGELIST))
    counts = {row["status"]: row["count"] for row in response.context["status_counts"]}
    assert counts == {"pending": 3, "confirmed": 2, "rejected": 1}
    assert "<strong>3</strong> pending" in response.content.decode()


def _list_queries(client, n: int) -> int:  # type: ignore[no-untyped-def]
    FactFactory.create_batch(n)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(CHANGELIST)).status_code == 200
    return len(queries)


def test_list_queries_do_not_grow_with_rows(reviewer_client, django_assert_max_num_queries):  # type: ignore[no-untyped-def]
    few = _list_queries(reviewer_client, 2)
    many = _list_queries(reviewer_client, 30)
    assert few == many
    with django_assert_max_num_queries(12):
        reviewer_client.get(reverse(CHANGELIST))


def test_list_never_loads_document_text_nor_counts_twice(reviewer_client):  # type: ignore[no-untyped-def]
    FactFactory.create_batch(3)
    with CaptureQueriesContext(connection) as queries:
        reviewer_client.get(reverse(CHANGELIST))
    sql = [q["sql"] for q in queries]
    rows_query = next(s for s in sql if "JOIN \"factcheck_document\"" in s and '"factcheck_fact"."kind"' in s)
    assert '"factcheck_document"."text"' not in rows_query
    assert sum("COUNT(*)" in s for s in sql) == 1


def test_reader_sees_no_actions_or_buttons(reader_client, fact):  # type: ignore[no-untyped-def]
    response = reader_client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    page = response.content.decode()
    assert response.context["action_form"] is None
    assert 'name="fact"' not in page and "Confirm selected" not in page


def test_reviewer_sees_actions_and_buttons(reviewer_client, fact):  # type: ignore[no-untyped-def]
    response = reviewer_client.get(reverse(CHANGELIST))
    page = response.content.decode()
    choices = [name for name, _ in response.context["action_form"].fields["action"].choices]
    assert {"confirm_selected", "reject_selected"} <= set(choices)
    assert f'name="fact" value="{fact.pk}:0"' in page and "Confirm selected" in page
