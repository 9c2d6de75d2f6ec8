"""Writing and reading graph files: every syntax round-trips, output is byte-stable, writes are atomic."""

from __future__ import annotations

import gzip

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from amity.extract.model import Actor, Document, DocumentFacts, Event, Evidence
from amity.graph import serialize
from amity.graph.atomic import atomic_write
from amity.graph.build import GraphBuilder, write_graph
from amity.graph.errors import GraphFileError
from amity.graph.serialize import export_store, store_quads, write_quads
from amity.graph.store import open_store

HOSTILE = 'say "hi" \\ back\nslash\r\ttab \x00\x01\x1f\x7f </script> <b>&amp; ü Токаев 東京 🕊️ \u2028 \ufeff end'


def build(docs) -> GraphBuilder:
    builder = GraphBuilder(strict=True)
    builder.add_all(docs)
    return builder


def oxi_triples(path) -> set[tuple[str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in ox.parse(path=str(path))}


def test_turtle_parsed_by_rdflib_and_pyoxigraph_gives_the_triples_written(tmp_path, two_documents):
    builder = build(two_documents)
    ttl, nt = tmp_path / "g.ttl", tmp_path / "g.nt"
    builder.write(ttl)
    builder.write(nt)
    expected = {(s, p, o) for s, p, o, _ in builder.quads()}
    assert oxi_triples(ttl) == expected == oxi_triples(nt)
    from_rdflib = rdflib.Graph().parse(ttl, format="turtle")
    assert len(from_rdflib) == len(expected)
    assert isomorphic(from_rdflib, rdflib.Graph().parse(nt, format="nt"))


def test_turtle_has_the_prefixes(tmp_path, two_documents):
    path = tmp_path / "g.ttl"
    build(two_documents).write(path)
    text = path.read_text(encoding="utf-8")
    for prefix in ("amity", "schema", "prov", "skos", "xsd", "rdfs", "owl", "nif", "country", "evidence"):
        assert f"@prefix {prefix}: <" in text
    assert "country:kazakhstan-" in text and " a amity:Actor ,\n\t\tamity:Country ;" in text


@pytest.mark.parametrize("ext", [".ttl", ".nt", ".nq", ".trig", ".jsonld", ".ttl.gz"])
def test_same_facts_give_byte_identical_files_whatever_the_order(tmp_path, two_documents, ext):
    first, second = tmp_path / f"a{ext}", tmp_path / f"b{ext}"
    build(two_documents).write(first)
    build(list(reversed(two_documents))).write(second)
    assert first.read_bytes() == second.read_bytes()
    build(two_documents).write(second)
    assert first.read_bytes() == second.read_bytes()


def test_named_graph_formats_keep_one_graph_per_document(tmp_path, two_documents):
    builder = build(two_documents)
    for ext in (".nq", ".trig"):
        path = tmp_path / f"g{ext}"
        result = builder.write(path)
        quads = list(ox.parse(path=str(path)))
        assert {str(q.graph_name) for q in quads} == {g.graph for g in builder.graphs.values()}
        assert result.statements == len(quads) == sum(len(g) for g in builder.graphs.values())
    dataset = rdflib.Dataset().parse(tmp_path / "g.trig", format="trig")
    assert len(list(dataset.graphs())) >= 2


def test_json_ld_is_the_union_graph(tmp_path, two_documents):
    builder = build(two_documents)
    builder.write(tmp_path / "g.jsonld")
    builder.write(tmp_path / "g.nt")
    from_json = rdflib.Graph().parse(tmp_path / "g.jsonld", format="json-ld")
    assert isomorphic(from_json, rdflib.Graph().parse(tmp_path / "g.nt", format="nt"))


def _hostile_document(text: str, doc_id: str = "hostile") -> DocumentFacts:
    body = f"{text}\n"
    ev = (Evidence(doc_id, 0, len(text), text, "rule:\"odd\" \\ rule"),)
    return DocumentFacts(
        Document(doc_id, body, title=text, source_url="https://example.org/?q=" + text[:5]),
        actors=[Actor("Kazakhstan", "Country", (text,), evidence=ev)],
        events=[Event("Meeting", text, "2020", None, ("Kazakhstan",), ev)],
    )


def _literals(graph: rdflib.Graph) -> set[str]:
    return {str(o) for o in graph.objects() if isinstance(o, rdflib.Literal)}


def _check_round_trip(tmp_path, text: str) -> None:
    expected = text.replace("\ud800", "\ufffd")
    builder = build([_hostile_document(text)])
    for ext, fmt in ((".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld")):
        path = tmp_path / f"h{ext}"
        builder.write(path)
        assert expected in _literals(rdflib.Graph().parse(path, format=fmt)), ext
        assert expected in {q.object.value for q in ox.parse(path=str(path)) if isinstance(q.object, ox.Literal)}


def test_hostile_literals_round_trip(tmp_path):
    _check_round_trip(tmp_path, HOSTILE)


def test_odd_document_ids_give_valid_prefixed_names(tmp_path):
    doc_id = "Interview 2019.04 — «Tokayev» 100% <final>"
    builder = build([_hostile_document("some text", doc_id)])
    builder.write(tmp_path / "odd.ttl")
    builder.write(tmp_path / "odd.nt")
    assert isomorphic(rdflib.Graph().parse(tmp_path / "odd.ttl", format="turtle"),
                      rdflib.Graph().parse(tmp_path / "odd.nt", format="nt"))
    assert oxi_triples(tmp_path / "odd.ttl") == oxi_triples(tmp_path / "odd.nt")
    assert f'"{doc_id}"' in (tmp_path / "odd.nt").read_text(encoding="utf-8")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40))
def test_any_unicode_round_trips(tmp_path, text):
    _check_round_trip(tmp_path, text)


def test_write_failure_leaves_the_previous_file(tmp_path, two_documents, monkeypatch):
    path = tmp_path / "g.ttl"
    build(two_documents).write(path)
    before = path.read_bytes()

    def explode(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(serialize.turtle, "write_statements", explode)
    with pytest.raises(RuntimeError, match="disk on fire"):
        build(two_documents[:1]).write(path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]


def test_atomic_write_replaces_only_on_success(tmp_path):
    path = tmp_path / "note.txt"
    with atomic_write(path) as fh:
        fh.write("one")
    with pytest.raises(ValueError), atomic_write(path) as fh:
        fh.write("two")
        raise ValueError("stop")
    assert path.read_text() == "one"
    with atomic_write(path, "wb") as fh:
        fh.write(b"three")
    assert path.read_bytes() == b"three"


def test_gzip_output_is_readable(tmp_path, two_documents):
    path = tmp_path / "g.ttl.gz"
    build(two_documents).write(path)
    assert gzip.decompress(path.read_bytes()).startswith(b"@prefix")
    assert len(open_store(path)) > 100


def test_unknown_extension_is_a_clear_error(tmp_path, two_documents):
    with pytest.raises(GraphFileError, match=r"unknown graph format '\.xml'"):
        build(two_documents).write(tmp_path / "g.xml")


def test_open_store_errors_are_one_line(tmp_path):
    with pytest.raises(GraphFileError, match="graph file not found") as missing:
        open_store(tmp_path / "nope.ttl")
    assert "\n" not in str(missing.value)
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b "unterminated .\n', encoding="utf-8")
    with pytest.raises(GraphFileError) as broken:
        open_store(bad)
    message = str(broken.value)
    assert "\n" not in message and message.startswith(f"{bad}:2:")


def test_every_written_format_loads_into_the_same_union(tmp_path, two_documents):
    builder = build(two_documents)
    expected = {(s, p, o) for s, p, o, _ in builder.quads()}
    for ext in (".ttl", ".nt", ".nq", ".trig", ".jsonld"):
        path = tmp_path / f"g{ext}"
        builder.write(path)
        store = open_store(path)
        union = {(s, p, o) for s, p, o, _ in store_quads(store)}
        assert len(union) == len(expected), ext


def test_export_store_and_write_graph(tmp_path, two_documents):
    stats = write_graph(two_documents, [tmp_path / "g.ttl", tmp_path / "g.trig"])
    assert stats.documents == 2 and stats.triples > 100 and stats.quads > stats.triples
    assert [w.path for w in stats.written] == [str(tmp_path / "g.ttl"), str(tmp_path / "g.trig")]
    export_store(open_store(tmp_path / "g.ttl"), tmp_path / "again.ttl")
    assert oxi_triples(tmp_path / "again.ttl") == oxi_triples(tmp_path / "g.ttl")
    export_store(open_store(tmp_path / "g.trig"), tmp_path / "again.trig")
    assert (tmp_path / "again.trig").read_bytes() == (tmp_path / "g.trig").read_bytes()


def test_write_quads_takes_plain_quads(tmp_path):
    quads = [("<http://example.org/s>", "<http://example.org/p>", '"o"', ""),
             ("<http://example.org/s>", "<http://example.org/p>", '"o"', "<http://example.org/g>")]
    result = write_quads(quads, tmp_path / "q.nq")
    assert result.statements == 2
    assert write_quads(quads, tmp_path / "q.nt").statements == 1
