"""Property-based: schemathesis generates requests from the live /api/schema/ and sends them over real HTTP.

Bounded so the run takes seconds, not minutes, on two cores: 25 examples per
operation, valid and invalid input mixed. Whatever it sends, the API must
never answer 5xx.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from factcheck.registry import configured_registry
from factcheck.reviewing import review_fact
from tests.factories import DocumentFactory, FactFactory, UserFactory


@pytest.fixture
def api_token(live_server) -> str:  # type: ignore[no-untyped-def]
    """A user who may do everything the API offers, and a little data for it to find."""
    from django.contrib.auth.models import Permission
    from rest_framework.authtoken.models import Token

    user = UserFactory(username="fuzzer", is_staff=False)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["review_fact", "add_document"]))
    for document in DocumentFactory.create_batch(3):
        fact = FactFactory(document=document)
        review_fact(fact, user, "confirmed", note="seed")
    # Load the extractors now: the first load compiles every pattern, and would eat into one request's timeout.
    configured_registry()
    return Token.objects.create(user=user).key


@pytest.fixture
def live_schema(live_server, api_token):  # type: ignore[no-untyped-def]
    headers = {"Authorization": f"Token {api_token}"}
    config = schemathesis.Config.from_dict(
        {
            "headers": headers,
            # Two cores shared with the rest of the suite: a slow answer is not a wrong one.
            "request-timeout": 60,
        }
    )
    return schemathesis.openapi.from_url(f"{live_server.url}/api/schema/", headers=headers, config=config)


# Each operation gets its own Hypothesis run. schemathesis.pytest.from_fixture would do this for us, but
# schemathesis 4.32 sets Node._nodeid, which pytest 9.2 no longer has; the Python API has no such tie.
@settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def fuzz(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=[not_a_server_error])


def test_no_request_makes_the_api_fail(live_schema, subtests):
    operations = [result.ok() for result in live_schema.get_all_operations()]
    assert {op.label for op in operations} >= {"POST /api/documents/", "POST /api/facts/{id}/review/"}
    for operation in operations:
        with subtests.test(operation=operation.label):
            cases = st.one_of(
                operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE)
            )
            given(cases)(fuzz)()
