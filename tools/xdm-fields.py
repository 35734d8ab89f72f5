#!/usr/bin/env python3
"""Writes resources/xdm/profile-fields.json: the XDM Individual Profile fields
an export may map (the activation wizard's attribute tree), from the XDM
schemas in tests/data/xdm (Adobe's own, see its SOURCE.md).

Each field: its dotted path in the un-prefixed form the exports use
(`person.name.firstName`, not `xdm:person.xdm:name.xdm:firstName`), its title
and JSON type. Fields of other vocabularies (`repo:`, `schema:`) are left
out. Objects are walked down to their leaves; arrays are leaves.
Run again when the schemas change:  tools/xdm-fields.py > resources/xdm/profile-fields.json
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "data" / "xdm"
FIELD_GROUPS = [
    "https://ns.adobe.com/xdm/context/profile-person-details",
    "https://ns.adobe.com/xdm/context/profile-personal-details",
]
MAX_DEPTH = 5

schemas = {}
for file in ROOT.rglob("*.schema.json"):
    schema = json.loads(file.read_text())
    schemas[schema["$id"]] = schema


def resolve(ref, base):
    uri, _, pointer = ref.partition("#")
    schema = schemas[uri] if uri else base
    node = schema
    for part in [p for p in pointer.split("/") if p]:
        node = node[part]
    return node, schema


def properties(node, base, seen):
    """The properties of an object schema, following $ref and allOf."""
    if "$ref" in node:
        ref = node["$ref"]
        if ref in seen:
            return {}, base
        target, target_base = resolve(ref, base)
        return properties(target, target_base, seen | {ref})
    result = {}
    for part in node.get("allOf", []):
        props, _ = properties(part, base, seen)
        result.update({k: (v, b) for k, (v, b) in props.items()})
    for key, value in node.get("properties", {}).items():
        result[key] = (value, base)
    return result, base


def type_of(node, base, seen=frozenset()):
    if "type" in node:
        return node["type"]
    if "$ref" in node and node["$ref"] not in seen:
        target, target_base = resolve(node["$ref"], base)
        return type_of(target, target_base, seen | {node["$ref"]})
    return "object" if node.get("allOf") else "string"


def walk(node, base, prefix, depth, seen, out):
    props, _ = properties(node, base, seen)
    for key, (value, value_base) in props.items():
        if key.startswith("@") or key in ("xdm:identityMap", "xdm:segmentMembership"):
            continue
        name = key[4:] if key.startswith("xdm:") else key
        if ":" in name:
            continue  # another vocabulary's field (repo:, schema:): not mapped by name
        path = prefix + [name]
        kind = type_of(value, value_base)
        if kind == "object" and depth < MAX_DEPTH:
            walk(value, value_base, path, depth + 1, seen, out)
        elif kind != "object":
            out.append({"path": ".".join(path), "title": value.get("title", ""), "type": kind})


fields = []
for group in FIELD_GROUPS:
    walk(schemas[group], schemas[group], [], 0, frozenset(), fields)
unique = {}
for field in fields:
    unique.setdefault(field["path"], field)
json.dump(sorted(unique.values(), key=lambda f: f["path"]), sys.stdout, indent=1, ensure_ascii=False)
sys.stdout.write("\n")
