"""Reading (and writing) YAML with libyaml, some ten times faster than PyYAML's own."""

from pathlib import Path

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def read_yaml(path: Path):
    """Return the data of a YAML file, parsed safely (no Python objects)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)  # noqa: S506 - safe loader


def write_yaml(path: Path, data) -> None:
    path.write_text(yaml.dump(data, Dumper=SafeDumper, allow_unicode=True), encoding="utf-8")
