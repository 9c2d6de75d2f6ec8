"""Incremental builds: unchanged documents are not extracted again, changed ones are replaced,
--prune removes the missing, and the result is what a fresh build of the same input gives."""

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from amity.cli import main
from amity.extract.engine import Extractor
from amity.graph.errors import GraphFileError
from amity.graph.incremental import FileTarget, update_text
from amity.graph.mapping import Mapper
from amity.graph.namespaces import DEFAULT_BASE
from amity.pipeline import BuildError, build
from amity.queries.runner import run_query

SAMPLE = Path(__file__).resolve().parents[1] / "amity" / "sample"
DOCS = ["kz-uz-state-visit-2022", "uz-kg-state-visit-2023", "tm-az-foreign-ministers-2023", "mn-kr-state-visit-2024"]
CONTRACT = ("actors", "events", "goals", "figures", "topics", "threats")


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def corpus(folder: Path, names=DOCS) -> Path:
    folder.mkdir(exist_ok=True)
    for name in names:
        for suffix in (".txt", ".meta.json"):
            shutil.copy(SAMPLE / f"{name}{suffix}", folder / f"{name}{suffix}")
    return folder


class Counting:
    """on_document: which documents were extracted."""

    def __init__(self):
        self.ids = []

    def __call__(self, facts):
        self.ids.append(facts.document.id)


def run(folder, out, extractor, **options):
    seen = Counting()
    summary = build([folder], out, extractor=extractor, on_document=seen, **options)
    return summary, seen.ids


def contract_csv(graph) -> dict[str, str]:
    return {name: run_query(str(graph), name, "csv") for name in CONTRACT}


@pytest.mark.parametrize("name", ["g.ttl", "g.trig", "g.nq.gz"])
def test_a_file_rebuild_skips_unchanged_replaces_changed_and_matches_a_fresh_build(tmp_path, extractor, name):
    texts = corpus(tmp_path / "texts")
    out = tmp_path / name
    first, extracted = run(texts, out, extractor)
    assert first.documents == 4 and len(extracted) == 4
    before = out.read_bytes()

    again, extracted = run(texts, out, extractor)
    assert extracted == [] and again.unchanged == 4 and not again.written
    assert out.read_bytes() == before and again.triples == first.triples

    changed = texts / f"{DOCS[1]}.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Bishkek", "Osh"), encoding="utf-8")
    third, extracted = run(texts, out, extractor)
    assert extracted == [DOCS[1]] and third.unchanged == 3
    fresh = tmp_path / f"fresh-{name}"
    run(texts, fresh, extractor)
    assert out.read_bytes() == fresh.read_bytes()


def test_without_prune_missing_documents_stay_and_with_prune_they_go(tmp_path, extractor):
    texts = corpus(tmp_path / "texts")
    out = tmp_path / "g.ttl"
    run(texts, out, extractor)
    for suffix in (".txt", ".meta.json"):
        (texts / f"{DOCS[0]}{suffix}").unlink()
    kept, extracted = run(texts, out, extractor)
    assert extracted == [] and kept.removed == 0
    assert DOCS[0] in run_query(str(out), "topics", "csv")

    pruned, extracted = run(texts, out, extractor, prune=True)
    assert extracted == [] and pruned.removed == 1 and pruned.written
    assert DOCS[0] not in run_query(str(out), "topics", "csv")
    fresh = tmp_path / "fresh.ttl"
    run(texts, fresh, extractor)
    assert out.read_bytes() == fresh.read_bytes()


def test_a_changed_sidecar_or_date_rebuilds_the_document(tmp_path, extractor):
    texts = corpus(tmp_path / "texts", DOCS[:2])
    (texts / f"{DOCS[0]}.meta.json").unlink()
    out = tmp_path / "g.trig"
    run(texts, out, extractor, default_date="2022")
    _, extracted = run(texts, out, extractor, default_date="2023")
    assert extracted == [DOCS[0]]  # its date came from --date; the other has a sidecar
    meta = texts / f"{DOCS[1]}.meta.json"
    meta.write_text(meta.read_text(encoding="utf-8").replace('"press-release"', '"overview"'), encoding="utf-8")
    _, extracted = run(texts, out, extractor, default_date="2023")
    assert extracted == [DOCS[1]]


def test_other_rules_rebuild_everything(tmp_path, extractor):
    texts = corpus(tmp_path / "texts", DOCS[:2])
    out = tmp_path / "g.ttl"
    run(texts, out, extractor)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "r.yaml").write_text("rules:\n  - id: my.topic.space\n    kind: topic\n    topic: science\n"
                                  "    pattern: space flights?\n", encoding="utf-8")
    summary = build([texts], out, rules_dirs=[rules], extractor=Extractor(rules_dirs=[rules]))
    assert summary.documents == 2 and summary.unchanged == 0


def test_a_union_file_splits_back_into_the_document_graphs_the_build_wrote(tmp_path, extractor):
    texts = corpus(tmp_path / "texts")
    run(texts, tmp_path / "g.trig", extractor)
    run(texts, tmp_path / "g.ttl", extractor)
    from_trig = FileTarget(tmp_path / "g.trig", DEFAULT_BASE)
    from_ttl = FileTarget(tmp_path / "g.ttl", DEFAULT_BASE)
    assert from_ttl.notes == [] and len(from_ttl.held) == 4
    assert from_ttl.held == from_trig.held
    assert {g: {s: set(p) for s, p in nodes.items()} for g, nodes in from_ttl.graphs.items()} == \
           {g: {s: set(p) for s, p in nodes.items()} for g, nodes in from_trig.graphs.items()}


def test_two_documents_wording_one_fact_differently_split_exactly(tmp_path, two_documents):
    mapper = Mapper()
    graphs = [mapper.map(facts) for facts in two_documents]
    from amity.graph.serialize import write_graphs

    out = tmp_path / "two.ttl"
    write_graphs({g.graph: g.nodes for g in graphs}, out)
    target = FileTarget(out, DEFAULT_BASE)
    assert target.notes == []
    assert target.graphs == {g.graph: {s: set(p) for s, p in g.nodes.items()} for g in graphs}


def test_a_file_that_is_not_an_amity_graph_is_rebuilt_with_a_note(tmp_path, extractor):
    texts = corpus(tmp_path / "texts", DOCS[:1])
    out = tmp_path / "g.ttl"
    out.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n", encoding="utf-8")
    summary, _ = run(texts, out, extractor)
    assert any("rebuilt from the input" in note for note in summary.notes)
    assert "example.org" not in out.read_text(encoding="utf-8")
    out.write_text("this is not turtle", encoding="utf-8")
    summary, _ = run(texts, out, extractor)
    assert any("invalid RDF" in note for note in summary.notes) and summary.documents == 1


def test_a_failed_build_leaves_the_file_as_it_was(tmp_path, extractor):
    texts = corpus(tmp_path / "texts")
    out = tmp_path / "g.ttl"
    run(texts, out, extractor)
    before = out.read_bytes()
    for name in DOCS:
        (texts / f"{name}.txt").write_text("Changed\nKazakhstan and Uzbekistan discussed trade.\n", encoding="utf-8")

    def explode(facts):
        if facts.document.id == DOCS[2]:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build([texts], out, extractor=extractor, on_document=explode)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl", "texts"]


# --- store folders ------------------------------------------------------------------------------

def test_a_store_folder_is_created_then_updated_in_place(tmp_path, extractor):
    texts = corpus(tmp_path / "texts")
    store = tmp_path / "store"
    first, extracted = run(texts, store, extractor)
    assert len(extracted) == 4 and (store / "CURRENT").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store", "texts"]  # no temporary left behind
    file_build = tmp_path / "g.ttl"
    run(texts, file_build, extractor)
    assert contract_csv(store) == contract_csv(file_build)

    again, extracted = run(texts, store, extractor)
    assert extracted == [] and again.unchanged == 4 and not again.written and again.triples == first.triples

    changed = texts / f"{DOCS[1]}.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Bishkek", "Osh"), encoding="utf-8")
    for suffix in (".txt", ".meta.json"):
        (texts / f"{DOCS[3]}{suffix}").unlink()
    third, extracted = run(texts, store, extractor, prune=True)
    assert extracted == [DOCS[1]] and third.removed == 1 and third.unchanged == 2
    fresh = tmp_path / "fresh.ttl"
    fresh_summary, _ = run(texts, fresh, extractor)
    assert contract_csv(store) == contract_csv(fresh)
    assert third.triples == fresh_summary.triples  # the union in the default graph holds nothing stale


def test_strict_leaves_a_store_untouched(tmp_path, extractor):
    texts = corpus(tmp_path / "texts", DOCS[:2])
    store = tmp_path / "store"
    run(texts, store, extractor)
    before = contract_csv(store)
    changed = texts / f"{DOCS[0]}.txt"
    changed.write_text("Changed\nKazakhstan and Uzbekistan discussed trade.\n", encoding="utf-8")
    (texts / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(BuildError, match="--strict"):
        build([texts], store, extractor=extractor, strict=True)
    assert contract_csv(store) == before


def test_a_store_needs_a_new_empty_or_store_folder(tmp_path, extractor):
    texts = corpus(tmp_path / "texts", DOCS[:1])
    with pytest.raises(GraphFileError, match="not an Oxigraph store"):
        build([texts], texts, extractor=extractor)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert build([texts], empty, extractor=extractor).documents == 1
    assert (empty / "CURRENT").is_file()


def test_a_failed_first_build_creates_no_store(tmp_path, extractor):
    texts = corpus(tmp_path / "texts", DOCS[:2])

    def explode(facts):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build([texts], tmp_path / "store", extractor=extractor, on_document=explode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["texts"]


def test_update_text_keeps_the_union_exact():
    """Removing a document drops from the union only what no other document states."""
    from amity.graph.mapping import DocumentGraph

    def graph(name, *objects):
        return DocumentGraph(name, f"<http://g/{name}>", {"<http://s>": frozenset(("<http://p>", o) for o in objects)})

    store = ox.Store()
    a, b = graph("a", "<http://shared>", "<http://only-a>"), graph("b", "<http://shared>")
    store.update(update_text([], [a, b]))

    def union():
        return sorted(str(q.object) for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    assert union() == ["<http://only-a>", "<http://shared>"]
    store.update(update_text([a.graph], []))
    assert union() == ["<http://shared>"]
    store.update(update_text([b.graph], [graph("b", "<http://new>")]))
    assert union() == ["<http://new>"]
    assert [str(g) for g in store.named_graphs()] == ["<http://g/b>"]


def test_the_cli_reports_unchanged_and_removed(tmp_path):
    texts = corpus(tmp_path / "texts", DOCS[:2])
    out = tmp_path / "g.trig"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(texts), "--out", str(out)]).exit_code == 0
    (texts / f"{DOCS[0]}.txt").unlink()
    result = runner.invoke(main, ["build", str(texts), "--out", str(out), "--prune"])
    assert result.exit_code == 0, result.stderr
    assert "documents: 0 built, 0 skipped, 1 unchanged, 1 removed" in result.stderr


def test_the_build_key_is_declared_and_conforms_to_the_shapes(tmp_path, extractor):
    from amity.graph.validate import validate

    texts = corpus(tmp_path / "texts", DOCS[:1])
    out = tmp_path / "g.ttl"
    run(texts, out, extractor)
    assert "amity:buildKey" in out.read_text(encoding="utf-8")
    report = validate(out)
    assert report.conforms, report


def test_when_no_document_can_be_extracted_no_store_is_made(tmp_path):
    texts = corpus(tmp_path / "texts", DOCS[:2])

    class Broken:
        def extract(self, doc):
            raise ValueError("boom")

    with pytest.raises(BuildError, match=r"no document could be built \(2 skipped\)"):
        build([texts], tmp_path / "store", extractor=Broken())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["texts"]
