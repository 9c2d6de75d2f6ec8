"""Extraction speed on real texts, with the time of each stage: where one core's time goes.

    python benchmarks/extract_real.py [PATH ...] [--passes 3]

The generated corpus of extract_speed.py repeats a few templates; real news is slower (longer
sentences, more names and numbers), so speed work is measured on both. With no PATH the texts
are the shared corpora when present (../shared/corpus/seed and dev), the test corpora
(tests/corpus/eval, eval2) and the embedded sample. Prints sentences per second of CPU time
(the best of --passes passes, so that a busy machine distorts it less) and the CPU time spent
in each stage, from the same passes; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from amity.extract import engine
from amity.extract.engine import Extractor
from amity.pipeline import read_inputs

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT.parent / "shared" / "corpus" / "seed", ROOT.parent / "shared" / "corpus" / "dev",
           ROOT / "tests" / "corpus" / "eval", ROOT / "tests" / "corpus" / "eval2", ROOT / "amity" / "sample"]


def _timed(spent: Counter[str], label: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """func, adding its CPU time to spent[label] (a stage's time includes what it calls)."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - start
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="files and folders of texts (default: the corpora above)")
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    paths = args.paths or [p for p in DEFAULT if p.exists()]
    docs = list(read_inputs(paths, None, []))
    extractor = Extractor()

    spent: Counter[str] = Counter()
    # the stages, as the engine calls them (module functions are looked up in engine's namespace)
    for name in ("find_timexes", "find_quantities", "discover_orgs", "split_sentences"):
        setattr(engine, name, _timed(spent, name, getattr(engine, name)))
    match_rules = engine.match_rules
    engine.match_rules = _timed(spent, "match_rules", lambda *a: list(match_rules(*a)))
    # methods are wrapped on their classes (ActorMatcher has slots): fine for a benchmark process
    for owner, name, label in ((type(extractor.actor_matcher), "find", "gazetteer actors"),
                               (type(extractor.prefilter), "plain", "prefilter"),
                               (type(extractor.assembler), "assemble", "assemble")):
        setattr(owner, name, _timed(spent, label, getattr(owner, name)))

    best: Counter[str] | None = None
    best_total = float("inf")
    sentences = 0
    for _ in range(args.passes):
        spent.clear()
        start = time.process_time()
        facts = [extractor.extract(d) for d in docs]
        total = time.process_time() - start
        sentences = sum(f.sentence_count for f in facts)
        if total < best_total:
            best_total, best = total, Counter(spent)
    assert best is not None
    print(f"{len(docs)} documents, {sentences:,} sentences: {sentences / best_total:,.0f} sentences/s CPU "
          f"(best of {args.passes} passes, {best_total * 1000:.0f} ms)")
    for label, seconds in best.most_common():
        print(f"  {label:18s} {seconds * 1000:7.1f} ms  {100 * seconds / best_total:5.1f}%")


if __name__ == "__main__":
    main()
