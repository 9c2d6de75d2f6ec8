"""Extraction quality against gold annotations, scored by ../shared/tools/score_facts.py when present.

The shared corpus (seed, dev) and the project's own evaluation sets (tests/corpus/eval … eval7,
written independently of the rules) guard against regressions: each floor is below the score
reached when it was last raised (seed 0.980, dev 0.968, eval 0.872, eval2 0.873, eval3 0.841,
eval4 0.850, eval5 0.845, eval6 0.835, eval7 0.79 macro-F1) and well above what a broken extractor gets."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from extract_fixtures import extractor

from amity.extract.documents import read_document

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "tools" / "score_facts.py"
HEADERS = {
    "actors": ["actor", "type", "aliases", "doc"], "events": ["event", "type", "date", "place", "participants", "doc"],
    "goals": ["goal", "metric", "target", "unit", "deadline", "holders", "doc"],
    "figures": ["figure", "metric", "value", "unit", "approx", "date", "subjects", "doc"],
    "topics": ["topic", "doc"], "threats": ["threat", "doc"],
}


def _num(v):
    return "" if v is None else (str(int(v)) if float(v).is_integer() else str(v))


def write_tables(gold_dir: Path, out: Path) -> None:
    """The contract tables straight from the extractor (the RDF round trip is tested elsewhere)."""
    rows = {k: [] for k in HEADERS}
    for path in sorted(gold_dir.glob("*.txt")):
        f = extractor().extract(read_document(path))
        d = f.document.id
        rows["actors"] += [[a.name, a.type, "|".join(a.aliases), d] for a in f.actors]
        rows["events"] += [[e.label, e.type, e.date or "", e.place or "", "|".join(e.participants), d]
                           for e in f.events]
        rows["goals"] += [[g.text, g.metric or "", _num(g.target), g.unit or "", g.deadline or "",
                           "|".join(g.holders), d] for g in f.goals]
        rows["figures"] += [[g.text, g.metric or "", _num(g.value), g.unit, str(g.approx).lower(), g.date or "",
                             "|".join(g.subjects), d] for g in f.figures]
        rows["topics"] += [[t.topic, d] for t in f.topics]
        rows["threats"] += [[(t.surface or (t.name,))[0], d] for t in f.threats]
    for kind, table in rows.items():
        with (out / f"{kind}.csv").open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(HEADERS[kind])
            writer.writerows(table)


def macro_f1(gold_dir: Path, tmp_path: Path) -> float:
    pytest.importorskip("yaml")
    write_tables(gold_dir, tmp_path)
    out = subprocess.run([sys.executable, str(SCORER), str(gold_dir), "--tables", str(tmp_path)],
                         capture_output=True, text=True, check=True).stdout
    return float(out.strip().splitlines()[-1].split()[-1])


OWN = Path(__file__).resolve().parent / "corpus"


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/tools/score_facts.py is not present on this machine")
@pytest.mark.parametrize(("folder", "floor"), [
    (SHARED / "corpus" / "seed", 0.93), (SHARED / "corpus" / "dev", 0.92),
    (OWN / "eval", 0.83), (OWN / "eval2", 0.83), (OWN / "eval3", 0.80), (OWN / "eval4", 0.80),
    (OWN / "eval5", 0.80), (OWN / "eval6", 0.78), (OWN / "eval7", 0.76),
])
def test_macro_f1_floor(folder, floor, tmp_path):
    if not folder.exists():
        pytest.skip(f"{folder} is not present on this machine")
    assert macro_f1(folder, tmp_path) >= floor
