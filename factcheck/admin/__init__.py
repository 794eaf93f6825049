"""The reviewing UI: one module per model family, registered on the default admin site.

Each module registers its ModelAdmins on import; a new model family (claims)
gets a module of its own and one import line here.
"""

from factcheck.admin import claims, documents, facts, reviews  # noqa: F401  (registration happens on import)
