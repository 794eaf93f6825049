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


# --- the API -------------------------------------------------------------------------------------


@pytest.fixture
def api(world):
    from tests.api.conftest import token_client

    user, facts = world
    boss = UserFactory(username="boss", is_superuser=True)
    for f in facts.values():
        review_fact(f, boss, "confirmed", "seen")
    return token_client(user), facts


@pytest.mark.parametrize("resource", ["facts", "documents", "reviews", "corpora"])
def test_api_lists_leave_out_other_corpora(api, resource):
    client, facts = api
    body = client.get(f"/api/{resource}/").json()
    text = str(body)
    assert body["count"] == 2  # the open corpus and the Kyiv desk's, never the secret one
    assert facts["secret"].document.title not in text
    assert "'name': 'secret'" not in text


def test_api_details_and_decisions_of_another_corpus_are_not_found(api):
    client, facts = api
    secret = facts["secret"]
    assert client.get(f"/api/facts/{secret.pk}/").status_code == 404
    assert client.get(f"/api/documents/{secret.document_id}/").status_code == 404
    assert client.get(f"/api/corpora/{secret.document.corpus_id}/").status_code == 404
    review_id = Review.objects.get(fact=secret).pk
    assert client.get(f"/api/reviews/{review_id}/").status_code == 404
    response = client.post(f"/api/facts/{secret.pk}/review/", {"verdict": "rejected"}, format="json")
    assert response.status_code == 404
    assert Review.objects.filter(fact=secret).count() == 1
    assert client.get(f"/api/facts/{facts['kyiv'].pk}/").status_code == 200


def test_api_filters_cannot_reach_another_corpus(api):
    client, facts = api
    secret = facts["secret"]
    assert client.get("/api/facts/", {"document": secret.document_id}).json()["count"] == 0
    assert client.get("/api/facts/", {"corpus": "secret"}).json()["count"] == 0


def test_api_refuses_to_add_documents_to_a_hidden_corpus(api, settings):
    from django.contrib.auth.models import Permission

    client, facts = api
    user = facts["kyiv"].document.corpus.access_groups.get().user_set.get()
    user.user_permissions.add(Permission.objects.get(codename="add_document"))
    response = client.post("/api/documents/", {"corpus": "secret", "text": "A new secret."}, format="json")
    assert response.status_code == 403
    assert not facts["secret"].document.corpus.documents.filter(text="A new secret.").exists()


def test_claims_of_another_corpus_are_hidden(api):
    from django.core.management import call_command

    client, facts = api
    call_command("build_claims")
    body = client.get("/api/claims/").json()
    corpora = {c["corpus"] for c in body["results"]} if body["results"] and "corpus" in body["results"][0] else set()
    assert "secret" not in str(corpora)
    from factcheck.models import Claim

    hidden = Claim.objects.get(corpus__name="secret")
    assert client.get(f"/api/claims/{hidden.pk}/").status_code == 404
    visible = Claim.objects.get(corpus__name="kyiv")
    assert client.get(f"/api/claims/{visible.pk}/").status_code == 200
