"""The named queries are plain SPARQL 1.1: loaded into rdflib (the notebook user's engine) a
graph amity wrote answers each of them with the rows Oxigraph gives.

rdflib's engine raises NotBoundError for DISTINCT aggregates over an unbound value, and by the
SPARQL rules an aggregate over a group with an unbound value is itself unbound (Oxigraph drops the
whole cell): the queries therefore concatenate COALESCE(?x, ""), whose empty parts the runner drops.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from amity.pipeline import build
from amity.queries.catalog import named_query, query_names

SAMPLE = Path(__file__).resolve().parents[1] / "amity" / "sample"
TOO_SLOW_IN_RDFLIB = {"timeline"}
"""rdflib evaluates the timeline's subqueries before joining them: minutes even on the sample."""


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "sample.ttl"
    build([SAMPLE], path)
    return path


@pytest.fixture(scope="module")
def engines(graph_file):
    store = ox.Store()
    store.load(path=str(graph_file), format=ox.RdfFormat.TURTLE)
    graph = rdflib.Graph()
    graph.parse(graph_file, format="turtle")
    return store, graph


def _cell(value: object) -> str:
    """A cell as the runner shows it: concatenated values as a set, empty parts dropped."""
    if value is None:
        return ""
    text = value.value if isinstance(value, ox.Literal | ox.NamedNode) else str(value)
    return "|".join(sorted({part for part in text.split("\u001f") if part}))


@pytest.mark.parametrize("name", sorted(set(query_names()) - TOO_SLOW_IN_RDFLIB))
def test_rdflib_answers_a_named_query_as_oxigraph_does(engines, name):
    store, graph = engines
    text = named_query(name).text
    solutions = store.query(text)
    variables = solutions.variables
    oxigraph = Counter(tuple(_cell(row[v]) for v in variables) for row in solutions)
    rdflib_rows = Counter(tuple(_cell(value) for value in row) for row in graph.query(text))
    assert rdflib_rows == oxigraph
    if name in ("actors", "events", "figures", "goals", "topics", "threats"):
        assert oxigraph, f"{name} finds rows in the sample corpus"


def test_aliases_survive_an_occurrence_without_a_surface_form(engines):
    """An actor some occurrence names without a surface form (a fact's participant taken from
    the document's pair) keeps the forms its other occurrences have."""
    store, _ = engines
    formless = {row["label"].value for row in store.query(
        "PREFIX amity: <https://w3id.org/amity/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT DISTINCT ?label WHERE { ?a rdfs:label ?label . ?o amity:occurrenceOf ?a "
        "FILTER NOT EXISTS { ?o amity:surfaceForm ?f } ?o2 amity:occurrenceOf ?a ; amity:surfaceForm ?g }")}
    assert formless, "the sample has such an actor"
    aliases = {row["actor"].value: _cell(row["aliases"]) for row in store.query(named_query("actor-profile").text)}
    assert all(aliases[label] for label in formless), sorted(label for label in formless if not aliases[label])
