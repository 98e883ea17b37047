"""The two editorial roles, as groups with permissions.

Created by a data migration, and brought up to date after every migrate (including the
flush that transactional tests do), so that permissions of models added later reach them.
"""

EDITOR = "Editor"
PUBLISHER = "Publisher"

# The practice and the rows edited with it, inline in the admin.
PRACTICE_MODELS = [
    "practice",
    "practicecountry",
    "practiceorganisation",
    "keyfigure",
    "sourcereference",
    "practicerelation",
    "practicetranslation",
]
REFERENCE_MODELS = ["organisation", "source"]
# Synonym groups are editors' data too: a group that misleads is unticked or deleted.
SEARCH_MODELS = ["searchsynonym"]
VOCABULARY_MODELS = [
    "pillar",
    "theme",
    "instrumentfamily",
    "instrumenttype",
    "gcmobjective",
    "targetgroup",
    "suggestion",
]


def editor_permissions() -> set[str]:
    """Create and edit practices and send them to review; never publish or archive."""
    codenames = {
        f"{action}_{model}" for model in PRACTICE_MODELS for action in ("add", "change", "view")
    }
    # Removing a country or a source row from a practice is an edit of the practice.
    codenames |= {f"delete_{model}" for model in PRACTICE_MODELS if model != "practice"}
    codenames |= {
        f"{action}_{model}" for model in REFERENCE_MODELS for action in ("add", "change", "view")
    }
    codenames |= {
        f"{action}_{model}"
        for model in SEARCH_MODELS
        for action in ("add", "change", "view", "delete")
    }
    codenames |= {f"view_{model}" for model in VOCABULARY_MODELS}
    return codenames


def publisher_permissions() -> set[str]:
    """Everything an editor may do, plus publish, send back and archive."""
    return editor_permissions() | {"publish_practice", "archive_practice"}


def ensure_roles(apps=None) -> None:
    """Create the Editor and Publisher groups and give them their permissions."""
    if apps is None:
        from django.apps import apps
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ((EDITOR, editor_permissions()), (PUBLISHER, publisher_permissions())):
        group, _created = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(
            content_type__app_label="compendium", codename__in=codenames
        )
        group.permissions.add(*permissions)


def sync_roles(sender, **kwargs) -> None:
    """post_migrate receiver: keep the roles complete."""
    ensure_roles()
