"""The build: texts in, a graph file out, and a summary of what happened.

Documents that cannot be read are reported and skipped; the rest of the corpus is still built. The
graph is written only once everything is mapped, through a temporary file renamed into place, so
a failed or interrupted build never leaves a half-written graph behind.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from amity.extract.documents import InputError, discover, read_document
from amity.extract.engine import Extractor
from amity.extract.model import DocumentFacts

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

    def lines(self) -> list[str]:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.facts.items()) if n)
        out = [
            f"documents: {self.documents} built, {len(self.skipped)} skipped",
            f"sentences: {self.sentences}",
            f"facts: {kinds or 'none'}",
            f"triples: {self.triples}",
        ]
        if self.output:
            out.append(f"written: {self.output} ({self.output_bytes} bytes)")
        return out


def sample_paths(stack: ExitStack) -> list[Path]:
    """The embedded sample corpus as real files (the package may be installed as a zip)."""
    folder = resources.files(SAMPLE_PACKAGE) / SAMPLE_FOLDER
    real = stack.enter_context(resources.as_file(folder))
    return sorted(p for p in Path(real).glob("*.txt"))


def read_inputs(paths: Iterable[str | os.PathLike[str]], default_date: str | None,
                skipped: list[str]) -> Iterator:
    """Documents from files and folders; each unreadable input is one line in `skipped`."""
    seen: set[str] = set()
    for item in discover(paths):
        if isinstance(item, InputError):
            skipped.append(str(item))
            continue
        try:
            doc = read_document(item, default_date=default_date)
        except InputError as error:
            skipped.append(str(error))
            continue
        if doc.id in seen:
            skipped.append(f"{item}: a document with id {doc.id!r} was already read (ids are file stems)")
            continue
        seen.add(doc.id)
        yield doc


def extract_all(documents: Iterable, extractor: Extractor, skipped: list[str],
                on_document: Callable[[DocumentFacts], None] | None = None) -> Iterator[DocumentFacts]:
    """Facts document by document; an unexpected failure on one text skips that text only."""
    for doc in documents:
        try:
            facts = extractor.extract(doc)
        except Exception as error:  # noqa: BLE001 - one text must never stop the corpus
            skipped.append(f"{doc.path or doc.id}: extraction failed ({type(error).__name__}: {error}); "
                           "please report this with the text")
            continue
        if on_document is not None:
            on_document(facts)
        yield facts


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
) -> BuildSummary:
    """Build the graph of `inputs` (files and folders; None = the embedded sample corpus) into `out`.

    With `strict`, any skipped input is an error (`BuildError`) and nothing is written.
    """
    from amity.graph.build import GraphBuilder
    from amity.graph.namespaces import DEFAULT_BASE

    extractor = extractor or Extractor(rules_dirs=rules_dirs, gazetteer_dirs=gazetteer_dirs)
    summary = BuildSummary()
    with ExitStack() as stack:
        paths = list(inputs) if inputs else sample_paths(stack)
        builder = GraphBuilder(base or DEFAULT_BASE)
        documents = read_inputs(paths, default_date, summary.skipped)
        builder.add_all(extract_all(documents, extractor, summary.skipped, on_document))
    summary.skipped.extend(builder.skipped)
    if strict and summary.skipped:
        raise BuildError(f"{len(summary.skipped)} input(s) skipped and --strict is set; nothing written")
    if not builder.graphs:
        skipped = f" ({len(summary.skipped)} skipped)" if summary.skipped else ""
        raise BuildError(f"no document could be built{skipped}")
    result = builder.write(out)
    stats = builder.stats()
    summary.documents = stats.documents
    summary.sentences = stats.sentences
    summary.facts = stats.facts
    summary.triples = stats.triples
    summary.warnings = stats.warnings
    summary.output = str(out)
    summary.output_bytes = getattr(result, "bytes", 0) or (os.path.getsize(out) if os.path.exists(out) else 0)
    return summary


class BuildError(Exception):
    """The build as a whole failed (nothing was written)."""
