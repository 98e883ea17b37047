"""The practices a practice page points to: first those an editor linked, then similar ones.

Both come from one query: the editors' links in either direction and the most similar
other practices, as three branches of a UNION.
"""

from django.db.models import F, Q, Value
from django.utils.translation import gettext_lazy as _

from .facets import localized
from .models import Practice, PracticeRelation

LIMIT = 6
INCOMING_LABELS = {
    PracticeRelation.Kind.SIMILAR: _("Similar to"),
    PracticeRelation.Kind.INSPIRED_BY: _("Inspired by this practice"),
    PracticeRelation.Kind.SUCCESSOR_OF: _("Successor of this practice"),
}


def related_practices(practice: Practice) -> tuple[list[Practice], list[Practice]]:
    """Return the published practices linked to this one, then similar ones up to LIMIT.

    Every practice carries `pillar_name`; linked ones also carry `relation_label`, the
    link's wording as seen from this practice.
    """
    published = Practice.objects.published()
    links = PracticeRelation.objects.filter(Q(from_practice=practice) | Q(to_practice=practice))
    # A UNION matches columns by place: every branch annotates the same names in order.
    outgoing = published.filter(incoming_relations__from_practice=practice).annotate(
        similarity=Value(0), kind=F("incoming_relations__kind"), is_outgoing=Value(True)
    )
    incoming = published.filter(outgoing_relations__to_practice=practice).annotate(
        similarity=Value(0), kind=F("outgoing_relations__kind"), is_outgoing=Value(False)
    )
    similar = published.similar_to(practice)
    # SQLite allows no LIMIT inside a UNION's branch, but does inside an IN subquery.
    closest = (
        similar.exclude(pk__in=links.values("to_practice"))
        .exclude(pk__in=links.values("from_practice"))
        .values("pk")[:LIMIT]
    )
    closest = similar.filter(pk__in=closest).annotate(kind=Value(""), is_outgoing=Value(False))
    pillar = {"pillar_name": localized("primary_pillar__name")}
    outgoing, incoming, closest = (
        branch.annotate(**pillar).order_by() for branch in (outgoing, incoming, closest)
    )
    rows = outgoing.union(incoming, closest, all=True)
    linked, alike = [], []
    for row in rows:
        (linked if row.kind else alike).append(row)
    for row in linked:
        kind = PracticeRelation.Kind(row.kind)
        row.relation_label = kind.label if row.is_outgoing else INCOMING_LABELS[kind]
    linked.sort(key=lambda row: row.title)
    alike.sort(key=lambda row: (-row.similarity, row.title))
    return linked, alike[: max(LIMIT - len(linked), 0)]
