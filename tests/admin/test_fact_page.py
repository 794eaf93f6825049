"""A fact's page: evidence, buttons for reviewers only, read-only once decided, history that cannot change."""

from __future__ import annotations

import pytest
from django.urls import reverse

from factcheck.models import FactStatus, Review
from factcheck.reviewing import review_fact
from tests.admin.conftest import fact_url
from tests.factories import DocumentFactory, FactFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_page_shows_escaped_evidence_and_a_link_to_the_document(reviewer_client):  # type: ignore[no-untyped-def]
    document = DocumentFactory(text='Intro. At least 12 people were killed <script>alert("x")</script> police said.')
    start = document.text.index("At least")
    fact = FactFactory(document=document, start=start, end=start + len("At least 12 people"))
    page = reviewer_client.get(fact_url(fact)).content.decode()
    assert (
        '<mark class="fc-mark kind-casualty">At least 12 people</mark> were killed '
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; police said." in page
    )
    assert "<script>alert" not in page
    assert reverse("admin:factcheck_document_change", args=[document.pk]) in page
    assert "≥ 12 killed · people" in page


def test_reviewer_sees_the_decision_buttons(reviewer_client, fact):  # type: ignore[no-untyped-def]
    page = reviewer_client.get(fact_url(fact)).content.decode()
    assert f'name="fact" value="{fact.pk}:0"' in page
    assert 'name="note"' in page and "Confirm" in page and "Reject" in page
    assert "csrfmiddlewaretoken" in page.split('class="fc-decide"')[1]


def test_reader_sees_evidence_but_no_buttons(reader_client, fact):  # type: ignore[no-untyped-def]
    response = reader_client.get(fact_url(fact))
    page = response.content.decode()
    assert response.status_code == 200 and 'class="fc-evidence"' in page
    assert 'class="fc-decide"' not in page and 'name="fact"' not in page


def test_skip_link_points_to_the_next_pending_fact(reviewer_client, facts):  # type: ignore[no-untyped-def]
    response = reviewer_client.get(fact_url(facts[0]))
    assert response.context["next_pending_url"] == fact_url(facts[1])


def test_reviewed_fact_is_read_only_even_for_a_superuser(client, reviewer, fact):  # type: ignore[no-untyped-def]
    review_fact(fact, reviewer, "confirmed")
    boss = UserFactory(username="boss", is_superuser=True)
    client.force_login(boss)
    response = client.get(fact_url(fact))
    assert response.status_code == 200 and response.context["has_change_permission"] is False
    assert 'name="start"' not in response.content.decode()
    client.post(fact_url(fact), {"kind": "troops", "start": 0, "end": 3, "value": "{}"})
    fact.refresh_from_db()
    assert (fact.kind, fact.start) == ("casualty", fact.document.text.index("at least"))


def test_superuser_may_correct_a_pending_fact_and_the_phrase_follows(client, fact):  # type: ignore[no-untyped-def]
    client.force_login(UserFactory(username="boss", is_superuser=True))
    start = fact.document.text.index("12 people")
    data = {"kind": "casualty", "start": start, "end": start + 9, "value": '{"min": 12}',
            "reviews-TOTAL_FORMS": 0, "reviews-INITIAL_FORMS": 0}
    response = client.post(fact_url(fact), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    fact.refresh_from_db()
    assert (fact.text, fact.status) == ("12 people", FactStatus.PENDING)


def test_a_span_outside_the_document_is_refused(client, fact):  # type: ignore[no-untyped-def]
    client.force_login(UserFactory(username="boss", is_superuser=True))
    data = {"kind": "casualty", "start": 5, "end": 10_000, "value": "{}",
            "reviews-TOTAL_FORMS": 0, "reviews-INITIAL_FORMS": 0}
    response = client.post(fact_url(fact), data)
    assert response.status_code == 200 and "is not inside the document" in response.content.decode()


def test_reader_cannot_change_a_fact(reader_client, fact):  # type: ignore[no-untyped-def]
    assert reader_client.post(fact_url(fact), {"kind": "troops", "start": 0, "end": 3}).status_code == 403


def test_facts_cannot_be_added_in_the_admin(client):  # type: ignore[no-untyped-def]
    client.force_login(UserFactory(username="boss", is_superuser=True))
    assert client.get(reverse("admin:factcheck_fact_add")).status_code == 403


def test_history_is_shown_on_the_fact_page(reviewer_client, reviewer, fact):  # type: ignore[no-untyped-def]
    review_fact(fact, reviewer, "confirmed", note="matches Reuters")
    review_fact(fact, reviewer, "rejected", note="figure is for a different day")
    response = reviewer_client.get(fact_url(fact))
    page = response.content.decode()
    assert "review history" in page.lower()
    assert page.index("figure is for a different day") < page.index("matches Reuters")


def test_history_cannot_be_edited_or_deleted_even_by_a_superuser(client, reviewer, fact):  # type: ignore[no-untyped-def]
    review = review_fact(fact, reviewer, "confirmed", note="ok")
    client.force_login(UserFactory(username="boss", is_superuser=True))
    change = reverse("admin:factcheck_review_change", args=[review.pk])
    delete = reverse("admin:factcheck_review_delete", args=[review.pk])
    assert client.post(change, {"verdict": "rejected", "note": "changed"}).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:factcheck_review_add")).status_code == 403
    listing = client.get(reverse("admin:factcheck_review_changelist"))
    assert listing.status_code == 200 and "delete_selected" not in listing.content.decode()
    page = client.get(fact_url(fact)).content.decode()
    assert "reviews-0-DELETE" not in page and 'name="reviews-0-note"' not in page
    assert list(Review.objects.values_list("verdict", "note")) == [("confirmed", "ok")]


def _page_queries(client, fact, reviewer, decisions: int) -> int:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for verdict in ("confirmed", "rejected") * decisions:
        review_fact(fact, UserFactory(username=f"r{fact.pk}-{fact.revision}", reviewer=True), verdict)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(fact_url(fact)).status_code == 200
    return len(queries)


def test_fact_page_queries_do_not_grow_with_history(reviewer_client, reviewer, django_assert_max_num_queries):  # type: ignore[no-untyped-def]
    reviewer_client.get(fact_url(FactFactory()))  # warm the content-type cache
    short = _page_queries(reviewer_client, FactFactory(), reviewer, 1)
    long = _page_queries(reviewer_client, FactFactory(), reviewer, 4)
    assert short == long
    fresh = fact_url(FactFactory())
    with django_assert_max_num_queries(9):
        reviewer_client.get(fresh)
