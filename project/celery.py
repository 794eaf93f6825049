"""The Celery app: workers anywhere that share DATABASE_URL and CELERY_BROKER_URL extract documents.

Start one with ``celery -A project worker``; settings come from Django's,
under the ``CELERY_`` prefix (see the end of project/settings.py).
"""

from __future__ import annotations

import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def _compile_patterns(**_: object) -> None:
    """Compile the extractors' patterns in the worker's parent, before its pool forks, so children share them."""
    from extractors import patterns
    from extractors.registry import Registry

    Registry.load()  # imports every plugin, and with them their patterns
    patterns.compile_all()
