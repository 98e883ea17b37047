"""One search for both databases: documents written from Python, a vocabulary, synonyms.

The trigger of migration 0005 indexed three English columns on PostgreSQL only. The
documents are now built in Python (compendium.search.documents) from every text, name
and translation of a practice and stored in a table each database can search:

- SQLite: an FTS5 table (bm25 ranking), whose row id is the practice's, and a trigram
  FTS5 table over the vocabulary, kept in step with it by triggers.
- PostgreSQL: a table with a weighted tsvector and a GIN index, and a pg_trgm index over
  the vocabulary.

`manage.py rebuild_search_index` (also run by load_compendium) fills them.
"""

import django.contrib.postgres.search
import django.db.models.deletion
import django_countries.fields
from django.db import migrations, models

DROP_0005 = """
DROP INDEX IF EXISTS compendium_practice_search_vector_gin;
DROP TRIGGER IF EXISTS compendium_practice_search_vector ON compendium_practice;
DROP FUNCTION IF EXISTS compendium_practice_search_vector();
"""

SQLITE = [
    """
    CREATE VIRTUAL TABLE compendium_searchdocument USING fts5(
        names, summary, body, words UNINDEXED, vector UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    )
    """,
    """
    CREATE VIRTUAL TABLE compendium_searchword_trigram USING fts5(
        word, content = 'compendium_searchword', content_rowid = 'id', tokenize = 'trigram'
    )
    """,
    """
    CREATE TRIGGER compendium_searchword_trigram_insert AFTER INSERT ON compendium_searchword
    BEGIN
        INSERT INTO compendium_searchword_trigram(rowid, word) VALUES (new.id, new.word);
    END
    """,
    """
    CREATE TRIGGER compendium_searchword_trigram_delete AFTER DELETE ON compendium_searchword
    BEGIN
        INSERT INTO compendium_searchword_trigram(compendium_searchword_trigram, rowid, word)
        VALUES ('delete', old.id, old.word);
    END
    """,
    """
    CREATE TRIGGER compendium_searchword_trigram_update AFTER UPDATE OF word
    ON compendium_searchword
    BEGIN
        INSERT INTO compendium_searchword_trigram(compendium_searchword_trigram, rowid, word)
        VALUES ('delete', old.id, old.word);
        INSERT INTO compendium_searchword_trigram(rowid, word) VALUES (new.id, new.word);
    END
    """,
]
SQLITE_DROP = [
    "DROP TABLE IF EXISTS compendium_searchdocument",
    "DROP TRIGGER IF EXISTS compendium_searchword_trigram_insert",
    "DROP TRIGGER IF EXISTS compendium_searchword_trigram_delete",
    "DROP TRIGGER IF EXISTS compendium_searchword_trigram_update",
    "DROP TABLE IF EXISTS compendium_searchword_trigram",
]

POSTGRESQL = [
    DROP_0005,
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    CREATE TABLE compendium_searchdocument (
        rowid bigint PRIMARY KEY,
        names text NOT NULL DEFAULT '',
        summary text NOT NULL DEFAULT '',
        body text NOT NULL DEFAULT '',
        words text NOT NULL DEFAULT '',
        vector tsvector
    )
    """,
    "CREATE INDEX compendium_searchdocument_vector ON compendium_searchdocument USING gin (vector)",
    # On lower(word), which is the word itself: an index on the bare column would also
    # serve word = ANY(...), and PostgreSQL then picks it over the far faster btree.
    """
    CREATE INDEX compendium_searchword_trigram
        ON compendium_searchword USING gin (lower(word) gin_trgm_ops)
    """,
]
POSTGRESQL_DROP = [
    "DROP INDEX IF EXISTS compendium_searchword_trigram",
    "DROP TABLE IF EXISTS compendium_searchdocument",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("compendium", "0009_published_id_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("entry", models.CharField(max_length=121, unique=True)),
                ("word", models.CharField(db_index=True, max_length=60)),
                ("stem", models.CharField(db_index=True, max_length=60)),
                ("document_count", models.PositiveIntegerField(default=0)),
            ],
            options={"ordering": ["word"]},
        ),
        migrations.CreateModel(
            name="SearchSynonym",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("slug", models.SlugField(help_text="Stable identifier, e.g. dual-citizenship.", max_length=80, unique=True)),
                ("terms", models.TextField(help_text="One wording per line, in English, French or Spanish: words, phrases, short names or acronyms. Case, accents and plurals do not matter.")),
                ("country", django_countries.fields.CountryField(blank=True, help_text="For a country's other names and demonyms: the country they name.", max_length=2)),
                ("is_active", models.BooleanField(default=True, help_text="Untick to stop using the group without deleting it.")),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={"ordering": ["slug"], "verbose_name": "search synonym group"},
        ),
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("practice", models.OneToOneField(db_column="rowid", db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name="search_document", serialize=False, to="compendium.practice")),
                ("names", models.TextField(blank=True)),
                ("summary", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
                ("words", models.TextField(blank=True)),
                ("vector", django.contrib.postgres.search.SearchVectorField(null=True)),
            ],
            options={"db_table": "compendium_searchdocument", "managed": False},
        ),
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}),
        ),
        migrations.RemoveField(model_name="practice", name="search_vector"),
    ]
