from .actors import Organisation, Source
from .details import (
    PRACTICE_ROWS,
    KeyFigure,
    PracticeCountry,
    PracticeOrganisation,
    PracticeRelation,
    SourceReference,
)
from .loads import ContentLoad
from .practice import Practice, PracticeQuerySet
from .review import ReviewEvent
from .search import SearchDocument, SearchSynonym, SearchWord
from .suggestion import Suggestion
from .taxonomy import (
    GcmObjective,
    InstrumentFamily,
    InstrumentType,
    Pillar,
    TargetGroup,
    Theme,
)
from .translations import PracticeTranslation

__all__ = [
    "PRACTICE_ROWS",
    "ContentLoad",
    "GcmObjective",
    "InstrumentFamily",
    "InstrumentType",
    "KeyFigure",
    "Organisation",
    "Pillar",
    "Practice",
    "PracticeCountry",
    "PracticeOrganisation",
    "PracticeQuerySet",
    "PracticeRelation",
    "PracticeTranslation",
    "ReviewEvent",
    "SearchDocument",
    "SearchSynonym",
    "SearchWord",
    "Source",
    "SourceReference",
    "Suggestion",
    "TargetGroup",
    "Theme",
]
