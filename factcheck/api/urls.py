"""Routes under /api/: one router for every resource, plus the schema and Swagger UI.

Swagger UI's assets come from drf-spectacular-sidecar through staticfiles, so
the page works with no internet. (ReDoc is left out: its page loads web fonts
from Google.) Another resource is one more ``router.register`` line.
"""

from __future__ import annotations

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.permissions import IsAuthenticated
from rest_framework.routers import DefaultRouter

from factcheck.api import views
from factcheck.api.claims import ClaimViewSet

router = DefaultRouter()
router.register("corpora", views.CorpusViewSet, basename="corpus")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("facts", views.FactViewSet, basename="fact")
router.register("reviews", views.ReviewViewSet, basename="review")
router.register("claims", ClaimViewSet, basename="claim")

# The schema describes private data, so it needs a login like everything else here.
logged_in = {"permission_classes": [IsAuthenticated]}

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(**logged_in), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema", **logged_in), name="swagger-ui"),
    # The one page here an anonymous visitor can open: the login form for the browsable API and the docs.
    path("auth/", include("rest_framework.urls")),
    path("", include(router.urls)),
]
