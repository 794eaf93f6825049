"""Every way to decide from the admin, and every way it must refuse: one code path, the logged-in reviewer."""

from __future__ import annotations

import pytest
from django.contrib.admin import helpers
from django.urls import reverse

from factcheck.models import Fact, FactStatus, Review
from tests.admin.conftest import CHANGELIST, fact_url, review_url
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def run_action(client, action: str, facts, note: str = ""):  # type: ignore[no-untyped-def]
    data = {"action": action, "index": 0, "note": note, helpers.ACTION_CHECKBOX_NAME: [f.pk for f in facts]}
    return client.post(reverse(CHANGELIST), data)


def assert_decided(fact, verdict: str, user, note: str = "") -> None:  # type: ignore[no-untyped-def]
    fact.refresh_from_db()
    assert (fact.status, fact.reviewer, fact.note, fact.revision) == (verdict, user, note, 1)
    assert fact.reviewed_at is not None
    review = fact.reviews.get()
    assert (review.verdict, review.reviewer, review.note) == (verdict, user, note)


@pytest.mark.parametrize("verdict", ["confirmed", "rejected"])
def test_action_decides_every_selected_fact(reviewer_client, reviewer, facts, verdict):  # type: ignore[no-untyped-def]
    action = "confirm_selected" if verdict == "confirmed" else "reject_selected"
    response = run_action(reviewer_client, action, facts[:2], note="checked the wire copy")
    assert response.status_code == 302
    for fact in facts[:2]:
        assert_decided(fact, verdict, reviewer, "checked the wire copy")
    facts[2].refresh_from_db()
    assert facts[2].status == FactStatus.PENDING


def test_action_across_all_pages(reviewer_client, reviewer, facts):  # type: ignore[no-untyped-def]
    data = {"action": "reject_selected", "index": 0, "select_across": 1, helpers.ACTION_CHECKBOX_NAME: [facts[0].pk]}
    reviewer_client.post(reverse(CHANGELIST) + "?kind=date", data)
    assert list(Fact.objects.filter(status=FactStatus.REJECTED)) == [facts[1]]


@pytest.mark.parametrize("action", ["confirm_selected", "reject_selected"])
def test_reader_cannot_run_review_actions(reader_client, facts, action):  # type: ignore[no-untyped-def]
    response = run_action(reader_client, action, facts)
    assert response.status_code in (200, 302)
    assert not Review.objects.exists() and not Fact.objects.exclude(status=FactStatus.PENDING).exists()


@pytest.mark.parametrize("verdict", ["confirmed", "rejected"])
def test_row_button_decides_one_fact_and_returns_to_the_list(reviewer_client, reviewer, facts, verdict):  # type: ignore[no-untyped-def]
    data = {"fact": f"{facts[1].pk}:0", "_changelist_filters": "kind=date", helpers.ACTION_CHECKBOX_NAME: [facts[0].pk]}
    response = reviewer_client.post(review_url(verdict), data)
    assert response.status_code == 302 and response.url == reverse(CHANGELIST) + "?kind=date"
    assert_decided(facts[1], verdict, reviewer)
    facts[0].refresh_from_db()
    assert facts[0].status == FactStatus.PENDING  # a ticked box does not ride along with a row's button


def test_bulk_button_decides_the_ticked_facts_with_a_note(reviewer_client, reviewer, facts):  # type: ignore[no-untyped-def]
    data = {helpers.ACTION_CHECKBOX_NAME: [f.pk for f in facts], "note": " duplicate ", "select_across": 0}
    response = reviewer_client.post(review_url("rejected"), data)
    assert response.status_code == 302
    for fact in facts:
        assert_decided(fact, "rejected", reviewer, "duplicate")


def test_bulk_button_across_all_pages_keeps_the_filters(reviewer_client, facts):  # type: ignore[no-untyped-def]
    data = {helpers.ACTION_CHECKBOX_NAME: [facts[0].pk], "select_across": "1", "_changelist_filters": "extractor=dates"}
    reviewer_client.post(review_url("confirmed"), data)
    assert list(Fact.objects.filter(status=FactStatus.CONFIRMED)) == [facts[1]]


def test_bulk_button_with_nothing_selected_changes_nothing(reviewer_client, facts):  # type: ignore[no-untyped-def]
    response = reviewer_client.post(review_url("confirmed"), {}, follow=True)
    assert "Select the facts" in response.content.decode()
    assert not Review.objects.exists()


@pytest.mark.parametrize("verdict", ["confirmed", "rejected"])
def test_reader_gets_403(reader_client, fact, verdict):  # type: ignore[no-untyped-def]
    assert reader_client.post(review_url(verdict), {"fact": f"{fact.pk}:0"}).status_code == 403
    assert not Review.objects.exists()


def test_anonymous_is_sent_to_login(client, fact):  # type: ignore[no-untyped-def]
    response = client.post(review_url("confirmed"), {"fact": fact.pk})
    assert response.status_code == 302 and "/login/" in response.url
    assert not Review.objects.exists()


def test_non_staff_with_the_permission_cannot_use_the_admin(client, fact):  # type: ignore[no-untyped-def]
    outsider = UserFactory(username="outsider", is_staff=False, reviewer=True)
    client.force_login(outsider)
    response = client.post(review_url("confirmed"), {"fact": fact.pk})
    assert response.status_code == 302 and "/login/" in response.url
    assert not Review.objects.exists()


def test_get_is_not_allowed(reviewer_client, fact):  # type: ignore[no-untyped-def]
    assert reviewer_client.get(review_url("confirmed"), {"fact": fact.pk}).status_code == 405


def test_unknown_verdict_is_404(reviewer_client, fact):  # type: ignore[no-untyped-def]
    assert reviewer_client.post(review_url("pending"), {"fact": fact.pk}).status_code == 404


@pytest.mark.parametrize("token", ["abc", "1:x", ""])
def test_malformed_fact_is_400(reviewer_client, token):  # type: ignore[no-untyped-def]
    assert reviewer_client.post(review_url("confirmed"), {"fact": token}).status_code == 400


def test_missing_fact_is_404(reviewer_client):  # type: ignore[no-untyped-def]
    assert reviewer_client.post(review_url("confirmed"), {"fact": "999999:0"}).status_code == 404


def test_the_reviewer_is_the_logged_in_user_never_a_form_field(reviewer_client, reviewer, fact):  # type: ignore[no-untyped-def]
    someone_else = UserFactory(username="mallory", reviewer=True)
    data = {"fact": f"{fact.pk}:0", "reviewer": someone_else.pk, "reviewer_id": someone_else.pk}
    reviewer_client.post(review_url("confirmed"), data)
    assert_decided(fact, "confirmed", reviewer)


def test_csrf_is_required(client, reviewer, fact):  # type: ignore[no-untyped-def]
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(reviewer)
    assert strict.post(review_url("confirmed"), {"fact": fact.pk}).status_code == 403
    assert not Review.objects.exists()


def test_a_stale_button_does_not_overwrite_a_newer_decision(reviewer_client, reviewer, fact):  # type: ignore[no-untyped-def]
    reviewer_client.post(review_url("confirmed"), {"fact": f"{fact.pk}:0"})
    response = reviewer_client.post(review_url("rejected"), {"fact": f"{fact.pk}:0"}, follow=True)
    assert "another decision was recorded" in response.content.decode()
    fact.refresh_from_db()
    assert (fact.status, fact.reviews.count()) == ("confirmed", 1)


def test_a_fact_can_be_decided_again_and_history_grows(reviewer_client, fact):  # type: ignore[no-untyped-def]
    reviewer_client.post(review_url("confirmed"), {"fact": f"{fact.pk}:0"})
    reviewer_client.post(review_url("rejected"), {"fact": f"{fact.pk}:1", "note": "wrong figure"})
    fact.refresh_from_db()
    assert (fact.status, fact.revision) == ("rejected", 2)
    assert [r.verdict for r in fact.reviews.all()] == ["rejected", "confirmed"]


def test_unsafe_filters_cannot_redirect_off_site(reviewer_client, fact):  # type: ignore[no-untyped-def]
    data = {"fact": f"{fact.pk}:0", "_changelist_filters": "//evil.example/"}
    response = reviewer_client.post(review_url("confirmed"), data)
    assert response.url.startswith(reverse(CHANGELIST) + "?")


def test_change_page_button_opens_the_next_pending_fact(reviewer_client, reviewer, facts):  # type: ignore[no-untyped-def]
    data = {"fact": f"{facts[0].pk}:0", "_from": "change", "_next_pending": "1", "note": "ok"}
    response = reviewer_client.post(review_url("confirmed"), data)
    assert response.status_code == 302 and response.url == fact_url(facts[1])
    assert_decided(facts[0], "confirmed", reviewer, "ok")


def test_change_page_button_can_stay_on_the_fact(reviewer_client, facts):  # type: ignore[no-untyped-def]
    response = reviewer_client.post(review_url("rejected"), {"fact": f"{facts[2].pk}:0", "_from": "change"})
    assert response.url == fact_url(facts[2])


def test_last_pending_fact_returns_to_the_list(reviewer_client, fact):  # type: ignore[no-untyped-def]
    data = {"fact": f"{fact.pk}:0", "_from": "change", "_next_pending": "1"}
    response = reviewer_client.post(review_url("confirmed"), data, follow=True)
    assert response.redirect_chain[-1][0] == reverse(CHANGELIST)
    assert "No pending facts left" in response.content.decode()
