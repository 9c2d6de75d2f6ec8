"""Event labels that say what happened, who took part and where.

A rule matches the words that show an event took place ("agreed to", "held talks", "the sides
discussed"), and those words alone make a poor name in a table, a timeline or the network view:
a document can hold five events called "Agreed to". The label is therefore written from the
event itself — its type, the people or states taking part, its place — and keeps the matched
words only where they add something the rest does not say: a number, a name, what was signed
("Agreement of Kazakhstan and Turkey: signed 15 agreements"). Named happenings (a summit, a
forum, a cultural year, an exhibition) keep their own name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_WORD = re.compile(r"[\w\-’']+")
_LEADING = re.compile(r"^(?:(?:in|during|at|to|after|before|following|together\s+with|that|which|the|a|an|also|"
                      r"both|his|her|their|its|my|our|next)\s+)+", re.IGNORECASE)
_PHONE = re.compile(r"\b(?:phone|telephone)\b", re.IGNORECASE)
_VISIT_KIND = re.compile(r"\b(state|official|working|first|unofficial|private|return|friendly)(?:\s+\S+)?\s+"
                         r"(?:visit|trip)\b", re.IGNORECASE)
GENERIC_WORDS = frozenset("""
a an the also both two sides side parties party ministers minister leaders leader presidents president heads head
delegations delegation has have had was were is are be been will would to on upon with in during at of and their his
her its my our we they he she it this that these today yesterday later then further again after before next
following which
agreed agree agrees agreement signed sign signs signing held hold holds discussed discuss discusses discussion
discussions met meet meets meeting meetings talks talk visited visit visits visiting trip reviewed review reviews
exchanged exchange views opinions bilateral formal official working state first phone call telephone conversation
congratulated congratulate congratulates congratulation congratulations greetings greeting warm conveyed sent cable
message summit forum conference exhibition opened year session received welcomed negotiations
prime foreign chancellor premier king emir sultan secretary general mr mrs ms dr excellency majesty counterpart
counterparts colleague colleagues
""".split())
"""Words that say only that an event happened, which the label's type already says."""

_NAMED_TYPES = frozenset({"Summit", "Forum", "CulturalYear", "Exhibition", "Interview", "Other"})
_NOUN = {"Visit": "visit", "Talks": "Talks", "Meeting": "Meeting", "Agreement": "Agreement",
         "Congratulation": "Congratulations", "Summit": "Summit", "Forum": "Forum", "Interview": "Interview",
         "CulturalYear": "Cultural year", "Exhibition": "Exhibition", "Other": "Event"}
MAX_NAMES = 3


def describe_event(type_: str, matched: str, participants: Sequence[str], place: str | None,
                   type_of: Callable[[str], str | None], states_of: Callable[[str], set[str]],
                   host: str | None = None, sentence: str = "") -> str:
    """The label of one event. `type_of(name)` gives an actor's type (Person, Country, ...),
    `states_of(person)` the states a person holds office for, and `host` the state the place
    lies in, which together tell a visitor from the host."""
    detail = _strip_leading(matched)
    named = [*participants, *([place] if place else [])]
    if type_ in _NAMED_TYPES:  # "Year of Tajikistan in Uzbekistan": the names are its name
        if _informative(detail, ()):
            label = detail if not place or place in detail else f"{detail} in {place}"
            return _capital(label)
        if place:
            return f"{_NOUN.get(type_, type_)} in {place}"
    if type_ == "Visit":
        return _visit(matched, participants, place, host or place, type_of, states_of, sentence)
    who = _who(type_, participants, place, type_of)
    noun = "Phone call" if type_ == "Talks" and _PHONE.search(matched + " " + sentence) else _NOUN.get(type_, type_)
    connector = " between " if type_ == "Agreement" and len(who) > 1 else " of "
    head = noun + (connector + _join(who) if who else "")
    if place and type_ != "Agreement" and place not in who:
        head += f" in {place}"
    if _informative(detail, named):
        head += ": " + _as_written(detail, sentence)
    return head


def _visit(matched: str, participants: Sequence[str], place: str | None, host: str | None,
           type_of: Callable[[str], str | None], states_of: Callable[[str], set[str]], sentence: str = "") -> str:
    """"State visit of <visitor> to <place>": the visitor is a person taking part who holds no
    office of the host state, the one the matched words name first; else the first state that
    is not the host; else whoever takes part."""
    kind = _VISIT_KIND.search(matched)
    noun = f"{kind.group(1).lower()} visit" if kind else "visit"
    persons = [p for p in participants if type_of(p) == "Person"]
    visitors = [p for p in persons if not host or host not in states_of(p)]
    visitors.sort(key=lambda p: (not _named_in(p, matched), not _visit_of(p, matched, sentence)))
    if not visitors:  # only the hosts are named ("at the invitation of President Lula"): the guest state
        visitors = [p for p in participants if p not in (place, host) and type_of(p) == "Country"][:1]
    if not visitors and not (host and all(host in states_of(p) for p in persons)):
        visitors = persons[:1]  # but a host is never named the visitor ("Vieira invited his counterpart to visit")
    label = noun + (f" of {_join(visitors[:1])}" if visitors else "")
    if place:
        label += f" to {place}"
    return _capital(label)


def _who(type_: str, participants: Sequence[str], place: str | None,
         type_of: Callable[[str], str | None]) -> list[str]:
    """Whom to name: the people taking part, or for an agreement the states that are party to
    it; else whoever there is. The place is named apart."""
    persons = [p for p in participants if type_of(p) == "Person"]
    states = [p for p in participants if type_of(p) == "Country" and p != place]
    others = [p for p in participants if p not in persons and p not in states and p != place]
    order = {"Agreement": (states, persons, others), "Summit": (others, states, persons),
             "Forum": (others, states, persons)}.get(type_, (persons, states, others))
    return next((group for group in order if group), [])


def _visit_of(person: str, matched: str, sentence: str) -> bool:
    """Whether the sentence makes the matched visit the person's ("Lula da Silva's visit to Luanda")."""
    head = matched.split(" ", 1)[0]
    if not head or ("'s " not in sentence and "’s " not in sentence):
        return False
    for part in person.split():
        if len(part) <= 2:
            continue
        for mark in (f"{part}'s ", f"{part}’s "):  # plain string search: no pattern to compile per call
            at = sentence.find(mark)
            if at >= 0 and head in sentence[at + len(mark):].split(" ", 3)[:3]:
                return True
    return False


def _named_in(person: str, words: str) -> bool:
    """Whether the matched words name the person (by any word of the name: "President Rahmon")."""
    return any(len(part) > 2 and re.search(rf"\b{re.escape(part)}\b", words) for part in person.split())


def _join(names: Sequence[str]) -> str:
    if len(names) > MAX_NAMES:
        return ", ".join(names[:MAX_NAMES]) + " and others"
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _informative(words: str, named: Sequence[str]) -> bool:
    """Whether matched words say more than that an event took place between the named."""
    known = {w.lower() for name in named for w in _WORD.findall(name)}
    return any(w.lower() not in GENERIC_WORDS and w.lower() not in known for w in _WORD.findall(words))


def _strip_leading(words: str) -> str:
    return _LEADING.sub("", " ".join(words.split()))


def _as_written(words: str, sentence: str) -> str:
    """The words with their first letter as the sentence writes it (the matched words arrive
    capitalised; "signed 15 agreements" reads better after a colon, a name keeps its capital)."""
    first = words.split(" ", 1)[0]
    lowered = first[:1].lower() + first[1:]
    if lowered != first and re.search(rf"(?<![\w\-]){re.escape(lowered)}(?![\w\-])", sentence):
        return lowered + words[len(first):]
    return words


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
