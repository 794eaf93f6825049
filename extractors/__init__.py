"""Rule-based fact extractors for news text: pure Python, no Django.

Import the contract from here; built-in and third-party extractors are found
through the ``factcheck.extractors`` entry point group (see ``registry``).
"""

from extractors.base import Context, Extraction, Extractor
from extractors.errors import BadExtraction, ExtractorLoadError, UnknownExtractor

__all__ = [
    "BadExtraction",
    "Context",
    "Extraction",
    "Extractor",
    "ExtractorLoadError",
    "UnknownExtractor",
]
