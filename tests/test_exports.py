"""Exports: every format read back by an independent parser and compared with the Turtle.

RDF syntaxes are read with pyoxigraph, JSON-LD with pyld, rdflib and pyoxigraph, GraphML and GEXF
with networkx, CSV with the csv module. TriG and N-Quads exported from a Turtle file must rebuild
exactly the per-document graphs a build writes.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from amity.cli import main
from amity.exports import export_graph
from amity.graph.build import GraphBuilder
from amity.graph.export_jsonld import context, write_jsonld
from amity.graph.per_document import split_by_document
from amity.graph.store import open_store
from amity.queries.runner import run_query

AMITY = "https://w3id.org/amity/ontology#"
SYNTAX = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
          "trig": ox.RdfFormat.TRIG}
CONTRACT = {
    "actors": ["actor", "type", "aliases", "doc"],
    "events": ["event", "type", "date", "place", "participants", "doc"],
    "goals": ["goal", "metric", "target", "unit", "deadline", "holders", "doc"],
    "figures": ["figure", "metric", "value", "unit", "approx", "date", "subjects", "doc"],
    "topics": ["topic", "doc"],
    "threats": ["threat", "doc"],
}


@pytest.fixture(scope="module")
def graphs(tmp_path_factory) -> dict[str, Path]:
    """The two hand-made documents written by a build as Turtle and as TriG."""
    from conftest import build_document

    folder = tmp_path_factory.mktemp("graphs")
    builder = GraphBuilder(strict=True)
    builder.add_all([build_document("kz-uz-1"), build_document("kz-uz-2", wording=2)])
    builder.write(folder / "graph.ttl")
    builder.write(folder / "graph.trig")
    return {"ttl": folder / "graph.ttl", "trig": folder / "graph.trig"}


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> dict[str, Path]:
    """The embedded sample corpus built as TriG, and its union as Turtle (the bytes a build to
    .ttl writes: the same writer merges the same graphs)."""
    folder = tmp_path_factory.mktemp("sample")
    result = CliRunner().invoke(main, ["build", "--out", str(folder / "graph.trig"), "-q"])
    assert result.exit_code == 0, result.stderr
    export_graph(folder / "graph.trig", "ttl", folder / "graph.ttl")
    return {"ttl": folder / "graph.ttl", "trig": folder / "graph.trig"}


def triples(path: Path, fmt: ox.RdfFormat) -> set[tuple[str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in ox.parse(path=str(path), format=fmt)}


def quads(path: Path, fmt: ox.RdfFormat) -> set[tuple[str, str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
            for q in ox.parse(path=str(path), format=fmt)}


# --- RDF syntaxes -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(SYNTAX))
def test_rdf_syntaxes_hold_the_triples_of_the_turtle(graphs, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    assert "statements" in export_graph(graphs["ttl"], fmt, out)
    assert triples(out, SYNTAX[fmt]) == triples(graphs["ttl"], ox.RdfFormat.TURTLE)


@pytest.mark.parametrize("fmt", ["trig", "nq"])
def test_named_graphs_from_turtle_are_the_ones_a_build_writes(sample, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    export_graph(sample["ttl"], fmt, out)
    rebuilt = quads(out, SYNTAX[fmt])
    assert rebuilt == quads(sample["trig"], ox.RdfFormat.TRIG)
    graph_names = {g for *_, g in rebuilt}
    assert len(graph_names) == 11 and all("/graph/" in g for g in graph_names)


def test_named_graphs_of_a_trig_input_are_kept(graphs, tmp_path):
    out = tmp_path / "out.nq"
    export_graph(graphs["trig"], "nq", out)
    assert quads(out, ox.RdfFormat.N_QUADS) == quads(graphs["trig"], ox.RdfFormat.TRIG)


def test_each_document_graph_keeps_its_own_wording_and_evidence(graphs):
    from amity.exports import read_quads

    rebuilt = split_by_document(read_quads(graphs["ttl"]))
    by_graph: dict[str, set[tuple[str, str, str]]] = {}
    for s, p, o, g in rebuilt:
        by_graph.setdefault(g, set()).add((s, p, o))
    first = next(v for k, v in by_graph.items() if k.endswith("/kz-uz-1>"))
    second = next(v for k, v in by_graph.items() if k.endswith("/kz-uz-2>"))
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    assert any(p == label and o == '"state visit of Tokayev to Tashkent"' for _, p, o in first)
    assert not any(o == '"state visit of Tokayev to Tashkent"' for _, _, o in second)
    assert not any("/evidence/kz-uz-2." in o for _, _, o in first)


def test_triples_of_no_document_stay_in_the_default_graph():
    doc = "<https://w3id.org/amity/id/document/d>"
    stray = ("<urn:x>", "<urn:p>", '"hand-added"', "")
    rebuilt = split_by_document([
        (doc, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{AMITY}Document>", ""), stray,
    ])
    assert stray in rebuilt
    assert (doc, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{AMITY}Document>",
            "<https://w3id.org/amity/id/graph/d>") in rebuilt


def test_cli_export_names_every_format(graphs, tmp_path):
    result = CliRunner().invoke(main, ["export", "-g", str(graphs["ttl"]), "-f", "docx", "-o", str(tmp_path / "x")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    for fmt in ("ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf", "csv"):
        assert fmt in result.stderr


def test_a_failed_export_leaves_the_previous_file(graphs, tmp_path):
    out = tmp_path / "out.graphml"
    out.write_text("previous", encoding="utf-8")
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "-g", str(broken), "-f", "graphml", "-o", str(out)])
    assert result.exit_code == 1 and "broken.ttl" in result.stderr
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.ttl", "out.graphml"]


# --- JSON-LD --------------------------------------------------------------------------------------


def _expanded_by_pyld(path: Path) -> set[tuple[str, str, str]]:
    from pyld import jsonld

    nquads = jsonld.to_rdf(json.loads(path.read_text(encoding="utf-8")), {"format": "application/n-quads"})
    return {(str(q.subject), str(q.predicate), str(q.object))
            for q in ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)}


def _expanded_by_rdflib(path: Path) -> set[tuple[str, str, str]]:
    import rdflib

    graph = rdflib.Graph().parse(path, format="json-ld")
    data = graph.serialize(format="nt", encoding="utf-8")
    return {(str(t.subject), str(t.predicate), str(t.object)) for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)}


def test_jsonld_is_compact_under_the_shipped_context(graphs, tmp_path):
    out = tmp_path / "graph.jsonld"
    export_graph(graphs["ttl"], "jsonld", out)
    document = json.loads(out.read_text(encoding="utf-8"))
    shipped = context()
    assert {k: v for k, v in document["@context"].items() if k != "@base"} == shipped
    assert document["@context"]["@base"] == "https://w3id.org/amity/id/"
    nodes = {node["@id"]: node for node in document["@graph"]}
    kazakhstan = next(n for n in nodes.values() if n.get("label") == "Kazakhstan" and "Country" in n["@type"])
    assert kazakhstan["@id"].startswith("country/kazakhstan-")
    assert sorted(kazakhstan["@type"]) == ["Actor", "Country"]
    assert kazakhstan["isoCode"] == "KZ" and kazakhstan["sameAs"] == "wd:Q232"
    figure = next(n for n in nodes.values() if n.get("metric") == "trade turnover" and "value" in n)
    assert figure["value"] == "3000000000" and figure["approximate"] == "false"
    assert figure["date"] == {"@value": "2018", "@type": "xsd:gYear"}


@pytest.mark.parametrize("reader", [_expanded_by_pyld, _expanded_by_rdflib,
                                    lambda p: triples(p, ox.RdfFormat.JSON_LD)], ids=["pyld", "rdflib", "pyoxigraph"])
def test_jsonld_expands_to_the_triples_of_the_turtle(graphs, tmp_path, reader):
    out = tmp_path / "graph.jsonld"
    export_graph(graphs["ttl"], "jsonld", out)
    assert reader(out) == triples(graphs["ttl"], ox.RdfFormat.TURTLE)


def test_jsonld_keeps_what_the_context_cannot_shorten(tmp_path):
    """IRIs outside the base or with odd characters, blank nodes, language tags, foreign datatypes
    under coercing terms, literals where IRIs are expected: all survive expansion unchanged."""
    data = f"""
    @prefix amity: <{AMITY}> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    <https://w3id.org/amity/id/document/d> a amity:Document ; amity:documentId "d" .
    <https://w3id.org/amity/id/figure/a:b> a amity:Figure , <http://example.org/Thing> ;
        amity:value "3.0E9"^^xsd:double , "12"^^xsd:decimal ;
        amity:participant "not an IRI" , _:b1 , <https://w3id.org/amity/id/../x> ;
        <http://www.w3.org/2000/01/rdf-schema#label> "Ünïcode \\"quoted\\" </script>"@de , "@id" ;
        amity:subject <https://w3id.org/amity/id/country/x?y=1#z> , <urn:isbn:123> ;
        <http://example.org/p> <https://w3id.org/amity/id/country/ok> .
    _:b1 amity:metric "m" .
    """
    source = tmp_path / "odd.ttl"
    source.write_text(data, encoding="utf-8")
    out = tmp_path / "odd.jsonld"
    export_graph(source, "jsonld", out)
    expected = triples(source, ox.RdfFormat.TURTLE)

    def without_blank_labels(found: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
        return {tuple("_:b" if t.startswith("_:") else t for t in triple) for triple in found}

    assert without_blank_labels(_expanded_by_pyld(out)) == without_blank_labels(expected)
    assert without_blank_labels(triples(out, ox.RdfFormat.JSON_LD)) == without_blank_labels(expected)


def test_jsonld_output_is_byte_stable(graphs, tmp_path):
    first, second = tmp_path / "a.jsonld", tmp_path / "b.jsonld"
    export_graph(graphs["ttl"], "jsonld", first)
    export_graph(graphs["trig"], "jsonld", second)  # other input syntax, same triples
    assert first.read_bytes() == second.read_bytes()


def test_write_jsonld_counts_triples():
    parsed = list(ox.parse(b'<urn:a> <urn:b> "c" .\n<urn:a> <urn:b> "d" .\n', format=ox.RdfFormat.N_TRIPLES))
    out = io.StringIO()
    assert write_jsonld(out, parsed) == 2
    assert json.loads(out.getvalue())["@graph"] == [{"@id": "urn:a", "urn:b": ["c", "d"]}]


def test_the_shipped_context_is_generated_from_the_ontology():
    from amity.ontology.generate_context import generate
    from amity.ontology.vocabulary import AMITY as VOCABULARY

    shipped = Path(__file__).resolve().parents[1] / "ontology" / "context.jsonld"
    assert shipped.read_text(encoding="utf-8") == generate(), "run python -m amity.ontology.generate_context"
    terms = context()
    for name in VOCABULARY.__annotations__:
        assert name in terms, name


# --- GraphML and GEXF -----------------------------------------------------------------------------


def _count(store: ox.Store, pattern: str) -> int:
    query = f"PREFIX amity: <{AMITY}> SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }}"
    return int(next(iter(store.query(query)))[0].value)


@pytest.mark.parametrize("fmt,read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_formats_read_back_with_networkx(graphs, tmp_path, fmt, read):
    out = tmp_path / f"net.{fmt}"
    description = export_graph(graphs["ttl"], fmt, out)
    network = read(out)
    store = open_store(graphs["ttl"])
    kinds = "amity:Actor amity:Event amity:Goal amity:Figure amity:Cooperation amity:Threat " \
            "amity:RelationCharacterisation"
    assert network.number_of_nodes() == _count(store, f"VALUES ?c {{ {kinds} }} ?x a ?c")
    assert f"{network.number_of_nodes()} nodes" in description
    by_label = {data["label"]: (node, data) for node, data in network.nodes(data=True)}
    kz_iri, kazakhstan = by_label["Kazakhstan"]
    assert (kazakhstan["kind"], kazakhstan["type"], kazakhstan["iso_code"]) == ("country", "Country", "KZ")
    assert kazakhstan["wikidata"] == "http://www.wikidata.org/entity/Q232"
    assert int(kazakhstan["evidence"]) == _count(store, f"<{kz_iri}> <http://www.w3.org/ns/prov#wasDerivedFrom> ?x")
    assert int(kazakhstan["evidence"]) == 2  # one sentence in each document
    assert int(kazakhstan["documents"]) == 2
    visit_iri, visit = next((n, d) for n, d in network.nodes(data=True) if d["type"] == "Visit")
    assert visit["kind"] == "event" and visit["date"] == "2019-04"
    assert visit["label"] == "Tokayev's trip to Uzbekistan | state visit of Tokayev to Tashkent"
    relations = {network.nodes[v]["label"]: d["relation"] for _, v, d in network.out_edges(visit_iri, data=True)}
    assert relations == {"Uzbekistan": "participant", "Kassym-Jomart Tokayev": "participant", "Tashkent": "place"}
    tokayev = by_label["Kassym-Jomart Tokayev"][0]
    office = [d for _, v, d in network.out_edges(tokayev, data=True) if v == kz_iri]
    assert office and office[0]["relation"] == "office" and office[0]["role"] == "President of Kazakhstan"
    trade = by_label["trade"][0]
    mentions = {network.nodes[v]["label"]: int(d["documents"]) for _, v, d in network.out_edges(trade, data=True)}
    assert mentions == {"Kazakhstan": 2, "Uzbekistan": 2}
    figure = next(d for n, d in network.nodes(data=True) if d["kind"] == "figure" and d.get("unit") == "USD")
    assert float(figure["value"]) == 3e9 and str(figure["approximate"]).lower() == "false"


# --- CSV tables ----------------------------------------------------------------------------------


def test_csv_tables_in_a_folder_are_the_contract_queries(graphs, tmp_path):
    out = tmp_path / "tables"
    assert "6 tables" in export_graph(graphs["ttl"], "csv", out)
    store = open_store(graphs["ttl"])
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.csv" for name in CONTRACT)
    for name, columns in CONTRACT.items():
        text = (out / f"{name}.csv").read_text(encoding="utf-8")
        assert text == run_query(store, name, "csv")
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0] == columns and len(rows) > 1
    events = list(csv.DictReader((out / "events.csv").open(encoding="utf-8")))
    assert {(r["type"], r["doc"]) for r in events} >= {("Visit", "kz-uz-1"), ("Visit", "kz-uz-2")}


def test_csv_tables_in_a_zip_are_byte_stable(graphs, tmp_path):
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    export_graph(graphs["ttl"], "csv", first)
    export_graph(graphs["trig"], "csv", second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert sorted(archive.namelist()) == sorted(f"{name}.csv" for name in CONTRACT)
        header = next(csv.reader(io.StringIO(archive.read("figures.csv").decode("utf-8"))))
        assert header == CONTRACT["figures"]


def test_csv_to_an_existing_file_that_is_not_a_folder_is_one_line(graphs, tmp_path):
    (tmp_path / "tables").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "-g", str(graphs["ttl"]), "-f", "csv", "-o", str(tmp_path / "tables")])
    assert result.exit_code == 1 and "is not a folder" in result.stderr
