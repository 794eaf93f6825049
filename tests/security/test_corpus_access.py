"""Per-corpus access: a user restricted to some corpora sees and decides nothing of the others."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from factcheck.access import visible_corpus_ids
from factcheck.models import Fact, Review
from factcheck.reviewing import review_fact
from tests.factories import CorpusFactory, FactFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    desk = Group.objects.create(name="Kyiv desk")
    open_corpus = CorpusFactory(name="open")
    kyiv = CorpusFactory(name="kyiv")
    secret = CorpusFactory(name="secret")
    kyiv.access_groups.add(desk)
    secret.access_groups.add(Group.objects.create(name="Investigations"))
    user = UserFactory(username="kateryna", reviewer=True)
    user.groups.add(desk)
    facts = {c.name: FactFactory(document__corpus=c) for c in (open_corpus, kyiv, secret)}
    return user, facts


def test_visible_corpora_are_the_open_ones_and_those_of_the_users_groups(world):
    user, facts = world
    assert sorted(visible_corpus_ids(user)) == sorted([facts["open"].document.corpus_id, facts["kyiv"].document.corpus_id])
    assert visible_corpus_ids(UserFactory(username="root", is_superuser=True)) is None


def test_with_no_restricted_corpus_everyone_sees_everything(db):
    CorpusFactory(name="a")
    assert visible_corpus_ids(UserFactory(username="u")) is None


@pytest.mark.parametrize(
    "url_name, corpus_path",
    [
        ("admin:factcheck_fact_changelist", None),
        ("admin:factcheck_document_changelist", None),
        ("admin:factcheck_corpus_changelist", None),
        ("admin:factcheck_review_changelist", None),
    ],
)
def test_admin_lists_leave_out_other_corpora(world, client, url_name, corpus_path):
    user, facts = world
    for f in facts.values():
        review_fact(f, UserFactory(username="boss", is_superuser=True), "confirmed", "seen")
    client.force_login(user)
    page = client.get(reverse(url_name)).content.decode()
    secret_doc = facts["secret"].document
    assert secret_doc.title not in page and "secret" not in page.lower().replace("secret_key", "")
    if url_name != "admin:factcheck_corpus_changelist":
        assert facts["kyiv"].document.title in page or facts["kyiv"].text in page


def test_admin_pages_of_another_corpus_are_not_found(world, client):
    user, facts = world
    client.force_login(user)
    secret = facts["secret"]
    fact_page = client.get(reverse("admin:factcheck_fact_change", args=[secret.pk]))
    doc_page = client.get(reverse("admin:factcheck_document_change", args=[secret.document_id]))
    # Django's admin answers a hidden object with a redirect to the index and a "does not exist" message.
    assert fact_page.status_code in (302, 404) and doc_page.status_code in (302, 404)
    assert client.get(reverse("admin:factcheck_fact_change", args=[facts["kyiv"].pk])).status_code == 200


def test_a_restricted_reviewer_cannot_decide_on_another_corpus(world, client):
    user, facts = world
    secret = facts["secret"]
    with pytest.raises(Fact.DoesNotExist):
        review_fact(secret, user, "rejected", "not mine")
    client.force_login(user)
    url = reverse("admin:factcheck_fact_changelist")
    response = client.post(reverse("admin:factcheck_fact_review", args=["rejected"]), {"fact": str(secret.pk)})
    assert response.status_code == 404
    response = client.post(url, {"action": "reject_selected", "_selected_action": [str(secret.pk)], "note": ""})
    assert not Review.objects.filter(fact=secret).exists()
    secret.refresh_from_db()
    assert secret.status == "pending"
    review_fact(facts["kyiv"], user, "confirmed", "mine")
    assert Review.objects.filter(fact=facts["kyiv"]).count() == 1
