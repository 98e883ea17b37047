"""A stored, weighted search vector with a GIN index, kept current by a trigger.

PostgreSQL only: SQLite keeps the empty column and searches with a plain match. A trigger
rather than Django code keeps the vector right for every write, including bulk inserts,
raw fixture loads and queryset updates.
"""

import django.contrib.postgres.search
from django.db import migrations

CREATE = """
CREATE FUNCTION compendium_practice_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('pg_catalog.english', coalesce(NEW.title, '')), 'A')
        || setweight(to_tsvector('pg_catalog.english', coalesce(NEW.summary, '')), 'B')
        || setweight(to_tsvector('pg_catalog.english', coalesce(NEW.description, '')), 'C');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER compendium_practice_search_vector
    BEFORE INSERT OR UPDATE ON compendium_practice
    FOR EACH ROW EXECUTE FUNCTION compendium_practice_search_vector();

UPDATE compendium_practice SET search_vector = NULL;

CREATE INDEX compendium_practice_search_vector_gin
    ON compendium_practice USING gin (search_vector);
"""

DROP = """
DROP INDEX IF EXISTS compendium_practice_search_vector_gin;
DROP TRIGGER IF EXISTS compendium_practice_search_vector ON compendium_practice;
DROP FUNCTION IF EXISTS compendium_practice_search_vector();
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("compendium", "0004_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="practice",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP)),
    ]
