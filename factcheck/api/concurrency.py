"""ETags for facts and the two ways a review names the state it decided on.

A fact's ETag is its id and revision; ``revision`` changes with every
decision and nothing else about a fact ever changes, so the tag is strong
and If-Match can compare it as RFC 9110 asks.
"""

from __future__ import annotations

import re

from django.utils.http import parse_etags
from rest_framework import status
from rest_framework.exceptions import APIException

from factcheck.models import Fact

_TAG = re.compile(r'^(?:W/)?"(\d+)-(\d+)"$')


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The If-Match header does not name the fact's current ETag: reload the fact and decide again."
    default_code = "precondition_failed"


def fact_etag(fact: Fact) -> str:
    return f'"{fact.pk}-{fact.revision}"'


def revision_from_if_match(header: str, fact: Fact) -> int | None:
    """The revision an If-Match header expects, or None for ``*``; raises 412 if it names none of this fact's.

    The final comparison is left to ``review_fact``, which makes it under
    the row lock; checking here alone would race with another reviewer.
    """
    tags = parse_etags(header)
    if tags == ["*"]:
        return None
    revisions = set()
    for tag in tags:
        match = _TAG.match(tag.strip())
        if match and int(match.group(1)) == fact.pk:
            revisions.add(int(match.group(2)))
    if not revisions:
        raise PreconditionFailed()
    if len(revisions) == 1:
        return revisions.pop()
    # Several acceptable revisions: only the current one can still hold by the time the lock is taken.
    if fact.revision in revisions:
        return fact.revision
    raise PreconditionFailed()


def if_none_match(header: str, fact: Fact) -> bool:
    """True when a conditional GET already holds the current representation."""
    current = fact_etag(fact)
    return any(tag == "*" or tag.removeprefix("W/") == current for tag in parse_etags(header))
