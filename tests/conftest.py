"""Shared fixtures: small hand-built `DocumentFacts` covering every fact kind.

Two documents state the same visit, figure, goal and threat in different words, so tests can check
that one node gets two pieces of evidence and one query row per document.
"""

from __future__ import annotations

import pytest

from amity.extract.model import (
    Actor,
    Document,
    DocumentFacts,
    Event,
    Evidence,
    Figure,
    Goal,
    Office,
    Relation,
    Threat,
    Topic,
)

KZ_UZ_TEXT = (
    "Kazakhstan and Uzbekistan are strategic partners.\n"
    "President Tokayev paid a state visit to Tashkent in April 2019.\n"
    "Trade turnover reached $3 billion in 2018, about 28.6 percent more.\n"
    "The sides intend to raise trade to $5 billion by 2020 and to fight terrorism and extremism.\n"
)


def _sentence(text: str, doc_id: str, index: int, rule: str) -> Evidence:
    """Evidence for the index-th line of `text` (lines are the sentences here)."""
    start = 0
    for _ in range(index):
        start = text.index("\n", start) + 1
    end = text.index("\n", start)
    return Evidence(doc_id, start, end, text[start:end], rule)


def build_document(doc_id: str = "kz-uz-1", *, wording: int = 1, text: str = KZ_UZ_TEXT) -> DocumentFacts:
    """A document about Kazakhstan and Uzbekistan with one fact of every kind (two of some).

    `wording` changes the surface text of the event, goal, figure and threat, not their content,
    as a second newspaper would.
    """

    def ev(index: int, rule: str) -> tuple[Evidence, ...]:
        return (_sentence(text, doc_id, index, rule),)

    second = wording != 1
    return DocumentFacts(
        document=Document(
            id=doc_id,
            text=text,
            title=f"Kazakhstan and Uzbekistan ({doc_id})",
            published="2019-04-14",
            source_url=f"https://example.org/news/{doc_id}?a=1&b=2",
            genre="news",
            sha256="ab" * 32,
        ),
        sentence_count=4,
        actors=[
            Actor("Kazakhstan", "Country", ("Republic of Kazakhstan",), "KZ", "Q232", ev(0, "actor.gazetteer")),
            Actor("Uzbekistan", "Country", ("Tashkent",) if not second else (), "UZ", "Q265"),
            Actor("Kassym-Jomart Tokayev", "Person", ("Tokayev", "President Tokayev"), evidence=ev(1, "actor.person")),
            Actor("Tashkent", "City"),
            Actor("Shanghai Cooperation Organisation", "Organization"),
        ],
        offices=[
            Office("Kassym-Jomart Tokayev", "President of Kazakhstan", "Kazakhstan", "2019-03", None, ev(1, "office"))
        ],
        events=[
            Event(
                "Visit",
                "state visit of Tokayev to Tashkent" if not second else "Tokayev's trip to Uzbekistan",
                "2019-04",
                "Tashkent",
                ("Kassym-Jomart Tokayev", "Uzbekistan"),
                ev(1, "event.visit"),
            ),
            Event("Other", "talks on water", None, None, ("Kazakhstan", "Uzbekistan"), ev(3, "event.other")),
        ],
        goals=[
            Goal(
                "raise trade to $5 billion by 2020" if not second else "bring turnover to 5 bn dollars",
                "trade turnover",
                5e9,
                "USD",
                "2020",
                ("Kazakhstan", "Uzbekistan"),
                ev(3, "goal.target"),
            ),
            Goal("fight terrorism together", holders=("Kazakhstan", "Uzbekistan"), evidence=ev(3, "goal.intent")),
        ],
        figures=[
            Figure(
                "reached $3 billion" if not second else "3 bn dollars",
                "trade turnover",
                3e9,
                "USD",
                False,
                "2018",
                ("Kazakhstan", "Uzbekistan"),
                ev(2, "figure.money"),
            ),
            Figure(
                "about 28.6 percent", "trade growth", 28.6, "percent", True, "2018", ("Kazakhstan",), ev(2, "fig.pct")
            ),
        ],
        topics=[Topic("trade", ev(2, "topic.trade")), Topic("security", ev(3, "topic.security"))],
        threats=[Threat("terrorism", ("terrorism", "extremism") if not second else ("terror",), ev(3, "threat"))],
        relations=[Relation("strategic partnership", ("Kazakhstan", "Uzbekistan"), ev(0, "relation"))],
    )


@pytest.fixture
def two_documents() -> list[DocumentFacts]:
    """Two documents stating the same facts in different words."""
    return [build_document("kz-uz-1"), build_document("kz-uz-2", wording=2)]


@pytest.fixture
def make_document():
    """The document factory, for tests that need their own variants."""
    return build_document
