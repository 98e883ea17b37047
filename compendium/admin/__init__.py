from . import practice, search, vocabularies

__all__ = ["practice", "search", "vocabularies"]
