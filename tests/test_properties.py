"""Property-based tests (hypothesis): arbitrary text never breaks extraction, every graph written
conforms to the SHACL shapes, and every export format round-trips to an isomorphic graph."""

import pyoxigraph as ox
import rdflib
from extract_fixtures import extractor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from amity.extract.documents import document_from_text
from amity.graph.build import GraphBuilder
from amity.graph.validate import validate

# Pieces of diplomatic prose mixed with arbitrary Unicode, so that the generated texts reach the
# rules (names, numbers, dates) and not only the sentence splitter.
PIECES = st.sampled_from([
    "President Shavkat Mirziyoyev", "Kazakhstan", "Tashkent", "visited", "signed 12 agreements", "$3 bn",
    "by 2030", "trade turnover", "grew by 50 percent", "the Uzbek leader", "terrorism", "«", "»", "–", ".",
    "\n", "Year of Uzbekistan in Kazakhstan", "agreed to", "more than 200 events", "on Tuesday", "\ue000S1\ue001",
    "<script>alert(1)</script>", '"', "\\", "Mr.", "U.S.", "1.5-fold", "in January–September 2023",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=20)),
                 max_size=30).map(" ".join)
DATES = st.sampled_from([None, "2019", "2023-05", "2024-02-29"])


@settings(max_examples=300, deadline=None)
@given(TEXTS, DATES)
def test_arbitrary_text_never_crashes_extraction_and_evidence_points_into_it(text, published):
    doc = document_from_text("p", text or " ", published)
    facts = extractor().extract(doc)
    for kind in ("events", "goals", "figures", "topics", "threats", "relations", "offices"):
        for fact in getattr(facts, kind):
            for ev in fact.evidence:
                assert doc.text[ev.start:ev.end] == ev.text


def graph_of(texts, published):
    builder = GraphBuilder(strict=True)
    for i, text in enumerate(texts):
        builder.add(extractor().extract(document_from_text(f"doc-{i}", text or " ", published)))
    return builder


@settings(max_examples=25, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=3), DATES)
def test_every_graph_written_conforms_to_the_shapes(texts, published):
    report = validate(list(graph_of(texts, published).quads()))
    assert report.conforms, [str(v) for v in report.violations][:3]


FORMATS = {".ttl": (ox.RdfFormat.TURTLE, "turtle"), ".nt": (ox.RdfFormat.N_TRIPLES, "nt"),
           ".nq": (ox.RdfFormat.N_QUADS, "nquads"), ".trig": (ox.RdfFormat.TRIG, "trig"),
           ".jsonld": (ox.RdfFormat.JSON_LD, "json-ld")}


def as_rdflib(path, ox_format) -> rdflib.Graph:
    """Read with pyoxigraph (an independent parser), then hand the triples to rdflib to compare."""
    graph = rdflib.Graph()
    data = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in ox.parse(path=str(path), format=ox_format))
    graph.parse(data=data, format="nt")
    return graph


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(TEXTS, min_size=1, max_size=2), DATES)
def test_every_format_round_trips_to_an_isomorphic_graph(tmp_path, texts, published):
    builder = graph_of(texts, published)
    reference = None
    for ext, (ox_format, _) in FORMATS.items():
        path = tmp_path / f"g{ext}"
        builder.write(path)
        graph = as_rdflib(path, ox_format)
        if reference is None:
            reference = graph
        else:
            assert isomorphic(graph, reference), ext
