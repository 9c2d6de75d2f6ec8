"""People: names discovered from titles, joined into one actor per person within a document.

News names a person in many ways — "President of Uzbekistan Shavkat Mirziyoyev", "Mirziyoyev",
"Shavkat Miromonovich", "the Uzbek leader". The title rules (rules/persons.yaml) discover names
and roles; this module turns a raw name into a canonical one, links it to the gazetteer where it
can, and produces the surface forms to look for in the rest of the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .rules import HONORIFICS_RE

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

HONORIFICS = re.compile(rf"^(?:{HONORIFICS_RE}\.?\s+)+")
PATRONYMIC = re.compile(r"^[A-Z][a-z]+(?:ovich|evich|ovna|evna|ich|uly|ulu|ogly|oglu|qizi|kyzy|qyzy)$")
_INITIAL = re.compile(r"^([A-Z][a-z]{0,2})\.\s*")
_INITIAL_REST = re.compile(r"^([A-Z][a-z]{0,2})\.\s*(\S.*)$")
_WS = re.compile(r"\s+")
_POSSESSIVE_END = re.compile(r"['’]s$")
NOT_NAMES = frozenset(
    """The A An And Of In On At To For With By From As But Or Nor This That These Those It He She We They His
    Her Their Our Its President Minister Prime Foreign Ambassador Chairman Head State Government Deputy Vice
    Secretary General Speaker King Queen Prince Crown Emir Sultan Chancellor Premier Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday January February March April May June July August September October
    November December Republic Kingdom Federation Council Ministry Parliament Senate Assembly Affairs Said
    Says Told Noted Added Stressed During After Before Following According Also Both Two Three Mr Mrs Ms
    Alongside Meanwhile However Moreover Furthermore Besides Therefore Thus Then Now Today Yesterday Earlier
    Later Additionally Indeed Still Yet Instead Currently Previously Recently Traditionally Overall First
    Second Finally Accordingly Nevertheless Nonetheless Similarly Likewise Elsewhere Here There Further
    Extraordinary Plenipotentiary Sends Send Sent Receives Received Meets Met Holds Held Visits Visited Says
    Calls Called Hails Urges Signs Signed Discusses Discussed Welcomes Congratulates Attends Opens Opened
    Congress Committee Commission Cabinet Office Court Duma Majlis Forces Staff Army Navy Bank Union Agency
    Service Party Cable Message Letter Greetings Congratulations Major Lieutenant Colonel Admiral Marshal
    Industry Trade Economy Economic Energy Finance Agriculture Culture Education Health Transport Investment
    Investments Development Defence Defense Justice Tourism Labour Labor Interior Commerce Communications
    Digital Environment Ecology Emergencies Sports Youth Science Construction Mining Infrastructure
    Innovation Innovations International Worship Regional National Confederation""".split()
)
"""Capitalised words that end or invalidate a discovered name ("Minister D.Tsogtbaatar said")."""


@dataclass(slots=True)
class Person:
    """A person as known in one document."""

    name: str
    forms: set[str] = field(default_factory=set)
    wikidata: str | None = None


def clean_name(raw: str) -> str | None:
    """A discovered name in canonical form, or None when it is not a plausible name."""
    name = _WS.sub(" ", raw).strip(" ,.;:")
    name = _POSSESSIVE_END.sub("", name)
    stripped = HONORIFICS.sub("", name + " ").rstrip()  # the space lets a style that ends the name go too
    if not stripped.strip(" .,"):
        return None  # "Dato' Seri" before a name already known: a style, no one of its own
    if " " in stripped.strip():  # "Sheikh Hasina" is a name, "Sheikh Tamim bin Hamad" a title and a name
        name = stripped
    tokens = name.split(" ")
    while tokens and tokens[-1] in NOT_NAMES:
        tokens.pop()
    while tokens and tokens[0] in NOT_NAMES:
        tokens.pop(0)
    if not tokens:
        return None
    name = " ".join(tokens)
    if name.isupper() and len(name) > 3:
        name = " ".join(t.capitalize() if not _INITIAL.match(t + " ") else t for t in tokens)
    if len(name) < 3 or not any(c.islower() for c in name):
        return None
    tokens = name.split(" ")
    if len(tokens) == 3 and PATRONYMIC.match(tokens[1]):
        name = f"{tokens[0]} {tokens[2]}"  # "Nursultan Abishevich Nazarbayev" -> "Nursultan Nazarbayev"
    return name


def _surname(name: str) -> str | None:
    """The last name, if the name has one: a monarch's "Abdullah II of Jordan" has none."""
    tokens = [t for t in _WS.split(name) if t]
    if "of" in tokens:
        return None
    if len(tokens) < 2:
        return None
    last = _INITIAL.sub("", tokens[-1])
    if len(last) >= 4 and last[0].isupper():
        return last
    return None


def name_forms(name: str) -> set[str]:
    """Surface forms that refer to the person: full name, surname, and initial variants."""
    forms = {name}
    surname = _surname(name)
    if surname:
        forms.add(surname)
    m = _INITIAL_REST.match(name)
    if m:  # "D. Tsogtbaatar" also written "D.Tsogtbaatar"
        forms.add(f"{m.group(1)}.{m.group(2)}")
        forms.add(f"{m.group(1)}. {m.group(2)}")
        if len(m.group(2)) >= 4:
            forms.add(m.group(2))
    tokens = name.split()
    if len(tokens) >= 3 and tokens[1].lower() in _LINEAGE:  # "Prince Faisal" for Faisal bin Farhan Al Saud
        forms |= {f"{title} {tokens[0]}" for title in _STYLED_BY_FIRST_NAME}
    return forms


_LINEAGE = frozenset({"bin", "bint", "ibn", "bn"})
"""Arabic names of the form "<name> bin <father's name>": such a person is called by the first
name with a style ("Prince Faisal", "Sheikh Mohammed"), not by a surname."""
_STYLED_BY_FIRST_NAME = ("Prince", "Princess", "Sheikh", "Sheikha", "Emir", "Crown Prince")


def same_person(discovered: str, known: str, known_aliases: Iterable[str] = ()) -> bool:
    """Whether a discovered name plausibly names a known person.

    Equal names or aliases; the same surname with a compatible first name or initial ("D.
    Tsogtbaatar" ~ "Damdin Tsogtbaatar"); or one token of the known name alone ("President Samia").
    """
    d = discovered.replace(".", ". ").split()
    k = known.split()
    if discovered == known or discovered in set(known_aliases):
        return True
    if not d or not k:
        return False
    d_last, k_last = _INITIAL.sub("", d[-1]).lower(), k[-1].lower()
    if len(d) == 1:
        return d[0].lower() in {t.lower() for t in k} and len(d[0]) >= 4
    if d_last == k_last:
        if 1 < len(d) < len(k) and [t.lower() for t in k[-len(d):]] == [t.lower() for t in d]:
            return True  # "López Obrador" is the family names of "Andrés Manuel López Obrador"
        first = d[0].rstrip(".").lower()
        return k[0].lower().startswith(first) or first.startswith(k[0].lower())
    # "Shavkat Miromonovich" = first name + patronymic of "Shavkat Miromonovich Mirziyoyev"
    return d[0].lower() == k[0].lower() and len(d) == 2 and bool(PATRONYMIC.match(d[1]))


class PersonIndex:
    """Gazetteer persons by the lower-cased tokens of their names and aliases, so that linking a
    discovered name looks at a handful of candidates instead of every person."""

    def __init__(self, entries: Iterable[Any]) -> None:
        self.by_token: dict[str, list[Any]] = {}
        for e in entries:
            if e.type != "Person":
                continue
            tokens = {t.lower().strip(".") for form in (e.name, *e.aliases) for t in form.split()}
            for token in tokens:
                if len(token) >= 3:
                    self.by_token.setdefault(token, []).append(e)

    def candidates(self, name: str) -> list[Any]:
        seen: dict[str, Any] = {}
        for token in name.replace(".", ". ").split():
            for e in self.by_token.get(token.lower().strip("."), ()):
                seen.setdefault(e.name, e)
        return list(seen.values())


def link_to_gazetteer(name: str, gazetteer: Gazetteer, index: PersonIndex, state: str | None,
                      on: str | None = None) -> Any | None:
    """The gazetteer person a discovered name stands for, if exactly one fits (or one holds an
    office of the state the title names, or only one was in office on the document's date:
    "President Aliyev" in 2024 is Ilham, not Heydar)."""
    entry = gazetteer.get(name, "Person")
    if entry is not None:
        return entry
    candidates = [e for e in index.candidates(name) if same_person(name, e.name, e.aliases)]
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    if state:
        for e in candidates:
            if any(o.state == state for o in gazetteer.offices_of(e.name)):
                return e
    if on:
        serving = [e for e in candidates if gazetteer.in_office_on(e.name, on)]
        if len(serving) == 1:
            return serving[0]
    return None


PATRONYMIC_AFTER_NAME = re.compile(
    r"\b(?P<first>[A-Z][a-z]{2,})\s+(?P<patronymic>[A-Z][a-z]+(?:ovich|evich|ovna|evna|uly|ulu|ogly|oglu|qizi|kyzy))\b")
"""First name + patronymic ("Shavkat Miromonovich"); kept when the first name is a person's of the
document."""


def find_words(text: str, phrase: str) -> list[int]:
    """Start offsets of `phrase` in text as a whole word (plain string search: cheaper per document
    than compiling a pattern of the document's names)."""
    found = []
    n = len(phrase)
    pos = text.find(phrase)
    while pos >= 0:
        before = text[pos - 1] if pos else " "
        after = text[pos + n] if pos + n < len(text) else " "
        if not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_"):
            found.append(pos)
        pos = text.find(phrase, pos + 1)
    return found
