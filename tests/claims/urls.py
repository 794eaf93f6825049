"""The admin and the claims API wired the way the project wires them, for these tests only."""

from django.contrib import admin
from django.urls import include, path
from rest_framework.routers import DefaultRouter

import factcheck.admin  # noqa: F401  (registers the claim admin)
from factcheck.api_claims import ClaimViewSet

router = DefaultRouter()
router.register("claims", ClaimViewSet, basename="claim")

urlpatterns = [path("admin/", admin.site.urls), path("api/", include(router.urls))]
