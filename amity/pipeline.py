"""The build: texts in, a graph out (a file, an Oxigraph store folder or a SPARQL endpoint), and a
summary of what happened.

Documents that cannot be read are reported and skipped; the rest of the corpus is still built.
Builds are incremental (graph.incremental): a document whose build key the target already holds is
not extracted again, a changed one replaces its named graph, and with `prune` the graphs of
documents no longer in the input go. Extraction runs here, in `jobs` processes or on a Dask
cluster (amity.parallel), and so does mapping facts to triples; only writing stays in this process,
and the output does not depend on where the work ran. Nothing is ever half-written: a file is replaced whole through a
temporary file, a store or endpoint changes by transactions that each hold whole documents.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, closing
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from amity import parallel
from amity.extract.documents import InputError, discover, read_document
from amity.extract.engine import Extractor
from amity.extract.model import Document, DocumentFacts

if TYPE_CHECKING:
    from amity.graph.incremental import GraphTarget
    from amity.graph.location import GraphLocation

SAMPLE_PACKAGE = "amity"
SAMPLE_FOLDER = "sample"


@dataclass(slots=True)
class BuildSummary:
    """What a build did: the numbers the command line prints and notebooks inspect."""

    documents: int = 0
    sentences: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    triples: int = 0
    skipped: list[str] = field(default_factory=list)
    """One line per input that was not built: `path: reason`."""
    warnings: list[str] = field(default_factory=list)
    output: str | None = None
    output_bytes: int = 0
    unchanged: int = 0
    """Documents the target already held, built from the same text and code: not extracted."""
    removed: int = 0
    """Documents removed from the target because they are no longer in the input (--prune)."""
    notes: list[str] = field(default_factory=list)
    """What the user should know about the target (an unreadable previous file, say), one line each."""
    written: bool = True
    """False when the target was up to date and nothing was written."""

    def lines(self) -> list[str]:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.facts.items()) if n)
        documents = f"documents: {self.documents} built, {len(self.skipped)} skipped"
        if self.unchanged:
            documents += f", {self.unchanged} unchanged"
        if self.removed:
            documents += f", {self.removed} removed"
        out = [documents, f"sentences: {self.sentences}", f"facts: {kinds or 'none'}", f"triples: {self.triples}"]
        if self.output:
            size = f" ({self.output_bytes} bytes)" if self.output_bytes else ""
            out.append(f"{'written' if self.written else 'up to date'}: {self.output}{size}")
        return out


def sample_paths(stack: ExitStack) -> list[Path]:
    """The embedded sample corpus as real files (the package may be installed as a zip)."""
    folder = resources.files(SAMPLE_PACKAGE) / SAMPLE_FOLDER
    real = stack.enter_context(resources.as_file(folder))
    return sorted(p for p in Path(real).glob("*.txt"))


def read_inputs(paths: Iterable[str | os.PathLike[str]], default_date: str | None,
                skipped: list[str]) -> Iterator[Document]:
    """Documents from files and folders; each unreadable input is one line in `skipped`."""
    return _read_found(discover(paths), default_date, skipped, lambda: None)


def build(
    inputs: Sequence[str | os.PathLike[str]] | None = None,
    out: str | os.PathLike[str] = "graph.ttl",
    *,
    rules_dirs: Sequence[str | os.PathLike[str]] = (),
    gazetteer_dirs: Sequence[str | os.PathLike[str]] = (),
    default_date: str | None = None,
    base: str | None = None,
    strict: bool = False,
    extractor: Extractor | None = None,
    on_document: Callable[[DocumentFacts], None] | None = None,
    prune: bool = False,
    jobs: int = 1,
    dask: str | None = None,
    update_url: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> BuildSummary:
    """Build the graph of `inputs` (files and folders; None = the embedded sample corpus) into `out`:
    a graph file, a store folder or a SPARQL endpoint's query URL (graph.location; updates go to
    `update_url`, by default derived from it).

    Unchanged documents are kept without extraction; `prune` removes the documents the target holds
    that are not in the input. `jobs` > 1 extracts in that many processes, `dask` (a scheduler
    address) on a Dask cluster. `on_progress(done, total)` follows the input files. With `strict`,
    any skipped input is an error (`BuildError`) and the target is left as it was.
    """
    from amity.graph.incremental import DEFAULT_BATCH_TRIPLES
    from amity.graph.location import GraphLocation, open_for_build
    from amity.graph.namespaces import DEFAULT_BASE

    if jobs < 1:
        raise BuildError(f"--jobs must be 1 or more, not {jobs}")
    location = GraphLocation.parse(out, update_url=update_url)
    run = _Build(location, base or DEFAULT_BASE, strict, on_progress)
    with ExitStack() as stack:
        found = list(discover(list(inputs) if inputs else sample_paths(stack)))
        run.total = len(found)
        documents = run.to_extract(_read_found(found, default_date, run.summary.skipped, run.advance),
                                   rules_dirs, gazetteer_dirs,
                                   lambda: open_for_build(location, base=run.base,
                                                          batch_triples=None if strict else DEFAULT_BATCH_TRIPLES))
        try:
            # The first document opens the target, which says how it wants the graphs (prewrite).
            first = next(documents, None)
            work = parallel.Work.of(rules_dirs, gazetteer_dirs, run.base, keep_facts=on_document is not None,
                                    prewrite=run.target.prewrite if run.target is not None else None)
            pending = itertools.chain((first,), documents) if first is not None else documents
            outcomes = stack.enter_context(closing(_processing(pending, work, extractor, jobs, dask)))
            for doc, outcome in outcomes:
                if not isinstance(outcome, str) and on_document is not None and outcome.facts is not None:
                    on_document(outcome.facts)
                run.add(doc, outcome)
        except BaseException:
            run.abort()
            raise
    return run.finish(prune)


def _read_found(found: Iterable[Path | InputError], default_date: str | None, skipped: list[str],
                advance: Callable[[], None]) -> Iterator[Document]:
    """Documents from discovered files, read one at a time (a corpus is never all in memory);
    each input that cannot be used is one line in `skipped`."""
    seen: set[str] = set()
    for item in found:
        if isinstance(item, InputError):
            skipped.append(str(item))
            advance()
            continue
        try:
            doc = read_document(item, default_date=default_date)
        except InputError as error:
            skipped.append(str(error))
            advance()
            continue
        if doc.id in seen:
            skipped.append(f"{item}: a document with id {doc.id!r} was already read (ids are file stems)")
            advance()
            continue
        seen.add(doc.id)
        yield doc


def _processing(documents: Iterator[Document], work: parallel.Work, extractor: Extractor | None, jobs: int,
                dask: str | None) -> Iterator[tuple[Document, parallel.Outcome]]:
    """Where extraction and mapping run (amity.parallel)."""
    if dask:
        return parallel.process_on_dask(documents, dask, work)
    if jobs > 1:
        return parallel.process_in_processes(documents, jobs, work)
    return parallel.process_serial(documents, work, extractor)


class _Build:
    """The state of one build: the target, what it held, what was kept, built and skipped."""

    def __init__(self, location: GraphLocation, base: str, strict: bool,
                 on_progress: Callable[[int, int], None] | None) -> None:
        from amity.graph.iris import IriFactory

        self.location = location
        self.base = base
        self.strict = strict
        self.on_progress = on_progress
        self.iris = IriFactory(base)
        self.summary = BuildSummary(output=str(location))
        self.target: GraphTarget | None = None
        self.keys: dict[str, str] = {}  # graph term -> build key of the documents being extracted
        self.inputs: set[str] = set()  # graph terms of every document read
        self.done = 0
        self.total = 0

    def advance(self) -> None:
        self.done += 1
        if self.on_progress is not None:
            self.on_progress(self.done, self.total)

    def to_extract(self, documents: Iterable[Document], rules_dirs: Sequence[str | os.PathLike[str]],
                   gazetteer_dirs: Sequence[str | os.PathLike[str]],
                   open_target: Callable[[], GraphTarget]) -> Iterator[Document]:
        """The documents whose graph the target lacks or holds from other content or code; the
        target is opened on the first document read (a build with nothing to read touches nothing)."""
        from amity.graph.incremental import build_key, code_fingerprint
        from amity.graph.ntriples import iri

        fingerprint = code_fingerprint(rules_dirs, gazetteer_dirs)
        for doc in documents:
            if self.target is None:
                self.target = open_target()
            graph = iri(self.iris.graph(doc.id))
            key = build_key(doc, fingerprint)
            self.inputs.add(graph)
            if self.target.held.get(graph) == key:
                self.summary.unchanged += 1
                self.advance()
                continue
            self.keys[graph] = key
            yield doc

    def add(self, doc: Document, outcome: parallel.Outcome) -> None:
        """Hands one document's graph, stamped with its build key, to the target."""
        from amity.graph.incremental import with_build_key
        from amity.graph.ntriples import iri

        self.advance()
        if isinstance(outcome, str):
            self.summary.skipped.append(outcome)
            return
        graph = outcome.graph
        graph = with_build_key(graph, iri(self.iris.document(doc.id)), self.keys.pop(graph.graph))
        self.target.put(graph, outcome.blocks, outcome.statements)
        summary = self.summary
        summary.documents += 1
        summary.sentences += outcome.sentences
        summary.facts.update(graph.facts)
        summary.warnings.extend(graph.warnings)

    def abort(self) -> None:
        if self.target is not None:
            self.target.abort()

    def finish(self, prune: bool) -> BuildSummary:
        summary = self.summary
        if self.strict and summary.skipped:
            self.abort()
            raise BuildError(f"{len(summary.skipped)} input(s) skipped and --strict is set; nothing written")
        if not summary.documents and not summary.unchanged:
            self.abort()
            skipped = f" ({len(summary.skipped)} skipped)" if summary.skipped else ""
            raise BuildError(f"no document could be built{skipped}")
        if prune:
            for graph in sorted(set(self.target.held) - self.inputs):
                self.target.remove(graph)
                summary.removed += 1
        result = self.target.commit()
        summary.notes.extend(self.target.notes)
        summary.triples = result.triples
        summary.output_bytes = result.bytes
        summary.written = result.written
        return summary


class BuildError(Exception):
    """The build as a whole failed (the target was left as it was)."""
