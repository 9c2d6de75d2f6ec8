"""The six contract queries on a graph of about a million triples: rdflib against Oxigraph.

    python benchmarks/query_scale.py [--sentences 32000] [--rdflib-timeout 1200] [--no-rdflib]

Prints figures; asserts nothing. A generated corpus (benchmarks/corpus_generator.py) is built twice,
into a Turtle file and into an on-disk Oxigraph store folder. Then each contract query runs:

- baseline: rdflib parses the Turtle file and evaluates the query (its pure-Python parser and
  SPARQL engine, what a notebook user without amity would do);
- Oxigraph store: `amity query NAME --graph STORE` as a library call (the store opened read-only);
- Oxigraph from the file: the Turtle file loaded into an in-memory pyoxigraph store, as
  `amity query NAME --graph graph.ttl` does.

Every phase runs in a process of its own, so its peak memory (ru_maxrss) is its own. On a shared
machine wall times depend on the neighbours; the load average is printed with each phase.
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

CONTRACT = ("actors", "events", "goals", "figures", "topics", "threats")


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


# --- phases, each run in its own process ----------------------------------------------------------

def phase_corpus(folder: Path, sentences: int) -> dict:
    from corpus_generator import generate

    count = 0
    for doc in generate(sentences, per_document=30):
        (folder / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8")
        count += 1
    return {"documents": count}


def phase_build(folder: Path, out: Path) -> dict:
    from amity.pipeline import build

    wall = time.perf_counter()
    summary = build([folder], out, jobs=2)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": time.perf_counter() - wall, "triples": summary.triples, "sentences": summary.sentences,
            "peak_mib": peak_mib(), "worker_mib": workers}


def phase_oxigraph(graph: Path) -> dict:
    from amity.graph.location import open_for_query
    from amity.queries.runner import select

    wall = time.perf_counter()
    store = open_for_query(str(graph))
    opened = time.perf_counter() - wall
    times, rows = {}, {}
    for name in CONTRACT:
        wall = time.perf_counter()
        rows[name] = len(select(store, name).rows)
        times[name] = time.perf_counter() - wall
    return {"load": opened, "times": times, "rows": rows, "peak_mib": peak_mib()}


def phase_rdflib(graph: Path) -> None:
    """Prints one JSON line per step as it goes, so a timeout still leaves what was measured."""
    from rdflib import Graph

    from amity.queries.catalog import named_query

    wall = time.perf_counter()
    data = Graph()
    data.parse(str(graph), format="turtle")
    print(json.dumps({"load": time.perf_counter() - wall, "triples": len(data), "peak_mib": peak_mib()}), flush=True)
    for name in CONTRACT:
        wall = time.perf_counter()
        try:
            rows: int | str = len(list(data.query(named_query(name).text)))
        except Exception as error:  # noqa: BLE001 - rdflib's own failures are part of the comparison
            rows = f"rdflib failed: {type(error).__name__}: {error}"
        print(json.dumps({"query": name, "seconds": time.perf_counter() - wall, "rows": rows,
                          "peak_mib": peak_mib()}), flush=True)


def run_phase(*args: str, timeout: float | None = None) -> list[dict]:
    """Runs this script with `--phase ...` in a new process; its JSON lines (as many as it printed
    before the timeout, if any)."""
    command = [sys.executable, __file__, "--phase", *args]
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        out, failed = proc.stdout, proc.returncode != 0
        if failed:
            print(proc.stderr[-2000:], file=sys.stderr)
    except subprocess.TimeoutExpired as expired:
        out = expired.stdout.decode() if isinstance(expired.stdout, bytes) else (expired.stdout or "")
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


# --- the report -----------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=32_000)
    parser.add_argument("--rdflib-timeout", type=float, default=1200.0)
    parser.add_argument("--no-rdflib", action="store_true")
    parser.add_argument("--phase", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        name, *rest = args.phase
        if name == "rdflib":
            phase_rdflib(Path(rest[0]))
            return
        handlers = {"corpus": lambda: phase_corpus(Path(rest[0]), int(rest[1])),
                    "build": lambda: phase_build(Path(rest[0]), Path(rest[1])),
                    "oxigraph": lambda: phase_oxigraph(Path(rest[0]))}
        print(json.dumps(handlers[name]()))
        return

    with tempfile.TemporaryDirectory() as tmp:
        texts, ttl, store = Path(tmp) / "texts", Path(tmp) / "graph.ttl", Path(tmp) / "store"
        texts.mkdir()
        [corpus] = run_phase("corpus", str(texts), str(args.sentences))
        print(f"corpus: {corpus['documents']} generated documents")
        for out in (ttl, store):
            print(f"\nbuilding {out.name} with 2 jobs ({load()})")
            [built] = run_phase("build", str(texts), str(out))
            print(f"  {built['sentences']:,} sentences -> {built['triples']:,} triples in {built['seconds']:.1f} s "
                  f"wall; peak memory: the build process {built['peak_mib']:.0f} MiB, each extraction worker "
                  f"up to {built['worker_mib']:.0f} MiB")

        print(f"\nOxigraph store folder, opened read-only ({load()})")
        [from_store] = run_phase("oxigraph", str(store))
        print(f"\nOxigraph, Turtle file loaded in memory ({load()})")
        [from_file] = run_phase("oxigraph", str(ttl))
        baseline: list[dict] = []
        if not args.no_rdflib:
            print(f"\nrdflib, Turtle file parsed then queried ({load()}; up to {args.rdflib_timeout:.0f} s)")
            baseline = run_phase("rdflib", str(ttl), timeout=args.rdflib_timeout)
        report(from_store, from_file, baseline)


def report(store: dict, file: dict, baseline: list[dict]) -> None:
    rd_load = baseline[0]["load"] if baseline else None
    rd = {line["query"]: line for line in baseline[1:]}
    failures: list[str] = []
    print(f"\n{'query':8} {'rows':>7} {'store s':>9} {'file s':>9} {'rdflib load+query s':>20} {'ratio':>8}")
    for name in CONTRACT:
        seconds = store["times"][name]
        line = rd.get(name)
        if line is not None and isinstance(line["rows"], str):
            shown, ratio = "failed", "-"
            failures.append(f"{name}: {line['rows']}")
        elif line is not None and rd_load is not None:
            total = rd_load + line["seconds"]
            shown, ratio = f"{rd_load:.1f}+{line['seconds']:.1f}", f"{total / seconds:,.0f}x"
        else:
            shown, ratio = "not finished" if baseline else "not run", "-"
        print(f"{name:8} {store['rows'][name]:>7} {seconds:>9.3f} {file['times'][name]:>9.3f} {shown:>20} {ratio:>8}")
    print(f"\nopening: store folder {store['load']:.2f} s, Turtle into pyoxigraph {file['load']:.1f} s"
          + (f", Turtle into rdflib {rd_load:.1f} s ({baseline[0]['triples']:,} triples)" if rd_load else ""))
    rdflib_peak = f", rdflib {max(b['peak_mib'] for b in baseline):.0f} MiB" if baseline else ""
    print(f"peak memory: querying the store {store['peak_mib']:.0f} MiB, the file in pyoxigraph "
          f"{file['peak_mib']:.0f} MiB{rdflib_peak}")
    for failure in failures:
        print(f"note: {failure}")
    if rd:
        mismatched = [n for n in rd if isinstance(rd[n]["rows"], int) and rd[n]["rows"] != store["rows"][n]]
        if mismatched:
            print(f"note: row counts differ from rdflib for {', '.join(mismatched)} (engines differ on edge cases)")


if __name__ == "__main__":
    main()
