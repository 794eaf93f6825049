"""End to end in a real headless Chromium: a reviewer logs in, confirms a fact from the list, sees it change.

Uses Debian's ``chromium`` through Playwright (no browser is ever downloaded).
Screenshots of the list and of a fact's page go to ``test-artifacts/``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from factcheck.models import Fact, FactStatus
from tests.factories import DocumentFactory, FactFactory, UserFactory

CHROMIUM = Path(os.environ.get("FACTCHECK_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PASSWORD = "correct horse battery staple"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _require_browser() -> None:
    if CHROMIUM.exists() and shutil.which(str(CHROMIUM)):
        return
    message = f"No Chromium at {CHROMIUM}: apt-get install chromium chromium-driver (Debian packages)."
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(message + " CI must run the browser test.", pytrace=False)
    pytest.skip(message)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reviewer_confirms_a_fact_from_the_list(live_server, monkeypatch, settings):  # type: ignore[no-untyped-def]
    _require_browser()
    from playwright.sync_api import expect, sync_playwright

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    UserFactory(username="rita", reviewer=True)
    document = DocumentFactory(
        title="Moscow hopes for contact between Putin and Biden",
        outlet="Wire",
        text="Kyiv, Dec 2. More than 100,000 Russian troops are near the border. At least 12 people were killed on "
        "Monday, officials said. The EU adopted its fifth sanctions package against Belarus.",
    )
    text = document.text

    def at(phrase: str) -> dict[str, int]:
        return {"start": text.index(phrase), "end": text.index(phrase) + len(phrase)}

    troops = FactFactory(document=document, kind="troops", extractor="troops", **at("More than 100,000 Russian troops"),
                         value={"min": 100000, "max": None, "qualifier": "at_least", "actor": "Russian"})
    FactFactory(document=document, **at("At least 12 people were killed"))
    date = FactFactory(document=document, kind="date", extractor="dates", **at("Monday"),
                value={"value": "2021-11-29", "granularity": "day", "relative": True})
    FactFactory(document=document, kind="sanction", extractor="sanctions", **at("fifth sanctions package"),
                value={"issuer": "EU", "target": "Belarus", "ordinal": 5, "persons": None, "entities": None,
                       "status": "adopted"})

    # Playwright's sync API runs an event loop in this thread; Django would otherwise refuse ORM calls here.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    ARTIFACTS.mkdir(exist_ok=True)
    row = f'#result_list tr:has(input.action-select[value="{troops.pk}"])'
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{live_server.url}/admin/login/?next=/admin/factcheck/fact/")
            page.fill("#id_username", "rita")
            page.fill("#id_password", PASSWORD)
            page.click("input[type=submit]")
            expect(page.locator(f"{row} .fc-status")).to_have_text("pending")
            expect(page.locator(".fc-counts")).to_contain_text("4 pending")

            page.click(f"{row} button.fc-confirmed")  # the one click that confirms a fact

            expect(page.locator(f"{row} .fc-status")).to_have_text("confirmed")
            expect(page.locator(".messagelist")).to_contain_text(f"Confirmed fact #{troops.pk}")
            expect(page.locator(".fc-counts")).to_contain_text("3 pending")
            page.screenshot(path=str(ARTIFACTS / "admin-fact-list.png"), full_page=True)

            page.click(f"{row} th a, {row} td.field-phrase a")
            expect(page.locator(".fc-evidence mark.kind-troops")).to_have_text("More than 100,000 Russian troops")
            expect(page.locator("#reviews-group")).to_contain_text("rita")
            page.screenshot(path=str(ARTIFACTS / "admin-fact-page.png"), full_page=True)

            page.click(".fc-panel-meta a")
            expect(page.locator(".fc-document-text mark.kind-sanction")).to_have_text("fifth sanctions package")
            page.screenshot(path=str(ARTIFACTS / "admin-document-page.png"), full_page=True)

            page.click(".fc-document-text mark.kind-date")  # a mark links to its fact's page
            expect(page.locator(".fc-evidence mark.kind-date")).to_have_text("Monday")
            page.keyboard.press("r")  # keyboard shortcut: reject, then on to the next pending fact
            expect(page.locator(".messagelist")).to_contain_text(f"Rejected fact #{date.pk}")
            expect(page.locator(".fc-evidence mark")).not_to_have_text("Monday")
        finally:
            browser.close()

    troops.refresh_from_db()
    assert troops.status == FactStatus.CONFIRMED and troops.reviewer.username == "rita"
    date.refresh_from_db()
    assert date.status == FactStatus.REJECTED and date.reviews.get().reviewer.username == "rita"
    assert Fact.objects.filter(status=FactStatus.PENDING).count() == 2
