"""Facts become claims: agreeing figures merge, disagreeing ones conflict, later running totals update."""

from __future__ import annotations

import pytest

from factcheck.models import Claim, ClaimFact, ClaimRelation
from tests.claims.helpers import build, claim_of, doc, killed, troops
from tests.factories import CorpusFactory

pytestmark = pytest.mark.django_db

STORY = (
    "KRAMATORSK: A missile struck the crowded railway station in Kramatorsk on Friday as civilians waited to be "
    "evacuated from the Donbas, regional governor Pavlo Kyrylenko said. {toll} Rescue workers searched the "
    "rubble through the afternoon while trains to Dnipro were cancelled. The governor said most of the victims "
    "were women and children, and that the station had been the main exit for people fleeing the region. "
    "Moscow denied that its forces had fired the missile and blamed Kyiv for the attack on the station."
)


@pytest.fixture
def corpus():  # type: ignore[no-untyped-def]
    return CorpusFactory(name="claims")


def test_two_reports_of_one_toll_with_different_figures_conflict(corpus) -> None:  # type: ignore[no-untyped-def]
    a = doc(corpus, "At least ... 61 civilians were killed when a missile hit the railway station in Kramatorsk.")
    b = doc(corpus, "Officials said 65 civilians were killed in the missile strike on Kramatorsk railway station.")
    fa = killed(a, "61 civilians were killed", 61, "civilians")
    fb = killed(b, "65 civilians were killed", 65, "civilians")
    stats = build(corpus)
    ca, cb = claim_of(fa), claim_of(fb)
    assert ca != cb and ca.has_conflict and cb.has_conflict
    assert (stats.conflicts, stats.updates) == (1, 0)
    relation = ClaimRelation.objects.get(claim=ca)
    assert (relation.other, relation.relation) == (cb, "conflict")
    assert {"kramatorsk", "railway", "station"} <= set(relation.why["shared_terms"])


def test_a_later_higher_running_total_updates_the_earlier_one(corpus) -> None:  # type: ignore[no-untyped-def]
    a = doc(corpus, "The army said 60 Ukrainian soldiers have been killed in the east since the start of the year.",
            published="2021-11-20")
    b = doc(corpus, "The death brings to 61 the number of Ukrainian soldiers killed since the start of the year in "
            "the east of the country.", published="2021-12-02")
    fa = killed(a, "60 Ukrainian soldiers have been killed", 60, "Ukrainian soldiers", cumulative=True)
    fb = killed(b, "61 the number of Ukrainian soldiers killed", 61, "Ukrainian soldiers", cumulative=True)
    stats = build(corpus)
    earlier, later = claim_of(fa), claim_of(fb)
    assert (stats.conflicts, stats.updates) == (0, 1)
    assert not earlier.has_conflict and not later.has_conflict and later.has_update
    assert ClaimRelation.objects.get(claim=later).relation == "supersedes"
    assert ClaimRelation.objects.get(claim=earlier).relation == "superseded_by"


def test_an_earlier_report_of_a_higher_running_total_is_a_conflict(corpus) -> None:  # type: ignore[no-untyped-def]
    a = doc(corpus, "The army said 61 Ukrainian soldiers have been killed in the east since the start of the year.",
            published="2021-11-20")
    b = doc(corpus, "The death brings to 60 the number of Ukrainian soldiers killed since the start of the year in "
            "the east of the country.", published="2021-12-02")
    killed(a, "61 Ukrainian soldiers have been killed", 61, "Ukrainian soldiers", cumulative=True)
    killed(b, "60 the number of Ukrainian soldiers killed", 60, "Ukrainian soldiers", cumulative=True)
    assert (build(corpus).conflicts, Claim.objects.filter(has_update=True).count()) == (1, 0)


def test_troop_estimates_conflict_and_more_than_agrees_with_the_figure(corpus) -> None:  # type: ignore[no-untyped-def]
    a = doc(corpus, "Ukraine says Russia has massed 100,000 troops near the border with Ukraine.")
    b = doc(corpus, "US intelligence says Russia could deploy 175,000 troops along the border with Ukraine early "
            "next year.")
    c = doc(corpus, "Satellite images show Russia has gathered more than 100,000 troops near its border with Ukraine.")
    fa = troops(a, "100,000 troops", 100_000, "Russia")
    fb = troops(b, "175,000 troops", 175_000, "Russia")
    fc = troops(c, "more than 100,000 troops", 100_000, "Russian", qualifier="at_least")
    stats = build(corpus)
    assert claim_of(fa) == claim_of(fc) != claim_of(fb)
    assert claim_of(fa).label == "100,000 Russia troops"
    assert claim_of(fa).documents_count == 2 and claim_of(fa).has_conflict and claim_of(fb).has_conflict
    assert stats.conflicts == 1


def test_snapshots_a_month_apart_are_different_subjects(corpus) -> None:  # type: ignore[no-untyped-def]
    a = doc(corpus, "Russia has massed 100,000 troops near the border with Ukraine.", published="2021-12-02")
    b = doc(corpus, "Russia has massed 175,000 troops near the border with Ukraine.", published="2022-01-15")
    troops(a, "100,000 troops", 100_000, "Russia")
    troops(b, "175,000 troops", 175_000, "Russia")
    assert build(corpus).conflicts == 0


def test_copies_count_once_as_a_source(corpus) -> None:  # type: ignore[no-untyped-def]
    toll = "Officials said 52 civilians were killed in the missile strike on the station."
    copies = [doc(corpus, STORY.format(toll=toll), outlet="AFP")]
    copies.append(doc(corpus, "Republished. " + STORY.format(toll=toll).replace("Kyiv", "Kiev"), outlet="Yahoo"))
    copies.append(doc(corpus, STORY.format(toll=toll).replace("Friday", "Friday morning") + " Comments (0)",
                      outlet="Local"))
    own = doc(corpus, "In Kramatorsk, 52 civilians were killed when a missile struck the railway station, the "
              "prosecutor's office said, as rescue teams cleared the platforms.", outlet="Kyiv Independent")
    facts = [killed(d, "52 civilians were killed", 52, "civilians") for d in copies + [own]]
    build(corpus)
    claim = claim_of(facts[0])
    assert {claim_of(f) for f in facts} == {claim}
    assert (claim.facts_count, claim.documents_count, claim.sources_count) == (4, 4, 2)
    assert claim.label == "52 civilians killed" and not claim.has_conflict


def test_different_people_are_different_claims(corpus) -> None:  # type: ignore[no-untyped-def]
    a = doc(corpus, "The strike on the Kramatorsk railway station killed 12 soldiers, the governor said.")
    b = doc(corpus, "The strike on the Kramatorsk railway station killed 30 civilians, the governor said.")
    fa = killed(a, "killed 12 soldiers", 12, "soldiers")
    fb = killed(b, "killed 30 civilians", 30, "civilians")
    stats = build(corpus)
    assert claim_of(fa) != claim_of(fb) and stats.conflicts == 0


def test_unrelated_sentences_with_the_same_figure_are_not_one_claim(corpus) -> None:  # type: ignore[no-untyped-def]
    a = doc(corpus, "Floods in the north of the province killed 12 people on Monday, the civil protection agency said.")
    b = doc(corpus, "A bus crash on the coastal motorway near the capital killed 12 people, police said.")
    fa = killed(a, "killed 12 people", 12, "people")
    fb = killed(b, "killed 12 people", 12, "people")
    build(corpus)
    assert claim_of(fa) != claim_of(fb)


def test_a_rejected_figure_does_not_make_a_conflict(corpus) -> None:  # type: ignore[no-untyped-def]
    a = doc(corpus, "Officials said 61 civilians were killed when a missile hit the railway station in Kramatorsk.")
    b = doc(corpus, "Officials said 65 civilians were killed in the missile strike on Kramatorsk railway station.")
    killed(a, "61 civilians were killed", 61, "civilians")
    wrong = killed(b, "65 civilians were killed", 65, "civilians")
    wrong.status = "rejected"
    wrong.save()
    assert build(corpus).conflicts == 0
    assert claim_of(wrong).status == "rejected"


def test_rebuilding_gives_the_same_claims_and_no_duplicates(corpus) -> None:  # type: ignore[no-untyped-def]
    a = doc(corpus, "Officials said 61 civilians were killed when a missile hit the railway station in Kramatorsk.")
    b = doc(corpus, "Officials said 65 civilians were killed in the missile strike on Kramatorsk railway station.")
    killed(a, "61 civilians were killed", 61, "civilians")
    killed(b, "65 civilians were killed", 65, "civilians")
    build(corpus)
    before = list(Claim.objects.values_list("id", "key", "label", "documents_count", "has_conflict"))
    stats = build(corpus)
    assert list(Claim.objects.values_list("id", "key", "label", "documents_count", "has_conflict")) == before
    assert (stats.created, stats.deleted) == (0, 0)
    assert ClaimFact.objects.count() == 2 and ClaimRelation.objects.count() == 2


@pytest.mark.parametrize("published", ["2022-04-07", "2022-04-08", "2022-04-09"], ids=["earlier", "same-day", "later"])
def test_a_new_document_joins_an_existing_claim_which_keeps_its_id(corpus, published) -> None:  # type: ignore[no-untyped-def]
    a = doc(corpus, "Officials said 61 civilians were killed when a missile hit the railway station in Kramatorsk.",
            published="2022-04-08")
    first = killed(a, "61 civilians were killed", 61, "civilians")
    build(corpus)
    claim = claim_of(first)
    b = doc(corpus, "A missile hit the Kramatorsk railway station and 61 civilians were killed, Ukraine said.",
            published=published)
    killed(b, "61 civilians were killed", 61, "civilians")
    build(corpus)
    claim.refresh_from_db()
    assert (claim.documents_count, claim.sources_count, Claim.objects.count()) == (2, 2, 1)


def test_a_claim_explains_its_grouping(corpus) -> None:  # type: ignore[no-untyped-def]
    a = doc(corpus, "Officials said 61 civilians were killed when a missile hit the railway station in Kramatorsk.",
            published="2022-04-08")
    b = doc(corpus, "A missile hit the Kramatorsk railway station and 61 civilians were killed, Ukraine said.",
            published="2022-04-09")
    fa = killed(a, "61 civilians were killed", 61, "civilians")
    fb = killed(b, "61 civilians were killed", 61, "civilians")
    build(corpus)
    why = claim_of(fa).why
    assert why["subject"] == "killed · civilians"
    assert why["values_agree_on"] == {"min": 61, "max": 61}
    [link] = why["links"]
    assert (link["fact"], link["matched"]) == (fb.pk, fa.pk)
    assert {"missile", "railway", "kramatorsk"} <= set(link["shared_terms"])
