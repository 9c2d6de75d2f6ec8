"""Build rate at scale: sentences per second end to end with 1 and 2 jobs, and the part of a build
that is not extraction (mapping and writing), measured alone.

    python benchmarks/build_scale.py [--documents 3000] [--per-document 30] [--jobs 2]

Prints figures; asserts nothing. The corpus is generated (benchmarks/corpus_generator.py) and
written as text files with sidecars, so the end-to-end figure includes reading files. The one-job
build runs pinned to one core; the N-job build may use every core. On a shared machine wall time
depends on the neighbours, so CPU time (time.process_time, plus the workers' time from
resource.getrusage) and the load average before each run are printed next to it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_generator import generate  # noqa: E402


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def write_corpus(folder: Path, documents: int, per_document: int) -> int:
    """The generated documents as .txt files with a sidecar each; returns the sentence count."""
    count = 0
    for doc in generate(documents * per_document, per_document=per_document):
        (folder / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8")
        if doc.published:
            (folder / f"{doc.id}.meta.json").write_text(json.dumps({"published": doc.published}), encoding="utf-8")
        count += 1
    return count


def startup_seconds() -> float:
    """Wall seconds for a new interpreter to import amity's extractor and load it, as a worker does."""
    code = ("import time; t = time.perf_counter(); from amity.extract.engine import Extractor; "
            "Extractor.load(); print(time.perf_counter() - t)")
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(texts: Path, out: Path, jobs: int) -> tuple[object, float, float, tuple[float, float]]:
    """(summary, wall seconds, CPU seconds of this process and its finished workers, and where the
    wall time went: (seconds until the first document was done, seconds after the last one)).
    The second is the final write, which no worker shares; the first is start-up (reading the
    rules and gazetteer, starting workers)."""
    from amity.pipeline import build

    marks: list[float] = []

    def progress(done: int, total: int) -> None:
        if not marks or done == total:
            marks.append(time.perf_counter())

    wall, cpu, child = time.perf_counter(), time.process_time(), children_cpu()
    summary = build([texts], out, jobs=jobs, on_progress=progress)
    end = time.perf_counter()
    phases = (marks[0] - wall, end - marks[-1]) if marks else (0.0, 0.0)
    return summary, end - wall, time.process_time() - cpu + children_cpu() - child, phases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--per-document", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None

    with tempfile.TemporaryDirectory() as tmp:
        texts = Path(tmp) / "texts"
        texts.mkdir()
        made = write_corpus(texts, args.documents, args.per_document)
        print(f"corpus: {made} documents of {args.per_document} sentences in {texts}")
        os.environ["AMITY_CACHE_DIR"] = str(Path(tmp) / "cache")  # a known state: no extractor snapshot yet
        cold, warm = startup_seconds(), startup_seconds()
        print(f"extractor start-up in a new process: {cold:.2f} s wall building it (the first run), "
              f"{warm:.2f} s from the snapshot that run left (every later run, both builds below)")

        print(f"\n1 job, pinned to one core ({load()})")
        if cores:
            os.sched_setaffinity(0, {min(cores)})
        one, wall1, cpu1, phases1 = timed_build(texts, Path(tmp) / "one.ttl", 1)
        if cores:
            os.sched_setaffinity(0, cores)
        sentences = one.sentences
        print(f"  {one.documents} documents, {sentences:,} sentences, {one.triples:,} triples: "
              f"{wall1:.1f} s wall, {cpu1:.1f} s CPU -> {sentences / wall1:,.0f} sentences/s wall, "
              f"{sentences / cpu1:,.0f} sentences/s CPU")
        print(f"  first document done after {phases1[0]:.1f} s; writing after the last one {phases1[1]:.1f} s")

        print(f"\n{args.jobs} jobs ({load()})")
        many, wall2, cpu2, phases2 = timed_build(texts, Path(tmp) / "many.ttl", args.jobs)
        same = (Path(tmp) / "one.ttl").read_bytes() == (Path(tmp) / "many.ttl").read_bytes()
        print(f"  {wall2:.1f} s wall, {cpu2:.1f} s CPU in all processes -> {sentences / wall2:,.0f} sentences/s wall; "
              f"speed-up {wall1 / wall2:.2f}x over 1 job (wall); output identical to 1 job: {same}")
        print(f"  first document done after {phases2[0]:.1f} s; writing after the last one {phases2[1]:.1f} s")
        print(f"  ceiling for {args.jobs} jobs with this start-up and final write (the rest split perfectly): "
              f"{wall1 / (phases2[0] + (wall1 - phases1[0] - phases1[1]) / args.jobs + phases2[1]):.2f}x")

        print(f"\nthe rest of a build, without extraction ({load()})")
        rest(texts, Path(tmp), sentences)


def rest(texts: Path, folder: Path, sentences: int) -> None:
    """Mapping and writing alone, on facts extracted beforehand: the part --jobs does not spread."""
    from amity.extract.engine import Extractor
    from amity.graph.incremental import FileTarget
    from amity.graph.mapping import Mapper
    from amity.graph.namespaces import DEFAULT_BASE
    from amity.pipeline import read_inputs

    cpu = time.process_time()
    documents = list(read_inputs([texts], None, []))
    read_cpu = time.process_time() - cpu
    extractor = Extractor.load()
    facts = [extractor.extract(doc) for doc in documents]
    cpu = time.process_time()
    mapper = Mapper()
    graphs = [mapper.map(f) for f in facts]
    map_cpu = time.process_time() - cpu
    write_cpu: dict[str, float] = {}
    for ext in (".ttl", ".nt", ".trig", ".nq"):
        cpu = time.process_time()
        target = FileTarget(folder / f"rest{ext}", DEFAULT_BASE)
        for graph in graphs:
            target.put(graph)
        target.commit()
        write_cpu[ext] = time.process_time() - cpu
    print(f"  reading {len(documents)} files: {read_cpu:.1f} s CPU ({sentences / read_cpu:,.0f} sentences/s)")
    print(f"  mapping to triples: {map_cpu:.1f} s CPU ({sentences / map_cpu:,.0f} sentences/s)")
    for ext, name in ((".ttl", "Turtle"), (".nt", "N-Triples"), (".trig", "TriG"), (".nq", "N-Quads")):
        seconds = write_cpu[ext]
        print(f"  writing {name}: {seconds:.1f} s CPU ({sentences / seconds:,.0f} sentences/s)")
    total = read_cpu + map_cpu + write_cpu[".ttl"]
    print(f"  all but extraction (Turtle): {total:.1f} s CPU -> {sentences / total:,.0f} sentences/s on one core")


if __name__ == "__main__":
    main()
