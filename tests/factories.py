"""factory-boy factories: a test states only what it cares about."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from factcheck.models import Corpus, Document, Fact, text_sha256


REVIEWER_PERMISSIONS = ["review_fact", "view_fact", "view_document", "view_corpus", "view_review"]


def reviewer_group() -> Group:
    """The Reviewer group as migration 0002 makes it, recreated if a transactional test flushed it."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Permission

    create_permissions(apps.get_app_config("factcheck"), verbosity=0)
    group, created = Group.objects.get_or_create(name="Reviewer")
    if created:
        perms = Permission.objects.filter(content_type__app_label="factcheck", codename__in=REVIEWER_PERMISSIONS)
        group.permissions.add(*perms)
    return group


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def reviewer(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        """``UserFactory(reviewer=True)`` puts the user in the Reviewer group."""
        if create and extracted:
            self.groups.add(reviewer_group())
        if create:
            self.save()


class CorpusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Corpus
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"corpus-{n}")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    corpus = factory.SubFactory(CorpusFactory)
    title = factory.Sequence(lambda n: f"Document {n}")
    outlet = "Wire"
    published = factory.Faker("date_between", start_date="-3y", end_date="today")
    text = factory.Sequence(lambda n: f"Story {n}: at least 12 people were killed on Monday, officials said.")
    sha256 = factory.LazyAttribute(lambda d: text_sha256(d.text))


class FactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fact

    document = factory.SubFactory(DocumentFactory)
    kind = "casualty"
    start = factory.LazyAttribute(lambda f: max(f.document.text.find("at least 12 people"), 0))
    end = factory.LazyAttribute(lambda f: f.start + len("at least 12 people were killed"))
    text = factory.LazyAttribute(lambda f: f.document.text[f.start : f.end])
    value = factory.LazyFunction(
        lambda: {"min": 12, "max": None, "qualifier": "at_least", "category": "killed", "who": "people", "cumulative": False}
    )
    extractor = "casualties"
    extractor_version = "1.0.0"
