"""Which writes change which practices' search documents."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from ..models import (
    GcmObjective,
    InstrumentType,
    KeyFigure,
    Organisation,
    Pillar,
    Practice,
    PracticeCountry,
    PracticeOrganisation,
    PracticeTranslation,
    SearchSynonym,
    SourceReference,
    TargetGroup,
    Theme,
)
from . import indexing, synonyms

ROWS = [PracticeTranslation, PracticeCountry, PracticeOrganisation, KeyFigure, SourceReference]
LINKS = [
    Practice.secondary_pillars,
    Practice.themes,
    Practice.instruments,
    Practice.gcm_objectives,
    Practice.target_groups,
]
# A renamed term or organisation changes the documents of the practices that name it.
NAMED_BY = {
    Organisation: lambda term: Practice.objects.filter(organisation_roles__organisation=term),
    Pillar: lambda term: (
        Practice.objects.filter(primary_pillar=term)
        | Practice.objects.filter(secondary_pillars=term)
    ),
    Theme: lambda term: term.practices.all(),
    InstrumentType: lambda term: term.practices.all(),
    TargetGroup: lambda term: term.practices.all(),
    GcmObjective: lambda term: term.practices.all(),
}


def _practice_saved(instance, **kwargs):
    indexing.practices_changed([instance.pk])


def _practice_deleted(instance, **kwargs):
    indexing.delete([instance.pk])


def _row_changed(instance, **kwargs):
    indexing.practices_changed([instance.practice_id])


def _links_changed(instance, action, reverse, pk_set, sender, **kwargs):
    if not reverse:
        if action.startswith("post_"):
            indexing.practices_changed([instance.pk])
    elif action == "pre_clear":
        # After a reverse clear the practices are no longer known: note them before.
        indexing.practices_changed(_linked(instance, sender))
    elif action in ("post_add", "post_remove"):
        indexing.practices_changed(pk_set or ())


def _linked(term, through) -> list[int]:
    """Return the ids of the practices that a link table ties to the term."""
    column = next(f.attname for f in through._meta.fields if f.related_model is type(term))
    return list(through.objects.filter(**{column: term.pk}).values_list("practice_id", flat=True))


def _term_saved(sender, instance, created, **kwargs):
    if not created:
        indexing.practices_changed(NAMED_BY[sender](instance).values_list("pk", flat=True))


def _term_deleted(sender, instance, **kwargs):
    indexing.practices_changed(NAMED_BY[sender](instance).values_list("pk", flat=True))


def _synonym_changed(instance, **kwargs):
    """Reindex the practices that held the group's token or hold one of its wordings now."""
    from . import backends

    held = {(synonyms.token_of(instance.pk),)}
    for wording in instance.term_list:
        held |= synonyms.phrases(wording)
    indexing.practices_changed(backends.practices_holding(held))


def connect() -> None:
    """Reindex a practice whenever it, one of its rows or a name it shows changes."""
    post_save.connect(_practice_saved, sender=Practice, dispatch_uid="search-practice-saved")
    post_delete.connect(_practice_deleted, sender=Practice, dispatch_uid="search-practice-del")
    for model in ROWS:
        uid = f"search-row-{model._meta.label}"
        post_save.connect(_row_changed, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(_row_changed, sender=model, dispatch_uid=f"{uid}-deleted")
    for link in LINKS:
        m2m_changed.connect(
            _links_changed, sender=link.through, dispatch_uid=f"search-{link.field.name}"
        )
    post_save.connect(_synonym_changed, sender=SearchSynonym, dispatch_uid="search-synonym-saved")
    post_delete.connect(_synonym_changed, sender=SearchSynonym, dispatch_uid="search-synonym-del")
    for model in NAMED_BY:
        uid = f"search-term-{model._meta.label}"
        post_save.connect(_term_saved, sender=model, dispatch_uid=f"{uid}-saved")
        pre_delete.connect(_term_deleted, sender=model, dispatch_uid=f"{uid}-deleted")
