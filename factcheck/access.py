"""Per-corpus access: which corpora a user may see, applied to every list the admin and API serve.

The rule (docs/security.md): a corpus with no access groups is open to every
logged-in user (in the admin, to those with the model's view permission); a corpus with access groups is
visible only to members of one of them and to superusers. Everything hanging
off a corpus (documents, facts, reviews, claims) follows its corpus, so one
filter on the corpus id is the whole check.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet

from factcheck.models import Corpus


_CACHE = "_factcheck_visible_corpus_ids"


def visible_corpus_ids(user: AbstractBaseUser | AnonymousUser) -> list[int] | None:
    """The ids of the corpora ``user`` may see, or None when that is every corpus.

    Remembered on the user object, which lives as long as one request, so a
    page that filters several querysets asks the database once.
    """
    if not user.is_authenticated:
        return []
    if user.is_superuser:
        return None
    if not hasattr(user, _CACHE):
        ids: list[int] | None = None
        if Corpus.access_groups.through.objects.exists():
            ids = list(
                Corpus.objects.filter(Q(access_groups__isnull=True) | Q(access_groups__user=user))
                .values_list("id", flat=True)
                .distinct()
            )
        setattr(user, _CACHE, ids)
    return getattr(user, _CACHE)


def scope(qs: QuerySet, user: AbstractBaseUser | AnonymousUser, corpus_path: str) -> QuerySet:
    """``qs`` limited to rows whose corpus (reached through ``corpus_path``, "" for corpora) ``user`` may see."""
    ids = visible_corpus_ids(user)
    if ids is None:
        return qs
    field = f"{corpus_path}__id__in" if corpus_path else "id__in"
    return qs.filter(**{field: ids})


def can_see_corpus(user: AbstractBaseUser | AnonymousUser, corpus: Corpus) -> bool:
    ids = visible_corpus_ids(user)
    return ids is None or corpus.pk in ids
