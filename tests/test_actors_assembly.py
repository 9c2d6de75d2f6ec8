"""Every actor a fact names is one of the document's actors (the mapping relies on it)."""

import pytest

from amity.extract.engine import Extractor
from amity.extract.model import Document


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def referenced(facts):
    return {name for e in facts.events for name in (*e.participants, e.place) if name} | {
        h for g in facts.goals for h in g.holders} | {s for f in facts.figures for s in f.subjects}


@pytest.mark.parametrize("text", [
    # the state is named only by an adjective, in a sentence of its own, and the event takes the
    # document's pair as its party
    "signed 12 agreements \n the Uzbek leader President Shavkat Mirziyoyev",
    "Five documents were signed. The Kazakh and Kyrgyz delegations then left for the airport.",
])
def test_a_state_named_only_by_an_adjective_becomes_an_actor_when_a_fact_names_it(extractor, text):
    facts = extractor.extract(Document("d", text, "t", published="2020-05-01"))
    assert facts.events, "the example must produce an event"
    assert referenced(facts) <= {a.name for a in facts.actors}


def test_adjectives_alone_still_make_no_actor(extractor):
    facts = extractor.extract(Document("d", "The Uzbek cuisine is famous.", "t", published="2020-05-01"))
    assert not facts.events and "Uzbekistan" not in {a.name for a in facts.actors}



def test_a_statistics_office_cited_as_a_source_is_no_actor(extractor):
    text = ("Trade\nTrade between Laos and Vietnam grew, according to the National Statistics Office. "
            "The Ministry of Trade of Laos will open an office in Hanoi.")
    actors = {a.name for a in extractor.extract(Document("d", text, "t", published="2024-05-01")).actors}
    assert "National Statistics Office" not in actors
    assert any(name.startswith("Ministry of Trade") for name in actors)


def test_a_body_named_only_by_its_kind_counts_when_a_fact_names_it(extractor):
    text = ("Trade\nThe Ministry of Commerce said trade between Laos and Vietnam grew. "
            "The Ministry of Foreign Affairs of Laos welcomed the news.")
    actors = {a.name for a in extractor.extract(Document("d", text, "t", published="2024-05-01")).actors}
    assert "Ministry of Commerce" not in actors
    assert "Ministry of Foreign Affairs of Laos" in actors


def test_an_initiative_or_a_route_is_no_actor_and_no_party(extractor):
    text = ("Kazakhstan and Azerbaijan signed an agreement on cargo along the Middle Corridor and the "
            "Belt and Road Initiative.")
    facts = extractor.extract(Document("d", text, "t", published="2024-05-01"))
    actors = {a.name for a in facts.actors}
    assert {"Kazakhstan", "Azerbaijan"} <= actors
    assert not actors & {"Middle Corridor", "Belt and Road Initiative"}
    assert facts.events and all("Middle Corridor" not in e.participants for e in facts.events)
