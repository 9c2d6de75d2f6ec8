"""Extraction and mapping on one core, on N local processes (`--jobs N`) or on a Dask cluster
(`--dask ADDRESS`).

Extracting a document and mapping its facts to triples are pure functions of the document once an
`Extractor` is built, and together they are almost all of a build's time, so they are the part
worth spreading: a worker hands back the document's finished named graph (`Built`), and the
process that writes only collects graphs. Each backend takes documents and yields
`(document, Built | problem)` pairs in input order, whatever order the workers finish in, so the
rest of the build (writing) neither knows nor cares where the work ran, and a parallel build is
identical to a serial one, byte for byte.

Workers build their own Extractor once (about a second: gazetteer, compiled rules) and keep it for
every document they are given; documents travel with their text, graphs come back as N-Triples
term strings grouped by subject, except, when the target is a graph file, the document's own
evidence and occurrence nodes, which the worker writes in the file's syntax (graph.prewrite):
text is cheaper to send and to write than terms, and writing it here takes it off the final write.
A text whose extraction fails is reported (the problem string) and the corpus goes on, as in a
serial build. A worker that cannot even build its
Extractor (a malformed rule or gazetteer file) stops the build with `WorkerSetupError`: the error
types themselves do not survive pickling, so their message and kind travel instead.
"""

from __future__ import annotations

import itertools
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from amity.extract.engine import Extractor
from amity.extract.model import Document, DocumentFacts
from amity.graph.errors import MappingError
from amity.graph.mapping import DocumentGraph, Mapper
from amity.graph.namespaces import DEFAULT_BASE
from amity.graph.prewrite import Prewriter
from amity.graph.turtle import Block

Dirs = tuple[str, ...]
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Built:
    """One document extracted and mapped: what the writing process needs from a worker."""

    graph: DocumentGraph
    sentences: int
    facts: DocumentFacts | None = None
    """The facts themselves, only when the caller asked for them (they double what travels back)."""
    blocks: tuple[Block, ...] = ()
    """The document's own nodes, written in the syntax `Work.prewrite` names (they are not in
    `graph`): text travels back and is written several times cheaper than their terms."""
    statements: dict[str, str] | None = None
    """The statements of the other subjects as this graph alone holds them (Prewriter.statements):
    the writing process takes them for every subject no other graph holds."""


Outcome = Built | str
"""What working on one document gives: its graph, or one line saying why it was skipped."""


@dataclass(frozen=True, slots=True)
class Work:
    """Everything a worker needs to set itself up, as plain picklable values."""

    rules_dirs: Dirs = ()
    gazetteer_dirs: Dirs = ()
    base: str = DEFAULT_BASE
    keep_facts: bool = False
    prewrite: str | None = None
    """The file syntax in which workers write each document's own nodes (the target's wish,
    GraphTarget.prewrite); None sends every triple as terms."""

    @classmethod
    def of(cls, rules_dirs: Sequence[str | os.PathLike[str]] = (),
           gazetteer_dirs: Sequence[str | os.PathLike[str]] = (), base: str = DEFAULT_BASE,
           keep_facts: bool = False, prewrite: str | None = None) -> Work:
        return cls(_dirs(rules_dirs), _dirs(gazetteer_dirs), base, keep_facts, prewrite)


class Worker:
    """An Extractor and a Mapper kept for every document one process (or Dask worker) is given."""

    def __init__(self, work: Work, extractor: Extractor | None = None) -> None:
        self.extractor = extractor or Extractor.load(work.rules_dirs, work.gazetteer_dirs)
        self.mapper = Mapper(work.base)
        self.prewriter = Prewriter(work.prewrite, work.base) if work.prewrite else None
        self.keep_facts = work.keep_facts

    def process(self, doc: Document) -> Outcome:
        """The document's graph; a failure on this one text becomes its skip line instead."""
        facts = extract_one(self.extractor, doc)
        if isinstance(facts, str):
            return facts
        try:
            graph = self.mapper.map(facts)
        except MappingError as error:
            return str(error)
        blocks: tuple[Block, ...] = ()
        statements = None
        if self.prewriter is not None:
            graph, blocks = self.prewriter.split(graph)
            statements = self.prewriter.statements(graph)
        return Built(graph, facts.sentence_count, facts if self.keep_facts else None, blocks, statements)

WINDOW_PER_WORKER = 16
"""Documents in flight per worker: enough to keep every worker busy, few enough to bound memory."""
BATCH = 8
"""Documents per task of a local process pool. The pool queues only one task beyond those running,
refilled by a thread of the writing process that must first get the GIL; with a task per document
(a few milliseconds each) the workers waited for the next one 13% of the time."""


class WorkerSetupError(Exception):
    """A worker could not build its Extractor; `configuration` tells a malformed rule or gazetteer
    file (exit status 2) from any other failure."""

    def __init__(self, message: str, configuration: bool = False) -> None:
        super().__init__(message)
        self.configuration = configuration

    def __reduce__(self) -> tuple[Any, ...]:
        return (WorkerSetupError, (str(self), self.configuration))


def extract_one(extractor: Extractor, doc: Document) -> DocumentFacts | str:
    """One document's facts; any failure on this one text becomes its skip line instead."""
    try:
        return extractor.extract(doc)
    except Exception as error:  # noqa: BLE001 - one text must never stop the corpus
        return (f"{doc.path or doc.id}: extraction failed ({type(error).__name__}: {error}); "
                "please report this with the text")


def _dirs(paths: Sequence[str | os.PathLike[str]]) -> Dirs:
    """Folders as absolute path strings: picklable, and the same wherever a worker runs from."""
    return tuple(str(Path(p).resolve()) for p in paths)


def _setup_error(error: BaseException) -> WorkerSetupError:
    from amity.extract.yaml_lines import DataError

    configuration: tuple[type[BaseException], ...] = (DataError,)
    try:
        from amity.extract.gazetteer import GazetteerError

        configuration += (GazetteerError,)
    except ImportError:  # pragma: no cover - the gazetteer ships with the package
        pass
    return WorkerSetupError(" ".join(str(error).split()) or type(error).__name__, isinstance(error, configuration))


# --- local processes ----------------------------------------------------------------------------

_worker: Worker | None = None
_worker_error: WorkerSetupError | None = None


def _init_worker(work: Work) -> None:
    """Pool initializer: the process's one Worker (or the reason there is none). Ctrl-C is left to
    the parent, which stops the pool: a worker interrupted in its work would print a traceback."""
    global _worker, _worker_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _worker = Worker(work)
    except Exception as error:  # noqa: BLE001 - reported to the parent by every task
        _worker_error = _setup_error(error)


def _work(docs: list[Document]) -> list[Outcome]:
    if _worker is None:
        raise _worker_error or WorkerSetupError("the worker has no extractor")
    return [_worker.process(doc) for doc in docs]


def process_serial(documents: Iterable[Document], work: Work, extractor: Extractor | None = None
                   ) -> Iterator[tuple[Document, Outcome]]:
    """In this process; the Extractor is built only once there is a document (an incremental
    build that changes nothing pays nothing)."""
    docs = iter(documents)
    first = next(docs, None)
    if first is None:
        return
    worker = Worker(work, extractor)
    for doc in _chain(first, docs):
        yield doc, worker.process(doc)


def process_in_processes(documents: Iterable[Document], jobs: int, work: Work) -> Iterator[tuple[Document, Outcome]]:
    """In `jobs` worker processes. The pool starts only once there is a document to work on, with
    the `spawn` method: workers share no state with the parent (no inherited threads or locks, the
    same on every platform).

    A concurrent.futures pool rather than multiprocessing.Pool: the latter's worker-watching thread
    wakes whenever a result waits to be read, which with results of a few hundred kilobytes is
    most of the time (3 s of the writing process's CPU, and its GIL, over 3,000 documents)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    docs = iter(documents)
    first = next(docs, None)
    if first is None:
        return
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(work,))
    try:
        yield from _in_batches(_chain(first, docs), lambda batch: pool.submit(_work, batch), jobs)
    finally:
        pool.shutdown(cancel_futures=True)  # a build that stops early waits for no other document


# --- a Dask cluster -----------------------------------------------------------------------------

_remote_workers: dict[Work, Worker] = {}
_remote_lock = threading.Lock()


def remote_batch(docs: list[Document], work: Work) -> list[Outcome]:
    """The task a Dask worker runs: a batch of documents, as the local pool sends (one task per
    document would cost the scheduler a round trip per text of a few milliseconds)."""
    worker = _remote_worker(work)
    return [worker.process(doc) for doc in docs]


def _remote_worker(work: Work) -> Worker:
    """The Dask worker's Worker, built on its first task and then reused (a Dask worker may run
    tasks in several threads: they share one)."""
    worker = _remote_workers.get(work)
    if worker is None:
        with _remote_lock:
            worker = _remote_workers.get(work)
            if worker is None:
                try:
                    worker = Worker(work)
                except Exception as error:  # noqa: BLE001 - sent back as a picklable error
                    raise _setup_error(error) from None
                _remote_workers[work] = worker
    return worker


def process_on_dask(documents: Iterable[Document], address: str, work: Work = Work(), *,
                    connect_timeout: float = 20.0) -> Iterator[tuple[Document, Outcome]]:
    """On the workers of the Dask cluster whose scheduler is at `address` (`tcp://host:8786`).

    The workers need amity installed, and any `--rules`/`--gazetteer` folders at the same paths.
    """
    from amity.pipeline import BuildError

    docs = iter(documents)
    first = next(docs, None)
    if first is None:
        return
    try:
        from dask.distributed import Client
    except ImportError:
        raise BuildError("--dask needs dask.distributed: pip install 'amity[dask]'") from None
    try:
        client = Client(address, timeout=connect_timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise BuildError(f"cannot reach the Dask scheduler at {address}: {' '.join(str(error).split())}") from None
    try:
        workers = max(1, sum(client.nthreads().values()))
        yield from _in_batches(_chain(first, docs),
                               lambda batch: client.submit(remote_batch, batch, work, pure=False), workers)
    finally:
        client.close()


# --- shared -------------------------------------------------------------------------------------

def in_order(items: Iterable[T], submit: Callable[[T], Any], wait: Callable[[Any], R],
             window: int) -> Iterator[tuple[T, R]]:
    """Submits items as workers become free and yields each with its result in input order; at
    most `window` are in flight, so a large corpus is never all in memory at once."""
    pending: deque[tuple[T, Any]] = deque()
    for item in items:
        pending.append((item, submit(item)))
        if len(pending) >= window:
            done, handle = pending.popleft()
            yield done, wait(handle)
    while pending:
        done, handle = pending.popleft()
        yield done, wait(handle)


def _in_batches(docs: Iterator[Document], submit: Callable[[list[Document]], Any], slots: int
                ) -> Iterator[tuple[Document, Outcome]]:
    """Each document with its outcome, in input order, worked on in tasks of BATCH documents
    (`submit` hands one batch to the pool or cluster and returns its future); `slots` workers
    keep WINDOW_PER_WORKER documents each in flight."""
    window = max(2, slots * WINDOW_PER_WORKER // BATCH)
    for batch, outcomes in in_order(_batches(docs, BATCH), submit, lambda future: future.result(), window):
        yield from zip(batch, outcomes, strict=True)


def _batches(items: Iterator[T], size: int) -> Iterator[list[T]]:
    while batch := list(itertools.islice(items, size)):
        yield batch


def _chain(first: T, rest: Iterator[T]) -> Iterator[T]:
    yield first
    yield from rest
