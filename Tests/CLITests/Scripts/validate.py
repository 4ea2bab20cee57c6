#!/usr/bin/env python3
"""Validates JSON or YAML files against a JSON Schema (draft 2020-12), for the CLI tests.

usage: validate.py SCHEMA.json FILE...   (every YAML document of a file is checked, and every
line of a .jsonl file)
Prints each problem and "N valid"; exits 1 when any document is invalid.
"""
import json, sys
from jsonschema import Draft202012Validator

try:
    import yaml
except ImportError:
    yaml = None


def documents(path):
    text = open(path, encoding="utf-8").read()
    if path.endswith(".json"):
        return [json.loads(text)]
    if path.endswith(".jsonl"):
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    if yaml is None:
        raise SystemExit("PyYAML is needed to read " + path)
    # YAML 1.1 would read `no`/`on` as booleans; the catalogue uses YAML 1.2 typing, so keep
    # scalars the resolver guesses as booleans from words other than true/false as strings.
    class Loader(yaml.SafeLoader):
        pass
    Loader.yaml_implicit_resolvers = {k: [r for r in v if r[0] != "tag:yaml.org,2002:bool"] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool", __import__("re").compile(r"^(?:true|false)$"), list("tf"))
    return [d for d in yaml.load_all(text, Loader=Loader) if d is not None]


schema = json.load(open(sys.argv[1], encoding="utf-8"))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
valid, failed = 0, False
for path in sys.argv[2:]:
    for document in documents(path):
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        for error in errors:
            print(f"{path}: {'/'.join(map(str, error.path)) or '(root)'}: {error.message}")
        failed = failed or bool(errors)
        valid += not errors
print(f"{valid} valid")
sys.exit(1 if failed else 0)
