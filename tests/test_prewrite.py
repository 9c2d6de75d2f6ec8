"""Statements written before the final write, documents' own nodes by the workers (graph.prewrite)
and the rest as graphs arrive (turtle.Ahead), give the very bytes the final write would have
written from the terms, in every syntax that takes them."""

from pathlib import Path

import pytest

from amity.extract.engine import Extractor
from amity.graph.incremental import FileTarget, holds_others_nodes
from amity.graph.mapping import Mapper
from amity.graph.namespaces import DEFAULT_BASE
from amity.graph.prewrite import SYNTAXES, Prewriter
from amity.pipeline import read_inputs

SAMPLE = Path(__file__).resolve().parents[1] / "amity" / "sample"


@pytest.fixture(scope="module")
def graphs():
    extractor, mapper = Extractor(), Mapper()
    return [mapper.map(extractor.extract(doc)) for doc in read_inputs([SAMPLE], None, [])]


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_prewritten_nodes_are_written_as_the_writer_writes_their_terms(tmp_path, graphs, syntax):
    whole = FileTarget(tmp_path / f"whole{syntax}", DEFAULT_BASE)
    split = FileTarget(tmp_path / f"split{syntax}", DEFAULT_BASE)
    assert split.prewrite == syntax
    prewriter = Prewriter(syntax, DEFAULT_BASE)
    for graph in graphs:
        whole.put(graph)
        rest, blocks = prewriter.split(graph)
        assert blocks and len(rest) + sum(b.triples for b in blocks) == len(graph)
        statements = prewriter.statements(rest)
        assert len(statements) == (len(rest.nodes) - 1 if syntax in (".ttl", ".nt") else 0), "all but the document node"
        split.put(rest, blocks, statements)
    assert whole.commit() == split.commit()
    assert (tmp_path / f"whole{syntax}").read_bytes() == (tmp_path / f"split{syntax}").read_bytes()


def test_a_graph_holding_another_documents_own_node_turns_prewriting_off(tmp_path, graphs):
    target = FileTarget(tmp_path / "g.trig", DEFAULT_BASE)
    for graph in graphs:
        target.put(graph)
    target.commit()
    assert FileTarget(tmp_path / "g.trig", DEFAULT_BASE).prewrite == ".trig"
    first, second = (dict(target.graphs[g.graph]) for g in graphs[:2])
    evidence = next(s for s in first if "/evidence/" in s)
    assert not holds_others_nodes({graphs[0].graph: first, graphs[1].graph: second}, DEFAULT_BASE)
    second[evidence] = first[evidence]
    assert holds_others_nodes({graphs[0].graph: first, graphs[1].graph: second}, DEFAULT_BASE)
    assert holds_others_nodes({"<http://example.org/g>": {evidence: first[evidence]}}, DEFAULT_BASE)


def test_json_ld_takes_terms(tmp_path):
    assert FileTarget(tmp_path / "g.jsonld", DEFAULT_BASE).prewrite is None


@pytest.mark.parametrize("syntax", [".ttl", ".nt"])
def test_statements_written_as_graphs_arrive_follow_replaced_and_removed_graphs(tmp_path, graphs, syntax):
    from dataclasses import replace

    from amity.graph.serialize import write_graphs

    first, second = graphs[:2]
    shared = next(s for s in first.nodes if s in second.nodes)
    changed = replace(first, nodes={**first.nodes, shared: first.nodes[shared] | {("<http://p>", '"x"')}})
    target = FileTarget(tmp_path / f"g{syntax}", DEFAULT_BASE)
    prewriter = Prewriter(syntax, DEFAULT_BASE)
    for graph in (first, second, *graphs[2:], changed):
        target.put(graph, statements=prewriter.statements(graph))  # a worker's text, where still valid
    target.remove(second.graph)
    target.commit()
    final = {g.graph: g.nodes for g in (changed, *graphs[2:])}
    write_graphs(final, tmp_path / f"plain{syntax}")
    assert (tmp_path / f"g{syntax}").read_bytes() == (tmp_path / f"plain{syntax}").read_bytes()


def test_a_worker_that_forgets_its_terms_writes_the_same(graphs, monkeypatch):
    from amity.graph import prewrite

    keeping = Prewriter(".ttl", DEFAULT_BASE)
    expected = [keeping.split(graph) for graph in graphs]
    monkeypatch.setattr(prewrite, "TERMS_KEPT", 0)
    forgetting = Prewriter(".ttl", DEFAULT_BASE)
    assert [forgetting.split(graph) for graph in graphs] == expected
    assert len(forgetting.abbreviator.cache) == 1


def test_a_workers_statement_is_what_the_writer_would_write(graphs):
    from amity.graph.serialize import ahead_for

    for syntax in (".ttl", ".nt"):
        prewriter, ahead = Prewriter(syntax, DEFAULT_BASE), ahead_for(syntax, DEFAULT_BASE)
        for graph in graphs:
            for subject, text in prewriter.statements(graph).items():
                assert text == ahead.statement(subject, graph.nodes[subject])
