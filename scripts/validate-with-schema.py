#!/usr/bin/env python3
"""Validates plan files against the schema their modeline names, with an implementation of
JSON Schema that is not offsetctl's (python3-jsonschema): scripts/package --check runs it on
the installed examples and the installed schema.

usage: validate-with-schema.py PLAN.yaml...
"""
import datetime
import json
import re
import sys

import jsonschema
import yaml

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)


def as_json(value):
    # YAML has what JSON has not: keys that are numbers (partitions), timestamps.
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def main(paths):
    failed = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        found = MODELINE.search(text)
        if not found:
            print(f"{path}: no '# yaml-language-server: $schema=' modeline")
            failed += 1
            continue
        with open(found.group(1), encoding="utf-8") as f:
            schema = json.load(f)
        validator = jsonschema.validators.validator_for(schema)(schema)
        errors_before = failed
        for n, doc in enumerate(yaml.safe_load_all(text), start=1):
            errors = sorted(validator.iter_errors(as_json(doc)), key=lambda e: list(e.path))
            for e in errors:
                print(f"{path}: document {n}: {'/'.join(map(str, e.path))}: {e.message}")
            failed += bool(errors)
        if failed == errors_before:
            print(f"{path}: valid against {found.group(1)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]) if len(sys.argv) > 1 else (print(__doc__) or 2))
