"""Validates the front matter of Markdown modules against a JSON Schema, independently of
the curriculum tool: PyYAML reads the YAML, jsonschema validates.

usage: python3 validate_front_matter.py SCHEMA.json MODULE.md...
Prints one JSON object: {"MODULE.md": [{"path": [...], "keyword": "...", "message": "..."}]}
(an empty list for a module that is valid). Exits 2 if the schema itself is not a valid schema.
"""
import json
import sys

import jsonschema
import yaml


class TextDatesLoader(yaml.SafeLoader):
    """PyYAML's safe loader without YAML 1.1 timestamps: `reviewed: 2026-11-01` stays text, as
    editors' YAML 1.2 parsers and JSON Schema see it (and 2026-13-01 is a pattern error, not a crash)."""


TextDatesLoader.yaml_implicit_resolvers = {
    first: [resolver for resolver in resolvers if resolver[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def front_matter(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines[0].strip() != "---":
        raise SystemExit(f"{path}: no front matter")
    end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    return yaml.load("\n".join(lines[1:end]), Loader=TextDatesLoader)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    try:
        cls.check_schema(schema)
    except jsonschema.exceptions.SchemaError as error:
        print(f"not a valid schema: {error.message}", file=sys.stderr)
        sys.exit(2)
    validator = cls(schema, format_checker=jsonschema.FormatChecker())
    report = {}
    for path in sys.argv[2:]:
        errors = validator.iter_errors(front_matter(path))
        report[path] = [
            {"path": list(e.absolute_path), "keyword": e.validator, "message": e.message}
            for e in sorted(errors, key=lambda e: (list(map(str, e.absolute_path)), e.validator))
        ]
    print(json.dumps(report))


if __name__ == "__main__":
    main()
