"""Errors a plugin author or an operator can act on."""


class ExtractorError(Exception):
    """Base class for every error the extractor framework raises."""


class UnknownExtractor(ExtractorError, KeyError):
    """Raised when a name is asked for that no entry point provides."""

    def __init__(self, name: str, available: list[str]) -> None:
        self.name = name
        self.available = available
        super().__init__(
            f"Can't find extractor {name!r} in the 'factcheck.extractors' entry point group. "
            f"Available names: {', '.join(available) or '(none)'}"
        )

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


class ExtractorLoadError(ExtractorError):
    """An entry point that could not be imported or does not honour the contract."""

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason
        super().__init__(f"Extractor {name!r} could not be loaded: {reason}")


class BadExtraction(ExtractorError):
    """An extraction whose span, text or value breaks the contract of FACTS.md."""
