"""Extraction speed: sentences per second on one core, and the end-to-end build rate.

    python benchmarks/extract_speed.py [--sentences 100000] [--build-sentences 20000]

Prints figures; asserts nothing. CPU time (time.process_time) is reported next to wall time so a
busy machine does not distort the comparison. The baseline in the same run is the sentence
splitter alone: the ratio says how much the whole extractor costs over merely reading the text.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_generator import generate  # noqa: E402

from amity.extract.engine import Extractor  # noqa: E402
from amity.extract.sentences import split_sentences  # noqa: E402


def _timed(func):
    wall, cpu = time.perf_counter(), time.process_time()
    result = func()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=100_000)
    parser.add_argument("--build-sentences", type=int, default=20_000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says

    docs, _, gen_cpu = _timed(lambda: list(generate(args.sentences)))
    extractor, _, init_cpu = _timed(Extractor)
    print(f"generated {len(docs)} documents in {gen_cpu:.1f} s CPU; extractor loaded in {init_cpu:.2f} s CPU")

    split_count, _, split_cpu = _timed(lambda: sum(len(split_sentences(d.text)) for d in docs))
    facts, wall, cpu = _timed(lambda: [extractor.extract(d) for d in docs])
    sentences = sum(f.sentence_count for f in facts)
    kinds: dict[str, int] = {}
    for f in facts:
        for k, n in f.fact_counts().items():
            kinds[k] = kinds.get(k, 0) + n
    print(f"baseline, sentence splitting only: {split_count / split_cpu:,.0f} sentences/s CPU")
    print(f"extraction: {sentences:,} sentences in {cpu:.1f} s CPU ({wall:.1f} s wall): "
          f"{sentences / cpu:,.0f} sentences/s CPU, {sentences / wall:,.0f} wall; "
          f"{(split_count / split_cpu) / (sentences / cpu):.1f}x the cost of splitting alone")
    print("facts: " + ", ".join(f"{n:,} {k}" for k, n in sorted(kinds.items())))

    from amity.graph.build import GraphBuilder

    subset, total = [], 0
    for f in facts:
        if total >= args.build_sentences:
            break
        subset.append(f.document)
        total += f.sentence_count
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "graph.ttl"

        def build() -> int:
            builder = GraphBuilder()
            builder.add_all(extractor.extract(d) for d in subset)
            builder.write(out)
            return builder.stats().triples

        triples, wall, cpu = _timed(build)
        print(f"end-to-end build (extract + map + write Turtle): {total:,} sentences, {triples:,} triples, "
              f"{out.stat().st_size / 1e6:.1f} MB in {cpu:.1f} s CPU ({wall:.1f} s wall): "
              f"{total / cpu:,.0f} sentences/s CPU")


if __name__ == "__main__":
    main()
