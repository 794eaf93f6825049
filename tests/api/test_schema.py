"""The OpenAPI schema and Swagger UI: behind a login, valid OpenAPI 3, and no byte fetched from a CDN."""

from __future__ import annotations

import re

import pytest
import requests
from drf_spectacular.validation import validate_schema

from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db


def test_the_schema_is_valid_openapi_3_and_lists_every_resource(reader_client):
    response = reader_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert {"/api/corpora/", "/api/documents/", "/api/facts/", "/api/facts/{id}/review/", "/api/reviews/"} <= set(
        schema["paths"]
    )
    assert {"tokenAuth", "cookieAuth"} <= set(schema["components"]["securitySchemes"])


def test_the_schema_marks_every_fact_field_read_only(reader_client):
    schema = reader_client.get("/api/schema/?format=json").json()
    fact = schema["components"]["schemas"]["Fact"]
    assert all(prop.get("readOnly") for prop in fact["properties"].values())
    assert set(schema["paths"]["/api/facts/{id}/"]) == {"get"}


def test_the_docs_page_loads_its_assets_from_our_own_static_files(reader_client):
    page = reader_client.get("/api/docs/").content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets and all(a.startswith("/static/drf_spectacular_sidecar/") for a in assets), assets
    assert "https://" not in page and "http://" not in page


def test_the_docs_assets_are_served_by_the_live_site(live_server):
    """Through real HTTP, as a browser with no internet would fetch them."""
    from tests.factories import UserFactory

    user = UserFactory(username="browser", is_staff=False)
    client = token_client(user)
    page = client.get("/api/docs/").content.decode()
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page):
        response = requests.get(live_server.url + asset, timeout=10)
        assert response.status_code == 200, asset
        assert response.content
