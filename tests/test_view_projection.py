"""The network view's Python side: RDF -> projection, cuts, grouping, layout, the API and command.

The graphs are built from hand-made `DocumentFacts` (no extractor), so each test knows exactly
which nodes, edges and evidence to expect. `small_corpus` and `hostile_corpus` are also used by
test_view_html.py and test_view_browser.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from amity.extract.model import (
    Actor,
    Document,
    DocumentFacts,
    Event,
    Evidence,
    Figure,
    Goal,
    Office,
    Relation,
    Threat,
    Topic,
)
from amity.graph.build import build_store, write_graph
from amity.graph.errors import GraphError, GraphFileError
from amity.graph.view import ViewError, prepare, write_view
from amity.graph.view.group import group_pairs
from amity.graph.view.kinds import KINDS, RELATION_LABELS, parse_kinds
from amity.graph.view.layout import layout
from amity.graph.view.projection import project
from amity.graph.view.restrict import restrict

KZ_UZ = [
    "Kazakhstan and Uzbekistan are strategic partners.",
    "President Tokayev paid a state visit to Tashkent in April 2019.",
    "Kazakhstan and Uzbekistan signed an agreement on the border.",
    "Trade between Kazakhstan and Uzbekistan reached $3 billion in 2018.",
    "The sides intend to raise trade to $5 billion by 2020.",
    "Water cooperation will deepen.",
    "Both fight terrorism.",
]
KZ_KG = [
    "Kazakhstan and Kyrgyzstan held talks in Bishkek.",
    "They are concerned about terrorism.",
    "Cooperation in energy between Kazakhstan and Kyrgyzstan grows.",
]


def _document(doc_id: str, lines: list[str], title: str) -> tuple[Document, Callable[[int, str], tuple[Evidence, ...]]]:
    text = "\n".join(lines) + "\n"
    starts = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines))]

    def ev(i: int, rule: str) -> tuple[Evidence, ...]:
        return (Evidence(doc_id, starts[i], starts[i] + len(lines[i]), lines[i], rule),)

    return Document(id=doc_id, text=text, title=title, published="2019-04-14"), ev


def small_corpus(kz_uz_lines: list[str] | None = None, *, label: str | None = None) -> list[DocumentFacts]:
    """Two documents: Kazakhstan–Uzbekistan with one fact of every kind, Kazakhstan–Kyrgyzstan
    with talks, a topic and the same threat. `kz_uz_lines` / `label` replace the first document's
    sentences and its visit's label (used to plant hostile text)."""
    lines = kz_uz_lines or KZ_UZ
    doc, ev = _document("kz-uz", lines, "Kazakhstan and Uzbekistan")
    pair = ("Kazakhstan", "Uzbekistan")
    mentions = ev(0, "mention") + ev(2, "mention") + ev(3, "mention")
    first = DocumentFacts(
        document=doc,
        sentence_count=len(lines),
        actors=[
            Actor("Kazakhstan", "Country", ("Republic of Kazakhstan",), "KZ", "Q232", mentions),
            Actor("Uzbekistan", "Country", (), "UZ", "Q265", mentions),
            Actor("Kassym-Jomart Tokayev", "Person", ("Tokayev",), evidence=ev(1, "mention")),
            Actor("Tashkent", "City", evidence=ev(1, "mention")),
        ],
        offices=[Office("Kassym-Jomart Tokayev", "President of Kazakhstan", "Kazakhstan", "2019-03", None, ev(1, "o"))],
        events=[
            Event("Visit", label or "state visit to Tashkent", "2019-04", "Tashkent",
                  ("Kassym-Jomart Tokayev", "Uzbekistan"), ev(1, "event.visit")),  # fmt: skip
            Event("Agreement", "agreement on the border", "2019-04", None, pair, ev(2, "event.sign")),
        ],
        goals=[Goal("raise trade to $5 billion by 2020", "trade turnover", 5e9, "USD", "2020", pair, ev(4, "goal"))],
        figures=[Figure("reached $3 billion", "trade turnover", 3e9, "USD", False, "2018", pair, ev(3, "figure"))],
        topics=[Topic("trade", ev(3, "topic.trade")), Topic("water", ev(5, "topic.water"))],
        threats=[Threat("terrorism", ("terrorism",), ev(6, "threat"))],
        relations=[Relation("strategic partnership", pair, ev(0, "relation"))],
    )
    doc2, ev2 = _document("kz-kg", KZ_KG, "Kazakhstan and Kyrgyzstan")
    second = DocumentFacts(
        document=doc2,
        sentence_count=len(KZ_KG),
        actors=[
            Actor("Kazakhstan", "Country", (), "KZ", "Q232", ev2(0, "mention") + ev2(2, "mention")),
            Actor("Kyrgyzstan", "Country", (), "KG", "Q813", ev2(0, "mention") + ev2(2, "mention")),
            Actor("Bishkek", "City", evidence=ev2(0, "mention")),
        ],
        events=[Event("Talks", "talks in Bishkek", "2019-05", "Bishkek", ("Kazakhstan", "Kyrgyzstan"), ev2(0, "ev"))],
        topics=[Topic("energy", ev2(2, "topic.energy"))],
        threats=[Threat("terrorism", ("terrorism",), ev2(1, "threat"))],
    )
    return [first, second]


HOSTILE = [
    "<img src=x onerror=window.__pwned=1> and Uzbekistan are strategic partners.",
    "</script><script>window.__pwned=1</script> paid a visit to Tashkent.",
    "Kazakhstan and Uzbekistan signed <b>an</b> agreement & more.",
    "Trade between Kazakhstan and Uzbekistan reached $3 billion \u2028in 2018 <!-- -->.",
    "The sides intend to raise trade to $5 billion by 2020 <svg onload=window.__pwned=1>.",
    "Water cooperation will deepen ]]> {{data}} ${x}.",
    "Both fight terrorism \u2029 \"quoted\" 'single'.",
]
HOSTILE_LABEL = "</script><script>window.__pwned=1</script><img src=x onerror=window.__pwned=1>"


def hostile_corpus() -> list[DocumentFacts]:
    """The small corpus with markup and script in its sentences and in an event's label."""
    return small_corpus(HOSTILE, label=HOSTILE_LABEL)


@pytest.fixture(scope="module")
def graph():
    return project(build_store(small_corpus()))


def _node(graph, label: str) -> str:
    matches = [n for n, a in graph.nodes(data=True) if a["label"] == label]
    assert len(matches) == 1, f"{label!r}: {matches}"
    return matches[0]


def _edges(graph, relation: str) -> set[tuple[str, str]]:
    return {(graph.nodes[u]["label"], graph.nodes[v]["label"]) for u, v, a in graph.edges(data=True)
            if a["relation"] == relation}  # fmt: skip


# --- projection -------------------------------------------------------------------------------


def test_nodes_have_their_kinds(graph) -> None:
    kinds = {a["label"]: a["kind"] for _, a in graph.nodes(data=True)}
    assert kinds["Kazakhstan"] == kinds["Uzbekistan"] == kinds["Kyrgyzstan"] == "country"
    assert kinds["Kassym-Jomart Tokayev"] == "person"
    assert kinds["Tashkent"] == kinds["Bishkek"] == "place"
    assert kinds["state visit to Tashkent"] == kinds["talks in Bishkek"] == "event"
    assert kinds["raise trade to $5 billion by 2020"] == "goal"
    assert kinds["reached $3 billion"] == "figure"
    assert kinds["trade"] == kinds["water"] == kinds["energy"] == "topic"
    assert kinds["terrorism"] == "threat"
    assert all(a["kind"] in KINDS for _, a in graph.nodes(data=True))
    # office holdings and relation characterisations are edges, not nodes
    assert "strategic partnership" not in kinds


def test_edges_are_labelled_by_relation(graph) -> None:
    assert _edges(graph, "visited") == {("Kassym-Jomart Tokayev", "state visit to Tashkent"),
                                        ("Uzbekistan", "state visit to Tashkent")}  # fmt: skip
    signed = "agreement on the border"
    assert _edges(graph, "signed") == {("Kazakhstan", signed), ("Uzbekistan", signed)}
    assert ("Kazakhstan", "talks in Bishkek") in _edges(graph, "took part")
    assert ("state visit to Tashkent", "Tashkent") in _edges(graph, "held in")
    assert _edges(graph, "set goal") == {("Kazakhstan", "raise trade to $5 billion by 2020"),
                                         ("Uzbekistan", "raise trade to $5 billion by 2020")}  # fmt: skip
    assert ("Uzbekistan", "reached $3 billion") in _edges(graph, "measured")
    assert ("Kyrgyzstan", "energy") in _edges(graph, "cooperates on")
    assert ("Kyrgyzstan", "terrorism") in _edges(graph, "concerned about")
    assert _edges(graph, "holds office") == {("Kassym-Jomart Tokayev", "Kazakhstan")}
    relations = [a for _, _, a in graph.edges(data=True) if a["relation"] == "relations"]
    assert [a["label"] for a in relations] == ["strategic partnership"]
    assert {a["relation"] for _, _, a in graph.edges(data=True)} <= set(RELATION_LABELS)


def test_facts_carry_their_evidence_and_documents(graph) -> None:
    evidence = graph.graph["evidence"]
    figure = graph.nodes[_node(graph, "reached $3 billion")]
    assert [evidence[i].text for i in figure["evidence"]] == [KZ_UZ[3]]
    assert [(evidence[i].doc, evidence[i].rule) for i in figure["evidence"]] == [("kz-uz", "figure")]
    assert ("value", "3,000,000,000 USD") in figure["details"]
    assert figure["docs"] == ("kz-uz",)
    office = next(a for _, _, a in graph.edges(data=True) if a["relation"] == "holds office")
    assert [evidence[i].text for i in office["evidence"]] == [KZ_UZ[1]]
    assert graph.graph["documents"]["kz-kg"]["title"] == "Kazakhstan and Kyrgyzstan"


def test_the_same_fact_in_two_documents_is_one_node_with_both(graph) -> None:
    threat = graph.nodes[_node(graph, "terrorism")]
    assert threat["docs"] == ("kz-kg", "kz-uz")
    texts = sorted(graph.graph["evidence"][i].text for i in threat["evidence"])
    assert texts == sorted([KZ_UZ[6], KZ_KG[1]])


def test_topics_belong_to_the_states_of_their_sentence_or_of_their_document(graph) -> None:
    kz, uz, kg = (_node(graph, name) for name in ("Kazakhstan", "Uzbekistan", "Kyrgyzstan"))
    trade = graph.nodes[_node(graph, "trade")]
    assert set(trade["states"]) == {kz, uz}  # named in the sentence
    water = graph.nodes[_node(graph, "water")]
    assert set(water["states"]) == {kz, uz}  # no state in the sentence: the document's pair
    energy = graph.nodes[_node(graph, "energy")]
    assert energy["pairs"] == (tuple(sorted((kz, kg))),)
    terrorism = graph.nodes[_node(graph, "terrorism")]
    assert set(terrorism["pairs"]) == {tuple(sorted((kz, uz))), tuple(sorted((kz, kg)))}


def test_people_belong_to_the_pairs_of_their_facts(graph) -> None:
    kz, uz = _node(graph, "Kazakhstan"), _node(graph, "Uzbekistan")
    tokayev = graph.nodes[_node(graph, "Kassym-Jomart Tokayev")]
    assert tokayev["states"] == (kz,)  # his office
    assert tuple(sorted((kz, uz))) in tokayev["pairs"]  # his visit
    assert tokayev["aliases"] == ["Tokayev"]


def test_an_empty_graph_projects_to_an_empty_network() -> None:
    import pyoxigraph as ox

    assert project(ox.Store()).number_of_nodes() == 0


# --- cuts and grouping ------------------------------------------------------------------------


def test_focus_keeps_the_neighbourhood_within_depth(graph) -> None:
    near = restrict(graph, focus="kyrgyzstan", depth=1)
    labels = {a["label"] for _, a in near.nodes(data=True)}
    assert labels == {"Kyrgyzstan", "talks in Bishkek", "energy", "terrorism"}
    assert near.graph["focus"] == _node(graph, "Kyrgyzstan")
    wider = restrict(graph, focus="Kyrgyzstan", depth=2)
    assert {"Kazakhstan", "Bishkek", "Uzbekistan"} <= {a["label"] for _, a in wider.nodes(data=True)}
    assert restrict(graph, focus="Tokayev", depth=0).number_of_nodes() == 1  # by alias


def test_unknown_focus_suggests_names(graph) -> None:
    with pytest.raises(ViewError, match="no actor named 'Kazakstan'.*did you mean Kazakhstan"):
        restrict(graph, focus="Kazakstan")


def test_kinds_and_documents_cut_the_graph(graph) -> None:
    only = restrict(graph, kinds=parse_kinds("country,events"))
    assert {a["kind"] for _, a in only.nodes(data=True)} == {"country", "event"}
    kg = restrict(graph, docs=["kz-kg"])
    assert "Uzbekistan" not in {a["label"] for _, a in kg.nodes(data=True)}
    assert "Kazakhstan" in {a["label"] for _, a in kg.nodes(data=True)}
    with pytest.raises(ViewError, match="no document 'nope'"):
        restrict(graph, docs=["nope"])
    with pytest.raises(ValueError, match="unknown node kind 'planets'"):
        parse_kinds("country,planets")


def test_grouping_folds_facts_per_pair_and_keeps_their_evidence(graph) -> None:
    grouped = group_pairs(graph)
    kinds = {a["kind"] for _, a in grouped.nodes(data=True)}
    assert not kinds & {"goal", "figure", "topic", "threat"}
    assert "event" in kinds
    summaries = {a["label"]: a for _, a in grouped.nodes(data=True) if a["kind"] == "summary"}
    kz_uz = summaries["Kazakhstan – Uzbekistan (5)"]
    assert sorted((k, label) for k, label, _ in kz_uz["items"]) == [
        ("figure", "reached $3 billion"), ("goal", "raise trade to $5 billion by 2020"), ("threat", "terrorism"),
        ("topic", "trade"), ("topic", "water"),
    ]  # fmt: skip
    terrorism = next(ev for kind, _, ev in kz_uz["items"] if kind == "threat")
    assert [graph.graph["evidence"][i].doc for i in terrorism] == ["kz-uz"]  # only this pair's document
    assert "Kazakhstan – Kyrgyzstan (2)" in summaries
    uz = _node(graph, "Uzbekistan")
    assert any(a["relation"] == "facts" for _, _, a in grouped.in_edges(next(
        n for n, a in grouped.nodes(data=True) if a["label"] == "Kazakhstan – Uzbekistan (5)"), data=True))
    assert uz in grouped


def test_prepare_groups_only_above_the_threshold(graph) -> None:
    _, grouped = prepare(graph, group_above=1000)
    assert not grouped
    small, grouped = prepare(graph, group_above=5)
    assert grouped and any(a["kind"] == "summary" for _, a in small.nodes(data=True))


# --- layout -----------------------------------------------------------------------------------


def test_layout_is_deterministic_complete_and_without_overlaps(graph) -> None:
    first, second = layout(graph), layout(graph)
    assert first == second
    assert set(first) == set(graph)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in first.values())
    points = list(first.values())
    closest = min(math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1 :])
    assert closest > 15


def test_layout_puts_a_pairs_facts_nearer_its_states_than_other_states() -> None:
    import random

    docs = []
    rng = random.Random(3)
    names = ["Aland", "Borduria", "Carpania", "Dorland", "Elbonia", "Freedonia"]
    for d in range(12):
        a, b = rng.sample(names, 2)
        lines = [f"{a} and {b} met.", f"{a} and {b} aim at {d} things."]
        doc, ev = _document(f"d{d}", lines, lines[0])
        actors = [Actor(a, "Country", evidence=ev(0, "m")), Actor(b, "Country", evidence=ev(0, "m"))]
        docs.append(DocumentFacts(doc, 2, actors=actors, goals=[Goal(lines[1], holders=(a, b), evidence=ev(1, "g"))]))
    net = project(build_store(docs))
    pos = layout(net)
    for node, attrs in net.nodes(data=True):
        if attrs["kind"] != "goal":
            continue
        own = max(math.dist(pos[node], pos[s]) for s in attrs["states"])
        others = [math.dist(pos[node], pos[s]) for s, a in net.nodes(data=True) if a["kind"] == "country"
                  and s not in attrs["states"]]  # fmt: skip
        assert own < 2.5 * min(others), attrs["label"]


# --- the API and the command --------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("view") / "graph.ttl"
    write_graph(small_corpus(), path)
    return path


def test_write_view_writes_one_file_and_reports(graph_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "network.html"
    stats = write_view(graph_file, out, focus="Kazakhstan", depth=1)
    assert out.read_bytes().startswith(b"<!DOCTYPE html>")
    assert stats.path == out and stats.bytes == out.stat().st_size
    assert stats.focus == "Kazakhstan" and not stats.grouped
    assert stats.nodes == sum(stats.kinds.values())
    assert stats.kinds["country"] == 2  # Uzbekistan is one hop away: their relations are an edge
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind


def test_write_view_keeps_the_old_file_when_the_graph_is_bad(tmp_path: Path) -> None:
    out = tmp_path / "network.html"
    out.write_text("old")
    (tmp_path / "bad.ttl").write_text("this is not turtle")
    with pytest.raises(GraphFileError, match="bad.ttl:1"):
        write_view(tmp_path / "bad.ttl", out)
    with pytest.raises(GraphFileError, match="not found"):
        write_view(tmp_path / "missing.ttl", out)
    assert out.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.ttl", "network.html"]


def test_the_same_graph_gives_the_same_page_in_any_process(graph_file: Path, tmp_path: Path) -> None:
    """Set iteration order changes with PYTHONHASHSEED; the layout and the page must not."""
    import os
    import subprocess
    import sys

    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"view-{seed}.html"
        code = "import sys; from amity.graph.view import write_view; write_view(sys.argv[1], sys.argv[2])"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code, str(graph_file), str(out)], check=True, env=env)
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]


def test_view_errors_are_graph_errors() -> None:
    assert issubclass(ViewError, GraphError)


def test_command_writes_the_view(graph_file: Path, tmp_path: Path, monkeypatch) -> None:
    from amity.cli_view import view

    opened = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    out = tmp_path / "v.html"
    result = CliRunner().invoke(view, ["--graph", str(graph_file), "--out", str(out), "--kinds", "country,event",
                                       "--doc", "kz-uz", "--open"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "nodes" in result.output and out.exists()
    assert opened == [out.resolve().as_uri()]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--graph", "missing.ttl"], "amity: missing.ttl: graph file not found"),
        (["--focus", "Atlantis"], "amity: no actor named 'Atlantis' in the graph"),
        (["--kinds", "planet"], "amity: unknown node kind 'planet'"),
        (["--doc", "nope"], "amity: no document 'nope' in the graph"),
    ],
)
def test_command_reports_bad_input_in_one_line(graph_file: Path, tmp_path: Path, args: list[str], message: str) -> None:
    from amity.cli_view import view

    base = ["--graph", str(graph_file), "--out", str(tmp_path / "v.html")]
    result = CliRunner().invoke(view, base + args)
    assert result.exit_code == 1
    assert result.output.startswith(message) and result.output.count("\n") == 1, result.output
    assert "Traceback" not in result.output and not (tmp_path / "v.html").exists()
