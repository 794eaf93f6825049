"""Page-number pagination whose page size a client may choose, up to a ceiling."""

from __future__ import annotations

from rest_framework.pagination import PageNumberPagination


class FactcheckPagination(PageNumberPagination):
    """``?page=2&page_size=200``; the default size comes from ``REST_FRAMEWORK["PAGE_SIZE"]``.

    The ceiling keeps one request from serializing a whole corpus.
    """

    page_size_query_param = "page_size"
    max_page_size = 500
