from . import practice, vocabularies

__all__ = ["practice", "vocabularies"]
