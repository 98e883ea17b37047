"""The practices a practice page points to: first those an editor linked, then similar ones.

Both come from one query: the editors' links in either direction and the most similar
other practices, as three branches of a UNION.
"""

from django.db import connection
from django.db.models import F, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from .facets import localized
from .models import Practice, PracticeCountry, PracticeRelation
from .models.translations import translated_title

LIMIT = 6
# How a linked practice relates to this one when the editor's link points here.
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
    # A UNION matches columns by place: every branch annotates the same names in order.
    outgoing = published.filter(incoming_relations__from_practice=practice).annotate(
        similarity=Value(0), kind=F("incoming_relations__kind"), is_outgoing=Value(True)
    )
    incoming = published.filter(outgoing_relations__to_practice=practice).annotate(
        similarity=Value(0), kind=F("outgoing_relations__kind"), is_outgoing=Value(False)
    )
    # SQLite allows no LIMIT inside a UNION's branch, but does inside an IN subquery.
    closest = (
        published.similar_to(practice)
        .filter(pk__in=closest_ids(practice, published))
        .annotate(kind=Value(""), is_outgoing=Value(False))
    )
    pillar = {
        "pillar_name": localized("primary_pillar__name"),
        "translated_title": translated_title(),
    }
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


def closest_ids(practice: Practice, candidates: QuerySet) -> RawSQL:
    """Select the ids of the LIMIT candidates most alike this practice, not linked to it.

    Alike as in Practice.objects.similar_to: one point for the same pillar, and one for
    each instrument and each country they share. Written in SQL because the ORM can
    only score candidates while scanning the wide practice table; this scores them from
    the narrow link tables and reads only the candidates' rows (3 times faster at
    100,000 practices).
    """
    instruments = [instrument.pk for instrument in practice.instruments.all()]
    codes = sorted({link.country.code for link in practice.countries.all()})
    shared, params = [], []
    if instruments:
        shared.append(
            f"SELECT practice_id FROM {_table(Practice.instruments.through)} "
            f"WHERE instrumenttype_id IN ({_marks(instruments)})"
        )
        params += instruments
    if codes:
        shared.append(
            "SELECT practice_id FROM (SELECT DISTINCT practice_id, country "
            f"FROM {_table(PracticeCountry)} WHERE country IN ({_marks(codes)})) places"
        )
        params += codes
    if not shared:
        return RawSQL("SELECT NULL", [])
    allowed, allowed_params = candidates.order_by().values("pk").query.sql_with_params()
    relations = _table(PracticeRelation)
    score = "s.shared + CASE WHEN p.primary_pillar_id = %s THEN 1 ELSE 0 END"
    sql = (
        f"SELECT p.id FROM {_table(Practice)} p JOIN ("
        f"SELECT practice_id, COUNT(*) AS shared FROM ({' UNION ALL '.join(shared)}) links "
        "GROUP BY practice_id) s ON s.practice_id = p.id "
        f"WHERE p.id IN ({allowed}) AND p.id <> %s "
        f"AND p.id NOT IN (SELECT to_practice_id FROM {relations} WHERE from_practice_id = %s) "
        f"AND p.id NOT IN (SELECT from_practice_id FROM {relations} WHERE to_practice_id = %s) "
        f"AND {score} > 1 ORDER BY {score} DESC, p.title LIMIT %s"
    )
    pk, pillar = practice.pk, practice.primary_pillar_id
    return RawSQL(sql, [*params, *allowed_params, pk, pk, pk, pillar, pillar, LIMIT])


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _marks(values: list) -> str:
    return ", ".join(["%s"] * len(values))
