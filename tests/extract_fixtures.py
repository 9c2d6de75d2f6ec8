"""Shared, slow-to-build extraction objects for the tests (built once per session)."""

from functools import lru_cache

from amity.extract.engine import Extractor


@lru_cache(maxsize=1)
def extractor() -> Extractor:
    return Extractor()
