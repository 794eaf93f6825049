"""The Celery app: workers anywhere that share DATABASE_URL and CELERY_BROKER_URL extract documents.

Start one with ``celery -A project worker``; settings come from Django's,
under the ``CELERY_`` prefix (see the end of project/settings.py).
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
