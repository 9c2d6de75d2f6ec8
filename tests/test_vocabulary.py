"""ontology/vocabulary.py is derived from amity.ttl, and the code uses only declared terms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph

from amity.ontology import generate_vocabulary, ontology_turtle
from amity.ontology.vocabulary import AMITY, TOPIC

ROOT = Path(__file__).resolve().parents[1]


def ontology_terms() -> set[str]:
    return set(generate_vocabulary.ontology_terms(Graph().parse(data=ontology_turtle(), format="turtle")))


def python_terms(namespace) -> set[str]:
    return {name for name in namespace.__annotations__ if not name.startswith("_")}


def test_vocabulary_file_is_what_the_generator_writes():
    current = (ROOT / "ontology" / "vocabulary.py").read_text(encoding="utf-8")
    assert current == generate_vocabulary.generate(), "stale: run python -m amity.ontology.generate_vocabulary"


def test_python_vocabulary_declares_exactly_the_ontology_terms():
    assert python_terms(AMITY) == ontology_terms()


def test_topic_vocabulary_is_the_scheme():
    from amity.extract.model import TOPICS

    assert python_terms(TOPIC) == set(TOPICS)


def test_a_typo_fails_at_once():
    with pytest.raises(AttributeError):
        AMITY.Vistit  # noqa: B018
    assert str(AMITY.Visit) == "https://w3id.org/amity/ontology#Visit"


def test_check_mode_reports_fresh_file():
    assert generate_vocabulary.main(["--check"]) == 0


def _sources() -> list[Path]:
    files = []
    for folder in ("graph", "queries", "amity", "ontology"):
        files += [p for p in (ROOT / folder).rglob("*.py") if p.name != "vocabulary.py"]
    return files


def test_every_amity_term_used_in_code_is_declared():
    declared = ontology_terms()
    used: dict[str, set[str]] = {}
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        for name in re.findall(r"\bAMITY\.([A-Za-z_]\w*)", text):
            used.setdefault(name, set()).add(path.name)
        for name in re.findall(r"\bAMITY\[\"(\w+)\"\]", text):
            used.setdefault(name, set()).add(path.name)
    assert used, "the scan found no AMITY terms at all"
    unknown = {name: files for name, files in used.items() if name not in declared and not name.startswith("_")}
    assert not unknown, f"terms used but not declared in amity.ttl: {unknown}"


def test_every_amity_term_in_queries_and_shapes_is_declared():
    declared = ontology_terms()
    files = sorted((ROOT / "queries").glob("*.rq")) + [ROOT / "ontology" / "shapes.ttl"]
    used: dict[str, set[str]] = {}
    for path in files:
        text = re.sub(r"(?m)^\s*#.*$", "", path.read_text(encoding="utf-8"))  # comments may say anything
        for name in re.findall(r"\bamity:([A-Za-z_]\w*)", text):
            used.setdefault(name, set()).add(path.name)
        for name in re.findall(r"<https://w3id\.org/amity/ontology#(\w+)>", text):
            used.setdefault(name, set()).add(path.name)
    assert len(used) > 20
    unknown = {name: files for name, files in used.items() if name not in declared}
    assert not unknown, f"terms used but not declared in amity.ttl: {unknown}"
