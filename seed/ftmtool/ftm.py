"""The FollowTheMoney reference implementation, for accgraph's FtM tests.

python3 ftm.py model       the installed model as JSON: every schema, what it extends, its
                           edge ends and its own properties with their types
python3 ftm.py sample      one entity of every concrete schema, every property set, written
                           by the library itself (to_dict()), as JSON lines
python3 ftm.py validate F  reads FtM JSON lines F with the library; prints each line it
                           refuses (unknown schema or property, a value its type rejects)
python3 ftm.py write       reads entities as JSON lines on stdin and writes them as the
                           library does (its proxy, values cleaned, to_dict()), datasets kept
"""

import json
import sys

from followthemoney import model, registry

# a value each property type accepts, for the sample
VALUES = {
    "name": "Sample Name", "string": "sample text", "text": "A longer sample text.",
    "date": "2021-03-04", "country": "ua", "language": "ukr", "gender": "male",
    "email": "info@example.org", "phone": "+380441234567", "url": "https://example.org/sample",
    "iban": "DE89370400440532013000", "identifier": "ID-12345", "number": "12.5",
    "address": "1 Sample Street, Kyiv", "topic": "sanction", "mimetype": "text/plain",
    "checksum": "da39a3ee5e6b4b0d3255bfef95601890afd80709", "ip": "192.0.2.1",
    "html": "<p>sample</p>", "json": "{\"a\": 1}",
}


# what an entity-valued property of the sample points at, when its range is abstract or broad
PREFER = {"Thing": "Person", "LegalEntity": "Company", "Asset": "Vessel", "Analyzable": "Document"}


def sample_id(schema):
    return "sample-" + schema.name.lower()


def dump_model():
    out = {}
    for schema in sorted(model, key=lambda s: s.name):
        props = {}
        for prop in schema.properties.values():
            if prop.schema is not schema or prop.stub:
                continue
            props[prop.name] = {"type": prop.type.name}
            if prop.range is not None:
                props[prop.name]["range"] = prop.range.name
        out[schema.name] = {
            "extends": sorted(s.name for s in schema.extends),
            "abstract": schema.abstract,
            "edge": [schema.edge_source, schema.edge_target] if schema.edge else None,
            "caption": list(schema.caption),
            "properties": dict(sorted(props.items())),
        }
    json.dump(out, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")


def sample():
    others = {}  # a second entity of a schema, for an edge whose two ends share one range
    for schema in sorted(model, key=lambda s: s.name):
        if schema.abstract:
            continue
        proxy = model.make_entity(schema)
        proxy.id = sample_id(schema)
        for prop in schema.properties.values():
            if prop.stub:
                continue
            if prop.type.name == "entity":
                target = prop.range
                if target.abstract or target.name in PREFER:  # a concrete schema that is one
                    target = model.get(PREFER.get(target.name)) or sorted(
                        (s for s in model if s.is_a(target) and not s.abstract), key=lambda s: s.name)[0]
                ref = sample_id(target)
                if schema.edge and prop.name == schema.edge_target and ref in proxy.get(schema.edge_source):
                    # accgraph refuses a relationship from an entity to itself
                    ref = others.setdefault(target.name, ref + "-other")
                if ref != proxy.id:
                    proxy.add(prop, ref)
            elif prop.type.name in VALUES:
                proxy.add(prop, VALUES[prop.type.name], quiet=True)
        emit(proxy)
    for name, ref in sorted(others.items()):
        proxy = model.make_entity(name)
        proxy.id = ref
        proxy.add(model.get(name).caption[0] if model.get(name).caption else "name", "Other Sample " + name, quiet=True)
        emit(proxy)


def emit(proxy):
    data = proxy.to_dict()
    data["datasets"] = ["sample"]
    print(json.dumps(data, sort_keys=True, ensure_ascii=False))


def write():
    for line in sys.stdin:
        if line.strip():
            data = json.loads(line)
            proxy = model.get_proxy(data, cleaned=False)
            out = proxy.to_dict()
            out["datasets"] = data.get("datasets", [])
            print(json.dumps(out, sort_keys=True, ensure_ascii=False))


def validate(path):
    bad = 0
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            data = json.loads(line)
            schema = model.get(data.get("schema"))
            if registry.entity.clean(data.get("id")) is None:
                print(f"{path}:{n}: {data.get('id')!r} is not a valid entity id")
                bad += 1
            if schema is None:
                print(f"{path}:{n}: unknown schema {data.get('schema')!r}")
                bad += 1
                continue
            for name, values in data.get("properties", {}).items():
                prop = schema.get(name)
                if prop is None:
                    print(f"{path}:{n}: {schema.name} has no property {name!r}")
                    bad += 1
                    continue
                for v in values:
                    if prop.type.clean(v, proxy=None) is None:
                        print(f"{path}:{n}: {schema.name}.{name}: {v!r} is not a valid {prop.type.name}")
                        bad += 1
            model.get_proxy(data, cleaned=False)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    {"model": dump_model, "sample": sample, "write": write}.get(sys.argv[1], lambda: validate(sys.argv[2]))()
