"""The fact list: columns, filters, search, pending-first order, status counts, and a bounded number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from extractors.registry import Registry
from factcheck.admin.filters import ExtractorFilter, KindFilter
from factcheck.models import FactStatus
from factcheck.reviewing import review_fact
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


def test_header_says_how_old_the_counts_may_be(reviewer_client):  # type: ignore[no-untyped-def]
    assert "counts may be up to 30 s old" in reviewer_client.get(reverse(CHANGELIST)).content.decode()


def test_header_counts_are_cached_between_views(reviewer_client):  # type: ignore[no-untyped-def]
    FactFactory.create_batch(2)
    reviewer_client.get(reverse(CHANGELIST))
    FactFactory()  # a new fact is not a decision: the cached counts stand until they expire
    with CaptureQueriesContext(connection) as queries:
        response = reviewer_client.get(reverse(CHANGELIST))
    assert {row["status"]: row["count"] for row in response.context["status_counts"]}["pending"] == 2
    assert not any("GROUP BY" in q["sql"] for q in queries)


def test_header_counts_follow_a_decision_at_once(  # type: ignore[no-untyped-def]
    reviewer_client, reviewer, django_capture_on_commit_callbacks
):
    pending = FactFactory.create_batch(3)
    reviewer_client.get(reverse(CHANGELIST))
    with django_capture_on_commit_callbacks(execute=True):
        review_fact(pending[0], reviewer, "rejected")
    counts = {row["status"]: row["count"] for row in reviewer_client.get(reverse(CHANGELIST)).context["status_counts"]}
    assert counts == {"pending": 2, "confirmed": 0, "rejected": 1}


def test_header_counts_only_visible_corpora(client, reviewer, django_user_model):  # type: ignore[no-untyped-def]
    secret = CorpusFactory(name="secret")
    secret.access_groups.add(Group.objects.create(name="insiders"))
    FactFactory.create_batch(2, document__corpus=secret)
    FactFactory()
    client.force_login(reviewer)
    counts = {row["status"]: row["count"] for row in client.get(reverse(CHANGELIST)).context["status_counts"]}
    assert counts["pending"] == 1
    insider = django_user_model.objects.get(pk=reviewer.pk)
    insider.groups.add(Group.objects.get(name="insiders"))
    client.force_login(insider)
    counts = {row["status"]: row["count"] for row in client.get(reverse(CHANGELIST)).context["status_counts"]}
    assert counts["pending"] == 3  # other corpora, other cache entry


class _Plugin:
    def __init__(self, name: str, kinds: tuple[str, ...]) -> None:
        self.name, self.version, self.kinds = name, "1.0", kinds

    def extract(self, ctx):  # type: ignore[no-untyped-def]
        return []


def test_kind_and_extractor_filters_offer_the_registry(reviewer_client, monkeypatch):  # type: ignore[no-untyped-def]
    registry = Registry.from_extractors([_Plugin("weather", ("rain", "wind")), _Plugin("votes", ("vote",))])
    monkeypatch.setattr("factcheck.registry.configured_registry", lambda: registry)
    FactFactory(kind="troops", extractor="troops")  # in the facts, not in the registry: not offered
    with CaptureQueriesContext(connection) as queries:
        response = reviewer_client.get(reverse(CHANGELIST))
    specs = {type(spec): spec for spec in response.context["cl"].filter_specs}
    assert specs[KindFilter].lookup_choices == [("rain", "rain"), ("vote", "vote"), ("wind", "wind")]
    assert specs[ExtractorFilter].lookup_choices == [("votes", "votes"), ("weather", "weather")]
    assert not any("DISTINCT" in q["sql"] and "factcheck_fact" in q["sql"] for q in queries)


@pytest.mark.parametrize("param", ["kind__exact", "kind"])
def test_kind_filter_keeps_its_parameter_names(reviewer_client, param):  # type: ignore[no-untyped-def]
    FactFactory(kind="date", extractor="dates")
    FactFactory(kind="troops")
    response = reviewer_client.get(reverse(CHANGELIST), {param: "date"})
    assert [f.kind for f in response.context["cl"].result_list] == ["date"]


def test_extractor_filter_keeps_its_parameter_name(reviewer_client):  # type: ignore[no-untyped-def]
    FactFactory(kind="date", extractor="dates")
    FactFactory(kind="troops", extractor="troops")
    response = reviewer_client.get(reverse(CHANGELIST), {"extractor__exact": "dates"})
    assert [f.extractor for f in response.context["cl"].result_list] == ["dates"]
    assert 'href="?extractor__exact=dates"' in response.content.decode()


def _list_queries(client, n: int) -> int:  # type: ignore[no-untyped-def]
    FactFactory.create_batch(n)
    cache.clear()  # both counts cold: the status counts are cached after the first view
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
