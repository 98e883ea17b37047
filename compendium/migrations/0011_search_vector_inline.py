"""PostgreSQL: keep each search vector in its row, uncompressed, and the texts out of it.

A search computes a rank per concept of the query from the same vector. Stored out of
line (TOAST), the vector was fetched again for every one of those calls: at 1,000
practices, twenty thousand buffer reads for one search instead of one thousand. The
texts the vector is built from are not read again on PostgreSQL, so the indexer now
empties them (compendium.search.indexing) and the vector, up to 8 kB, stays in its row.
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE compendium_searchdocument SET (toast_tuple_target = 8160)",
    "ALTER TABLE compendium_searchdocument ALTER COLUMN vector SET STORAGE MAIN",
    # A changed value is stored anew under the new rules; an unchanged one keeps its place.
    "UPDATE compendium_searchdocument SET names = '', summary = '', body = '', "
    "vector = vector || ''::tsvector",
]
BACKWARD = [
    "ALTER TABLE compendium_searchdocument RESET (toast_tuple_target)",
    "ALTER TABLE compendium_searchdocument ALTER COLUMN vector SET STORAGE EXTENDED",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("compendium", "0010_search_index"),
    ]

    operations = [
        migrations.RunPython(run(FORWARD), run(BACKWARD)),
    ]
