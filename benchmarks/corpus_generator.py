"""A generated corpus of bilateral-relations news for benchmarks: realistic sentences, no real texts.

Sentences are drawn from templates that mix what amity reads (visits, agreements, targets,
figures, threats, areas of cooperation) with the filler every news item has, over the states,
capitals and office holders of the packaged gazetteer, so that every stage of extraction works
as it does on real text. The output is deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from amity.extract.gazetteer import Gazetteer
from amity.extract.model import Document

TEMPLATES = [
    "President {p1} of {s1} paid a state visit to {c2} on {day} {month} {year}.",
    "During the talks, {s1} and {s2} agreed to increase trade turnover to ${n} billion by {future}.",
    "Last year, bilateral trade between {s1} and {s2} grew by {pct} percent to {m} billion dollars.",
    "The two sides signed {k} agreements on {topic1}, {topic2} and {topic3}.",
    "{A1} companies invested about ${m} million in {s2} over the past year.",
    "The leaders condemned terrorism, extremism and drug trafficking and agreed to deepen security cooperation.",
    "More than {k0} events were held as part of the Year of {s1} in {s2}.",
    "The ministers discussed cooperation in {topic1} and {topic2} and praised the strategic partnership.",
    "{p1} congratulated {p2} on the national holiday.",
    "The weather in {c1} was mild, and the delegation toured the old town before dinner.",
    "Analysts say the new railway could change the logistics of the whole region.",
    "The business forum in {c1} gathered some {k0} companies from both countries.",
    "Our priority remains the modernization of checkpoints on the common border.",
    "The next session of the intergovernmental commission will be held in {c2} in {month} {future}.",
    "Exports from {s1} to {s2} doubled in the first quarter of {year}.",
    "Prime Minister {p2} said that {s2} is ready to import more agricultural products from {s1}.",
    "Local newspapers devoted several pages to the history of the old quarter.",
    "It was the first meeting of the two foreign ministers since {year}.",
]
TOPICS = ["energy", "transport", "education", "health", "agriculture", "tourism", "water", "culture", "investment",
          "digital technologies", "banking", "science", "sports", "media"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _states(gazetteer: Gazetteer) -> list[tuple[str, str, str, list[str]]]:
    """(name, adjective, capital, office holders) for states the gazetteer knows well."""
    holders: dict[str, set[str]] = {}
    for office in gazetteer.offices:
        if office.state:
            holders.setdefault(office.state, set()).add(office.person)
    out = []
    for e in gazetteer.entries:
        if e.type == "Country" and e.adjectives and e.capitals and e.name in holders:
            out.append((e.name, e.adjectives[0], e.capitals[0], sorted(holders[e.name])))
    return sorted(out)


def generate(sentences: int, *, seed: int = 7, per_document: int = 25) -> Iterator[Document]:
    """Documents of `per_document` sentences each until `sentences` sentences are produced."""
    rng = random.Random(seed)
    states = _states(Gazetteer.load())
    made = 0
    doc_no = 0
    while made < sentences:
        (s1, a1, c1, h1), (s2, _a2, c2, h2) = rng.sample(states, 2)
        year = rng.randint(2015, 2025)
        lines = [f"{s1} and {s2} deepen cooperation"]
        for _ in range(min(per_document, sentences - made)):
            t1, t2, t3 = rng.sample(TOPICS, 3)
            lines.append(rng.choice(TEMPLATES).format(
                p1=rng.choice(h1), p2=rng.choice(h2), s1=s1, s2=s2, c1=c1, c2=c2, A1=a1,
                day=rng.randint(1, 28), month=rng.choice(MONTHS), year=year, future=year + rng.randint(2, 8),
                n=rng.randint(2, 20), pct=round(rng.uniform(2, 60), 1), m=rng.randint(100, 900),
                k=rng.randint(3, 30), k0=rng.randint(20, 400), topic1=t1, topic2=t2, topic3=t3))
            made += 1
        text = "\n".join(lines) + "\n"
        doc_no += 1
        yield Document(id=f"gen-{doc_no:06d}", text=text, title=lines[0], published=f"{year}-06-15")
